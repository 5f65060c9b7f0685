// The time axis of a query, decided once for every engine: the range, the periods shown and the
// days each covers (clipped to the range), and the spans comparisons read, like with like.

import TallyData
import TallySemantics

/// Days `lo..<hi`.
public struct DaySpan: Hashable, Sendable {
    public var lo: Int32
    public var hi: Int32

    public init(lo: Int32, hi: Int32) {
        self.lo = lo
        self.hi = hi
    }

    public var isEmpty: Bool { hi <= lo }
}

/// The earliest and latest day the rows a query reads fall on (anchors and both ends of lifespans,
/// after `where`): what an open side of the range is taken from.
public struct DayExtent: Hashable, Sendable {
    public var first: Int32
    public var last: Int32

    public init(first: Int32, last: Int32) {
        self.first = first
        self.last = last
    }
}

/// How far back a comparison reads: `periods` periods, then `years` years, earlier.
public struct Shift: Hashable, Sendable, Comparable {
    public var periods: Int
    public var years: Int

    public static let none = Shift(periods: 0, years: 0)

    public init(periods: Int, years: Int) {
        self.periods = periods
        self.years = years
    }

    public func adding(periods p: Int = 0, years y: Int = 0) -> Shift { Shift(periods: periods + p, years: years + y) }

    public static func < (a: Shift, b: Shift) -> Bool { (a.years, a.periods) < (b.years, b.periods) }
}

/// The periods a query shows and the spans of days its aggregates are computed over.
///
/// Each shown period covers its days within the range (DESIGN §4: the first and last are clipped).
/// A comparison reads the same span shifted by whole periods (like with like): January 15–31 against
/// December 15–31, March 1–15 of 2025 against March 1–15 of 2024, a whole period against a whole
/// one. Engines compute each aggregate over the distinct spans, the *slots*; spans may overlap
/// (January 15–31 is shown and, whole, compared with by February), so slots come in *layers* of
/// spans that do not, each in time order.
public struct TimeAxis: Sendable {
    public let calendar: Calendar
    public let grain: Grain?
    /// The range shown, inclusive; nil when there is no data to take an open side from.
    public let since: Int32?
    public let until: Int32?
    /// The periods shown, in time order; without a grain, one that is not a calendar period.
    public let shown: [Period?]
    /// The spans engines compute, by slot number.
    public let slots: [DaySpan]
    /// For each shift, the slot each shown period reads, or nil where the calendar has no such
    /// period (February 29 a year earlier).
    public let slotOf: [Shift: [Int?]]
    /// Slot numbers in groups whose spans do not overlap, each in time order.
    public let layers: [[Int]]

    /// The axis of a query with `grain` over `range`; open sides come from `extent`, widened to whole periods.
    public init(calendar: Calendar, grain: Grain?, range: DayRange?, extent: DayExtent?, shifts: Set<Shift>) {
        self.calendar = calendar
        self.grain = grain
        let (since, until) = Self.bounds(calendar, grain, range, extent)
        self.since = since
        self.until = until

        // The shown periods and their clipped spans.
        var shown: [Period?] = []
        var spans: [DaySpan] = []
        if let grain {
            if let since, let until, since <= until {
                var p = calendar.period(ofDay: since, grain)
                while calendar.start(p) <= until {
                    shown.append(p)
                    spans.append(DaySpan(lo: max(calendar.start(p), since), hi: min(calendar.end(p), until + 1)))
                    p = calendar.earlier(p, by: -1)
                }
            }
        } else {
            shown = [nil]
            // An open side with no data to close it covers nothing: no row read has a day.
            if let since, let until {
                spans = [DaySpan(lo: since, hi: until + 1)]
            } else {
                spans = [DaySpan(lo: 0, hi: 0)]
            }
        }
        self.shown = shown

        var slots: [DaySpan] = []
        var slotOfSpan: [DaySpan: Int] = [:]
        func slot(_ span: DaySpan) -> Int {
            if let s = slotOfSpan[span] { return s }
            slotOfSpan[span] = slots.count
            slots.append(span)
            return slots.count - 1
        }
        var slotOf: [Shift: [Int?]] = [:]
        for shift in shifts.union([.none]).sorted() {
            slotOf[shift] = zip(shown, spans).map { period, span -> Int? in
                guard shift != .none else { return slot(span) }
                guard let period, let span = Self.shifted(span, of: period, by: shift, calendar) else { return nil }
                return slot(span)
            }
        }
        self.slots = slots
        self.slotOf = slotOf
        self.layers = Self.layers(slots)
    }

    /// The range shown: the query's, an open side taken from the extent widened to whole periods.
    static func bounds(_ calendar: Calendar, _ grain: Grain?, _ range: DayRange?, _ extent: DayExtent?) -> (
        Int32?, Int32?
    ) {
        var since = range?.since
        var until = range?.until
        if let extent {
            since = since ?? grain.map { calendar.start(calendar.period(ofDay: extent.first, $0)) } ?? extent.first
            until = until ?? grain.map { calendar.end(calendar.period(ofDay: extent.last, $0)) - 1 } ?? extent.last
        }
        return (since, until)
    }

    /// How many periods an axis would show and, at most, how many slots it would compute, without
    /// building it: what an engine weighs before committing memory to it.
    public static func size(
        calendar: Calendar, grain: Grain?, range: DayRange?, extent: DayExtent?, shifts: Set<Shift>
    ) -> (shown: Int, slots: Int) {
        guard let grain else { return (1, 1) }
        guard case (let since?, let until?) = bounds(calendar, grain, range, extent), since <= until else {
            return (0, 0)
        }
        let shown = calendar.period(ofDay: until, grain).index - calendar.period(ofDay: since, grain).index + 1
        // A year back is at most this many periods back (53 ISO weeks, 366 days).
        let perYear: Int =
            switch grain {
            case .year: 1
            case .quarter: 4
            case .month: 12
            case .week: 53
            case .day: 366
            }
        let back = shifts.map { $0.periods + $0.years * perYear }.max() ?? 0
        return (shown, shown + back)
    }

    /// The span `shift` earlier: in the period as many periods (and years) before, the same days
    /// of it; a span that reaches its period's end reaches the earlier period's end.
    static func shifted(_ span: DaySpan, of period: Period, by shift: Shift, _ calendar: Calendar) -> DaySpan? {
        var target = calendar.earlier(period, by: shift.periods)
        for _ in 0..<shift.years {
            guard let p = calendar.yearEarlier(target) else { return nil }
            target = p
        }
        let lo =
            span.lo == calendar.start(period)
            ? calendar.start(target) : calendar.sameDay(span.lo, of: period, in: target)
        let hi =
            span.hi == calendar.end(period)
            ? calendar.end(target) : calendar.sameDay(span.hi - 1, of: period, in: target) + 1
        return DaySpan(lo: lo, hi: hi)
    }

    /// Greedy interval partitioning: each slot, in order of its first day, joins the first layer
    /// whose last span ends before it starts.
    private static func layers(_ slots: [DaySpan]) -> [[Int]] {
        let order = slots.indices.sorted { (slots[$0].lo, slots[$0].hi) < (slots[$1].lo, slots[$1].hi) }
        var layers: [[Int]] = []
        for s in order {
            if let l = layers.firstIndex(where: { slots[$0.last ?? s].hi <= slots[s].lo }) {
                layers[l].append(s)
            } else {
                layers.append([s])
            }
        }
        return layers
    }

    /// How a shown period is named in results.
    public func label(_ k: Int) -> String {
        shown[k]?.label ?? ""
    }
}
