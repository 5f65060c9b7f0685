// One query on the native engine over data read in blocks of rows, for data that does not fit in memory.

import TallyData
import TallyDiagnostics
import TallyPlan
import TallySemantics

/// Runs a plan over datasets read a block at a time (`Dataset.blocks`; a dataset held in memory is one
/// block). Each block gets the same per-row work as `NativeExecution` does over whole columns, and its
/// rows are added to cell states kept between blocks (`StreamedCells`, `LifespanDifferences`), so the
/// cells are the in-memory ones, digit for digit.
///
/// Two passes over the blocks: the first finds the extent and numbers the dimension combinations
/// (shared domains, so every block agrees on a combination's number), the second builds the cells.
/// Peak memory is one block's rows and their per-row work (as `NativeExecution` counts it per row),
/// the reader's batch of chunks in flight, the cell states (a few values per cell, a distinct count's
/// values per cell: `StreamedDistinct`), relation targets read whole, and dimension domains: bounded by the block
/// size and the result's size, not by the rows.
final class StreamingExecution: PlanExecution {
    private let plan: QueryPlan
    private let data: DataSource
    private let valueLimit: Int
    private let cancellation: Cancellation
    private let domains: [DimensionDomain]
    private let numbering: ComboNumbering
    private let keyIndexes = KeyIndexes()
    /// The plan's datasets in order of first use, each with the columns its blocks must hold for the
    /// first pass (where, dimensions, days) and for the second (also values and own filters).
    private let datasets: [(name: String, firstPass: [String], all: [String])]
    /// The first aggregate of each distinct way rows are read, and which of them each aggregate uses.
    private let preparations: [Int]
    private let preparedFor: [Int]
    private var passed = false
    private var found: DayExtent?
    /// The cells per day, when the plan is read in one pass (`DayCells`); nil until then, or when not.
    private var byDay: DayCells?
    private var triedByDay = false

    init(plan: QueryPlan, data: DataSource, valueLimit: Int, cancellation: Cancellation) throws(Diagnostic) {
        self.plan = plan
        self.data = data
        self.valueLimit = valueLimit
        self.cancellation = cancellation
        try Self.refuseWhatCannotStream(plan, data)
        domains = (0..<plan.columnDimensionCount).map { _ in DimensionDomain() }
        numbering = ComboNumbering(dimensions: plan.columnDimensionCount)
        var preparations: [Int] = []
        var preparedFor: [Int] = []
        var known: [NativeExecution.PreparationKey: Int] = [:]
        for (index, aggregate) in plan.aggregates.enumerated() {
            let key = NativeExecution.PreparationKey(rows: aggregate.rowsKey, dayColumns: aggregate.rangeColumns)
            if let k = known[key] {
                preparedFor.append(k)
            } else {
                known[key] = preparations.count
                preparedFor.append(preparations.count)
                preparations.append(index)
            }
        }
        self.preparations = preparations
        self.preparedFor = preparedFor
        var datasets: [(name: String, firstPass: [String], all: [String])] = []
        for aggregate in plan.aggregates where !datasets.contains(where: { $0.name == aggregate.dataset }) {
            let over = plan.aggregates.filter { $0.dataset == aggregate.dataset }
            let rows = over.flatMap { a in [a.queryFilter].compactMap { $0 } + a.dimensions }
            let days = over.flatMap { a in a.rangeColumns + a.placement.columns }
            let work = over.flatMap { a in [a.value, a.filter].compactMap { $0 } }
            datasets.append(
                (aggregate.dataset, Self.columns(rows, days), Self.columns(rows + work, days)))
        }
        self.datasets = datasets
    }

    func extent() throws(Diagnostic) -> DayExtent? {
        try firstPass()
        return found
    }

    func admit(shown: Int, slots: Int) throws(Diagnostic) {
        // Without dimensions there is one combination, and no pass is needed to count them.
        if plan.columnDimensionCount > 0 { try firstPass() }
        try NativeExecution.admit(plan: plan, combos: numbering.count, shown: shown, slots: slots, valueLimit: valueLimit)
    }

    func cells(over axis: TimeAxis) throws(Diagnostic) -> CellGrid {
        let slotCount = axis.slots.count
        let layers = axis.layers.map { SlotLayer(axis, layer: $0) }
        let comboCount = numbering.count
        if let byDay { return try cellsByDay(byDay, layers: layers, slotCount: slotCount) }
        let computations = plan.computations
        var states = computations.map { c in
            layers.map { _ in
                StreamedCells(
                    plan.aggregates[c.aggregate].function, cellCount: (c.whole ? 1 : comboCount) * slotCount,
                    slotCount: slotCount)
            }
        }
        var lifespans = computations.map { _ in [LifespanDifferences?](repeating: nil, count: layers.count) }
        for dataset in datasets {
            try forEachBlock(of: dataset.name, columns: dataset.all) { (evaluator) throws(Diagnostic) in
                var prepared: [Int: (NativeExecution.Prepared, [Int32]?)] = [:]
                for (index, computation) in computations.enumerated()
                where plan.aggregates[computation.aggregate].dataset == dataset.name {
                    let aggregate = plan.aggregates[computation.aggregate]
                    let k = preparedFor[computation.aggregate]
                    let (p, rows): (NativeExecution.Prepared, [Int32]?)
                    if let done = prepared[k] {
                        (p, rows) = done
                    } else {
                        (p, rows) = try prepare(preparations[k], evaluator)
                        prepared[k] = (p, rows)
                    }
                    try cancellation.check()
                    var mask = p.passes
                    if let filter = aggregate.filter { mask = mask.and(try evaluator.condition(filter)) }
                    let value = try aggregate.value.map { (e) throws(Diagnostic) in try evaluator.evaluate(e) }
                    let combos = computation.whole ? nil : rows.map { RowValues.rows($0) }
                    for (l, layer) in layers.enumerated() {
                        if case .active(let activity) = aggregate.placement {
                            let (rowCombos, runs) = NativeExecution.activeRuns(
                                activity, days: p.days, mask: mask, combos: combos, layer: layer)
                            var differences = lifespans[index][l] ?? LifespanDifferences(aggregate.function, value: value)
                            try differences.add(
                                value: value, combos: rowCombos, runs: runs, periods: layer.slots.count,
                                cellCount: (computation.whole ? 1 : comboCount) * layer.slots.count,
                                cancellation: cancellation)
                            lifespans[index][l] = differences
                        } else {
                            let cells = try NativeExecution.cells(
                                aggregate.placement, days: p.days, mask: mask, combos: combos, layer: layer,
                                slotCount: slotCount, cancellation: cancellation)
                            try states[index][l].add(cells: cells, value: value, cancellation: cancellation)
                        }
                    }
                }
            }
        }
        var values: [Measure] = []
        for (index, computation) in computations.enumerated() {
            let count = computation.whole ? 1 : comboCount
            var perLayer: [Measure] = []
            for (l, layer) in layers.enumerated() {
                if let differences = lifespans[index][l] {
                    let byPosition = try differences.finish(periods: layer.slots.count, cellCount: count * layer.slots.count)
                    perLayer.append(NativeExecution.spread(byPosition, layer: layer, comboCount: count, slotCount: slotCount))
                } else {
                    perLayer.append(states[index][l].finish())
                }
            }
            values.append(NativeExecution.merged(perLayer, layers: layers, comboCount: count, slotCount: slotCount))
        }
        return grid(values)
    }

    /// The computations' cells with each combination's dimension values.
    private func grid(_ values: [Measure]) -> CellGrid {
        let tuples = numbering.tuples.map { tuple in tuple.enumerated().map { k, id in domains[k].values[Int(id)] } }
        return CellGrid(combos: tuples, values: values)
    }

    // MARK: Passes over the blocks

    /// The axis's cells added up from the cells per day.
    private func cellsByDay(_ byDay: DayCells, layers: [SlotLayer], slotCount: Int) throws(Diagnostic) -> CellGrid {
        var values: [Measure] = []
        for (index, computation) in plan.computations.enumerated() {
            let count = computation.whole ? 1 : numbering.count
            let function = plan.aggregates[computation.aggregate].function
            let perLayer = try layers.map { (layer) throws(Diagnostic) in
                try byDay.cells(index, function: function, layer: layer, comboCount: count, slotCount: slotCount)
            }
            values.append(NativeExecution.merged(perLayer, layers: layers, comboCount: count, slotCount: slotCount))
        }
        return grid(values)
    }

    /// One pass over the blocks that finds the extent, numbers the combinations and keeps every
    /// computation's cells per day, when the plan allows (`DayCells`); false when it does not. When the
    /// cells per day turn out too many or inexact, the pass goes on as the first pass (extent and
    /// numbering) and only the cells per day are dropped.
    private func passByDay() throws(Diagnostic) -> Bool {
        guard !triedByDay else { return byDay != nil }
        triedByDay = true
        guard var cells = DayCells(plan: plan, data: data) else { return false }
        var feasible = true
        for dataset in datasets {
            try forEachBlock(of: dataset.name, columns: dataset.all) { (evaluator) throws(Diagnostic) in
                var prepared: [Int: (NativeExecution.Prepared, [Int32]?)] = [:]
                for first in preparations where plan.aggregates[first].dataset == dataset.name {
                    let done = try prepare(first, evaluator)
                    prepared[preparedFor[first]] = done
                    for d in done.0.days.values { cells.widen(days: d, passing: done.0.passes) }
                }
                for (index, computation) in plan.computations.enumerated() where feasible {
                    let aggregate = plan.aggregates[computation.aggregate]
                    guard aggregate.dataset == dataset.name, case .anchored(let anchor) = aggregate.placement,
                        let (p, rows) = prepared[preparedFor[computation.aggregate]]
                    else { continue }
                    var mask = p.passes
                    if let filter = aggregate.filter { mask = mask.and(try evaluator.condition(filter)) }
                    let value = try aggregate.value.map { (e) throws(Diagnostic) in try evaluator.evaluate(e) }
                    feasible = try cells.add(
                        index, days: p.days[anchor] ?? [], counted: mask, value: value,
                        combos: computation.whole ? nil : rows, comboCount: computation.whole ? 1 : numbering.count,
                        cancellation: cancellation)
                }
            }
        }
        (passed, found) = (true, cells.extent)
        guard feasible else { return false }
        byDay = cells
        return true
    }

    /// The extent of the days of rows passing `where`, and every combination numbered.
    private func firstPass() throws(Diagnostic) {
        guard !passed else { return }
        _ = try passByDay()
        guard !passed else { return }
        passed = true
        var lo = Int32.max
        var hi = Int32.min
        for dataset in datasets {
            try forEachBlock(of: dataset.name, columns: dataset.firstPass) { (evaluator) throws(Diagnostic) in
                for first in preparations where plan.aggregates[first].dataset == dataset.name {
                    let (p, _) = try prepare(first, evaluator)
                    for d in p.days.values {
                        let (l, h) = NativeExecution.range(of: d, passing: p.passes)
                        (lo, hi) = (min(lo, l), max(hi, h))
                    }
                }
            }
        }
        found = lo <= hi ? DayExtent(first: lo, last: hi) : nil
    }

    /// One way of reading rows over one block, with each row's combination.
    private func prepare(_ aggregate: Int, _ evaluator: RowEvaluator) throws(Diagnostic)
        -> (NativeExecution.Prepared, [Int32]?)
    {
        let p = try NativeExecution.prepare(plan.aggregates[aggregate], evaluator, domains: domains)
        return (p, numbering.rows(passes: p.passes, ids: p.dimensionIDs.map(\.materialized)))
    }

    /// Calls `body` with an evaluator over each block of a dataset: its blocks when it is read in
    /// blocks, else the whole dataset as one. Each block maps its own rows through relations; the
    /// targets' key indexes are kept for the next.
    private func forEachBlock(
        of name: String, columns: [String], _ body: (RowEvaluator) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        let dataset = try data.dataset(named: name)
        try withoutActuallyEscaping(body) { (body) throws(Diagnostic) in
            let each = { (block: Dataset) throws(Diagnostic) in
                try self.cancellation.check()
                let relations = RelationCache(data: self.data, shared: nil, indexes: self.keyIndexes)
                try body(RowEvaluator(dataset: block, relations: relations))
            }
            guard let blocks = dataset.blocks else { return try each(dataset) }
            try blocks.forEachBlock(columns: columns, each)
        }
    }

    /// A dataset's own columns that expressions and day columns read, and the foreign keys of the
    /// relations they read through.
    private static func columns(_ expressions: [RowExpr], _ days: [BoundColumn]) -> [String] {
        var names: [String] = []
        func add(_ c: BoundColumn) {
            let name = c.via?.fromColumn ?? c.column
            if !names.contains(name) { names.append(name) }
        }
        for e in expressions { e.forEachColumn(add) }
        days.forEach(add)
        return names
    }

    // MARK: What cannot stream

    /// Refuses, before reading, what streaming cannot answer: a percentile over a dataset read in blocks
    /// (it needs every value of a cell at once), and a relation into a dataset that is not held whole.
    private static func refuseWhatCannotStream(_ plan: QueryPlan, _ data: DataSource) throws(Diagnostic) {
        for aggregate in plan.aggregates {
            let dataset = try data.dataset(named: aggregate.dataset)
            if dataset.blocks != nil, !StreamedCells.streams(aggregate.function) {
                if case .active = aggregate.placement { continue }
                let name = aggregate.function == .median ? "median" : "percentile"
                throw Diagnostic(
                    "\(name) over \(aggregate.dataset) needs all of its values at once, and the "
                        + "\(dataset.rowCount) rows of \(aggregate.dataset) do not fit in memory: only counts, sums, "
                        + "averages, minimums, maximums and distinct counts are computed a block of rows at a time",
                    help: "narrow the rows with a filter in the metric, give Tally more memory (ulimit -v, the "
                        + "container's limit), or run it on PostgreSQL with --db")
            }
            var targets: [(Relation, String)] = []
            let expressions = [aggregate.value, aggregate.filter, aggregate.queryFilter].compactMap { $0 } + aggregate.dimensions
            for e in expressions {
                e.forEachColumn { c in if let via = c.via { targets.append((via, c.column)) } }
            }
            for (relation, column) in targets {
                let target = try data.dataset(named: relation.toDataset)
                let whole = [column, relation.toColumn].allSatisfy { target.column(named: $0)?.count == target.rowCount }
                guard target.blocks == nil || whole else {
                    throw Diagnostic(
                        "\(aggregate.dataset) reads \(relation.toDataset).\(column) through a relation, and "
                            + "\(relation.toDataset) does not fit in memory: a relation's target is held whole",
                        help: "give Tally more memory (ulimit -v, the container's limit), or run it on PostgreSQL with --db")
                }
            }
        }
    }
}

extension Placement {
    /// The day columns that place a row in time.
    var columns: [BoundColumn] {
        switch self {
        case .everywhere: []
        case .anchored(let anchor): [anchor]
        case .active(let activity): [activity.start] + [activity.end].compactMap { $0 }
        case .anchoredActive(let anchor, let activity): [anchor, activity.start] + [activity.end].compactMap { $0 }
        }
    }
}
