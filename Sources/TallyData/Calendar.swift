// What a period is: the one place that numbers periods, names them, and maps a day of one period
// to the same day of another. Engines and the time axis ask the calendar; none computes periods
// itself. Results carry periods as values (`Value.period`) and name them only when shown.

/// A calendar of periods over civil days. Today the Gregorian calendar in UTC, with ISO weeks; a
/// time zone or a fiscal year start is a new value of this type, not an edit elsewhere.
public struct Calendar: Hashable, Sendable {
    public static let gregorian = Calendar()

    /// The period holding a day (days since 1970-01-01).
    public func period(ofDay day: Int32, _ grain: Grain) -> Period {
        Period(grain: grain, index: grain.index(ofDay: day), calendar: self)
    }

    /// The first day of a period.
    public func start(_ p: Period) -> Int32 { p.grain.startDay(ofIndex: p.index) }

    /// The day after a period's last.
    public func end(_ p: Period) -> Int32 { p.grain.startDay(ofIndex: p.index + 1) }

    /// How results name a period: `2024-03-05`, `2024-W10`, `2024-03`, `2024-Q1`, `2024`.
    public func label(_ p: Period) -> String { p.grain.label(ofIndex: p.index) }

    /// The period `count` periods earlier.
    public func earlier(_ p: Period, by count: Int) -> Period {
        Period(grain: p.grain, index: p.index - count, calendar: self)
    }

    /// The same period a year earlier: the same month, quarter or year number, the same ISO week,
    /// the same calendar day; nil when there is none (week 53, February 29).
    public func yearEarlier(_ p: Period) -> Period? {
        switch p.grain {
        case .year: return earlier(p, by: 1)
        case .quarter: return earlier(p, by: 4)
        case .month: return earlier(p, by: 12)
        case .week:
            let (year, week) = Grain.isoWeek(ofDay: start(p))
            return Grain.isoWeekRange(isoYear: year - 1, week: week).map { period(ofDay: $0.lowerBound, .week) }
        case .day:
            let (y, m, d) = CivilDate.components(Int32(p.index))
            return CivilDate.days(year: y - 1, month: m, day: d).map { period(ofDay: $0, .day) }
        }
    }

    /// The day of `target` that stands where `day` stands in `source`: the same day of the month
    /// (the month's last day where the target month is shorter) for months, quarters and years, so
    /// March 15 maps to March 15 of any year; the same day of the week for weeks.
    public func sameDay(_ day: Int32, of source: Period, in target: Period) -> Int32 {
        let first = start(target)
        let last = end(target) - 1
        switch source.grain {
        case .day, .week:
            return min(first + (day - start(source)), last)
        case .month, .quarter, .year:
            let (sy, sm, _) = CivilDate.components(start(source))
            let (ty, tm, _) = CivilDate.components(first)
            let (y, m, d) = CivilDate.components(day)
            let months = (y - sy) * 12 + (m - sm) + (ty * 12 + tm - 1)
            let year = CivilDate.floorDiv(months, 12)
            let month = CivilDate.floorMod(months, 12) + 1
            let clamped = min(d, CivilDate.daysInMonth(year: year, month: month))
            return min(Int32(CivilDate.daysUnchecked(year: year, month: month, day: clamped)), last)
        }
    }
}

/// One period of a calendar: its grain and its number (periods since the calendar's epoch). It
/// keeps its calendar, so a result names and orders its periods as the calendar that made them does.
public struct Period: Hashable, Sendable {
    public var grain: Grain
    public var index: Int
    public var calendar: Calendar

    public init(grain: Grain, index: Int, calendar: Calendar = .gregorian) {
        self.grain = grain
        self.index = index
        self.calendar = calendar
    }

    /// How results name it: `2024-03-05`, `2024-W10`, `2024-03`, `2024-Q1`, `2024`.
    public var label: String { calendar.label(self) }
}
