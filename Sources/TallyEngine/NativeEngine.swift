// The embedded engine: runs a bound query over in-memory columnar datasets.

import TallyData
import TallyDiagnostics
import TallySemantics

/// Runs bound queries over loaded datasets, column at a time.
public struct NativeEngine: QueryEngine {
    private let data: DataSource
    /// Refuses queries that would hold more values than this (result rows × their columns, plus
    /// each aggregate's value per row) rather than exhausting memory.
    private let valueLimit: Int

    /// Asked between steps and between blocks of rows; true stops the query with a "cancelled" error.
    private let isCancelled: @Sendable () -> Bool

    /// Relation row mappings shared with earlier queries, when the caller keeps them.
    private let mappings: RowMappings?

    public init(
        data: DataSource, mappings: RowMappings? = nil, valueLimit: Int = 60_000_000,
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) {
        self.data = data
        self.mappings = mappings
        self.valueLimit = valueLimit
        self.isCancelled = isCancelled
    }

    /// One aggregate's rows, prepared: which pass the query's `where`, their dimension
    /// combination and their anchor day.
    private struct Prepared {
        var evaluator: RowEvaluator
        var passes: [UInt8]
        var dimensionIDs: [[Int32]]
        /// Anchor day per row (`Int32.min` when null), or nil when the dataset has no anchor.
        var days: [Int32]?
        /// Start and end day per row of a lifespan dataset (`Int32.min` when null).
        var lifespan: (start: [Int32], end: [Int32])?

        /// Every date that places the rows in time, for inferring the range: the anchor and,
        /// for a lifespan dataset, both ends (DESIGN §4).
        var rangeDays: [[Int32]] { [days, lifespan?.start, lifespan?.end].compactMap { $0 } }
    }

    private struct PreparationKey: Hashable {
        var dataset: String
        var filter: RowExpr?
        var dimensions: [RowExpr]
        var anchor: BoundColumn?
        var lifespan: BoundLifespan?
    }

    public func run(_ query: BoundQuery) throws(Diagnostic) -> ResultTable {
        try reserveMemory(for: query)
        let cancellation = Cancellation(isCancelled: isCancelled)
        let relations = RelationCache(data: data, shared: mappings)
        let domains = (0..<query.columnDimensionCount).map { _ in DimensionDomain() }

        // Aggregates over the same rows (nps reads surveys three times) share one preparation.
        var prepared: [Prepared] = []
        var preparedFor: [Int] = []
        var known: [PreparationKey: Int] = [:]
        for aggregate in query.aggregates {
            let key = PreparationKey(
                dataset: aggregate.dataset, filter: aggregate.queryFilter, dimensions: aggregate.dimensions,
                anchor: aggregate.anchor, lifespan: aggregate.lifespan)
            if let index = known[key] {
                preparedFor.append(index)
                continue
            }
            known[key] = prepared.count
            preparedFor.append(prepared.count)
            try cancellation.check()
            let evaluator = RowEvaluator(dataset: try data.dataset(named: aggregate.dataset), relations: relations)
            let n = evaluator.count
            let passes = try aggregate.queryFilter.map { (f) throws(Diagnostic) in try evaluator.condition(f) }
                ?? [UInt8](repeating: 1, count: n)
            var ids: [[Int32]] = []
            for (k, dim) in aggregate.dimensions.enumerated() {
                if let pushed = try evaluator.pushedDownIDs(dim, domain: domains[k]) {
                    ids.append(pushed)
                } else {
                    ids.append(domains[k].ids(for: try evaluator.evaluate(dim), count: n))
                }
            }
            let days = try aggregate.anchor.map { (a) throws(Diagnostic) in try self.days(of: a, evaluator) }
            let lifespan = try aggregate.lifespan.map { (l) throws(Diagnostic) in
                (start: try self.days(of: l.start, evaluator), end: try self.days(of: l.end, evaluator))
            }
            prepared.append(Prepared(evaluator: evaluator, passes: passes, dimensionIDs: ids, days: days, lifespan: lifespan))
        }

        let combos = Combinations(domains: domains, prepared: prepared.map { ($0.passes, $0.dimensionIDs) })
        let lookback = query.items.map { $0.expr.lookback(grain: query.grain) }.max() ?? 0
        let periods = try Periods(query: query, days: prepared.map { ($0.passes, $0.rangeDays) }, lookback: lookback)
        let cellCount = combos.count * periods.count
        let (valueCount, overflow) = cellCount.multipliedReportingOverflow(
            by: query.resultColumns.count + query.aggregates.count)
        guard !overflow, valueCount <= valueLimit else {
            throw Diagnostic(
                "the result would have \(cellCount) rows, " + (overflow ? "too many values" : "\(valueCount) values")
                    + " in all (the limit is \(valueLimit))",
                help: "narrow it with a range, a coarser grain, a filter or fewer metrics")
        }
        // Each cell holds a value per aggregate while they are computed, and a value per column after.
        do throws(MemoryShortage) { try MemoryBudget.reserve(valueCount * 32) } catch {
            throw Diagnostic(
                "not enough memory for the result's \(cellCount) rows: \(error.amounts)",
                help: "narrow it with a range, a coarser grain, a filter or fewer metrics, or give Tally more memory")
        }

        var values: [Measure] = []
        for (aggregate, index) in zip(query.aggregates, preparedFor) {
            try cancellation.check()
            let p = prepared[index]
            var mask = p.passes
            if let filter = aggregate.filter {
                let own = try p.evaluator.condition(filter)
                for i in mask.indices { mask[i] &= own[i] }
            }
            let v = try aggregate.value.map { (e) throws(Diagnostic) in try p.evaluator.evaluate(e) }
            if let boundary = aggregate.activeAt, !aggregate.explicitAnchor, let lifespan = p.lifespan {
                // `started before` ignores the end: a row stays counted once it has begun.
                let ends = aggregate.startedBefore ? [Int32](repeating: NullSentinel.int32, count: mask.count) : lifespan.end
                let spans = periods.activeSpans(start: lifespan.start, end: ends, at: boundary, mask: mask)
                let rowCombos = combos.rows[index]
                let combos = mask.indices.map { mask[$0] == 1 ? Int(rowCombos?[$0] ?? 0) : -1 }
                values.append(
                    try LifespanAggregator.run(
                        aggregate.function, value: v, combos: combos, spans: spans, periods: periods.count,
                        cellCount: cellCount, cancellation: cancellation))
                continue
            }
            let rowCombos = combos.rows[index]
            let periodCount = Int32(periods.count)
            let table = PeriodTable(periods)
            var cells = [Int32](repeating: -1, count: mask.count)
            if aggregate.activeAt == nil, let days = p.days {
                // The plain case, without per-row optionals: a period from the anchor, a combination.
                for rows in Cancellation.blocks(mask.count) {
                    try cancellation.check()
                    Self.assignCells(rows, mask, days, rowCombos, table, periodCount, &cells)
                }
                values.append(try Aggregator(cells: cells, cellCount: cellCount, cancellation: cancellation).run(aggregate.function, value: v))
                continue
            }
            for rows in Cancellation.blocks(mask.count) {
                try cancellation.check()
                for i in rows where mask[i] == 1 {
                    let period = p.days.map { table.index(ofDay: $0[i]) } ?? 0
                    guard period >= 0 else { continue }
                    // `active at` with `on`: counted in the anchor's period, if active at its boundary.
                    if let boundary = aggregate.activeAt, let lifespan = p.lifespan,
                        !periods.isActive(
                            start: lifespan.start[i], end: aggregate.startedBefore ? NullSentinel.int32 : lifespan.end[i],
                            period: Int(period), at: boundary)
                    {
                        continue
                    }
                    cells[i] = (rowCombos?[i] ?? 0) * periodCount + period
                }
            }
            values.append(try Aggregator(cells: cells, cellCount: cellCount, cancellation: cancellation).run(aggregate.function, value: v))
        }

        let evaluator = MetricEvaluator(aggregates: values, periods: periods, cellCount: cellCount)
        let measures = query.items.map { evaluator.evaluate($0.expr) }
        return ResultBuilder(query: query, domains: domains, combos: combos, periods: periods, measures: measures).table()
    }

    /// Refuses a query whose work over the rows cannot fit in memory, before any of it is allocated.
    /// Counted as `run` allocates, per row: for each preparation (shared by aggregates over the same
    /// rows) which rows pass and their days, 5 bytes, and per dimension its values and ids, 12; for
    /// each aggregate its cells, 4, its own filter with the mask, 2, a value that is not a plain
    /// column, 8, and for a lifespan aggregate its combinations and spans, 16.
    private func reserveMemory(for query: BoundQuery) throws(Diagnostic) {
        var rows: [String: Int] = [:]
        var preparations = Set<PreparationKey>()
        var needed = 0
        for a in query.aggregates {
            let count = try data.dataset(named: a.dataset).rowCount
            rows[a.dataset] = count
            let key = PreparationKey(dataset: a.dataset, filter: a.queryFilter, dimensions: a.dimensions, anchor: a.anchor, lifespan: a.lifespan)
            if preparations.insert(key).inserted { needed += count * (5 + 12 * a.dimensions.count) }
            var perRow = 4 + (a.filter == nil ? 0 : 2) + (a.activeAt == nil ? 0 : 16)
            if let value = a.value, case .column = value {} else if a.value != nil { perRow += 8 }
            needed += count * perRow
        }
        do throws(MemoryShortage) { try MemoryBudget.reserve(needed) } catch {
            let largest = rows.max { $0.value < $1.value }.map { " over \($0.key) (\($0.value) rows)" } ?? ""
            throw Diagnostic(
                "not enough memory to run the query\(largest): \(error.amounts)",
                help: "ask for fewer metrics or dimensions, give Tally more memory (ulimit -v, the container's limit), or run it on PostgreSQL with --db")
        }
    }

    /// Gives one block of counted rows its cell: its combination's row of periods, at its anchor's
    /// period. A function of its own over raw buffers, so the loop has no bounds or copy-on-write
    /// checks: it runs once per row of the dataset.
    private static func assignCells(
        _ rows: Range<Int>, _ mask: [UInt8], _ days: [Int32], _ combos: [Int32]?, _ table: PeriodTable,
        _ periodCount: Int32, _ cells: inout [Int32]
    ) {
        mask.withUnsafeBufferPointer { mask in
            days.withUnsafeBufferPointer { days in
                cells.withUnsafeMutableBufferPointer { cells in
                    guard let combos else {
                        for i in rows where mask[i] == 1 {
                            let period = table.index(ofDay: days[i])
                            if period >= 0 { cells[i] = period }
                        }
                        return
                    }
                    combos.withUnsafeBufferPointer { combos in
                        for i in rows where mask[i] == 1 {
                            let period = table.index(ofDay: days[i])
                            if period >= 0 { cells[i] = combos[i] * periodCount + period }
                        }
                    }
                }
            }
        }
    }

    /// The UTC day of each row's date or timestamp. Lifespans compare at day boundaries, where a
    /// timestamp and its day agree (a moment is before midnight exactly when its day is earlier).
    private func days(of column: BoundColumn, _ evaluator: RowEvaluator) throws(Diagnostic) -> [Int32] {
        switch try evaluator.evaluate(.column(column)) {
        case .date(let d): return d
        case .timestamp(let t): return t.map { $0 == NullSentinel.int64 ? NullSentinel.int32 : CivilDate.day(ofTimestamp: $0) }
        default: throw Diagnostic("\(column.dataset).\(column.column) is not a date")
        }
    }
}
