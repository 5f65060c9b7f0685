// count_distinct over dense ids by bits: a value is counted in a cell the first time it is seen there.

import TallyData

/// Which (value, cell) pairs have been seen, and the distinct values per cell so far. Cells are
/// (combination, slot) pairs, numbered `combination * slotCount + slot`.
///
/// While every value keeps to one combination (customers counted by their own plan: a customer has
/// one), a bit per (value, slot) and each value's combination are enough, a fraction of the bits per
/// (value, cell): over 500,000 customers, 60 months and 4 plans, 4.2 MB instead of 15. The first value
/// seen in a second combination turns them into the bits per (value, cell), and counting goes on.
struct DistinctBits {
    private let valueCount: Int
    private let cellCount: Int
    private let slotCount: Int
    private let slotOf: SlotDivision
    /// Each value's combination plus one (0 before it is seen), `combinationWidth` bytes each: the
    /// narrowest unsigned integer that holds every combination (one byte for a few plans, where 32
    /// bits took as much memory as the bits themselves). Kept while every value keeps to one; empty after.
    private var combinationOf: [UInt8]
    private let combinationWidth: Int
    /// Bit `value * slotCount + slot` while `combinationOf` is kept, else bit `value * cellCount + cell`.
    private var bits: [UInt64]
    private(set) var counts: [Int64]

    /// The bits per (value, cell) must fit in 256 MiB and in the memory left (they may be needed after
    /// the bits per slot): nil otherwise, and the caller keeps the pairs met instead.
    init?(values: Int, cellCount: Int, slotCount: Int) {
        let (bitCount, overflow) = values.multipliedReportingOverflow(by: cellCount)
        guard values > 0, !overflow, bitCount <= 1 << 31, slotCount > 0, cellCount % slotCount == 0 else { return nil }
        guard (try? MemoryBudget.reserve(bitCount / 8 + values * 4)) != nil else { return nil }
        (valueCount, self.cellCount, self.slotCount) = (values, cellCount, slotCount)
        slotOf = SlotDivision(slotCount)
        counts = [Int64](repeating: 0, count: cellCount)
        let combinations = cellCount / slotCount
        combinationWidth = combinations < 1 << 8 ? 1 : combinations < 1 << 16 ? 2 : 4
        // Per slot only pays when there are several combinations: it adds a combination per value.
        if combinations > 1, 8 * combinationWidth + slotCount < cellCount {
            combinationOf = [UInt8](repeating: 0, count: values * combinationWidth)
            bits = [UInt64](repeating: 0, count: (values * slotCount + 63) / 64)
        } else {
            combinationOf = []
            bits = [UInt64](repeating: 0, count: (bitCount + 63) / 64)
        }
    }

    /// Whether the bits are still per (value, slot).
    var isPerSlot: Bool { !combinationOf.isEmpty }

    /// Counts the rows `rows` whose cells are `cells` (indexed from `rows`' start, -1 for a row not
    /// counted) and whose values are `ids`.
    mutating func add(_ rows: Range<Int>, cells: UnsafeBufferPointer<Int32>, ids: DistinctIDs) {
        var next = rows.lowerBound
        if isPerSlot {
            next = addPerSlot(rows, cells: cells, ids: ids)
            guard next < rows.upperBound else { return }
            spreadOverCells()
        }
        addPerCell(next..<rows.upperBound, first: rows.lowerBound, cells: cells, ids: ids)
    }

    /// Adds rows until one's value turns up in a second combination; returns that row (or the end).
    private mutating func addPerSlot(_ rows: Range<Int>, cells: UnsafeBufferPointer<Int32>, ids: DistinctIDs) -> Int {
        let (slots, slotOf, width, base) = (slotCount, slotOf, combinationWidth, rows.lowerBound)
        return combinationOf.withUnsafeMutableBufferPointer { bytes in
            bits.withUnsafeMutableBufferPointer { bits in
                counts.withUnsafeMutableBufferPointer { counts in
                    func add<C: FixedWidthInteger & UnsignedInteger>(_: C.Type) -> Int {
                        bytes.withMemoryRebound(to: C.self) {
                            PairBits.addPerSlot(
                                rows, cell: { cells[$0 - base] }, key: ids.id, slotCount: slots, slotOf: slotOf,
                                combinationOf: $0, bits: bits, counts: counts)
                        }
                    }
                    return width == 1 ? add(UInt8.self) : width == 2 ? add(UInt16.self) : add(UInt32.self)
                }
            }
        }
    }

    private mutating func addPerCell(_ rows: Range<Int>, first: Int, cells: UnsafeBufferPointer<Int32>, ids: DistinctIDs) {
        let cellCount = cellCount
        bits.withUnsafeMutableBufferPointer { bits in
            counts.withUnsafeMutableBufferPointer { counts in
                PairBits.addPerCell(
                    rows, cell: { cells[$0 - first] }, key: ids.id, cellCount: cellCount, bits: bits, counts: counts)
            }
        }
    }

    /// The bits per (value, slot) rewritten as bits per (value, cell): the same pairs, so the counts stand.
    private mutating func spreadOverCells() {
        var spread = [UInt64](repeating: 0, count: (valueCount * cellCount + 63) / 64)
        for id in 0..<valueCount {
            let combination = combination(of: id)
            guard combination >= 0 else { continue }
            let cellBase = id * cellCount + combination * slotCount
            for slot in 0..<slotCount {
                let bit = id * slotCount + slot
                guard bits[bit >> 6] & (UInt64(1) << UInt64(bit & 63)) != 0 else { continue }
                let to = cellBase + slot
                spread[to >> 6] |= UInt64(1) << UInt64(to & 63)
            }
        }
        (bits, combinationOf) = (spread, [])
    }

    /// Value `id`'s combination while per slot, -1 before it is seen.
    private func combination(of id: Int) -> Int {
        combinationOf.withUnsafeBytes { raw in
            let offset = id * combinationWidth
            switch combinationWidth {
            case 1: return Int(raw[offset]) - 1
            case 2: return Int(raw.load(fromByteOffset: offset, as: UInt16.self)) - 1
            default: return Int(raw.load(fromByteOffset: offset, as: UInt32.self)) - 1
            }
        }
    }
}

/// Division of a non-negative Int32 by a fixed divisor as a multiply and a shift, exact for every
/// such dividend (the rounded-up reciprocal with 31 + ⌈log₂ d⌉ bits: its error times any dividend
/// stays below one step). A hardware division per row would cost more than the rest of the count.
struct SlotDivision {
    private let multiplier: UInt64
    private let shift: UInt64

    init(_ divisor: Int) {
        let d = UInt64(max(1, min(divisor, Int(Int32.max))))
        let log = d == 1 ? 0 : 64 - (d - 1).leadingZeroBitCount
        shift = UInt64(31 + log)
        multiplier = ((UInt64(1) << shift) + d - 1) / d
    }

    @inline(__always)
    func quotient(_ n: Int32) -> Int32 {
        Int32(truncatingIfNeeded: (UInt64(UInt32(bitPattern: n)) &* multiplier) &>> shift)
    }
}
