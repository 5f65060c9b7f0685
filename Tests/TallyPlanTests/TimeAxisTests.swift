// The calendar and the time axis without any engine: which days each shown period covers, and which
// days each comparison reads (like with like), worked out by hand.

import TallyData
import TallyPlan
import TallySemantics
import Testing

private func day(_ y: Int, _ m: Int, _ d: Int) -> Int32 { CivilDate.days(year: y, month: m, day: d) ?? 0 }

private func span(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> DaySpan {
    DaySpan(lo: day(a.0, a.1, a.2), hi: day(b.0, b.1, b.2) + 1)
}

private func axis(_ grain: Grain?, _ since: Int32?, _ until: Int32?, extent: DayExtent? = nil, _ shifts: Set<Shift>)
    -> TimeAxis
{
    TimeAxis(
        calendar: .gregorian, grain: grain, range: DayRange(since: since, until: until), extent: extent, shifts: shifts)
}

/// The span a shown period reads at a shift.
private func read(_ a: TimeAxis, _ k: Int, _ shift: Shift) -> DaySpan? {
    a.slotOf[shift]?[k].flatMap { $0 }.map { a.slots[$0] }
}

@Suite struct CalendarTests {
    let calendar = Calendar.gregorian

    @Test func sameDayOfAnotherMonthIsClampedToItsEnd() {
        let january = calendar.period(ofDay: day(2024, 1, 31), .month)
        let february = calendar.period(ofDay: day(2024, 2, 1), .month)
        #expect(calendar.sameDay(day(2024, 1, 31), of: january, in: february) == day(2024, 2, 29))
        #expect(calendar.sameDay(day(2024, 1, 15), of: january, in: february) == day(2024, 2, 15))
    }

    @Test func sameDayOfAYearIsTheCalendarDateNotTheOffset() {
        // 2024 is a leap year: the 75th day of 2025 is March 16, of 2024 March 15.
        let y2025 = calendar.period(ofDay: day(2025, 3, 15), .year)
        let y2024 = calendar.period(ofDay: day(2024, 1, 1), .year)
        #expect(calendar.sameDay(day(2025, 3, 15), of: y2025, in: y2024) == day(2024, 3, 15))
    }

    @Test func aYearEarlier() {
        #expect(calendar.yearEarlier(calendar.period(ofDay: day(2024, 2, 29), .day)) == nil)
        let week = calendar.period(ofDay: day(2024, 3, 13), .week)
        let earlier = calendar.yearEarlier(week).map(calendar.start)
        // ISO week 11 of 2024 starts March 11; of 2023, March 13.
        #expect(calendar.start(week) == day(2024, 3, 11))
        #expect(earlier == day(2023, 3, 13))
    }
}

@Suite struct TimeAxisTests {
    @Test func clippedPeriodsReadTheSameDaysEarlier() {
        let a = axis(
            .month, day(2024, 1, 15), day(2024, 3, 10), [Shift(periods: 1, years: 0), Shift(periods: 0, years: 1)])
        #expect(a.shown.count == 3)
        #expect(read(a, 0, .none) == span((2024, 1, 15), (2024, 1, 31)))
        #expect(read(a, 0, Shift(periods: 1, years: 0)) == span((2023, 12, 15), (2023, 12, 31)))
        #expect(read(a, 1, Shift(periods: 1, years: 0)) == span((2024, 1, 1), (2024, 1, 31)))
        #expect(read(a, 2, .none) == span((2024, 3, 1), (2024, 3, 10)))
        #expect(read(a, 2, Shift(periods: 1, years: 0)) == span((2024, 2, 1), (2024, 2, 10)))
        #expect(read(a, 2, Shift(periods: 0, years: 1)) == span((2023, 3, 1), (2023, 3, 10)))
        // January 15–31 is shown and, whole, read by February: two layers.
        #expect(a.layers.count == 2)
        for layer in a.layers {
            let spans = layer.map { a.slots[$0] }
            #expect(zip(spans, spans.dropFirst()).allSatisfy { $0.hi <= $1.lo })
        }
    }

    @Test func aSpanToThePeriodsEndReadsToTheEarlierPeriodsEnd() {
        // March 1–31 a month earlier is all of February, not February 1–29 and March 1–2.
        let a = axis(.month, day(2023, 3, 1), day(2023, 3, 31), [Shift(periods: 1, years: 0)])
        #expect(read(a, 0, Shift(periods: 1, years: 0)) == span((2023, 2, 1), (2023, 2, 28)))
        #expect(a.layers.count == 1)
    }

    @Test func openSidesComeFromTheExtentWidenedToWholePeriods() {
        let a = axis(.quarter, nil, nil, extent: DayExtent(first: day(2024, 2, 10), last: day(2024, 4, 2)), [])
        #expect(a.since == day(2024, 1, 1))
        #expect(a.until == day(2024, 6, 30))
        #expect(a.shown.count == 2)
        let none = axis(.month, nil, nil, extent: nil, [])
        #expect(none.shown.isEmpty)
    }

    @Test func withoutAGrainOnePeriodCoversTheRange() {
        let a = axis(nil, day(2024, 1, 1), day(2024, 1, 31), [])
        #expect(a.shown.count == 1)
        #expect(read(a, 0, .none) == span((2024, 1, 1), (2024, 1, 31)))
        // An open side with no data covers nothing.
        #expect(read(axis(nil, day(2024, 1, 1), nil, []), 0, .none)?.isEmpty == true)
    }

    @Test func sizeIsKnownBeforeTheAxisIsBuilt() {
        let shifts: Set<Shift> = [Shift(periods: 2, years: 0), Shift(periods: 0, years: 1)]
        let size = TimeAxis.size(
            calendar: .gregorian, grain: .month, range: DayRange(since: day(2024, 1, 1), until: day(2024, 12, 31)),
            extent: nil,
            shifts: shifts)
        #expect(size.shown == 12)
        #expect(size.slots == 24)
        #expect(axis(.month, day(2024, 1, 1), day(2024, 12, 31), shifts).slots.count <= size.slots)
    }
}
