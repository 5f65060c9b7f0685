// One query on the native engine: the rows read once, then each computation over the axis's slots.

import TallyData
import TallyDiagnostics
import TallyPlan
import TallySemantics

/// Reads each aggregate's rows (which pass `where`, their combination, their days) when created,
/// reports their extent, and computes every computation of the plan in (combination, slot) cells.
final class NativeExecution: PlanExecution {
    private let plan: QueryPlan
    private let valueLimit: Int
    private let cancellation: Cancellation
    private let domains: [DimensionDomain]
    private let combos: Combinations
    /// Per distinct way rows are read, and which one each aggregate uses.
    private let prepared: [Prepared]
    private let preparedFor: [Int]

    /// One aggregate's rows, prepared: which pass the query's `where`, their dimension ids and the
    /// days of the columns that place them in time (`Int32.min` when null). Over whole columns the ids
    /// are handed to `Combinations` and left empty.
    struct Prepared {
        var evaluator: RowEvaluator
        var passes: RowMask
        var dimensionIDs: [RowValues]
        var days: [BoundColumn: [Int32]]
    }

    struct PreparationKey: Hashable {
        var rows: RowsKey
        var dayColumns: [BoundColumn]
    }

    init(plan: QueryPlan, data: DataSource, relations: RelationCache, valueLimit: Int, cancellation: Cancellation)
        throws(Diagnostic)
    {
        self.plan = plan
        self.valueLimit = valueLimit
        self.cancellation = cancellation
        let domains = (0..<plan.columnDimensionCount).map { _ in DimensionDomain() }
        // Aggregates over the same rows (nps reads surveys three times) share one preparation.
        var prepared: [Prepared] = []
        var preparedFor: [Int] = []
        var known: [PreparationKey: Int] = [:]
        let shared = Self.sharedConditions(plan)
        for aggregate in plan.aggregates {
            let key = PreparationKey(rows: aggregate.rowsKey, dayColumns: aggregate.rangeColumns)
            if let index = known[key] {
                preparedFor.append(index)
                continue
            }
            known[key] = prepared.count
            preparedFor.append(prepared.count)
            try cancellation.check()
            let evaluator = RowEvaluator(
                dataset: try data.dataset(named: aggregate.dataset), relations: relations,
                sharedConditions: shared[key] ?? [])
            prepared.append(try Self.prepare(aggregate, evaluator, domains: domains))
        }
        // The ids are handed over, not shared, so Combinations can turn them into combinations in place.
        var rowIDs = prepared.map { (passes: $0.passes, ids: $0.dimensionIDs) }
        for i in prepared.indices { prepared[i].dimensionIDs = [] }
        combos = Combinations(domains: domains, prepared: &rowIDs)
        self.domains = domains
        self.prepared = prepared
        self.preparedFor = preparedFor
    }

    /// Per way of reading rows, the conditions more than one of its aggregates' filters test.
    private static func sharedConditions(_ plan: QueryPlan) -> [PreparationKey: Set<RowExpr>] {
        var seen: [PreparationKey: [RowExpr: Int]] = [:]
        for aggregate in plan.aggregates {
            let key = PreparationKey(rows: aggregate.rowsKey, dayColumns: aggregate.rangeColumns)
            for condition in aggregate.filter?.conditions ?? [] { seen[key, default: [:]][condition, default: 0] += 1 }
        }
        return seen.mapValues { Set($0.filter { $0.value > 1 }.keys) }
    }

    /// Which of the evaluator's rows pass the query's `where`, their dimension ids and their days.
    static func prepare(_ aggregate: PlannedAggregate, _ evaluator: RowEvaluator, domains: [DimensionDomain])
        throws(Diagnostic) -> Prepared
    {
        let n = evaluator.count
        var passes = RowMask.all(n)
        if let f = aggregate.queryFilter {
            if let through = try evaluator.pushedDownPasses(f) {
                passes = through
            } else {
                passes = RowMask(try evaluator.condition(f))
            }
        }
        var ids: [RowValues] = []
        for (k, dim) in aggregate.dimensions.enumerated() {
            if let pushed = try evaluator.pushedDownIDs(dim, domain: domains[k]) {
                ids.append(pushed)
            } else {
                ids.append(.rows(domains[k].ids(for: try evaluator.evaluate(dim), count: n)))
            }
        }
        var days: [BoundColumn: [Int32]] = [:]
        for column in aggregate.rangeColumns where days[column] == nil {
            days[column] = try Self.days(of: column, evaluator)
        }
        return Prepared(evaluator: evaluator, passes: passes, dimensionIDs: ids, days: days)
    }

    func extent() throws(Diagnostic) -> DayExtent? {
        var lo = Int32.max
        var hi = Int32.min
        for p in prepared {
            for d in p.days.values {
                try cancellation.check()
                let (l, h) = Self.range(of: d, passing: p.passes)
                (lo, hi) = (min(lo, l), max(hi, h))
            }
        }
        return lo <= hi ? DayExtent(first: lo, last: hi) : nil
    }

    /// The smallest and largest of the days of rows that pass (`Int32.max`, `Int32.min` when none).
    /// Without branches, so that it runs a vector of rows at a time: it reads every row.
    static func range(of days: [Int32], passing: RowMask) -> (Int32, Int32) {
        let shares = RowShares.map(Swift.min(days.count, passing.count)) { rows in
            var lo = Int32.max
            var hi = Int32.min
            days.withUnsafeBufferPointer { days in
                // A byte per row: compared as numbers, so the loop runs a vector of rows at a time.
                let vectorized = passing.withBytes { (bytes) -> Bool in
                    guard let bytes else { return false }
                    for i in rows {
                        let counted = bytes[i] & (days[i] == NullSentinel.int32 ? 0 : 1)
                        lo = Swift.min(lo, counted == 1 ? days[i] : Int32.max)
                        hi = Swift.max(hi, bytes[i] == 1 ? days[i] : Int32.min)
                    }
                    return true
                }
                if vectorized { return }
                passing.withTest { passes in
                    for i in rows {
                        // Null is Int32.min: it never raises `hi`, and is left out of `lo` with the failing rows.
                        let counted = passes(i) && days[i] != NullSentinel.int32
                        lo = Swift.min(lo, counted ? days[i] : Int32.max)
                        hi = Swift.max(hi, passes(i) ? days[i] : Int32.min)
                    }
                }
            }
            return (lo, hi)
        }
        return shares.reduce((Int32.max, Int32.min)) { (Swift.min($0.0, $1.0), Swift.max($0.1, $1.1)) }
    }

    func admit(shown: Int, slots: Int) throws(Diagnostic) {
        try Self.admit(plan: plan, combos: combos.count, shown: shown, slots: slots, valueLimit: valueLimit)
    }

    /// Refuses a result that would hold more values than the limit (cells × their columns, plus each
    /// computation's value per cell), or more than memory allows, before its axis is built.
    static func admit(plan: QueryPlan, combos: Int, shown: Int, slots: Int, valueLimit: Int) throws(Diagnostic) {
        let (rows, rowsOverflow) = combos.multipliedReportingOverflow(by: shown)
        let (cells, cellsOverflow) = combos.multipliedReportingOverflow(by: slots)
        let (valueCount, overflow) = cells.multipliedReportingOverflow(
            by: plan.resultColumns.count + plan.computations.count)
        guard !rowsOverflow, !cellsOverflow, !overflow, valueCount <= valueLimit else {
            throw Diagnostic(
                "the result would have \(rowsOverflow ? "too many" : String(rows)) rows, "
                    + (overflow || cellsOverflow ? "too many values" : "\(valueCount) values")
                    + " in all (the limit is \(valueLimit))",
                help: "narrow it with a range, a coarser grain, a filter or fewer metrics")
        }
        // Each cell holds a value per computation while they are computed, and a value per column after.
        do throws(MemoryShortage) { try MemoryBudget.reserve(valueCount * 32) } catch {
            throw Diagnostic(
                "not enough memory for the result's \(rows) rows: \(error.amounts)",
                help: "narrow it with a range, a coarser grain, a filter or fewer metrics, or give Tally more memory")
        }
    }

    func cells(over axis: TimeAxis) throws(Diagnostic) -> CellGrid {
        let slotCount = axis.slots.count
        let layers = axis.layers.map { SlotLayer(axis, layer: $0) }
        var values: [Measure] = []
        for computation in plan.computations {
            let aggregate = plan.aggregates[computation.aggregate]
            let p = prepared[preparedFor[computation.aggregate]]
            let rowCombos = computation.whole ? nil : combos.rows[preparedFor[computation.aggregate]]
            let comboCount = computation.whole ? 1 : combos.count
            try cancellation.check()
            var mask = p.passes
            if let filter = aggregate.filter { mask = mask.and(try p.evaluator.condition(filter)) }
            let value = try aggregate.value.map { (e) throws(Diagnostic) in try p.evaluator.evaluate(e) }
            var perLayer: [Measure] = []
            for layer in layers {
                perLayer.append(
                    try compute(
                        aggregate, p, mask: mask, value: value, combos: rowCombos, comboCount: comboCount, layer: layer,
                        slotCount: slotCount))
            }
            values.append(Self.merged(perLayer, layers: layers, comboCount: comboCount, slotCount: slotCount))
        }
        let tuples = combos.tuples.map { tuple in tuple.enumerated().map { k, id in domains[k].values[Int(id)] } }
        return CellGrid(combos: tuples, values: values)
    }

    /// One aggregate over the slots of one layer, in (combination, slot) cells over every slot.
    private func compute(
        _ aggregate: PlannedAggregate, _ p: Prepared, mask: RowMask, value: Vector?, combos rowCombos: RowValues?,
        comboCount: Int,
        layer: SlotLayer, slotCount: Int
    ) throws(Diagnostic) -> Measure {
        if case .active(let activity) = aggregate.placement {
            let (combos, runs) = Self.activeRuns(activity, days: p.days, mask: mask, combos: rowCombos, layer: layer)
            let byPosition = try LifespanAggregator.run(
                aggregate.function, value: value, combos: combos, runs: runs, periods: layer.slots.count,
                cellCount: comboCount * layer.slots.count, cancellation: cancellation)
            return Self.spread(byPosition, layer: layer, comboCount: comboCount, slotCount: slotCount)
        }
        return try Aggregator(
            rowCount: mask.count, cellCount: comboCount * slotCount, slotCount: slotCount, cancellation: cancellation
        ) {
            rows, cells in
            Self.assign(
                aggregate.placement, days: p.days, mask: mask, combos: rowCombos, layer: layer, slotCount: slotCount,
                rows: rows, into: cells, from: rows.lowerBound)
        }.run(aggregate.function, value: value)
    }

    /// Each row's (combination, slot) cell in one layer, -1 when the row does not count there; for
    /// every placement but `active` (a lifespan's rows count over runs of slots: `activeRuns`).
    static func cells(
        _ placement: Placement, days: [BoundColumn: [Int32]], mask: RowMask, combos rowCombos: RowValues?,
        layer: SlotLayer, slotCount: Int, cancellation: Cancellation
    ) throws(Diagnostic) -> [Int32] {
        var cells = [Int32](repeating: -1, count: mask.count)
        for rows in Cancellation.blocks(mask.count) {
            try cancellation.check()
            cells.withUnsafeMutableBufferPointer { cells in
                assign(
                    placement, days: days, mask: mask, combos: rowCombos, layer: layer, slotCount: slotCount, rows: rows,
                    into: cells, from: 0)
            }
        }
        return cells
    }

    /// Writes the cells of `rows` into `cells`, row i at `i - first`: -1 where the row does not count.
    /// Called a block at a time, so the per-row work never needs an array as long as the rows.
    static func assign(
        _ placement: Placement, days: [BoundColumn: [Int32]], mask: RowMask, combos: RowValues?,
        layer: SlotLayer, slotCount: Int, rows: Range<Int>, into cells: UnsafeMutableBufferPointer<Int32>, from first: Int
    ) {
        let slots = Int32(slotCount)
        let out = UnsafeMutableBufferPointer(rebasing: cells[(rows.lowerBound - first)..<(rows.upperBound - first)])
        out.update(repeating: -1)
        let base = rows.lowerBound
        Self.withBlock(of: combos, rows) { rowCombos in
        switch placement {
        case .everywhere:
            mask.withTest { passes in
                for i in rows where passes(i) {
                    out[i - base] = (rowCombos?[i - base] ?? 0) * slots + Int32(layer.slots.first ?? 0)
                }
            }
        case .anchored(let anchor):
            // The plain case, without per-row optionals: a slot from the anchor, a combination.
            Self.assignAnchored(rows, mask, days[anchor] ?? [], rowCombos, layer, slots, out)
        case .active:
            break
        case .anchoredActive(let anchor, let activity):
            let anchorDays = days[anchor] ?? []
            let start = days[activity.start] ?? []
            let end = activity.end.flatMap { days[$0] }
            mask.withTest { passes in
                layer.withSlotOfDay { slotOfDay in
                    for i in rows where passes(i) {
                        let slot = slotOfDay(anchorDays[i])
                        guard slot >= 0, case let position = layer.positions[Int(slot)], position >= 0,
                            layer.isActive(start: start[i], end: end?[i] ?? NullSentinel.int32, at: position, activity.boundary)
                        else { continue }
                        out[i - base] = (rowCombos?[i - base] ?? 0) * slots + slot
                    }
                }
            }
        }
        }
    }

    /// Calls `body` with the combinations of `rows` (indexed from their start), nil without any.
    @inline(__always)
    private static func withBlock<R>(
        of combos: RowValues?, _ rows: Range<Int>, _ body: (UnsafeBufferPointer<Int32>?) -> R
    ) -> R {
        guard let combos else { return body(nil) }
        if case .rows = combos { return combos.withBlock(rows, scratch: UnsafeMutableBufferPointer(start: nil, count: 0), body) }
        // Filled by the lookup before it is read: no zeroing of a block's worth per call.
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: rows.count) { scratch in
            combos.withBlock(rows, scratch: scratch, body)
        }
    }

    /// For a lifespan placement: each row's combination and the run of the layer's positions at whose
    /// boundary it is active. A row not counted has no run, so its combination is never read.
    static func activeRuns(
        _ activity: Activity, days: [BoundColumn: [Int32]], mask passes: RowMask, combos: RowValues?,
        layer: SlotLayer
    ) -> (combos: [Int32], runs: ActiveRuns) {
        let mask = passes.materialized
        let start = days[activity.start] ?? []
        let end = activity.end.flatMap { days[$0] } ?? [Int32](repeating: NullSentinel.int32, count: mask.count)
        let runs = layer.activeRuns(start: start, end: end, at: activity.boundary, mask: mask)
        return (combos?.materialized ?? [Int32](repeating: 0, count: mask.count), runs)
    }

    /// Cells laid out by layer position, moved to their slots among all the axis's slots.
    static func spread(_ m: Measure, layer: SlotLayer, comboCount: Int, slotCount: Int) -> Measure {
        let width = layer.slots.count
        func move<T>(_ v: [T?]) -> [T?] {
            var out = [T?](repeating: nil, count: comboCount * slotCount)
            for c in 0..<comboCount {
                for (position, slot) in layer.slots.enumerated() { out[c * slotCount + slot] = v[c * width + position] }
            }
            return out
        }
        switch m {
        case .exact(let v, let s): return .exact(move(v), scale: s)
        case .approximate(let v): return .approximate(move(v))
        }
    }

    /// One measure from each layer's: every slot's cells from the layer that holds the slot.
    static func merged(_ parts: [Measure], layers: [SlotLayer], comboCount: Int, slotCount: Int) -> Measure {
        guard parts.count > 1 else { return parts.first ?? .approximate([]) }
        var layerOf = [Int](repeating: 0, count: slotCount)
        for (l, layer) in layers.enumerated() { for slot in layer.slots { layerOf[slot] = l } }
        func pick<T>(_ columns: [[T?]]) -> [T?] {
            (0..<(comboCount * slotCount)).map { cell in columns[layerOf[cell % slotCount]][cell] }
        }
        // Layers agree on exactness unless one overflowed; then all are floating point.
        var exact: [[Int64?]] = []
        var scale = 0
        for part in parts {
            guard case .exact(let v, let s) = part, exact.isEmpty || s == scale else { break }
            exact.append(v)
            scale = s
        }
        if exact.count == parts.count { return .exact(pick(exact), scale: scale) }
        return .approximate(pick(parts.map(\.doubles)))
    }

    /// Refuses a query whose work over the rows cannot fit in memory, before any of it is allocated.
    /// Counted as it is allocated, per row: for each preparation (shared by aggregates over the same
    /// rows) which rows pass and their days, 5 bytes, and per dimension its values and ids, 12; for
    /// each computation its cells, 4, its own filter with the mask, 2, a value that is not a plain
    /// column, 8, and for a lifespan aggregate its combinations and runs, 16.
    static func reserveMemory(for plan: QueryPlan, _ data: DataSource) throws(Diagnostic) {
        var rows: [String: Int] = [:]
        var preparations = Set<PreparationKey>()
        var needed = 0
        for c in plan.computations {
            let a = plan.aggregates[c.aggregate]
            let count = try data.dataset(named: a.dataset).rowCount
            rows[a.dataset] = count
            if preparations.insert(PreparationKey(rows: a.rowsKey, dayColumns: a.rangeColumns)).inserted {
                needed += count * (5 + 12 * a.dimensions.count)
            }
            var perRow = 4 + (a.filter == nil ? 0 : 2)
            if case .active = a.placement { perRow += 16 }
            if case .anchoredActive = a.placement { perRow += 16 }
            if let value = a.value, case .column = value {} else if a.value != nil { perRow += 8 }
            needed += count * perRow
        }
        do throws(MemoryShortage) { try MemoryBudget.reserve(needed) } catch {
            let largest = rows.max { $0.value < $1.value }.map { " over \($0.key) (\($0.value) rows)" } ?? ""
            throw Diagnostic(
                "not enough memory to run the query\(largest): \(error.amounts)",
                help:
                    "ask for fewer metrics or dimensions, give Tally more memory (ulimit -v, the container's limit), or run it on PostgreSQL with --db"
            )
        }
    }

    /// Gives one block of counted rows its cell (row i at `out[i - rows.lowerBound]`): its
    /// combination's row of slots, at its anchor's slot. A function of its own over raw buffers, so
    /// the loop has no bounds or copy-on-write checks: it runs once per row of the dataset.
    private static func assignAnchored(
        _ rows: Range<Int>, _ mask: RowMask, _ days: [Int32], _ combos: UnsafeBufferPointer<Int32>?, _ layer: SlotLayer,
        _ slotCount: Int32, _ out: UnsafeMutableBufferPointer<Int32>
    ) {
        let base = rows.lowerBound
        mask.withTest { passes in
            days.withUnsafeBufferPointer { days in
                layer.withSlotOfDay { slotOfDay in
                    guard let combos else {
                        for i in rows where passes(i) {
                            let slot = slotOfDay(days[i])
                            if slot >= 0 { out[i &- base] = slot }
                        }
                        return
                    }
                    for i in rows where passes(i) {
                        let slot = slotOfDay(days[i])
                        if slot >= 0 { out[i &- base] = combos[i &- base] * slotCount + slot }
                    }
                }
            }
        }
    }

    /// The UTC day of each row's date or timestamp. Lifespans compare at day boundaries, where a
    /// timestamp and its day agree (a moment is before midnight exactly when its day is earlier).
    static func days(of column: BoundColumn, _ evaluator: RowEvaluator) throws(Diagnostic) -> [Int32] {
        switch try evaluator.evaluate(.column(column)) {
        case .date(let d): return d
        case .timestamp(let t):
            return t.map { $0 == NullSentinel.int64 ? NullSentinel.int32 : CivilDate.day(ofTimestamp: $0) }
        default: throw Diagnostic("\(column.dataset).\(column.column) is not a date")
        }
    }
}
