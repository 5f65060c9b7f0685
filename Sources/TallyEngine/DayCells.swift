// A streamed query's cells kept per day, so that one pass over the blocks gives both the extent and
// the cells.

import TallyData
import TallyDiagnostics
import TallyPlan
import TallySemantics

/// Cells per (combination, day) over the days the data spans, for a plan whose every computation places
/// its rows by one day column of their own and adds them in a way that does not depend on their order
/// (counts, and sums, averages and extremes of exact numbers). One pass over the blocks then finds the
/// extent and every cell; the axis's cells are added up from the days' once the axis is known, exactly
/// as adding the rows there would. Otherwise a streamed query reads the blocks twice (extent, then
/// cells). Cell `combination × days + (day − first)` of a computation's states.
struct DayCells {
    let first: Int32
    let dayCount: Int
    private(set) var states: [StreamedCells]
    /// The earliest and latest day of rows passing `where`.
    private(set) var lo = Int32.max
    private(set) var hi = Int32.min

    /// Cells per day are kept for at most this many (combination, day) pairs per computation.
    static let cellLimit = 1 << 22

    /// Cells for `plan`, when it qualifies and the days its day columns span are known.
    init?(plan: QueryPlan, data: DataSource) {
        var span: ClosedRange<Int32>?
        for c in plan.computations {
            let a = plan.aggregates[c.aggregate]
            guard case .anchored(let anchor) = a.placement, anchor.via == nil, a.rangeColumns == [anchor] else { return nil }
            switch a.function {
            case .count, .sum, .avg, .min, .max: break
            case .countDistinct, .median, .percentile: return nil
            }
            guard let dataset = try? data.dataset(named: a.dataset) else { return nil }
            let known = dataset.blocks.map { $0.dayRange(of: anchor.column) } ?? dataset.column(named: anchor.column)?.storage.dayRange
            guard let range = known else { return nil }
            span = range.spanning(span)
        }
        guard let span else { return nil }
        first = span.lowerBound
        dayCount = Int(span.upperBound) - Int(span.lowerBound) + 1
        states = plan.computations.map { [dayCount] in
            StreamedCells(plan.aggregates[$0.aggregate].function, cellCount: 0, slotCount: dayCount)
        }
    }

    var extent: DayExtent? { lo <= hi ? DayExtent(first: lo, last: hi) : nil }

    /// Widens the extent by the days of one block's rows that pass `where`.
    mutating func widen(days: [Int32], passing: RowMask) {
        let (l, h) = NativeExecution.range(of: days, passing: passing)
        (lo, hi) = (min(lo, l), max(hi, h))
    }

    /// Adds one block's counted rows to computation `index`; false when the cells would be too many or
    /// the values are not exact (then the plan is read the other way).
    mutating func add(
        _ index: Int, days: [Int32], counted: RowMask, value: Vector?, combos: [Int32]?, comboCount: Int,
        cancellation: Cancellation
    ) throws(Diagnostic) -> Bool {
        let (needed, overflow) = max(1, comboCount).multipliedReportingOverflow(by: dayCount)
        guard !overflow, needed <= Self.cellLimit else { return false }
        try states[index].grow(to: needed)
        var cells = [Int32](repeating: -1, count: days.count)
        let width = Int32(dayCount)
        var outside = false
        counted.withTest { passes in
            for i in 0..<days.count where passes(i) && days[i] != NullSentinel.int32 {
                let day = days[i] &- first
                outside = outside || day < 0 || day >= width
                cells[i] = (combos?[i] ?? 0) * width + day
            }
        }
        // The span comes from the columns as read; a day outside it would land in another cell.
        if outside { return false }
        try states[index].add(cells: cells, value: value, cancellation: cancellation)
        return states[index].isExact
    }

    /// Computation `index`'s cells over one layer of the axis: each day's cells added to its slot's.
    func cells(
        _ index: Int, function: AggregateFunction, layer: SlotLayer, comboCount: Int, slotCount: Int
    ) throws(Diagnostic) -> Measure {
        var slots = StreamedCells(function, cellCount: comboCount * slotCount, slotCount: slotCount)
        let slotOfDay = (0..<dayCount).map { Int(layer.slot(ofDay: first + Int32($0))) }
        try states[index].add(into: &slots) { cell in
            let slot = slotOfDay[cell % dayCount]
            return slot >= 0 ? cell / dayCount * slotCount + slot : nil
        }
        return slots.finish()
    }
}
