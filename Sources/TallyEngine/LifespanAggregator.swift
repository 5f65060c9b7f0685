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
        _ function: AggregateFunction, value: Vector?, combos: [Int], spans: [ClosedRange<Int>?], periods: Int,
        cellCount: Int, cancellation: Cancellation
    ) throws(Diagnostic) -> Measure {
        var counts = [Int](repeating: 0, count: cellCount)
        let exact = value?.exact
        var exactSums = [Int64](repeating: 0, count: exact == nil ? 0 : cellCount)
        // count(ds.col) counts non-null values; sum and avg need numbers (the binder checked).
        let nulls = value?.nullMask(count: spans.count)
        let doubles = exact == nil && function != .count ? value?.doubles(count: spans.count) : nil
        var sums = [Double](repeating: 0, count: doubles == nil ? 0 : cellCount)

        for rows in Cancellation.blocks(spans.count) {
            try cancellation.check()
            for i in rows {
                guard let span = spans[i], combos[i] >= 0, nulls?[i] != 1 else { continue }
                let first = combos[i] * periods + span.lowerBound
                // A run that lasts to the final period needs no removal (it would land in the next combination).
                let afterLast = span.upperBound + 1 < periods ? combos[i] * periods + span.upperBound + 1 : nil
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

        // Running totals per combination turn the differences into each period's value.
        var runningCounts = [Int64](repeating: 0, count: cellCount)
        var runningExact = [Int64](repeating: 0, count: exact == nil ? 0 : cellCount)
        var running = [Double](repeating: 0, count: doubles == nil ? 0 : cellCount)
        for combo in 0..<(periods == 0 ? 0 : cellCount / periods) {
            var count: Int64 = 0
            var exactSum: Int64 = 0
            var sum = 0.0
            for period in 0..<periods {
                let cell = combo * periods + period
                count += Int64(counts[cell])
                runningCounts[cell] = count
                if exact != nil {
                    exactSum = try Vector.checkedAdd(exactSum, exactSums[cell])
                    runningExact[cell] = exactSum
                }
                if doubles != nil {
                    sum += sums[cell]
                    running[cell] = sum
                }
            }
        }
        switch function {
        case .count:
            return .exactCells(runningCounts, scale: 0)
        case .sum:
            if let (_, scale) = exact { return .exactCells(runningExact, scale: scale) }
            return .approximate(running.map { $0 })
        default:
            let scale = DecimalScale.factor(exact?.scale ?? 0)
            return .approximate(
                (0..<cellCount).map { cell in
                    guard runningCounts[cell] > 0 else { return nil }
                    let total = exact != nil ? Double(runningExact[cell]) / scale : running[cell]
                    return total / Double(runningCounts[cell])
                })
        }
    }
}
