// Distinct counts by bits against sets of (value, cell) pairs, whether values keep to one combination
// or not, and the division that finds a cell's combination.

import Testing

@testable import TallyData
@testable import TallyEngine

@Suite struct DistinctBitsTests {
    @Test func slotDivisionIsExactDivision() {
        var generator = SystemRandomNumberGenerator()
        let divisors = Array(1...300) + [509, 4096, 65_535, 65_536, 1_000_003, 1 << 30, Int(Int32.max)]
        for d in divisors {
            let division = SlotDivision(d)
            let dividends = Array(0..<2_000) + [Int32.max, Int32.max - 1, Int32(d) - 1, Int32(d)]
                + (0..<2_000).map { _ in Int32.random(in: 0...Int32.max, using: &generator) }
            for n in dividends where n >= 0 {
                #expect(division.quotient(n) == n / Int32(d), "\(n) / \(d)")
            }
        }
    }

    /// Rows of `values` over `cells` counted in blocks of `block` rows, and the distinct (value, cell)
    /// pairs counted with a set, per cell.
    private static func counted(
        values: [Int64], cells: [Int32], cellCount: Int, slotCount: Int, block: Int
    ) -> (bits: DistinctBits?, expected: [Int64]) {
        let ids = DistinctIDs(.int(Integers(values)), count: values.count)
        guard var bits = DistinctBits(values: ids.count, cellCount: cellCount, slotCount: slotCount) else { return (nil, []) }
        for start in stride(from: 0, to: values.count, by: block) {
            let rows = start..<min(start + block, values.count)
            cells[rows].withUnsafeBufferPointer { bits.add(rows, cells: $0, ids: ids) }
        }
        var seen = Set<[Int64]>()
        var expected = [Int64](repeating: 0, count: cellCount)
        for (value, cell) in zip(values, cells) where cell >= 0 && value != NullSentinel.int64 {
            if seen.insert([value, Int64(cell)]).inserted { expected[Int(cell)] += 1 }
        }
        return (bits, expected)
    }

    /// Customers counted by month and their own plan: each value in one combination throughout.
    @Test func valuesKeepingToOneCombinationUseBitsPerSlot() {
        var generator = SystemRandomNumberGenerator()
        let (slots, combos) = (60, 4)
        let rows = 200_000
        let values = (0..<rows).map { _ in Int64.random(in: 1_000...6_000, using: &generator) }
        let cells = values.map { v -> Int32 in
            if v % 97 == 0 { return -1 }  // outside the range or failing `where`
            return Int32(v % Int64(combos)) * Int32(slots) + Int32.random(in: 0..<Int32(slots), using: &generator)
        }
        var withNulls = values
        for i in stride(from: 5, to: rows, by: 1_001) { withNulls[i] = NullSentinel.int64 }
        let (bits, expected) = Self.counted(
            values: withNulls, cells: cells, cellCount: slots * combos, slotCount: slots, block: 65_536)
        #expect(bits?.isPerSlot == true)
        #expect(bits?.counts == expected)
        #expect(expected.reduce(0, +) > 100_000)
    }

    /// Customers counted by the kind of each order: a value turns up in a second combination in the
    /// middle of a block, after thousands of values were counted per slot; nothing is lost or counted twice.
    @Test func aValueInASecondCombinationSpreadsTheBitsOverCells() {
        let (slots, combos) = (12, 6)
        Self.expectPerSlotThenSpread(
            rows: 150_000, valueRange: 20_000, slots: slots, combos: combos, switchAt: 100_123,
            blocks: [65_536, 1_000, 7]
        ) { Int32($0 % Int64(combos)) }
    }

    /// Combinations past one byte (300) and past two (70,000) are held in 16 and 32 bits: each value
    /// keeps its own combination, then one turns up in another and the bits spread over cells.
    @Test(arguments: [(12, 300, 5_000), (1, 70_000, 1_000)])
    func combinationsWiderThanAByte(slots: Int, combos: Int, valueRange: Int) {
        Self.expectPerSlotThenSpread(
            rows: 40_000, valueRange: valueRange, slots: slots, combos: combos, switchAt: 30_001, blocks: [4_096]
        ) {
            // Each value's own combination spreads over the whole range, the highest included.
            Int32(($0 * 7_919 + Int64(combos) - 1) % Int64(combos))
        }
    }

    /// `rows` random values below `valueRange`, each in its own combination (`own`) before row
    /// `switchAt` and in random ones from there, at random slots: counted per slot up to `switchAt`,
    /// and spread over cells when counted whole, in blocks of each size; counts equal to sets of pairs.
    private static func expectPerSlotThenSpread(
        rows: Int, valueRange: Int, slots: Int, combos: Int, switchAt: Int, blocks: [Int], own: (Int64) -> Int32
    ) {
        var generator = SystemRandomNumberGenerator()
        let values = (0..<rows).map { _ in Int64.random(in: 0..<Int64(valueRange), using: &generator) }
        let cells = values.enumerated().map { i, v -> Int32 in
            let combination = i < switchAt ? own(v) : Int32.random(in: 0..<Int32(combos), using: &generator)
            return combination * Int32(slots) + Int32.random(in: 0..<Int32(slots), using: &generator)
        }
        let before = Self.counted(
            values: Array(values[..<switchAt]), cells: Array(cells[..<switchAt]), cellCount: slots * combos,
            slotCount: slots, block: blocks[0])
        #expect(before.bits?.isPerSlot == true)
        #expect(before.bits?.counts == before.expected)
        for block in blocks {
            let (bits, expected) = Self.counted(
                values: values, cells: cells, cellCount: slots * combos, slotCount: slots, block: block)
            #expect(bits?.isPerSlot == false)
            #expect(bits?.counts == expected, "blocks of \(block)")
        }
    }

    /// One combination, or so few slots that bits per slot would not save memory: bits per cell at once.
    @Test func bitsPerSlotOnlyWhenTheySave() {
        #expect(DistinctBits(values: 100, cellCount: 60, slotCount: 60)?.isPerSlot == false)
        #expect(DistinctBits(values: 100, cellCount: 8, slotCount: 1)?.isPerSlot == false)
        #expect(DistinctBits(values: 100, cellCount: 240, slotCount: 60)?.isPerSlot == true)
        #expect(DistinctBits(values: 1 << 26, cellCount: 64, slotCount: 16) == nil)
        let values: [Int64] = [3, 4, 3, 5, 4, 3]
        let cells: [Int32] = [0, 0, 0, -1, 0, 1]
        let (bits, expected) = Self.counted(values: values, cells: cells, cellCount: 2, slotCount: 2, block: 4)
        #expect(bits?.counts == [2, 1])
        #expect(expected == [2, 1])
    }
}
