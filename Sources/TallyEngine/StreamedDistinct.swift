// A distinct count's values per cell, kept between blocks of rows.

import TallyData
import TallyDiagnostics

/// Which values each cell has met, for `count_distinct` over data read in blocks. Values come as keys
/// that mean the same value in every block (`StreamedCells.distinctKeys`; `Int64.min` is null). Cells
/// are (combination, slot) pairs, numbered `combination * slotCount + slot`.
///
/// While the keys met so far span few enough ids, bits over that span: while every key keeps to one
/// combination (customers counted by their own plan), a bit per (key, slot) and each key's combination
/// in a byte; else a bit per (key, cell). Ten million customer ids over 30 months and 5 plans take
/// 47.5 MB per slot and 187.5 MB per cell. Keys below or above those met widen the span (a block of
/// lower keys moves the bits up by whole words: the span starts at a key whose bits start a word).
/// Past `bitLimit`, or for keys that are not dense (doubles by bit pattern), a set of keys per cell,
/// which holds each distinct (key, cell) pair met. Whatever they are held in, the pairs met must all
/// be kept: before they take more memory, it is checked against what is left, and a message says when
/// it is not there.
struct StreamedDistinct {
    private(set) var cellCount: Int
    private let slotCount: Int
    private var storage: Storage
    private(set) var counts: [Int64]
    /// Whether the rows come in blocks of a file too large to read whole (else from columns in memory,
    /// whose values were too sparse or too many for `DistinctBits`): said when room runs out.
    private let inBlocks: Bool

    private enum Storage {
        /// Bit `(key − low) × stride + cell` for keys in `low...high`, `stride` being `cellCount`;
        /// `low` is a multiple of `Self.alignment(stride)`.
        case bits(low: Int64, high: Int64, stride: Int, words: ZeroedBuffer<UInt64>?)
        /// Bit `(key − low) × stride + slot` (`stride`: `slotCount`), and each key's combination plus
        /// one at `combinationOf[key − low]` (0: not met yet).
        case perSlot(
            low: Int64, high: Int64, stride: Int, words: ZeroedBuffer<UInt64>?, combinationOf: ZeroedBuffer<UInt8>?)
        case sets([Set<Int64>])
    }

    /// The most bits kept: 256 MiB. Past it, sets, whose size follows the pairs met rather than the span.
    static let bitLimit = 1 << 31

    /// Bytes a set takes per key it has room for: the key, in buckets at most three quarters full.
    private static let setBytesPerKey = 11

    init(cellCount: Int, slotCount: Int, inBlocks: Bool = true) {
        self.cellCount = cellCount
        self.inBlocks = inBlocks
        self.slotCount = max(1, slotCount)
        counts = [Int64](repeating: 0, count: cellCount)
        storage = Self.empty(cellCount: cellCount, slotCount: self.slotCount)
    }

    /// Bits per slot when there are several combinations, few enough for a byte, and they save memory.
    private static func empty(cellCount: Int, slotCount: Int) -> Storage {
        let combinations = cellCount / slotCount
        if cellCount % slotCount == 0, (2...255).contains(combinations), 8 + slotCount < cellCount {
            return .perSlot(low: 0, high: -1, stride: slotCount, words: nil, combinationOf: nil)
        }
        return .bits(low: 0, high: -1, stride: max(1, cellCount), words: nil)
    }

    /// The keys whose bits together fill whole words: a span starts at a multiple of it, so that keys
    /// added below it move the bits by whole words.
    private static func alignment(_ stride: Int) -> Int64 {
        var (a, b) = (stride, 64)
        while b != 0 { (a, b) = (b, a % b) }
        return Int64(64 / a)
    }

    /// The span that holds keys `lo...hi` and the span met so far (none when `high < low`), from a
    /// multiple of the alignment; nil when its bits would pass `bitLimit`.
    private static func span(
        _ lo: Int64, _ hi: Int64, met low: Int64, _ high: Int64, stride: Int
    ) -> (low: Int64, high: Int64)? {
        let (wantLow, newHigh) = high < low ? (lo, hi) : (min(low, lo), max(high, hi))
        let a = alignment(stride)
        // Rounded down, also below zero; keys so low that it would overflow go to sets.
        let (below, overflow) = wantLow.subtractingReportingOverflow(((wantLow % a) + a) % a)
        guard !overflow else { return nil }
        let (span, spanOverflow) = newHigh.subtractingReportingOverflow(below)
        guard !spanOverflow, span < Int64(bitLimit / stride) else { return nil }
        return (below, newHigh)
    }

    /// Words for the bits of keys `low...high`.
    private static func wordCount(_ low: Int64, _ high: Int64, stride: Int) -> Int {
        (Int(high - low + 1) * stride + 63) / 64
    }

    /// Adds one block's rows: row i's key `keys[i]` in cell `cells[i]` (-1: not counted).
    mutating func add(cells: [Int32], keys: [Int64]) throws(Diagnostic) {
        // The block's lowest and highest keys, read once for what the bits need and for adding them.
        let range = Self.keyRange(cells, keys)
        try reserve(growth(cells, range))
        try insert(cells, keys, range)
    }

    /// Checks that `bytes` more fit in the memory left, else says what the pairs met need.
    private func reserve(_ bytes: Int) throws(Diagnostic) {
        do throws(MemoryShortage) { try MemoryBudget.reserve(bytes) } catch {
            throw shortage("the \(counts.reduce(0, +)) distinct (value, cell) pairs met so far must be kept: \(error.amounts)")
        }
    }

    /// The system's refusal of room for `count` more values.
    private func refused(_ count: Int) -> Diagnostic { shortage("the system refused room for \(count) more values") }

    /// Running out of room for the pairs met, and what to do.
    private func shortage(_ why: String) -> Diagnostic {
        Diagnostic(
            "not enough memory to count distinct values\(inBlocks ? " over data read in blocks" : ""): \(why)",
            help: "count over a coarser grain, fewer dimensions or a shorter range, or give Tally more memory")
    }

    /// The bytes adding these rows takes on: bits laid over a wider span (a buffer in the heap is copied
    /// as it grows; a mapped one is not), or sets that fill up and move into twice the room. (Bits
    /// turning into other bits or sets are checked as they turn.)
    private func growth(_ cells: [Int32], _ range: (Int64, Int64)?) -> Int {
        switch storage {
        case .bits(let low, let high, let stride, _), .perSlot(let low, let high, let stride, _, _):
            guard let (lo, hi) = range else { return 0 }
            if high >= low, lo >= low, hi <= high { return 0 }
            guard let (newLow, newHigh) = Self.span(lo, hi, met: low, high, stride: stride) else { return 0 }
            let bytesPerKey = Double(stride) / 8 + (isPerSlot ? 1 : 0)
            let held = Int(Double(high < low ? 0 : high - low + 1) * bytesPerKey)
            let grown = Int(Double(newHigh - newLow + 1) * bytesPerKey)
            return grown - held + (held < MemoryPolicy.mappedWhileReading ? held : 0)
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

    /// Whether the bits are still per (key, slot).
    var isPerSlot: Bool {
        if case .perSlot = storage { return true }
        return false
    }

    private static func keyRange(_ cells: [Int32], _ keys: [Int64]) -> (Int64, Int64)? {
        var (lo, hi) = (Int64.max, Int64.min)
        for i in cells.indices where cells[i] >= 0 && keys[i] != Int64.min {
            (lo, hi) = (min(lo, keys[i]), max(hi, keys[i]))
        }
        return lo <= hi ? (lo, hi) : nil
    }

    /// Adds rows whose keys lie in `range` (nil: none counted).
    private mutating func insert(_ cells: [Int32], _ keys: [Int64], _ range: (Int64, Int64)?) throws(Diagnostic) {
        switch storage {
        case .sets:
            addToSets(cells, keys)
        case .bits(let low, let high, let stride, _), .perSlot(let low, let high, let stride, _, _):
            guard let (lo, hi) = range else { return }
            guard let (newLow, newHigh) = Self.span(lo, hi, met: low, high, stride: stride) else {
                try turnIntoSets()
                return addToSets(cells, keys)
            }
            try widen(low: newLow, high: newHigh)
            if isPerSlot {
                let stop = addPerSlot(cells, keys)
                guard stop < cells.count else { return }
                // A key met in a second combination: the same pairs, laid out per cell, and on.
                try spreadOverCells()
                try insert(Array(cells[stop...]), Array(keys[stop...]), range)
            } else {
                addPerCell(cells, keys)
            }
        }
    }

    /// Makes the bits (and combinations) span `low...high`, which holds the span they had.
    private mutating func widen(low: Int64, high: Int64) throws(Diagnostic) {
        switch storage {
        case .bits(let oldLow, let oldHigh, let stride, let words):
            let words = try widened(words, from: oldLow, oldHigh, to: low, high, wordsOf: stride)
            storage = .bits(low: low, high: high, stride: stride, words: words)
        case .perSlot(let oldLow, let oldHigh, let stride, let words, let combinationOf):
            let words = try widened(words, from: oldLow, oldHigh, to: low, high, wordsOf: stride)
            let combinationOf = try widened(combinationOf, from: oldLow, oldHigh, to: low, high, wordsOf: nil)
            storage = .perSlot(low: low, high: high, stride: stride, words: words, combinationOf: combinationOf)
        case .sets:
            break
        }
    }

    /// The values of keys `oldLow...oldHigh` (none when empty) laid over `low...high`: a word per
    /// `stride` bits (both lows are aligned, so the keys below take whole words), or one per key.
    private func widened<T: FixedWidthInteger>(
        _ values: ZeroedBuffer<T>?, from oldLow: Int64, _ oldHigh: Int64, to low: Int64, _ high: Int64,
        wordsOf stride: Int?
    ) throws(Diagnostic) -> ZeroedBuffer<T> {
        let count = stride.map { Self.wordCount(low, high, stride: $0) } ?? Int(high - low + 1)
        if let values, oldHigh >= oldLow {
            let front = stride.map { Int(oldLow - low) * $0 / 64 } ?? Int(oldLow - low)
            guard values.grow(front: front, back: count - front - values.count) else { throw refused(count) }
            return values
        }
        guard let fresh = ZeroedBuffer<T>(count: count) else { throw refused(count) }
        return fresh
    }

    private mutating func addPerCell(_ cells: [Int32], _ keys: [Int64]) {
        guard case .bits(let low, _, let stride, let held?) = storage else { return }
        counts.withUnsafeMutableBufferPointer { counts in
            PairBits.addPerCell(
                cells.indices, cell: { cells[$0] }, key: { Self.offset(keys[$0], from: low) }, cellCount: stride,
                bits: held.buffer, counts: counts)
        }
    }

    /// Adds rows until one's key turns up in a second combination; returns that row (or the end).
    private mutating func addPerSlot(_ cells: [Int32], _ keys: [Int64]) -> Int {
        guard case .perSlot(let low, _, let stride, let words?, let combinationOf?) = storage else { return 0 }
        return counts.withUnsafeMutableBufferPointer { counts in
            PairBits.addPerSlot(
                cells.indices, cell: { cells[$0] }, key: { Self.offset(keys[$0], from: low) }, slotCount: stride,
                slotOf: SlotDivision(stride), combinationOf: combinationOf.buffer, bits: words.buffer, counts: counts)
        }
    }

    /// A key's place in the span from `low`, -1 for null.
    @inline(__always)
    private static func offset(_ key: Int64, from low: Int64) -> Int {
        key == Int64.min ? -1 : Int(key &- low)
    }

    /// The bits per (key, slot) rewritten as bits per (key, cell), or as sets when those would pass
    /// `bitLimit`: the same pairs, so the counts stand.
    private mutating func spreadOverCells() throws(Diagnostic) {
        guard case .perSlot(let slotLow, let high, _, _, _) = storage else { return }
        let stride = cellCount
        guard let (low, _) = Self.span(slotLow, high, met: 0, -1, stride: stride) else { return try turnIntoSets() }
        let count = Self.wordCount(low, high, stride: stride)
        try reserve(count * 8)
        guard let spread = ZeroedBuffer<UInt64>(count: count) else { throw refused(count) }
        let words = spread.buffer
        forEachPair { key, cell in
            let bit = Int(key - low) * stride + cell
            words[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        storage = .bits(low: low, high: high, stride: stride, words: spread)
    }

    private mutating func turnIntoSets() throws(Diagnostic) {
        if case .sets = storage { return }
        try reserve(2 * Int(counts.reduce(0, +)) * Self.setBytesPerKey)
        storage = .sets(keysPerCell)
    }

    private mutating func addToSets(_ cells: [Int32], _ keys: [Int64]) {
        guard case .sets(var sets) = storage else { return }
        storage = .sets([])
        for i in cells.indices where cells[i] >= 0 && keys[i] != Int64.min {
            if sets[Int(cells[i])].insert(keys[i]).inserted { counts[Int(cells[i])] += 1 }
        }
        storage = .sets(sets)
    }

    /// Calls `body` with every (key, cell) pair met.
    private func forEachPair(_ body: (Int64, Int) -> Void) {
        switch storage {
        case .sets(let sets):
            for (cell, set) in sets.enumerated() { for key in set { body(key, cell) } }
        case .bits(let low, _, let stride, let words):
            Self.forEachBit(words) { body(low + Int64($0 / stride), $0 % stride) }
        case .perSlot(let low, _, let stride, let words, let combinationOf):
            guard let combinationOf = combinationOf?.buffer else { return }
            Self.forEachBit(words) { bit in
                let key = bit / stride
                body(low + Int64(key), (Int(combinationOf[key]) - 1) * slotCount + bit % stride)
            }
        }
    }

    private static func forEachBit(_ words: ZeroedBuffer<UInt64>?, _ body: (Int) -> Void) {
        guard let words = words?.buffer else { return }
        for (w, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                body(w * 64 + rest.trailingZeroBitCount)
                rest &= rest &- 1
            }
        }
    }

    /// The keys met in each cell.
    private var keysPerCell: [Set<Int64>] {
        if case .sets(let sets) = storage { return sets }
        var sets = [Set<Int64>](repeating: [], count: cellCount)
        forEachPair { key, cell in sets[cell].insert(key) }
        return sets
    }

    /// Makes room for `count` cells, the new ones empty: the pairs met are laid out again.
    mutating func grow(to count: Int) throws(Diagnostic) {
        guard count > cellCount else { return }
        let met = keysPerCell
        cellCount = count
        counts = [Int64](repeating: 0, count: count)
        storage = Self.empty(cellCount: count, slotCount: slotCount)
        try add(cells: met.indices.flatMap { repeatElement(Int32($0), count: met[$0].count) }, keys: met.flatMap { $0 })
    }

    /// Adds every cell's keys into cell `target(cell)` of `other` (none when nil).
    func add(into other: inout StreamedDistinct, _ target: (Int) -> Int?) throws(Diagnostic) {
        var cells: [Int32] = []
        var keys: [Int64] = []
        forEachPair { key, cell in
            guard let t = target(cell) else { return }
            cells.append(Int32(t))
            keys.append(key)
        }
        try other.add(cells: cells, keys: keys)
    }
}
