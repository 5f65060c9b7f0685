// A distinct count's values per cell, kept between blocks of rows.

import TallyData
import TallyDiagnostics

/// Which values each cell has met, for `count_distinct` over data read in blocks. Values come as keys
/// that mean the same value in every block (`StreamedCells.distinctKeys`; `Int64.min` is null).
///
/// While the keys met so far span few enough ids, a bit per (key, cell): a row costs a bit test, and
/// 500,000 customers over 120 cells take 8 MB. Keys below or above those met widen the span (a block
/// of lower ids moves the bits up by whole words). Past `bitLimit`, or for keys that are not dense
/// (doubles by bit pattern), a set of keys per cell, which holds each distinct (key, cell) pair met.
struct StreamedDistinct {
    private(set) var cellCount: Int
    private var storage: Storage
    private(set) var counts: [Int64]

    private enum Storage {
        /// Bit `(key − low) × stride + cell` for keys in `low...high`; `stride` is `cellCount` rounded up
        /// to whole words, so that a key's bits start a word.
        case bits(low: Int64, high: Int64, stride: Int, words: [UInt64])
        case sets([Set<Int64>])
    }

    /// The most bits kept: 16 MiB. Past it, sets, whose size follows the pairs met rather than the span.
    static let bitLimit = 1 << 27

    init(cellCount: Int) {
        self.cellCount = cellCount
        counts = [Int64](repeating: 0, count: cellCount)
        storage = .bits(low: 0, high: -1, stride: Self.stride(cellCount), words: [])
    }

    private static func stride(_ cells: Int) -> Int { (cells + 63) / 64 * 64 }

    /// Bytes a set takes per key it has room for: the key, in buckets at most three quarters full.
    private static let setBytesPerKey = 11

    /// Adds one block's rows: row i's key `keys[i]` in cell `cells[i]` (-1: not counted). The values
    /// met are what an exact distinct count must keep, however the rows are read: when what they would
    /// take next does not fit in the memory left, a message says so rather than the process ending.
    mutating func add(cells: [Int32], keys: [Int64]) throws(Diagnostic) {
        do throws(MemoryShortage) { try MemoryBudget.reserve(growth(cells, keys)) } catch {
            throw Diagnostic(
                "not enough memory to count distinct values over data read in blocks: the \(counts.reduce(0, +)) "
                    + "distinct (value, cell) pairs met so far must be kept: \(error.amounts)",
                help: "count over a coarser grain, fewer dimensions or a shorter range, or give Tally more memory")
        }
        insert(cells, keys)
    }

    /// The bytes adding these rows may allocate: bits laid over a wider span, the sets the bits turn
    /// into, or sets that fill up and move into twice the room.
    private func growth(_ cells: [Int32], _ keys: [Int64]) -> Int {
        switch storage {
        case .bits(let low, let high, let stride, let words):
            var (lo, hi) = (Int64.max, Int64.min)
            for i in cells.indices where cells[i] >= 0 && keys[i] != Int64.min {
                (lo, hi) = (min(lo, keys[i]), max(hi, keys[i]))
            }
            guard lo <= hi else { return 0 }
            let (newLow, newHigh) = high < low ? (lo, hi) : (min(low, lo), max(high, hi))
            if high >= low, newLow == low, newHigh == high { return 0 }
            let (span, overflow) = newHigh.subtractingReportingOverflow(newLow)
            if !overflow, span < Int64(Self.bitLimit / stride) { return words.count * 8 + Int(span + 1) * stride / 8 }
            let pairs = Int(counts.reduce(0, +)) + cells.count
            return 2 * pairs * Self.setBytesPerKey
        case .sets(let sets):
            var rows = [Int](repeating: 0, count: sets.count)
            for c in cells where c >= 0 { rows[Int(c)] += 1 }
            var bytes = 0
            for (set, more) in zip(sets, rows) where set.count + more > set.capacity {
                bytes += 2 * max(set.capacity, set.count + more) * Self.setBytesPerKey
            }
            return bytes
        }
    }

    private mutating func insert(_ cells: [Int32], _ keys: [Int64]) {
        guard case .bits(let low, let high, _, _) = storage else { return addToSets(cells, keys) }
        var (lo, hi) = (Int64.max, Int64.min)
        for i in cells.indices where cells[i] >= 0 && keys[i] != Int64.min {
            (lo, hi) = (min(lo, keys[i]), max(hi, keys[i]))
        }
        guard lo <= hi else { return }
        let (newLow, newHigh) = high < low ? (lo, hi) : (min(low, lo), max(high, hi))
        guard widen(low: newLow, high: newHigh) else {
            storage = .sets(keysPerCell)
            return addToSets(cells, keys)
        }
        guard case .bits(let low, _, let stride, var words) = storage else { return }
        storage = .sets([])  // Leaves `words` the only reference, so it is changed in place.
        words.withUnsafeMutableBufferPointer { words in
            counts.withUnsafeMutableBufferPointer { counts in
                for i in cells.indices where cells[i] >= 0 && keys[i] != Int64.min {
                    let bit = Int(keys[i] &- low) &* stride &+ Int(cells[i])
                    let mask: UInt64 = 1 &<< UInt64(bit & 63)
                    if words[bit >> 6] & mask == 0 {
                        words[bit >> 6] |= mask
                        counts[Int(cells[i])] += 1
                    }
                }
            }
        }
        storage = .bits(low: low, high: newHigh, stride: stride, words: words)
    }

    /// Makes the bits span `low...high`; false when that would pass `bitLimit`.
    private mutating func widen(low: Int64, high: Int64) -> Bool {
        guard case .bits(let oldLow, let oldHigh, let stride, var words) = storage else { return false }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow, span < Int64(Self.bitLimit / stride) else { return false }
        if oldHigh < oldLow {
            storage = .bits(low: low, high: high, stride: stride, words: [UInt64](repeating: 0, count: Int(span + 1) * stride / 64))
            return true
        }
        storage = .sets([])
        if low < oldLow { words.insert(contentsOf: repeatElement(0, count: Int(oldLow - low) * stride / 64), at: 0) }
        if high > oldHigh { words.append(contentsOf: repeatElement(0, count: Int(high - oldHigh) * stride / 64)) }
        storage = .bits(low: low, high: max(high, oldHigh), stride: stride, words: words)
        return true
    }

    private mutating func addToSets(_ cells: [Int32], _ keys: [Int64]) {
        guard case .sets(var sets) = storage else { return }
        storage = .sets([])
        for i in cells.indices where cells[i] >= 0 && keys[i] != Int64.min {
            if sets[Int(cells[i])].insert(keys[i]).inserted { counts[Int(cells[i])] += 1 }
        }
        storage = .sets(sets)
    }

    /// The keys met in each cell.
    private var keysPerCell: [Set<Int64>] {
        switch storage {
        case .sets(let sets): return sets
        case .bits(let low, let high, let stride, let words):
            var sets = [Set<Int64>](repeating: [], count: cellCount)
            guard high >= low else { return sets }
            for (w, word) in words.enumerated() where word != 0 {
                var rest = word
                while rest != 0 {
                    let bit = w * 64 + rest.trailingZeroBitCount
                    sets[bit % stride].insert(low + Int64(bit / stride))
                    rest &= rest &- 1
                }
            }
            return sets
        }
    }

    /// Makes room for `count` cells, the new ones empty. A key's bits are laid out again when its
    /// cells pass a whole word more (as sets if they would then be too many). Unchecked against the
    /// memory left, like `add(into:)`: both only lay out again the pairs already met.
    mutating func grow(to count: Int) {
        guard count > cellCount else { return }
        let met = keysPerCell
        cellCount = count
        counts = [Int64](repeating: 0, count: count)
        storage = .bits(low: 0, high: -1, stride: Self.stride(count), words: [])
        insert(met.indices.flatMap { repeatElement(Int32($0), count: met[$0].count) }, met.flatMap { $0 })
    }

    /// Adds every cell's keys into cell `target(cell)` of `other` (none when nil).
    func add(into other: inout StreamedDistinct, _ target: (Int) -> Int?) {
        var cells: [Int32] = []
        var keys: [Int64] = []
        for (cell, met) in keysPerCell.enumerated() {
            guard let t = target(cell) else { continue }
            cells += repeatElement(Int32(t), count: met.count)
            keys += met
        }
        other.insert(cells, keys)
    }
}
