// The loops that count (value, cell) pairs by bits, for distinct counts in memory and over blocks.

/// Bits of the (value, cell) pairs met, and per cell the count of pairs met. Each row gives its cell
/// (`cell(i)`, -1 when not counted) and its value as an offset into the bits (`key(i)`, -1 for null).
/// Inlined into each caller, so the closures cost nothing per row.
enum PairBits {
    /// Bit `key × cellCount + cell` per row of `rows`.
    @inline(__always)
    static func addPerCell(
        _ rows: Range<Int>, cell: (Int) -> Int32, key: (Int) -> Int, cellCount: Int,
        bits: UnsafeMutableBufferPointer<UInt64>, counts: UnsafeMutableBufferPointer<Int64>
    ) {
        for i in rows {
            let c = cell(i)
            guard c >= 0 else { continue }
            let k = key(i)
            guard k >= 0 else { continue }
            set(k &* cellCount &+ Int(c), cell: Int(c), bits, counts)
        }
    }

    /// Bit `key × slotCount + slot` per row of `rows`, while every key keeps to one combination, held
    /// plus one in `combinationOf[key]` (0: none yet). Returns the row whose key turns up in a second
    /// combination, not added, or the end of `rows`.
    @inline(__always)
    static func addPerSlot<C: FixedWidthInteger & UnsignedInteger>(
        _ rows: Range<Int>, cell: (Int) -> Int32, key: (Int) -> Int, slotCount: Int, slotOf: SlotDivision,
        combinationOf: UnsafeMutableBufferPointer<C>, bits: UnsafeMutableBufferPointer<UInt64>,
        counts: UnsafeMutableBufferPointer<Int64>
    ) -> Int {
        for i in rows {
            let c = cell(i)
            guard c >= 0 else { continue }
            let k = key(i)
            guard k >= 0 else { continue }
            let combination = slotOf.quotient(c)
            let stored = C(truncatingIfNeeded: combination + 1)
            if combinationOf[k] != stored {
                if combinationOf[k] != 0 { return i }
                combinationOf[k] = stored
            }
            set(k &* slotCount &+ Int(c) &- Int(combination) &* slotCount, cell: Int(c), bits, counts)
        }
        return rows.upperBound
    }

    @inline(__always)
    private static func set(
        _ bit: Int, cell: Int, _ bits: UnsafeMutableBufferPointer<UInt64>, _ counts: UnsafeMutableBufferPointer<Int64>
    ) {
        let mask: UInt64 = 1 &<< UInt64(bit & 63)
        if bits[bit >> 6] & mask == 0 {
            bits[bit >> 6] |= mask
            counts[cell] += 1
        }
    }
}
