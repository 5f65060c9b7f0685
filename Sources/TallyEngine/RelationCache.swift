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

    /// Target keys' indexes kept for later caches (the next block of a stream), if any.
    private let indexes: KeyIndexes?

    init(data: DataSource, shared: RowMappings?, indexes: KeyIndexes? = nil) {
        self.data = data
        self.shared = shared ?? RowMappings()
        self.indexes = indexes
    }

    private func index(_ relation: Relation, foreign: ColumnStorage, key: ColumnStorage) throws(Diagnostic) -> KeyIndex {
        if let kept = indexes?.byRelation[relation], kept.serves(foreign) { return kept }
        let built = try KeyIndex(foreign: foreign, key: key, relation: relation)
        indexes?.byRelation[relation] = built
        return built
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
