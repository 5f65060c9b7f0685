// Calendar.swift — crmgen's month-level views of day numbers and its window; the date maths is TallyData's CivilDate.
import TallyData

/// Encodings that let the generator compare dates by month, which CivilDate has no need for.
enum Cal {
    /// Months counted from year 0, so tenure is a simple difference.
    static func monthKey(year: Int, month: Int) -> Int {
        year * 12 + month - 1
    }

    /// Month and day as one number (March 15 is 315), so yearly periods compare without the year.
    static func monthDay(_ day: Int) -> Int {
        let c = CivilDate.components(Int32(day))
        return c.month * 100 + c.day
    }
}

/// The calendar-month pieces of an inclusive day range, used wherever a rate is given
/// per month but a lifespan starts or ends mid-month.
struct MonthSegment {
    let first: Int
    let last: Int
    let year: Int
    let month: Int
    let monthLength: Int

    var length: Int { last - first + 1 }
    /// Share of the whole month covered, to scale monthly rates.
    var fraction: Double { Double(length) / Double(monthLength) }
    var key: Int { Cal.monthKey(year: year, month: month) }

    /// A uniformly random day of the segment, for events spread over the part of the month lived.
    func randomDay(_ rng: inout RNG) -> Int {
        first + rng.below(length)
    }
}

struct MonthSegments: Sequence, IteratorProtocol {
    private var current: Int
    private let last: Int

    init(from first: Int, through last: Int) {
        current = first
        self.last = last
    }

    mutating func next() -> MonthSegment? {
        guard current <= last else { return nil }
        let c = CivilDate.components(Int32(current))
        let length = CivilDate.daysInMonth(year: c.year, month: c.month)
        let segLast = Swift.min(last, current - c.day + length)
        let segment = MonthSegment(first: current, last: segLast, year: c.year, month: c.month, monthLength: length)
        current = segLast + 1
        return segment
    }
}

/// The generated period; `end` is inclusive and also the "data extracted at" day.
struct Window {
    let start: Int
    let end: Int

    var dayCount: Int { end - start + 1 }
    /// Last second of the window: events stamped later have not happened yet.
    var cutoff: Int { (end + 1) * 86_400 - 1 }
}
