// Row mappings for many-to-one relations: for each row of the `from` dataset, its row in the `to` dataset.

import TallyData
import TallyDiagnostics
import TallyPlan
import TallySemantics

/// Row mappings kept between queries. The owner clears it whenever a dataset's rows change (columns
/// read later do not change rows, so they keep it valid).
public final class RowMappings: @unchecked Sendable {
    fileprivate var rows: [Relation: [Int32]] = [:]
    /// Targets' key indexes, for relations read a block at a time without a mapping (`TargetRows`).
    fileprivate var keys: [Relation: KeyIndex] = [:]
    public init() {}
    public func removeAll() {
        rows.removeAll()
        keys.removeAll()
    }
}

/// Builds each relation's row mapping once (per query, or once for all queries with `RowMappings`)
/// and reuses it for every column it gathers.
final class RelationCache {
    private let data: DataSource
    private let shared: RowMappings
    private var mappings: [Relation: (Dataset, [Int32])] = [:]
    /// Relations this query looks up by key (a query counts as asking once, however often it asks).
    private var indexedHere: Set<Relation> = []

    /// Target keys' indexes kept for later caches (the next block of a stream), if any.
    private let indexes: KeyIndexes?

    init(data: DataSource, shared: RowMappings?, indexes: KeyIndexes? = nil) {
        self.data = data
        self.shared = shared ?? RowMappings()
        self.indexes = indexes
    }

    private func index(_ relation: Relation, foreign: ColumnStorage, key: ColumnStorage) throws(Diagnostic) -> KeyIndex {
        if let kept = indexes?.byRelation[relation] ?? shared.keys[relation], kept.serves(foreign) { return kept }
        let built = try KeyIndex(foreign: foreign, key: key, relation: relation)
        indexes?.byRelation[relation] = built
        shared.keys[relation] = built
        return built
    }

    /// The target dataset and how each row of `source` finds its target row. The first time, with
    /// integer keys, the key index looked up a block at a time: a one-off question through the relation
    /// costs no array of target rows as long as the source. Asked again by a later query (the index is
    /// kept), the mapping, built once and kept, which later queries read faster than they look keys up.
    func targetRows(for relation: Relation, from source: Dataset) throws(Diagnostic) -> (Dataset, TargetRows) {
        if mappings[relation] == nil, shared.keys[relation] == nil || indexedHere.contains(relation),
            shared.rows[relation]?.count != source.rowCount,
            let key = target(relation).flatMap({ $0.column(named: relation.toColumn) }),
            case .integer(let foreign)? = source.column(named: relation.fromColumn)?.storage
        {
            let index = try index(relation, foreign: .integer(foreign), key: key.storage)
            indexedHere.insert(relation)
            return (try data.dataset(named: relation.toDataset), .indexed(index, foreign))
        }
        let (target, rows) = try mapping(for: relation, from: source)
        return (target, .mapped(rows))
    }

    private func target(_ relation: Relation) -> Dataset? {
        do { return try data.dataset(named: relation.toDataset) } catch { return nil }
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
        let rows = try index(relation, foreign: foreign.storage, key: key.storage).rows(of: foreign.storage)
        mappings[relation] = (target, rows)
        shared.rows[relation] = rows
        return (target, rows)
    }

    static func duplicate(_ r: Relation, _ value: String) -> Diagnostic {
        Diagnostic(
            "\(r.toDataset).\(r.toColumn) holds the value \(value) more than once, so \(r.fromDataset).\(r.fromColumn) cannot point at one row",
            help: "a relation needs a key that is unique in \(r.toDataset)")
    }
}

/// Each source row's target row (-1 when none matches), handed out a block of rows at a time.
enum TargetRows {
    case mapped([Int32])
    /// Integer foreign keys, looked up in the target's key index.
    case indexed(KeyIndex, Integers)

    /// Calls `body` with the target rows of `rows` (indexed from their start); `scratch` holds at
    /// least as many values, for targets looked up rather than kept.
    @inline(__always)
    func withTargets<R>(
        of rows: Range<Int>, scratch: UnsafeMutableBufferPointer<Int32>, _ body: (UnsafeBufferPointer<Int32>) -> R
    ) -> R {
        switch self {
        case .mapped(let mapped):
            return mapped.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[rows])) }
        case .indexed(let index, .narrow(let foreign)):
            Self.lookUp(rows, foreign, index, into: scratch)
            return body(UnsafeBufferPointer(rebasing: scratch[0..<rows.count]))
        case .indexed(let index, .wide(let foreign)):
            Self.lookUp(rows, foreign, index, into: scratch)
            return body(UnsafeBufferPointer(rebasing: scratch[0..<rows.count]))
        }
    }

    @inline(__always)
    private static func lookUp<T: StoredInteger>(
        _ rows: Range<Int>, _ foreign: [T], _ index: KeyIndex, into scratch: UnsafeMutableBufferPointer<Int32>
    ) {
        foreign.withUnsafeBufferPointer { foreign in
            index.withLookup(foreign) { row in
                for i in rows { scratch[i - rows.lowerBound] = row(i) }
            }
        }
    }
}
