// A streamed distinct count's values per cell, against sets of (key, cell) pairs built here.

import Testing

@testable import TallyEngine

@Suite struct StreamedDistinctTests {
    /// Blocks whose keys move down and up (the bits are moved and widened), with nulls and rows not
    /// counted, counted per cell exactly as sets of the pairs count them.
    @Test(arguments: [(0, 1), (1, 7), (2, 64), (3, 65), (4, 130)])
    func blocksMovingTheSpanCountAsSets(_ seed: UInt64, _ cellCount: Int) throws {
        var random = SplitMix(seed: seed)
        var distinct = StreamedDistinct(cellCount: cellCount, slotCount: cellCount)
        var expected = [Set<Int64>](repeating: [], count: cellCount)
        for block in 0..<40 {
            // Each block's keys lie around a centre that wanders, below and above the span met so far.
            let centre = Int64(block % 7) * 900 - 2_700
            let rows = Int(random.next() % 500)
            var cells: [Int32] = []
            var keys: [Int64] = []
            for _ in 0..<rows {
                let cell = random.next() % 9 == 0 ? -1 : Int32(random.next() % UInt64(cellCount))
                let key = random.next() % 11 == 0 ? Int64.min : centre + Int64(random.next() % 400)
                cells.append(cell)
                keys.append(key)
                if cell >= 0, key != Int64.min { expected[Int(cell)].insert(key) }
            }
            try distinct.add(cells: cells, keys: keys)
            #expect(distinct.counts == expected.map { Int64($0.count) }, "block \(block)")
        }
        #expect(distinct.counts.reduce(0, +) > 1_000)
    }

    /// Customers counted by month and their own plan: bits per (key, slot) and a combination per key,
    /// while keys wander below and above the span; then, from `switchAt` on, keys turn up in other
    /// combinations (in the middle of blocks) and the bits spread over cells. Counted exactly as sets of
    /// the pairs count them after every block.
    @Test(arguments: [(5, 40), (6, 25), (7, 0)])
    func keysKeepingToOneCombinationAreCountedPerSlot(_ seed: UInt64, _ switchAt: Int) throws {
        var random = SplitMix(seed: seed)
        let (slots, combinations) = (30, 5)
        var distinct = StreamedDistinct(cellCount: slots * combinations, slotCount: slots)
        #expect(distinct.isPerSlot)
        var expected = [Set<Int64>](repeating: [], count: slots * combinations)
        for block in 0..<40 {
            let centre = Int64(block % 7) * 900 - 2_700
            var cells: [Int32] = []
            var keys: [Int64] = []
            for _ in 0..<Int(random.next() % 500) {
                let key = random.next() % 11 == 0 ? Int64.min : centre + Int64(random.next() % 400)
                let own = Int32((key % Int64(combinations) + Int64(combinations)) % Int64(combinations))
                let combination = block < switchAt ? own : Int32(random.next() % UInt64(combinations))
                let cell =
                    random.next() % 9 == 0 ? -1 : combination * Int32(slots) + Int32(random.next() % UInt64(slots))
                cells.append(cell)
                keys.append(key)
                if cell >= 0, key != Int64.min { expected[Int(cell)].insert(key) }
            }
            try distinct.add(cells: cells, keys: keys)
            #expect(distinct.counts == expected.map { Int64($0.count) }, "block \(block)")
            #expect(distinct.isPerSlot == (block < switchAt), "block \(block)")
        }
        #expect(distinct.counts.reduce(0, +) > 5_000)
    }

    /// One combination, or so few slots that bits per slot would not save memory: bits per cell.
    @Test func bitsPerSlotOnlyWhenTheySave() {
        #expect(StreamedDistinct(cellCount: 150, slotCount: 30).isPerSlot)
        #expect(!StreamedDistinct(cellCount: 30, slotCount: 30).isPerSlot)
        #expect(!StreamedDistinct(cellCount: 8, slotCount: 1).isPerSlot)
        #expect(!StreamedDistinct(cellCount: 256 * 30, slotCount: 30).isPerSlot)
        #expect(!StreamedDistinct(cellCount: 151, slotCount: 30).isPerSlot)
    }

    /// Keys too far apart for the bits (doubles by bit pattern, say) are kept in sets from the start;
    /// keys that widen the span past the limit turn the bits into sets, and counting goes on.
    @Test(arguments: [false, true])
    func spansPastTheLimitUseSets(_ afterBits: Bool) throws {
        var distinct = StreamedDistinct(cellCount: 3, slotCount: 3)
        var expected = [Set<Int64>](repeating: [], count: 3)
        func add(_ pairs: [(Int32, Int64)]) throws {
            try distinct.add(cells: pairs.map(\.0), keys: pairs.map(\.1))
            for (c, k) in pairs { expected[Int(c)].insert(k) }
            #expect(distinct.counts == expected.map { Int64($0.count) })
        }
        if afterBits { try add([(0, 5), (1, 5), (2, 9), (0, 5)]) }
        try add([(0, 5), (1, Int64(StreamedDistinct.bitLimit)), (2, -7), (1, Int64.max), (1, Int64.max)])
        try add([(2, 9), (2, -7), (0, 6)])
    }

    /// Cells added later (a new combination met) start empty, and keep the keys already met, also when
    /// a key's bits pass into another word.
    @Test func growingKeepsWhatWasMet() throws {
        var distinct = StreamedDistinct(cellCount: 60, slotCount: 60)
        try distinct.add(cells: [0, 59, 59, 3], keys: [10, 10, 11, 10])
        try distinct.grow(to: 64)
        #expect(distinct.counts == [1, 0, 0, 1] + [Int64](repeating: 0, count: 55) + [2, 0, 0, 0, 0])
        try distinct.grow(to: 70)
        try distinct.add(cells: [69, 59, 0], keys: [12, 12, 10])
        var expected = [Int64](repeating: 0, count: 70)
        (expected[0], expected[3], expected[59], expected[69]) = (1, 1, 3, 1)
        #expect(distinct.counts == expected)
    }

    /// Days' cells merged into slots: a key in two days of one slot counts once there.
    @Test func mergingIntoOtherCellsCountsEachKeyOnce() throws {
        var days = StreamedDistinct(cellCount: 4, slotCount: 4)
        try days.add(cells: [0, 1, 1, 2, 3, 3], keys: [1, 1, 2, 1, 3, Int64.min])
        var slots = StreamedDistinct(cellCount: 2, slotCount: 2)
        try days.add(into: &slots) { $0 == 3 ? nil : $0 / 2 }
        // Slot 0: days 0 and 1 hold keys {1, 2}; slot 1: day 2 holds {1}; day 3 is left out.
        #expect(slots.counts == [2, 1])
    }
}

@Suite struct ZeroedBufferTests {
    /// Growing at the front moves the values up and zeros what is added at either end, past a page too.
    @Test func growingKeepsTheValuesBetweenZeros() throws {
        let buffer = try #require(ZeroedBuffer<UInt64>(count: 3))
        #expect(Array(buffer.buffer) == [0, 0, 0])
        (buffer.buffer[0], buffer.buffer[2]) = (7, 9)
        #expect(buffer.grow(front: 2, back: 1))
        #expect(Array(buffer.buffer) == [0, 0, 7, 0, 9, 0])
        #expect(buffer.grow(front: 0, back: 0))
        #expect(buffer.grow(front: 5_000, back: 3_000))
        let values = Array(buffer.buffer)
        #expect(values.count == 8_006)
        #expect(values[5_000..<5_006] == [0, 0, 7, 0, 9, 0])
        #expect(values.filter { $0 != 0 }.count == 2)
        let bytes = try #require(ZeroedBuffer<UInt8>(count: 0))
        #expect(bytes.grow(front: 1, back: 2))
        #expect(Array(bytes.buffer) == [0, 0, 0])
    }

    /// Room the system refuses is a nil or a false, with the values kept: the caller then says so.
    @Test func refusedRoomLeavesTheValues() throws {
        #expect(ZeroedBuffer<UInt64>(count: 1 << 58) == nil)
        let buffer = try #require(ZeroedBuffer<UInt64>(count: 2))
        buffer.buffer[1] = 5
        #expect(!buffer.grow(front: 0, back: 1 << 58))
        #expect(!buffer.grow(front: 1 << 61, back: 0))
        #expect(Array(buffer.buffer) == [0, 5])
    }
}
