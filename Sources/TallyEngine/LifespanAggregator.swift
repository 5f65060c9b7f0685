// Aggregates over rows active at period boundaries, in one pass over their activity runs.

import TallyData
import TallyDiagnostics
import TallySemantics

/// Computes count, sum and avg of rows active at each period's boundary. Each row is active over
/// one run of consecutive periods, so it adds its value where the run starts and removes it after
/// it ends (a difference array per combination); a running total then gives every period at once,
/// instead of testing every row against every period.
enum LifespanAggregator {
    static func run(
        _ function: AggregateFunction, value: Vector?, combos: [Int], spans: [ClosedRange<Int>?], periods: Int,
        cellCount: Int
    ) throws(Diagnostic) -> [Double?] {
        var counts = [Int](repeating: 0, count: cellCount)
        let exact = value?.exact
        var exactSums = [Int64](repeating: 0, count: exact == nil ? 0 : cellCount)
        // count(ds.col) counts non-null values; sum and avg need numbers (the binder checked).
        let nulls = value?.nullMask(count: spans.count)
        let doubles = exact == nil && function != .count ? value?.doubles(count: spans.count) : nil
        var sums = [Double](repeating: 0, count: doubles == nil ? 0 : cellCount)

        for (i, span) in spans.enumerated() {
            guard let span, combos[i] >= 0, nulls?[i] != 1 else { continue }
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

        var result = [Double?](repeating: nil, count: cellCount)
        let scale = pow10(exact?.1 ?? 0)
        for combo in 0..<(periods == 0 ? 0 : cellCount / periods) {
            var count = 0
            var exactSum: Int64 = 0
            var sum = 0.0
            for period in 0..<periods {
                let cell = combo * periods + period
                count += counts[cell]
                if exact != nil { exactSum = try Vector.checkedAdd(exactSum, exactSums[cell]) }
                if doubles != nil { sum += sums[cell] }
                let total = exact != nil ? Double(exactSum) / scale : sum
                switch function {
                case .count: result[cell] = Double(count)
                case .sum: result[cell] = total
                default: result[cell] = count == 0 ? nil : total / Double(count)
                }
            }
        }
        return result
    }
}
