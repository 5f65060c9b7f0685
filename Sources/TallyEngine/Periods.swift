// The dense time axis of a query: its periods, clipped to the range, and which period a day falls in.

import TallyData
import TallyDiagnostics
import TallySemantics

/// The periods a query reports. With a grain, every period from the range's first to its last;
/// without one, a single period covering the range (or all time).
struct Periods {
    let grain: Grain?
    /// Index (by the grain) of the first period.
    let first: Int
    let count: Int
    /// Inclusive day bounds rows must fall in; nil sides are open.
    let since: Int32?
    let until: Int32?

    /// `days` holds, for each aggregate, the rows passing `where` and their anchor days.
    init(query: BoundQuery, days: [(passes: [UInt8], days: [Int32]?)]) throws(Diagnostic) {
        grain = query.grain
        var since = query.range?.since
        var until = query.range?.until
        if since == nil || until == nil {
            // Open sides come from the data: the earliest and latest anchor dates read after `where`.
            var lo = Int32.max
            var hi = Int32.min
            for (passes, d) in days {
                guard let d else { continue }
                for i in d.indices where passes[i] == 1 && d[i] != NullSentinel.int32 {
                    lo = min(lo, d[i])
                    hi = max(hi, d[i])
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
            first = 0
            count = 1
            return
        }
        guard let since, let until, since <= until else {
            first = 0
            count = 0
            return
        }
        first = grain.index(ofDay: since)
        count = grain.index(ofDay: until) - first + 1
    }

    /// The period a day falls in, or -1 when it is null or outside the range.
    @inline(__always)
    func index(ofDay day: Int32) -> Int {
        if day == NullSentinel.int32 { return -1 }
        if let since, day < since { return -1 }
        if let until, day > until { return -1 }
        guard let grain else { return 0 }
        return grain.index(ofDay: day) - first
    }

    func label(_ period: Int) -> String {
        grain?.label(ofIndex: first + period) ?? ""
    }
}
