// Conditions and dimensions that read only a related dataset are evaluated over that dataset's rows.

import TallyData
import TallyDiagnostics
import TallyPlan
import TallySemantics

/// `plan = "pro"` over ten million orders reads `customers.plan` through the relation for every order;
/// evaluated over the half million customers instead and then gathered through the row mapping, the
/// same mask costs a twentieth of the comparisons. A row with no related row sees every column null,
/// so its value is the expression's value on one all-null row.
extension RowEvaluator {
    /// The mask of a condition whose columns all come through one relation, when that dataset is smaller.
    func pushedDownCondition(_ e: RowExpr) throws(Diagnostic) -> [UInt8]? {
        guard let (target, rows, local) = try pushdown(e) else { return nil }
        let (mask, unmatched) = try condition(local, over: target)
        return rows.gather(mask, unmatched: unmatched, count: count)
    }

    /// The rows that pass a condition on one related dataset, read through the relation as they are
    /// tested rather than gathered into a byte per row, when the relation's keys are looked up (a
    /// one-off question): a mapping kept for later queries is read faster once gathered.
    func pushedDownPasses(_ e: RowExpr) throws(Diagnostic) -> RowMask? {
        guard !sharedConditions.contains(e), let (target, rows, local) = try pushdown(e), case .indexed = rows else { return nil }
        let (mask, unmatched) = try condition(local, over: target)
        return .through(mask, unmatched: unmatched, rows: rows, count: count)
    }

    /// A condition over a related dataset's rows, and its value on a row without a related row (every
    /// column null).
    private func condition(_ local: RowExpr, over target: Dataset) throws(Diagnostic) -> ([UInt8], UInt8) {
        let mask = try RowEvaluator(dataset: target, relations: relations).condition(local)
        let unmatched = try RowEvaluator(dataset: target.nullRow, relations: relations).condition(local)[0]
        return (mask, unmatched)
    }

    /// Dimension ids of an expression over one related dataset, numbered over its rows and read
    /// through the relation as they are needed.
    func pushedDownIDs(_ e: RowExpr, domain: DimensionDomain) throws(Diagnostic) -> RowValues? {
        guard let (target, rows, local) = try pushdown(e) else { return nil }
        let ids = domain.ids(for: try RowEvaluator(dataset: target, relations: relations).evaluate(local), count: target.rowCount)
        let nullRow = target.nullRow
        let unmatched = domain.ids(for: try RowEvaluator(dataset: nullRow, relations: relations).evaluate(local), count: 1)[0]
        return .through(target: SmallValues(ids), unmatched: unmatched, rows: rows, count: count)
    }

    /// The related dataset, the row mapping and the expression rewritten over the related rows, when
    /// every column of `e` comes through the same single relation and that dataset has fewer rows.
    private func pushdown(_ e: RowExpr) throws(Diagnostic) -> (Dataset, TargetRows, RowExpr)? {
        var via: Relation?
        var sole = true
        e.forEachColumn { c in
            if c.via == nil || (via != nil && via != c.via) { sole = false }
            via = via ?? c.via
        }
        guard sole, let relation = via else { return nil }
        let (target, rows) = try relations.targetRows(for: relation, from: dataset)
        guard target.rowCount < dataset.rowCount else { return nil }
        return (target, rows, e.mapColumns { c in BoundColumn(via: nil, dataset: c.dataset, column: c.column, type: c.type) })
    }
}

extension Dataset {
    /// One row in which every column is null, for what a row without a related row sees.
    var nullRow: Dataset {
        Dataset(name: name, columns: columns.map { Column(name: $0.name, storage: $0.storage.oneNull) }, rowCount: 1, source: source)
    }
}

extension ColumnStorage {
    fileprivate var oneNull: ColumnStorage {
        switch self {
        case .integer: .integer([NullSentinel.int64])
        case .decimal(_, let scale): .decimal([NullSentinel.int64], scale: scale)
        case .double: .double([.nan])
        case .boolean: .boolean([NullSentinel.boolean])
        case .date: .date([NullSentinel.int32])
        case .timestamp: .timestamp([NullSentinel.int64])
        case .text(_, let dictionary): .text(codes: [NullSentinel.textCode], dictionary: dictionary)
        }
    }
}

extension RowExpr {
    func forEachColumn(_ body: (BoundColumn) -> Void) {
        switch self {
        case .column(let c): body(c)
        case .literal: break
        case .negate(let x), .not(let x), .call(_, let x), .isNull(let x, _), .inList(let x, _, _): x.forEachColumn(body)
        case .arithmetic(_, let l, let r), .compare(_, let l, let r), .logical(_, let l, let r):
            l.forEachColumn(body)
            r.forEachColumn(body)
        }
    }

    func mapColumns(_ transform: (BoundColumn) -> BoundColumn) -> RowExpr {
        switch self {
        case .column(let c): .column(transform(c))
        case .literal: self
        case .negate(let x): .negate(x.mapColumns(transform))
        case .not(let x): .not(x.mapColumns(transform))
        case .call(let f, let x): .call(f, x.mapColumns(transform))
        case .isNull(let x, let negated): .isNull(x.mapColumns(transform), negated: negated)
        case .inList(let x, let list, let negated): .inList(x.mapColumns(transform), list, negated: negated)
        case .arithmetic(let op, let l, let r): .arithmetic(op, l.mapColumns(transform), r.mapColumns(transform))
        case .compare(let op, let l, let r): .compare(op, l.mapColumns(transform), r.mapColumns(transform))
        case .logical(let op, let l, let r): .logical(op, l.mapColumns(transform), r.mapColumns(transform))
        }
    }
}

extension TargetRows {
    /// Per source row, its target row's value (`unmatched` for none), gathered on every core.
    func gather<T>(_ values: [T], unmatched: T, count: Int) -> [T] {
        var out = [T](repeating: unmatched, count: count)
        values.withUnsafeBufferPointer { values in
            out.withUnsafeMutableBufferPointer { out in
                let shared = GatherOutput(out)
                // Each share of rows writes only its own part of `out`.
                _ = RowShares.map(count) { share in
                    var scratch = [Int32](repeating: -1, count: Swift.min(share.count, Cancellation.blockSize))
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        for block in RowShares.blocks(share) {
                            withTargets(of: block, scratch: scratch) { targets in
                                for (j, row) in targets.enumerated() where row >= 0 {
                                    shared.buffer[block.lowerBound + j] = values[Int(row)]
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}

/// A gathered column's buffer, written by shares of rows that never overlap.
private struct GatherOutput<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
