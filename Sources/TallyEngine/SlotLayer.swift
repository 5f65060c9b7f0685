// One layer of the time axis's slots, for per-row use: the slot a day falls in, and the slots at
// whose boundary a lifespan is active.

import TallyData
import TallyPlan
import TallySemantics

/// Per row, the run of a layer's positions at whose boundary it is active, `first[i]...last[i]`, and
/// none when `first[i] > last[i]`: 8 bytes a row, where an optional range of positions takes 24.
struct ActiveRuns {
    let first: [Int32]
    let last: [Int32]

    var count: Int { first.count }
}

/// Slots whose spans do not overlap, in time order (`TimeAxis.layers`).
struct SlotLayer {
    /// Slot numbers, in time order.
    let slots: [Int]
    /// The spans' first days and the days after their last, in the same order (plain arrays: the
    /// binary searches below run once per row).
    private let starts: [Int32]
    private let ends: [Int32]
    /// Each slot's position in the layer, by slot number; -1 for the slots of other layers.
    let positions: [Int]
    /// Day → slot number over the layer's days, from `first`; empty when the days are too many.
    private let first: Int32
    private let table: [Int32]

    /// Layers longer than this many days are searched instead of tabled.
    private static let tableLimit = 1 << 22

    init(_ axis: TimeAxis, layer: [Int]) {
        slots = layer
        let spans = layer.map { axis.slots[$0] }
        starts = spans.map(\.lo)
        ends = spans.map(\.hi)
        var positions = [Int](repeating: -1, count: axis.slots.count)
        for (position, slot) in layer.enumerated() { positions[slot] = position }
        self.positions = positions
        let lo = starts.first ?? 0
        let hi = ends.last ?? 0
        if hi > lo, Int(hi) - Int(lo) < Self.tableLimit {
            var table = [Int32](repeating: -1, count: Int(hi - lo))
            for (slot, span) in zip(layer, spans) where !span.isEmpty {
                for day in span.lo..<span.hi { table[Int(day - lo)] = Int32(slot) }
            }
            (first, self.table) = (lo, table)
        } else {
            (first, table) = (0, [])
        }
    }

    /// The slot a day falls in, or -1 when it is null or in none.
    @inline(__always)
    func slot(ofDay day: Int32) -> Int32 {
        if !table.isEmpty {
            // Null (Int32.min) and days outside the table land outside the unsigned range check.
            let offset = UInt32(bitPattern: day &- first)
            return offset < UInt32(table.count) ? table[Int(offset)] : -1
        }
        let k = (Self.position(after: day, in: starts) ?? starts.count) - 1
        guard day != NullSentinel.int32, k >= 0, day < ends[k] else { return -1 }
        return Int32(slots[k])
    }

    /// Calls `body` with `slot(ofDay:)` over the layer's table taken out once: a loop over rows that
    /// calls the method reloads the table, its first day and its size from the layer at every row,
    /// since the cells it writes might be the layer's memory for all the compiler can tell.
    @inline(__always)
    func withSlotOfDay<R>(_ body: ((Int32) -> Int32) -> R) -> R {
        guard !table.isEmpty else { return body { day in self.slot(ofDay: day) } }
        return table.withUnsafeBufferPointer { table in
            let (first, count) = (first, UInt32(truncatingIfNeeded: table.count))
            return body { day in
                let offset = UInt32(bitPattern: day &- first)
                return offset < count ? table[Int(offset)] : -1
            }
        }
    }

    /// The position of the first bound greater than `day`; nil when there is none.
    private static func position(after day: Int32, in bounds: [Int32]) -> Int? {
        var lo = 0
        var hi = bounds.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if bounds[mid] > day { hi = mid } else { lo = mid + 1 }
        }
        return lo < bounds.count ? lo : nil
    }

    /// Whether a lifespan (`end` null when it has not ended, or when only its start counts) is active
    /// at the boundary of the slot at `position` (its first day, or the day after its last):
    /// start < B and (end is null or end ≥ B).
    @inline(__always)
    func isActive(start: Int32, end: Int32, at position: Int, _ which: Boundary) -> Bool {
        guard start != NullSentinel.int32 else { return false }
        let b = which == .start ? starts[position] : ends[position]
        return start < b && (end == NullSentinel.int32 || end >= b)
    }

    /// For each row in `mask`, the positions at whose boundary it is active. Boundaries increase with
    /// the position, so each row's positions are one run, found from the day table or by binary search.
    func activeRuns(start: [Int32], end: [Int32], at which: Boundary, mask: [UInt8]) -> ActiveRuns {
        let atStart = which == .start
        let last = Int32(slots.count - 1)
        var lasts = [Int32](repeating: -1, count: mask.count)
        let firsts = [Int32](unsafeUninitializedCapacity: mask.count) { firsts, initialized in
            lasts.withUnsafeMutableBufferPointer { lasts in
                for i in mask.indices {
                    // None: the first after the last.
                    firsts[i] = 0
                    guard mask[i] == 1, start[i] != NullSentinel.int32 else { continue }
                    firsts[i] = Int32(boundsUpTo(start[i], atStart))
                    lasts[i] = end[i] == NullSentinel.int32 ? last : Int32(boundsUpTo(end[i], atStart) - 1)
                }
            }
            initialized = mask.count
        }
        return ActiveRuns(first: firsts, last: lasts)
    }

    /// How many of the layer's boundaries (first days, or days after the last) are at or before
    /// `day`: the position of the first one after it. A day inside the span at position k has k + 1
    /// first days and k ends at or before it, read from the day table; other days are searched.
    @inline(__always)
    private func boundsUpTo(_ day: Int32, _ atStart: Bool) -> Int {
        let offset = UInt32(bitPattern: day &- first)
        if offset < UInt32(table.count), case let slot = table[Int(offset)], slot >= 0 {
            return positions[Int(slot)] + (atStart ? 1 : 0)
        }
        let bounds = atStart ? starts : ends
        return Self.position(after: day, in: bounds) ?? bounds.count
    }
}
