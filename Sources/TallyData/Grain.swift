// Time grains: bucketing days into numbered periods, period start days, labels and label parsing.

/// A calendar period size used by `by month`, `for 2024-W09` and friends.
///
/// Every grain numbers its periods with consecutive integers (the *index*), so period arithmetic
/// (`previous period`, gaps in a series) is plain integer arithmetic. Weeks are ISO weeks
/// (Monday start, numbered in the ISO week-numbering year).
public enum Grain: String, Sendable, CaseIterable {
    case day, week, month, quarter, year

    /// The period index containing `day`. Consecutive periods have consecutive indexes.
    ///
    /// day: the day number; week: `floor((day - 4) / 7)` (1970-01-05 is a Monday);
    /// month: `year * 12 + month - 1`; quarter: `year * 4 + quarter - 1`; year: the year.
    public func index(ofDay day: Int32) -> Int {
        switch self {
        case .day:
            return Int(day)
        case .week:
            return CivilDate.floorDiv(Int(day) - 4, 7)
        case .month:
            let c = CivilDate.components(day)
            return c.year * 12 + c.month - 1
        case .quarter:
            let c = CivilDate.components(day)
            return c.year * 4 + (c.month - 1) / 3
        case .year:
            return CivilDate.components(day).year
        }
    }

    /// The first day of period `index`; clamped to the Int32 range for absurd indexes.
    public func startDay(ofIndex index: Int) -> Int32 {
        Int32(clamping: startDayUnclamped(index))
    }

    /// The first day after period `index`, so the period is `startDay(ofIndex:)..<endDay(ofIndex:)`.
    public func endDay(ofIndex index: Int) -> Int32 {
        Int32(clamping: startDayUnclamped(index &+ 1))
    }

    private func startDayUnclamped(_ index: Int) -> Int {
        // Clamp first so arithmetic on user-provided indexes cannot overflow.
        let i = max(-100_000_000, min(100_000_000, index))
        switch self {
        case .day:
            return i
        case .week:
            return i * 7 + 4
        case .month:
            return CivilDate.daysUnchecked(
                year: CivilDate.floorDiv(i, 12), month: CivilDate.floorMod(i, 12) + 1, day: 1)
        case .quarter:
            return CivilDate.daysUnchecked(
                year: CivilDate.floorDiv(i, 4), month: CivilDate.floorMod(i, 4) * 3 + 1, day: 1)
        case .year:
            return CivilDate.daysUnchecked(year: i, month: 1, day: 1)
        }
    }

    /// How people write the period: `2024-03-05`, `2024-W09`, `2024-03`, `2024-Q1`, `2024`.
    public func label(ofIndex index: Int) -> String {
        switch self {
        case .day:
            return CivilDate.format(startDay(ofIndex: index))
        case .week:
            let (year, week) = Grain.isoWeek(ofDay: startDay(ofIndex: index))
            return "\(CivilDate.padYear(year))-W\(CivilDate.pad2(week))"
        case .month:
            let year = CivilDate.floorDiv(index, 12)
            return "\(CivilDate.padYear(year))-\(CivilDate.pad2(CivilDate.floorMod(index, 12) + 1))"
        case .quarter:
            let year = CivilDate.floorDiv(index, 4)
            return "\(CivilDate.padYear(year))-Q\(CivilDate.floorMod(index, 4) + 1)"
        case .year:
            return CivilDate.padYear(index)
        }
    }

    /// A grain from its name, singular or plural, case-insensitive: `month`, `months`, `Weeks`.
    public static func parse(_ word: String) -> Grain? {
        let w = word.lowercased()
        if let g = Grain(rawValue: w) { return g }
        if w.hasSuffix("s") { return Grain(rawValue: String(w.dropLast())) }
        return nil
    }

    // MARK: - ISO weeks

    /// The ISO week-numbering year and week (1...53) of a day. The week belongs to the year of its Thursday.
    public static func isoWeek(ofDay day: Int32) -> (year: Int, week: Int) {
        let monday = Int(day) - (CivilDate.weekday(day) - 1)
        let thursday = monday + 3
        let year = CivilDate.components(Int32(clamping: thursday)).year
        let jan1 = CivilDate.daysUnchecked(year: year, month: 1, day: 1)
        return (year, (thursday - jan1) / 7 + 1)
    }

    /// The number of ISO weeks (52 or 53) in an ISO week-numbering year.
    public static func isoWeeksInYear(_ year: Int) -> Int {
        (mondayOfWeekOne(year + 1) - mondayOfWeekOne(year)) / 7
    }

    /// Days `[start, end)` of ISO week `week` of `isoYear`, or nil if the week does not exist
    /// (week 53 of a 52-week year, week 0) or the year is outside 1...9999.
    public static func isoWeekRange(isoYear: Int, week: Int) -> Range<Int32>? {
        guard (1...9999).contains(isoYear), week >= 1, week <= isoWeeksInYear(isoYear) else { return nil }
        let start = mondayOfWeekOne(isoYear) + (week - 1) * 7
        return Int32(start)..<Int32(start + 7)
    }

    /// Week 1 is the week containing January 4.
    private static func mondayOfWeekOne(_ year: Int) -> Int {
        let jan4 = CivilDate.daysUnchecked(year: year, month: 1, day: 4)
        return jan4 - (CivilDate.weekday(Int32(clamping: jan4)) - 1)
    }
}
