// A relation's target keys indexed: for any value of the foreign key, the target row holding it.

import TallyData
import TallyDiagnostics
import TallySemantics

/// Indexes of relations' target keys, kept from one block of a streamed query to the next: each block
/// maps its own rows, and the target (read whole) is indexed once.
final class KeyIndexes {
    var byRelation: [Relation: KeyIndex] = [:]
}

/// The rows of a relation's target by key. Integer keys against integer foreign keys are matched as
/// numbers; any other pairing matches on the keys' text, so "17" finds 17; text is compared by its
/// bytes, as in a database, not by Swift's canonical equivalence.
enum KeyIndex {
    /// Integer keys that number their rows from `low` on (ids 1, 2, 3, … in row order, as exports
    /// number customers): a key's row is the key less `low`, and no table is kept.
    case sequential(low: Int64, count: Int)
    /// Integer keys in a range not much wider than their count: an array from the lowest.
    case dense(low: Int64, span: Int64, table: [Int32])
    case integers([Int64: Int32])
    case texts([[UInt8]: Int32])

    init(foreign: ColumnStorage, key: ColumnStorage, relation: Relation) throws(Diagnostic) {
        switch (foreign, key) {
        case (.integer, .integer(let pk)):
            switch pk {
            case .narrow(let keys): self = try Self.integers(keys, relation)
            case .wide(let keys): self = try Self.integers(keys, relation)
            }
        default:
            var index: [[UInt8]: Int32] = [:]
            for (row, k) in Self.texts(key).enumerated() {
                guard let k else { continue }
                if index.updateValue(Int32(row), forKey: Array(k.utf8)) != nil { throw RelationCache.duplicate(relation, k) }
            }
            self = .texts(index)
        }
    }

    /// An index of integer keys: dense when their range is not much wider than their count.
    private static func integers<T: StoredInteger>(_ pk: [T], _ relation: Relation) throws(Diagnostic) -> KeyIndex {
        if let low = sequenceStart(pk) { return .sequential(low: low, count: pk.count) }
        if let (lo, span) = DenseRange.of(pk), span < max(1 << 16, 4 * Int64(pk.count)) {
            var table = [Int32](repeating: -1, count: Int(span) + 1)
            for (row, k) in pk.enumerated() where !k.isNull {
                let slot = Int(Int64(k) - lo)
                if table[slot] >= 0 { throw RelationCache.duplicate(relation, "\(k)") }
                table[slot] = Int32(row)
            }
            return .dense(low: lo, span: span, table: table)
        }
        var index: [Int64: Int32] = [:]
        index.reserveCapacity(pk.count)
        for (row, k) in pk.enumerated() where !k.isNull {
            if index.updateValue(Int32(row), forKey: Int64(k)) != nil { throw RelationCache.duplicate(relation, "\(k)") }
        }
        return .integers(index)
    }

    /// The first key when every key is the one before it plus one (none null), else nil.
    private static func sequenceStart<T: StoredInteger>(_ pk: [T]) -> Int64? {
        guard let first = pk.first, !first.isNull else { return nil }
        let low = first.widened
        guard low <= Int64.max - Int64(pk.count) else { return nil }
        return pk.withUnsafeBufferPointer { keys in
            for i in keys.indices where keys[i].widened != low &+ Int64(i) { return nil }
            return low
        }
    }

    /// Whether this index matches foreign keys of this kind (numbers against numbers, else text).
    func serves(_ foreign: ColumnStorage) -> Bool {
        switch (self, foreign) {
        case (.sequential, .integer), (.dense, .integer), (.integers, .integer): true
        case (.texts, .integer): false
        case (.texts, _): true
        default: false
        }
    }

    /// Per foreign key, the matching target row (-1 when none matches).
    func rows(of foreign: ColumnStorage) -> [Int32] {
        switch (self, foreign) {
        case (.sequential, .integer(let fk)), (.dense, .integer(let fk)), (.integers, .integer(let fk)):
            return fk.map(row(of:))
        case (.texts(let index), _):
            return Self.texts(foreign).map { $0.flatMap { index[Array($0.utf8)] } ?? -1 }
        default:
            return Self.texts(foreign).map { _ in -1 }
        }
    }

    /// The target row of one integer foreign key (-1 when none matches, or for a text index).
    @inline(__always)
    func row(of k: Int64) -> Int32 {
        guard k != NullSentinel.int64 else { return -1 }
        switch self {
        case .sequential(let low, let count):
            return Self.row(of: k, low: low, count: count)
        case .dense(let lo, let span, let table):
            return table.withUnsafeBufferPointer { Self.row(of: k, low: lo, span: span, table: $0) }
        case .integers(let index): return index[k] ?? -1
        case .texts: return -1
        }
    }

    /// Calls `body` with the lookup of foreign key i's target row (-1 when none matches), the kind of
    /// index chosen once rather than for every row: the lookup runs once per row of a relation.
    @inline(__always)
    func withLookup<T: StoredInteger, R>(_ foreign: UnsafeBufferPointer<T>, _ body: ((Int) -> Int32) -> R) -> R {
        switch self {
        case .sequential(let low, let count):
            return body { Self.row(of: foreign[$0], low: low, count: count) }
        case .dense(let low, let span, let table):
            return table.withUnsafeBufferPointer { table in body { Self.row(of: foreign[$0], low: low, span: span, table: table) } }
        case .integers, .texts:
            return body { row(of: foreign[$0].widened) }
        }
    }

    /// The target row of one integer foreign key among keys numbering `count` rows from `low` (-1
    /// when none matches).
    @inline(__always)
    static func row<T: StoredInteger>(of k: T, low: Int64, count: Int) -> Int32 {
        let (offset, overflow) = Int64(truncatingIfNeeded: k).subtractingReportingOverflow(low)
        return !k.isNull && !overflow && offset >= 0 && offset < Int64(count) ? Int32(truncatingIfNeeded: offset) : -1
    }

    /// The target row of one integer foreign key in a dense index's table (-1 when none matches).
    @inline(__always)
    static func row<T: StoredInteger>(of k: T, low: Int64, span: Int64, table: UnsafeBufferPointer<Int32>) -> Int32 {
        let (offset, overflow) = Int64(truncatingIfNeeded: k).subtractingReportingOverflow(low)
        return !k.isNull && !overflow && offset >= 0 && offset <= span ? table[Int(offset)] : -1
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
