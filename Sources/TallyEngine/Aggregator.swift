// Aggregate functions over rows assigned to result cells.

import TallyData
import TallyDiagnostics
import TallySemantics

/// Computes one aggregate for every cell. `cells[i]` is row i's cell, or -1 when the row is not counted.
enum Aggregator {
    static func run(_ function: AggregateFunction, value: Vector?, cells: [Int32], cellCount: Int) throws(Diagnostic)
        -> [Double?]
    {
        switch function {
        case .count:
            return count(value: value, cells: cells, cellCount: cellCount)
        case .countDistinct:
            return countDistinct(value: value, cells: cells, cellCount: cellCount)
        case .sum, .avg:
            return try sumOrAverage(average: function == .avg, value: value, cells: cells, cellCount: cellCount)
        case .min, .max:
            return extreme(max: function == .max, value: value, cells: cells, cellCount: cellCount)
        case .median:
            return percentile(0.5, value: value, cells: cells, cellCount: cellCount)
        case .percentile(let p):
            return percentile(p, value: value, cells: cells, cellCount: cellCount)
        }
    }

    /// `count(ds)` counts rows; `count(ds.col)` counts rows where the value is not null.
    private static func count(value: Vector?, cells: [Int32], cellCount: Int) -> [Double?] {
        var counts = [Int](repeating: 0, count: cellCount)
        let nulls = value?.nullMask(count: cells.count)
        for (i, c) in cells.enumerated() where c >= 0 && (nulls == nil || nulls?[i] == 0) {
            counts[Int(c)] += 1
        }
        return counts.map { Double($0) }
    }

    private static func countDistinct(value: Vector?, cells: [Int32], cellCount: Int) -> [Double?] {
        guard let value else { return count(value: nil, cells: cells, cellCount: cellCount) }
        let ids = DistinctIDs(value, count: cells.count)
        // One bit per (value, cell), a value's cells side by side: rows of one customer, often adjacent
        // in a file, then touch nearby bits. Used when the bits fit in 256 MiB: no hashing per row.
        let (bitCount, overflow) = ids.count.multipliedReportingOverflow(by: cellCount)
        if ids.count > 0, !overflow, bitCount <= 1 << 31 {
            var bits = [UInt64](repeating: 0, count: (bitCount + 63) / 64)
            var counts = [Int](repeating: 0, count: cellCount)
            bits.withUnsafeMutableBufferPointer { bits in
                for (i, c) in cells.enumerated() where c >= 0 {
                    let id = ids.id(i)
                    if id < 0 { continue }
                    let bit = id * cellCount + Int(c)
                    let mask = UInt64(1) << UInt64(bit & 63)
                    if bits[bit >> 6] & mask == 0 {
                        bits[bit >> 6] |= mask
                        counts[Int(c)] += 1
                    }
                }
            }
            return counts.map { Double($0) }
        }
        var sets = [Set<Int64>](repeating: [], count: cellCount)
        for (i, c) in cells.enumerated() where c >= 0 {
            if let k = ids.key(i) { sets[Int(c)].insert(k) }
        }
        return sets.map { Double($0.count) }
    }

    /// Exact integer and decimal columns are summed as integers, so money does not drift.
    private static func sumOrAverage(average: Bool, value: Vector?, cells: [Int32], cellCount: Int) throws(Diagnostic)
        -> [Double?]
    {
        var counts = [Int](repeating: 0, count: cellCount)
        if let (values, scale) = value?.exact {
            var sums = [Int64](repeating: 0, count: cellCount)
            for (i, c) in cells.enumerated() where c >= 0 && values[i] != NullSentinel.int64 {
                sums[Int(c)] = try Vector.checkedAdd(sums[Int(c)], values[i])
                counts[Int(c)] += 1
            }
            let f = pow10(scale)
            return (0..<cellCount).map { c in
                if average { return counts[c] == 0 ? nil : Double(sums[c]) / (f * Double(counts[c])) }
                return Double(sums[c]) / f
            }
        }
        let values = value?.doubles(count: cells.count) ?? []
        var sums = [Double](repeating: 0, count: cellCount)
        for (i, c) in cells.enumerated() where c >= 0 && i < values.count && !values[i].isNaN {
            sums[Int(c)] += values[i]
            counts[Int(c)] += 1
        }
        return (0..<cellCount).map { c in
            if average { return counts[c] == 0 ? nil : sums[c] / Double(counts[c]) }
            return sums[c]
        }
    }

    private static func extreme(max: Bool, value: Vector?, cells: [Int32], cellCount: Int) -> [Double?] {
        let values = value?.doubles(count: cells.count) ?? []
        var best = [Double?](repeating: nil, count: cellCount)
        for (i, c) in cells.enumerated() where c >= 0 && i < values.count && !values[i].isNaN {
            let v = values[i]
            if let b = best[Int(c)] {
                if max ? v > b : v < b { best[Int(c)] = v }
            } else {
                best[Int(c)] = v
            }
        }
        return best
    }

    /// Continuous percentile: linear interpolation between the closest ranks (PostgreSQL's percentile_cont).
    private static func percentile(_ p: Double, value: Vector?, cells: [Int32], cellCount: Int) -> [Double?] {
        let values = value?.doubles(count: cells.count) ?? []
        var groups = [[Double]](repeating: [], count: cellCount)
        for (i, c) in cells.enumerated() where c >= 0 && i < values.count && !values[i].isNaN {
            groups[Int(c)].append(values[i])
        }
        return groups.map { g in
            guard !g.isEmpty else { return nil }
            let sorted = g.sorted()
            let position = p * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down))
            let upper = min(lower + 1, sorted.count - 1)
            let fraction = position - Double(lower)
            if fraction == 0 { return sorted[lower] }
            return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
        }
    }
}
