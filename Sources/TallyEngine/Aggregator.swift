// Aggregate functions over rows assigned to result cells.

import TallyData
import TallyDiagnostics
import TallyPlan
import TallySemantics

/// Computes one aggregate for every cell. Rows are read a block at a time: `cellsOf(rows, &buffer)`
/// writes each row's cell (-1 when the row is not counted) from the buffer's start, so no array of
/// cells as long as the rows is ever held (over ten million rows that would be 40 MB per query).
struct Aggregator {
    let rowCount: Int
    let cellCount: Int
    /// Cells are (combination, slot) pairs, `combination * slotCount + slot`.
    let slotCount: Int
    let cancellation: Cancellation
    let cellsOf: (Range<Int>, UnsafeMutableBufferPointer<Int32>) -> Void

    /// Calls `body` with each block of rows and their cells (indexed from the block's first row).
    private func forEachBlock(
        _ count: Int, _ body: (Range<Int>, UnsafeBufferPointer<Int32>) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        var buffer = [Int32](repeating: -1, count: Swift.min(count, Cancellation.blockSize))
        for rows in Cancellation.blocks(count) {
            try cancellation.check()
            try buffer.withUnsafeMutableBufferPointer { (cells) throws(Diagnostic) in
                cellsOf(rows, cells)
                try body(rows, UnsafeBufferPointer(rebasing: cells[0..<rows.count]))
            }
        }
    }

    /// Calls `body` with each block of rows and their cells on every core (`RowShares`): each share
    /// of rows adds into a state of its own, starting as `initial`; the states come back in row order
    /// for the caller to combine. For aggregates whose result does not depend on the order rows are
    /// added in (counts, exact sums, extremes): a scan of ten million rows is bound by how fast one core
    /// reads memory, and two read nearly twice as fast.
    private func forEachBlockInParallel<State>(
        _ count: Int, _ initial: State, _ body: (inout State, Range<Int>, UnsafeBufferPointer<Int32>) -> Void
    ) throws(Diagnostic) -> [State] {
        let states = RowShares.map(count) { share in
            var state = initial
            var buffer = [Int32](repeating: -1, count: Swift.min(share.count, Cancellation.blockSize))
            buffer.withUnsafeMutableBufferPointer { cells in
                for rows in RowShares.blocks(share) {
                    if (try? cancellation.check()) == nil { return }
                    cellsOf(rows, cells)
                    body(&state, rows, UnsafeBufferPointer(rebasing: cells[0..<rows.count]))
                }
            }
            return state
        }
        try cancellation.check()
        return states
    }

    func run(_ function: AggregateFunction, value: Vector?) throws(Diagnostic) -> Measure {
        switch function {
        case .count:
            return try count(value: value)
        case .countDistinct:
            return try countDistinct(value: value)
        case .sum, .avg:
            return try sumOrAverage(average: function == .avg, value: value)
        case .min, .max:
            return try extreme(max: function == .max, value: value)
        case .median:
            return try percentile(0.5, value: value)
        case .percentile(let p):
            return try percentile(p, value: value)
        }
    }

    /// `count(ds)` counts rows; `count(ds.col)` counts rows where the value is not null.
    private func count(value: Vector?) throws(Diagnostic) -> Measure {
        // `count(ds)` has no null mask to build: every counted row counts.
        let nulls = value?.nullMask(count: rowCount)
        let parts = try forEachBlockInParallel(rowCount, [Int64](repeating: 0, count: cellCount)) { counts, rows, cells in
            let base = rows.lowerBound
            counts.withUnsafeMutableBufferPointer { counts in
                if let nulls {
                    nulls.withUnsafeBufferPointer { nulls in
                        for i in rows where cells[i - base] >= 0 && nulls[i] == 0 { counts[Int(cells[i - base])] += 1 }
                    }
                } else {
                    for c in cells where c >= 0 { counts[Int(c)] += 1 }
                }
            }
        }
        var counts = [Int64](repeating: 0, count: cellCount)
        for part in parts { for c in counts.indices { counts[c] += part[c] } }
        return .exactCells(counts, scale: 0)
    }

    private func countDistinct(value: Vector?) throws(Diagnostic) -> Measure {
        guard let value else { return try count(value: nil) }
        let ids = DistinctIDs(value, count: rowCount)
        // No hashing per row when the bits fit: rows of one customer, often adjacent in a file, touch
        // nearby bits.
        if ids.count > 0, var bits = DistinctBits(values: ids.count, cellCount: cellCount, slotCount: slotCount) {
            try forEachBlock(rowCount) { rows, cells in bits.add(rows, cells: cells, ids: ids) }
            return .exactCells(bits.counts, scale: 0)
        }
        // Values too sparse or too many for the bits: the pairs met, checked against the memory left.
        var met = StreamedDistinct(cellCount: cellCount, slotCount: slotCount, inBlocks: false)
        try forEachBlock(rowCount) { (rows, cells) throws(Diagnostic) in
            try met.add(cells: Array(cells), keys: rows.map { ids.key($0) ?? Int64.min })
        }
        return .exactCells(met.counts, scale: 0)
    }

    /// Exact integer and decimal columns are summed as integers, so money does not drift.
    private func sumOrAverage(average: Bool, value: Vector?) throws(Diagnostic) -> Measure {
        var counts = [Int](repeating: 0, count: cellCount)
        if let (values, scale) = value?.exact {
            let empty = ExactSums(sums: [Int64](repeating: 0, count: cellCount), counts: counts, overflow: false)
            let parts = try forEachBlockInParallel(rowCount, empty) { part, rows, cells in
                let overflow =
                    switch values {
                    case .narrow(let v): Self.addExact(rows, cells, v, &part.sums, &part.counts, counting: average)
                    case .wide(let v): Self.addExact(rows, cells, v, &part.sums, &part.counts, counting: average)
                    }
                if overflow { part.overflow = true }
            }
            var sums = [Int64](repeating: 0, count: cellCount)
            for part in parts {
                if part.overflow { throw Vector.sumOverflow }
                for c in sums.indices {
                    let (sum, overflow) = sums[c].addingReportingOverflow(part.sums[c])
                    if overflow { throw Vector.sumOverflow }
                    sums[c] = sum
                    counts[c] += part.counts[c]
                }
            }
            guard average else { return .exactCells(sums, scale: scale) }
            let f = DecimalScale.factor(scale)
            return .approximate((0..<cellCount).map { c in counts[c] == 0 ? nil : Double(sums[c]) / (f * Double(counts[c])) })
        }
        let values = value?.doubles(count: rowCount) ?? []
        var sums = [Double](repeating: 0, count: cellCount)
        try forEachBlock(min(rowCount, values.count)) { rows, cells in
            let base = rows.lowerBound
            sums.withUnsafeMutableBufferPointer { sums in
                counts.withUnsafeMutableBufferPointer { counts in
                    for i in rows where cells[i - base] >= 0 && !values[i].isNaN {
                        sums[Int(cells[i - base])] += values[i]
                        counts[Int(cells[i - base])] += 1
                    }
                }
            }
        }
        return .approximate(
            (0..<cellCount).map { c in
                if average { return counts[c] == 0 ? nil : sums[c] / Double(counts[c]) }
                return sums[c].isFinite ? sums[c] : nil
            })
    }

    /// Adds one block of rows into their cells' sums, and with `counting` (an average) their counts;
    /// true when a sum wrapped. Raw buffers spare the copy-on-write and bounds checks per row, which
    /// cost a third of the loop; a sum needs no counts, and counting costs another store per row. (One
    /// loop testing `counting` inside measured 9% slower on a warm sum over 10M rows.)
    private static func addExact<T: StoredInteger>(
        _ rows: Range<Int>, _ cells: UnsafeBufferPointer<Int32>, _ values: [T], _ sums: inout [Int64],
        _ counts: inout [Int], counting: Bool
    ) -> Bool {
        var overflow = false
        let base = rows.lowerBound
        values.withUnsafeBufferPointer { values in
            sums.withUnsafeMutableBufferPointer { sums in
                guard counting else {
                    for i in rows where cells[i - base] >= 0 && !values[i].isNull {
                        let c = Int(cells[i - base])
                        let (sum, o) = sums[c].addingReportingOverflow(Int64(truncatingIfNeeded: values[i]))
                        sums[c] = sum
                        overflow = overflow || o
                    }
                    return
                }
                counts.withUnsafeMutableBufferPointer { counts in
                    for i in rows where cells[i - base] >= 0 && !values[i].isNull {
                        let c = Int(cells[i - base])
                        let (sum, o) = sums[c].addingReportingOverflow(Int64(truncatingIfNeeded: values[i]))
                        sums[c] = sum
                        overflow = overflow || o
                        counts[c] += 1
                    }
                }
            }
        }
        return overflow
    }

    private func extreme(max: Bool, value: Vector?) throws(Diagnostic) -> Measure {
        if let (values, scale) = value?.exact {
            let parts = try forEachBlockInParallel(rowCount, [Int64?](repeating: nil, count: cellCount)) { best, rows, cells in
                switch values {
                case .narrow(let v): Self.addExtremes(max: max, rows, cells, v, &best)
                case .wide(let v): Self.addExtremes(max: max, rows, cells, v, &best)
                }
            }
            let best = (0..<cellCount).map { c in
                parts.compactMap { $0[c] }.reduce(nil as Int64?) { b, v in b.map { max ? Swift.max($0, v) : Swift.min($0, v) } ?? v }
            }
            return .exact(best, scale: scale)
        }
        let values = value?.doubles(count: rowCount) ?? []
        return .approximate(try extremes(max: max, values, isNull: { $0.isNaN }))
    }

    /// Keeps each cell's largest (or smallest) exact value over one block of rows.
    private static func addExtremes<T: StoredInteger>(
        max: Bool, _ rows: Range<Int>, _ cells: UnsafeBufferPointer<Int32>, _ values: [T], _ best: inout [Int64?]
    ) {
        for i in rows where cells[i - rows.lowerBound] >= 0 && !values[i].isNull {
            let (v, c) = (Int64(truncatingIfNeeded: values[i]), Int(cells[i - rows.lowerBound]))
            if let b = best[c], max ? v <= b : v >= b { continue }
            best[c] = v
        }
    }

    private func extremes<T: Comparable>(max: Bool, _ values: [T], isNull: (T) -> Bool) throws(Diagnostic) -> [T?] {
        var best = [T?](repeating: nil, count: cellCount)
        try forEachBlock(min(rowCount, values.count)) { rows, cells in
            for i in rows where cells[i - rows.lowerBound] >= 0 && !isNull(values[i]) {
                let v = values[i]
                let c = Int(cells[i - rows.lowerBound])
                if let b = best[c] {
                    if max ? v > b : v < b { best[c] = v }
                } else {
                    best[c] = v
                }
            }
        }
        return best
    }

    /// Continuous percentile: linear interpolation between the closest ranks (PostgreSQL's percentile_cont).
    private func percentile(_ p: Double, value: Vector?) throws(Diagnostic) -> Measure {
        let values = value?.doubles(count: rowCount) ?? []
        var groups = [[Double]](repeating: [], count: cellCount)
        try forEachBlock(min(rowCount, values.count)) { rows, cells in
            for i in rows where cells[i - rows.lowerBound] >= 0 && !values[i].isNaN {
                groups[Int(cells[i - rows.lowerBound])].append(values[i])
            }
        }
        var result = [Double?](repeating: nil, count: cellCount)
        for (c, g) in groups.enumerated() where !g.isEmpty {
            try cancellation.check()
            let sorted = g.sorted()
            let position = p * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down))
            let upper = Swift.min(lower + 1, sorted.count - 1)
            let fraction = position - Double(lower)
            result[c] = fraction == 0 ? sorted[lower] : sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
        }
        return .approximate(result)
    }
}

/// One worker's exact sums, with how many values each cell added and whether a sum wrapped.
private struct ExactSums {
    var sums: [Int64]
    var counts: [Int]
    var overflow: Bool
}
