// Period indexes, start days, labels and ISO weeks, checked against hand-computed values.

import Testing

@testable import TallyData

struct GrainTests {
    /// (grain, a day in the period, its index, the period's first day, its label)
    static let periods: [(Grain, Int32, Int, Int32, String)] = [
        (.day, 19787, 19787, 19787, "2024-03-05"),
        (.day, -1, -1, -1, "1969-12-31"),
        (.week, 19782, 2825, 19779, "2024-W09"),  // 2024-02-29, in the week from Monday 2024-02-26
        (.week, 20087, 2869, 20087, "2025-W01"),  // 2024-12-30 is in ISO year 2025
        (.week, 18630, 2660, 18624, "2020-W53"),  // 2021-01-03 is in the last week of 2020
        (.week, 20818, 2973, 20815, "2026-W53"),  // 2026-12-31
        (.week, 4, 0, 4, "1970-W02"),  // 1970-01-05, the first Monday after the epoch
        (.week, 0, -1, -3, "1970-W01"),  // 1970-01-01, a Thursday; week from Monday 1969-12-29
        (.week, -4, -2, -10, "1969-W52"),  // Sunday 1969-12-28
        (.month, 19787, 24290, 19783, "2024-03"),
        (.month, 19782, 24289, 19754, "2024-02"),
        (.month, -1, 23639, -31, "1969-12"),
        (.quarter, 19787, 8096, 19723, "2024-Q1"),
        (.quarter, 20087, 8099, 19997, "2024-Q4"),  // 2024-12-30; Q4 starts 2024-10-01
        (.quarter, -1, 7879, -92, "1969-Q4"),
        (.year, 19787, 2024, 19723, "2024"),
        (.year, -1, 1969, -365, "1969"),
        (.year, -719_162, 1, -719_162, "0001"),
    ]

    @Test(arguments: periods)
    func period(_ grain: Grain, _ day: Int32, _ index: Int, _ start: Int32, _ label: String) {
        #expect(grain.index(ofDay: day) == index)
        #expect(grain.startDay(ofIndex: index) == start)
        #expect(grain.label(ofIndex: index) == label)
    }

    @Test func endDays() {
        #expect(Grain.month.endDay(ofIndex: 24289) == 19783)  // February 2024 ends before 2024-03-01
        #expect(Grain.week.endDay(ofIndex: 2825) == 19786)
        #expect(Grain.year.endDay(ofIndex: 2023) == 19723)
        #expect(Grain.quarter.endDay(ofIndex: 8096) == 19814)  // Q2 2024 starts 2024-04-01
        #expect(Grain.day.endDay(ofIndex: 5) == 6)
    }

    /// Every day from 1968 through 2031: the day lies in its period, and indexes step by one.
    @Test(arguments: Grain.allCases)
    func roundTrips(_ grain: Grain) {
        var previous = grain.index(ofDay: -731)
        for day in Int32(-731)...Int32(22_645) {
            let index = grain.index(ofDay: day)
            #expect(index == previous || index == previous + 1)
            previous = index
            let start = grain.startDay(ofIndex: index)
            #expect(start <= day && day < grain.endDay(ofIndex: index))
            #expect(grain.index(ofDay: start) == index)
            #expect(grain.index(ofDay: start - 1) == index - 1)
        }
    }

    @Test(arguments: [
        (2024, 9, Int32(19779)), (2025, 1, 20087), (2020, 53, 18624), (2026, 53, 20815), (2015, 53, 16797),
        (2021, 1, 18631),
    ] as [(Int, Int, Int32)])
    func isoWeekRanges(_ year: Int, _ week: Int, _ start: Int32) {
        #expect(Grain.isoWeekRange(isoYear: year, week: week) == start..<start + 7)
    }

    @Test(arguments: [(2025, 53), (2024, 53), (2024, 0), (2024, 54), (0, 1), (10000, 1), (2021, -1)] as [(Int, Int)])
    func missingIsoWeeks(_ year: Int, _ week: Int) {
        #expect(Grain.isoWeekRange(isoYear: year, week: week) == nil)
    }

    @Test(arguments: [(2020, 53), (2024, 52), (2025, 52), (2026, 53), (2015, 53), (2004, 53), (2009, 53), (2010, 52)] as [(Int, Int)])
    func weeksInYear(_ year: Int, _ weeks: Int) {
        #expect(Grain.isoWeeksInYear(year) == weeks)
    }

    @Test(arguments: [
        (Int32(20087), 2025, 1), (18630, 2020, 53), (20818, 2026, 53), (19787, 2024, 10), (-719_162, 1, 1),
        (20089, 2025, 1),
    ] as [(Int32, Int, Int)])
    func isoWeekOfDay(_ day: Int32, _ year: Int, _ week: Int) {
        let w = Grain.isoWeek(ofDay: day)
        #expect(w.year == year && w.week == week)
    }

    @Test(arguments: [
        ("day", Grain.day), ("days", .day), ("week", .week), ("weeks", .week), ("month", .month),
        ("months", .month), ("quarter", .quarter), ("quarters", .quarter), ("year", .year), ("years", .year),
        ("Months", .month), ("YEAR", .year),
    ] as [(String, Grain)])
    func parseGrain(_ word: String, _ grain: Grain) {
        #expect(Grain.parse(word) == grain)
    }

    @Test(arguments: ["monthly", "s", "", "dayss", "hour", "weekss"])
    func parseNotAGrain(_ word: String) {
        #expect(Grain.parse(word) == nil)
    }
}
