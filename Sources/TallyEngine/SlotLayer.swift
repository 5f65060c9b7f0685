// One layer of the time axis's slots, for per-row use: the slot a day falls in, and the slots at
// whose boundary a lifespan is active.

import TallyData
import TallyPlan
import TallySemantics

/// Slots whose spans do not overlap, in time order (`TimeAxis.layers`).
struct SlotLayer {
    /// Slot numbers, in time order.
    let slots: [Int]
    let spans: [DaySpan]
    /// Day → slot number over the layer's days, from `first`; empty when the days are too many.
    private let first: Int32
    private let table: [Int32]

    /// Layers longer than this many days are searched instead of tabled.
    private static let tableLimit = 1 << 22

    init(_ axis: TimeAxis, layer: [Int]) {
        slots = layer
        spans = layer.map { axis.slots[$0] }
        let lo = spans.first?.lo ?? 0
        let hi = spans.last?.hi ?? 0
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
        let k = (position(after: day, \.lo) ?? spans.count) - 1
        guard day != NullSentinel.int32, k >= 0, day < spans[k].hi else { return -1 }
        return Int32(slots[k])
    }

    /// The position of the first span whose `bound` is greater than `day`; nil when there is none.
    private func position(after day: Int32, _ bound: KeyPath<DaySpan, Int32>) -> Int? {
        var lo = 0
        var hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid][keyPath: bound] > day { hi = mid } else { lo = mid + 1 }
        }
        return lo < spans.count ? lo : nil
    }

    /// The day a slot's boundary falls on: its first day, or the day after its last.
    func boundary(at position: Int, _ which: Boundary) -> Int32 {
        which == .start ? spans[position].lo : spans[position].hi
    }

    /// Whether a lifespan (`end` null when it has not ended, or when only its start counts) is active
    /// at the boundary of the slot at `position`: start < B and (end is null or end ≥ B).
    func isActive(start: Int32, end: Int32, at position: Int, _ which: Boundary) -> Bool {
        guard start != NullSentinel.int32 else { return false }
        let b = boundary(at: position, which)
        return start < b && (end == NullSentinel.int32 || end >= b)
    }

    /// For each row in `mask`, the positions (first...last) at whose boundary it is active, or nil.
    /// Boundaries increase with the position, so each row's positions are one run, found by binary search.
    func activeRuns(start: [Int32], end: [Int32], at which: Boundary, mask: [UInt8]) -> [ClosedRange<Int>?] {
        let key: KeyPath<DaySpan, Int32> = which == .start ? \.lo : \.hi
        return mask.indices.map { i in
            guard mask[i] == 1, start[i] != NullSentinel.int32 else { return nil }
            let firstActive = position(after: start[i], key) ?? spans.count
            let lastActive =
                end[i] == NullSentinel.int32 ? spans.count - 1 : (position(after: end[i], key) ?? spans.count) - 1
            return firstActive <= lastActive ? firstActive...lastActive : nil
        }
    }
}
