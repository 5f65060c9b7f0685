// The dense time axis of a query: its periods, clipped to the range, and which period a day falls in.

import TallyData
import TallyDiagnostics
import TallySemantics

/// The periods a query computes. With a grain, every period from the range's first to its last,
/// preceded by `shownFrom` whole periods of look-back that comparisons read (`previous`, `rolling`,
/// `vs last year`) but the result does not show; without a grain, a single period covering the
/// range (or all time).
struct Periods {
    let grain: Grain?
    /// Index (by the grain) of the first computed period.
    let first: Int
    /// Computed periods, look-back included.
    let count: Int
    /// The position of the first period shown; those before it are look-back.
    let shownFrom: Int
    /// Inclusive day bounds of the shown range; nil sides are open.
    let since: Int32?
    let until: Int32?

    /// `days` holds, for each aggregate, the rows passing `where` and the days that place them in time.
    init(query: BoundQuery, days: [(passes: [UInt8], days: [[Int32]])], lookback: Int) throws(Diagnostic) {
        grain = query.grain
        var since = query.range?.since
        var until = query.range?.until
        if since == nil || until == nil {
            // Open sides come from the data: the earliest and latest dates read after `where`.
            var lo = Int32.max
            var hi = Int32.min
            for (passes, columns) in days {
                for d in columns {
                    for i in d.indices where passes[i] == 1 && d[i] != NullSentinel.int32 {
                        lo = min(lo, d[i])
                        hi = max(hi, d[i])
                    }
                }
            }
            if lo <= hi {
                if since == nil { since = grain.map { $0.startDay(ofIndex: $0.index(ofDay: lo)) } ?? lo }
                if until == nil { until = grain.map { $0.startDay(ofIndex: $0.index(ofDay: hi) + 1) - 1 } ?? hi }
            }
        }
        self.since = since
        self.until = until
        guard let grain else {
            (first, count, shownFrom) = (0, 1, 0)
            return
        }
        guard let since, let until, since <= until else {
            (first, count, shownFrom) = (0, 0, 0)
            return
        }
        shownFrom = lookback
        first = grain.index(ofDay: since) - lookback
        count = grain.index(ofDay: until) - first + 1
    }

    /// The period a day falls in, or -1 when it is null or outside the range. Look-back periods
    /// are whole; the first shown period starts at `since`.
    @inline(__always)
    func index(ofDay day: Int32) -> Int {
        if day == NullSentinel.int32 { return -1 }
        if let until, day > until { return -1 }
        guard let grain else {
            if let since, day < since { return -1 }
            return 0
        }
        guard let since else { return -1 }
        let period = grain.index(ofDay: day) - first
        if period < 0 { return -1 }
        if period >= shownFrom, day < since { return -1 }
        return period
    }

    func label(_ period: Int) -> String {
        grain?.label(ofIndex: first + period) ?? ""
    }

    /// The period a year before `period`, if it is computed: the same month, quarter or year
    /// number, the same ISO week, the same calendar day.
    func yearAgo(_ period: Int) -> Int? {
        guard let grain else { return nil }
        let index = first + period
        let earlier: Int?
        switch grain {
        case .year: earlier = index - 1
        case .quarter: earlier = index - 4
        case .month: earlier = index - 12
        case .week:
            let (year, week) = Grain.isoWeek(ofDay: grain.startDay(ofIndex: index))
            earlier = Grain.isoWeekRange(isoYear: year - 1, week: week).map { grain.index(ofDay: $0.lowerBound) }
        case .day:
            let (y, m, d) = CivilDate.components(Int32(index))
            earlier = CivilDate.days(year: y - 1, month: m, day: d).map(Int.init)
        }
        guard let earlier, earlier >= first, earlier < first + count else { return nil }
        return earlier - first
    }

    // MARK: Lifespans

    /// The day a period's boundary falls on: its first day, or the day after its last, clipped
    /// to the range (DESIGN §4: in a clipped period "start of P" is `since`, "end of P" the day after `until`).
    func boundary(_ period: Int, _ which: Boundary) -> Int32? {
        guard let since, let until else { return nil }
        switch which {
        case .start:
            guard let grain else { return since }
            let start = grain.startDay(ofIndex: first + period)
            return period < shownFrom ? start : max(start, since)
        case .end:
            guard let grain else { return until + 1 }
            return min(grain.startDay(ofIndex: first + period + 1), until + 1)
        }
    }

    /// Whether a lifespan is active at a boundary: start < B and (end is null or end ≥ B).
    func isActive(start: Int32, end: Int32, period: Int, at which: Boundary) -> Bool {
        guard start != NullSentinel.int32, let b = boundary(period, which) else { return false }
        return start < b && (end == NullSentinel.int32 || end >= b)
    }

    /// For each row in `mask`, the periods (first...last) at whose boundary it is active, or nil.
    /// Boundaries increase with the period, so each row's periods are one run, found by binary search.
    func activeSpans(start: [Int32], end: [Int32], at which: Boundary, mask: [UInt8]) -> [ClosedRange<Int>?] {
        let bounds = (0..<count).compactMap { boundary($0, which) }
        guard bounds.count == count, count > 0 else { return [ClosedRange<Int>?](repeating: nil, count: mask.count) }
        /// The first period whose boundary is greater than `day`.
        func firstAfter(_ day: Int32) -> Int {
            var lo = 0
            var hi = bounds.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if bounds[mid] > day { hi = mid } else { lo = mid + 1 }
            }
            return lo
        }
        return mask.indices.map { i in
            guard mask[i] == 1, start[i] != NullSentinel.int32 else { return nil }
            let firstActive = firstAfter(start[i])
            let lastActive = end[i] == NullSentinel.int32 ? count - 1 : firstAfter(end[i]) - 1
            return firstActive <= lastActive ? firstActive...lastActive : nil
        }
    }
}

/// `Periods.index(ofDay:)` through a table over the days of the computed periods, for per-row use.
struct PeriodTable {
    private let periods: Periods
    private let first: Int32
    private let table: [Int32]

    /// Ranges longer than this many days are indexed day by day instead.
    private static let limit = 1 << 22

    init(_ periods: Periods) {
        self.periods = periods
        let lo = periods.grain.map { $0.startDay(ofIndex: periods.first) } ?? periods.since
        if let lo, let until = periods.until, until >= lo, Int(until) - Int(lo) < Self.limit {
            first = lo
            table = (lo...until).map { Int32(periods.index(ofDay: $0)) }
        } else {
            first = 0
            table = []
        }
    }

    @inline(__always)
    func index(ofDay day: Int32) -> Int32 {
        if table.isEmpty { return Int32(periods.index(ofDay: day)) }
        // Null (Int32.min) and days outside the table land outside the unsigned range check.
        let offset = UInt32(bitPattern: day &- first)
        return offset < UInt32(table.count) ? table[Int(offset)] : -1
    }
}
