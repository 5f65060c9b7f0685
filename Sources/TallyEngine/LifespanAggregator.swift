// Aggregates over rows active at period boundaries, in one pass over their activity runs.

import TallyData
import TallyDiagnostics
import TallyPlan
import TallySemantics

/// Computes count, sum and avg of rows active at each period's boundary. Each row is active over
/// one run of consecutive periods, so it adds its value where the run starts and removes it after
/// it ends (a difference array per combination); a running total then gives every period at once,
/// instead of testing every row against every period.
enum LifespanAggregator {
    static func run(
        _ function: AggregateFunction, value: Vector?, combos: [Int32], runs: ActiveRuns, periods: Int,
        cellCount: Int, cancellation: Cancellation
    ) throws(Diagnostic) -> Measure {
        var differences = LifespanDifferences(function, value: value)
        try differences.add(
            value: value, combos: combos, runs: runs, periods: periods, cellCount: cellCount, cancellation: cancellation)
        return try differences.finish(periods: periods, cellCount: cellCount)
    }
}

/// The difference arrays of a lifespan aggregate, which rows add to in any number of batches (the
/// blocks of a stream, or all rows at once) in row order, so the sums come out the same either way.
struct LifespanDifferences {
    private let function: AggregateFunction
    /// The scale of exact values (integers, decimals, durations); nil when summed as doubles.
    private let scale: Int?
    private let summedAsDoubles: Bool
    private var counts: [Int] = []
    private var exactSums: [Int64] = []
    private var sums: [Double] = []

    /// The kind of sums follows the value's kind, the same in every batch.
    init(_ function: AggregateFunction, value: Vector?) {
        self.function = function
        scale = value?.exact?.scale
        summedAsDoubles = scale == nil && function != .count && value != nil
    }

    /// Adds rows: each one's combination and the run of periods it is active at; a row without a run,
    /// or of combination -1, is not counted.
    mutating func add(
        value: Vector?, combos: [Int32], runs: ActiveRuns, periods: Int, cellCount: Int,
        cancellation: Cancellation
    ) throws(Diagnostic) {
        if counts.count < cellCount { counts += [Int](repeating: 0, count: cellCount - counts.count) }
        let exact = scale == nil ? nil : value?.exact
        guard exact?.scale == scale else { throw Vector.kindChanged }
        if exact != nil, exactSums.count < cellCount {
            exactSums += [Int64](repeating: 0, count: cellCount - exactSums.count)
        }
        if summedAsDoubles, sums.count < cellCount { sums += [Double](repeating: 0, count: cellCount - sums.count) }
        // count(ds.col) counts non-null values; sum and avg need numbers (the binder checked).
        let nulls = value?.nullMask(count: runs.count)
        let doubles = summedAsDoubles ? value?.doubles(count: runs.count) : nil
        if exact == nil, doubles == nil, nulls == nil {
            return try addCounts(combos: combos, runs: runs, periods: periods, cancellation: cancellation)
        }
        for rows in Cancellation.blocks(runs.count) {
            try cancellation.check()
            for i in rows {
                guard runs.first[i] <= runs.last[i], combos[i] >= 0, nulls?[i] != 1 else { continue }
                let (runFirst, runLast, combo) = (Int(runs.first[i]), Int(runs.last[i]), Int(combos[i]))
                let first = combo * periods + runFirst
                // A run that lasts to the final period needs no removal (it would land in the next combination).
                let afterLast = runLast + 1 < periods ? combo * periods + runLast + 1 : nil
                if let (values, _) = exact {
                    exactSums[first] = try Vector.checkedAdd(exactSums[first], values[i])
                    if let afterLast { exactSums[afterLast] = try Vector.checkedAdd(exactSums[afterLast], -values[i]) }
                } else if let doubles {
                    sums[first] += doubles[i]
                    if let afterLast { sums[afterLast] -= doubles[i] }
                }
                counts[first] += 1
                if let afterLast { counts[afterLast] -= 1 }
            }
        }
    }

    /// `count(ds)`: each counted row adds 1 where its run starts and removes it after it ends, over raw
    /// buffers (this runs once per row of the dataset, for every query over a lifespan).
    private mutating func addCounts(
        combos: [Int32], runs: ActiveRuns, periods: Int, cancellation: Cancellation
    ) throws(Diagnostic) {
        for rows in Cancellation.blocks(runs.count) {
            try cancellation.check()
            counts.withUnsafeMutableBufferPointer { counts in
                combos.withUnsafeBufferPointer { combos in
                    runs.first.withUnsafeBufferPointer { firsts in
                        runs.last.withUnsafeBufferPointer { lasts in
                            for i in rows where firsts[i] <= lasts[i] && combos[i] >= 0 {
                                let start = Int(combos[i]) &* periods
                                counts[start &+ Int(firsts[i])] &+= 1
                                let afterLast = Int(lasts[i]) &+ 1
                                if afterLast < periods { counts[start &+ afterLast] &-= 1 }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Running totals per combination turn the differences into each period's value.
    func finish(periods: Int, cellCount: Int) throws(Diagnostic) -> Measure {
        let counts = counts + [Int](repeating: 0, count: max(0, cellCount - self.counts.count))
        let exactSums = exactSums + [Int64](repeating: 0, count: max(0, cellCount - self.exactSums.count))
        let sums = sums + [Double](repeating: 0, count: max(0, cellCount - self.sums.count))
        var runningCounts = [Int64](repeating: 0, count: cellCount)
        var runningExact = [Int64](repeating: 0, count: scale == nil ? 0 : cellCount)
        var running = [Double](repeating: 0, count: summedAsDoubles ? cellCount : 0)
        for combo in 0..<(periods == 0 ? 0 : cellCount / periods) {
            var count: Int64 = 0
            var exactSum: Int64 = 0
            var sum = 0.0
            for period in 0..<periods {
                let cell = combo * periods + period
                count += Int64(counts[cell])
                runningCounts[cell] = count
                if scale != nil {
                    exactSum = try Vector.checkedAdd(exactSum, exactSums[cell])
                    runningExact[cell] = exactSum
                }
                if summedAsDoubles {
                    sum += sums[cell]
                    running[cell] = sum
                }
            }
        }
        switch function {
        case .count:
            return .exactCells(runningCounts, scale: 0)
        case .sum:
            if let scale { return .exactCells(runningExact, scale: scale) }
            return .approximate(running.map { $0 })
        default:
            let factor = DecimalScale.factor(scale ?? 0)
            return .approximate(
                (0..<cellCount).map { cell in
                    guard runningCounts[cell] > 0 else { return nil }
                    let total = scale != nil ? Double(runningExact[cell]) / factor : running[cell]
                    return total / Double(runningCounts[cell])
                })
        }
    }
}
