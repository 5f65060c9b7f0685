// Row mappings for many-to-one relations: for each row of the `from` dataset, its row in the `to` dataset.

import TallyData
import TallyDiagnostics
import TallySemantics

/// Row mappings kept between queries. The owner clears it whenever a dataset's rows change (columns
/// read later do not change rows, so they keep it valid).
public final class RowMappings: @unchecked Sendable {
    fileprivate var rows: [Relation: [Int32]] = [:]
    public init() {}
    public func removeAll() { rows.removeAll() }
}

/// Builds each relation's row mapping once (per query, or once for all queries with `RowMappings`)
/// and reuses it for every column it gathers.
final class RelationCache {
    private let data: DataSource
    private let shared: RowMappings
    private var mappings: [Relation: (Dataset, [Int32])] = [:]

    init(data: DataSource, shared: RowMappings?) {
        self.data = data
        self.shared = shared ?? RowMappings()
    }

    /// The target dataset and, per row of `source`, the matching target row (-1 when none matches).
    func mapping(for relation: Relation, from source: Dataset) throws(Diagnostic) -> (Dataset, [Int32]) {
        if let cached = mappings[relation] { return cached }
        let target = try data.dataset(named: relation.toDataset)
        if let rows = shared.rows[relation], rows.count == source.rowCount {
            mappings[relation] = (target, rows)
            return (target, rows)
        }
        guard let key = target.column(named: relation.toColumn), let foreign = source.column(named: relation.fromColumn) else {
            throw Diagnostic("relation \(relation.fromDataset).\(relation.fromColumn) → \(relation.toDataset).\(relation.toColumn) names a missing column")
        }
        let rows = try Self.match(foreign.storage, key.storage, relation: relation)
        mappings[relation] = (target, rows)
        shared.rows[relation] = rows
        return (target, rows)
    }

    private static func match(_ foreign: ColumnStorage, _ key: ColumnStorage, relation: Relation) throws(Diagnostic) -> [Int32] {
        switch (foreign, key) {
        case (.integer(let fk), .integer(let pk)):
            if let rows = try denseMatch(fk, pk, relation: relation) { return rows }
            var index: [Int64: Int32] = [:]
            index.reserveCapacity(pk.count)
            for (row, k) in pk.enumerated() where k != NullSentinel.int64 {
                if index.updateValue(Int32(row), forKey: k) != nil { throw duplicate(relation, "\(k)") }
            }
            return fk.map { $0 == NullSentinel.int64 ? -1 : index[$0] ?? -1 }
        default:
            // Any other pairing matches on the keys' text, so "17" finds 17; text is compared by
            // its bytes, as in a database, not by Swift's canonical equivalence.
            let keys = texts(key)
            var index: [[UInt8]: Int32] = [:]
            for (row, k) in keys.enumerated() {
                guard let k else { continue }
                if index.updateValue(Int32(row), forKey: Array(k.utf8)) != nil { throw duplicate(relation, k) }
            }
            return texts(foreign).map { $0.flatMap { index[Array($0.utf8)] } ?? -1 }
        }
    }

    /// Integer keys in a range not much wider than their count index an array instead of a hash map.
    private static func denseMatch(_ fk: [Int64], _ pk: [Int64], relation: Relation) throws(Diagnostic) -> [Int32]? {
        guard let (lo, span) = DenseRange.of(pk), span < max(1 << 16, 4 * Int64(pk.count)) else { return nil }
        var table = [Int32](repeating: -1, count: Int(span) + 1)
        for (row, k) in pk.enumerated() where k != NullSentinel.int64 {
            if table[Int(k - lo)] >= 0 { throw duplicate(relation, "\(k)") }
            table[Int(k - lo)] = Int32(row)
        }
        return fk.map { k in
            guard k != NullSentinel.int64 else { return -1 }
            let (offset, overflow) = k.subtractingReportingOverflow(lo)
            return !overflow && offset >= 0 && offset <= span ? table[Int(offset)] : -1
        }
    }

    private static func duplicate(_ r: Relation, _ value: String) -> Diagnostic {
        Diagnostic(
            "\(r.toDataset).\(r.toColumn) holds the value \(value) more than once, so \(r.fromDataset).\(r.fromColumn) cannot point at one row",
            help: "a relation needs a key that is unique in \(r.toDataset)")
    }

    private static func texts(_ storage: ColumnStorage) -> [String?] {
        switch storage {
        case .integer(let v): v.map { $0 == NullSentinel.int64 ? nil : String($0) }
        case .text(let codes, let dict): codes.map { $0 < 0 ? nil : dict[Int($0)] }
        case .decimal(let v, let scale): v.map { $0 == NullSentinel.int64 ? nil : decimalText($0, scale: scale) }
        case .timestamp(let v): v.map { $0 == NullSentinel.int64 ? nil : CivilDate.formatTimestamp($0) }
        case .double(let v): v.map { $0.isNaN ? nil : doubleText($0) }
        case .boolean(let v): v.map { $0 == NullSentinel.boolean ? nil : ($0 == 1 ? "true" : "false") }
        case .date(let v): v.map { $0 == NullSentinel.int32 ? nil : CivilDate.format($0) }
        }
    }

    /// A decimal's value as the shortest text, so 7.50 matches "7.5" and 7.00 matches the integer 7.
    private static func decimalText(_ mantissa: Int64, scale: Int) -> String {
        var digits = String(mantissa.magnitude)
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        var whole = String(digits.dropLast(scale))
        var fraction = String(digits.suffix(scale))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if whole.isEmpty { whole = "0" }
        let sign = mantissa < 0 ? "-" : ""
        return fraction.isEmpty ? sign + whole : sign + whole + "." + fraction
    }

    private static func doubleText(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 9.2e18 ? String(Int64(d)) : String(d)
    }
}
