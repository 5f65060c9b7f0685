// Calendar arithmetic, formatting and parsing, checked against hand-computed values.

import Testing

@testable import TallyData

struct CivilDateTests {
    struct DateCase: Sendable, CustomTestStringConvertible {
        var text: String
        var year: Int, month: Int, day: Int
        var days: Int32
        var weekday: Int
        var testDescription: String { text }
    }

    static let dates: [DateCase] = [
        DateCase(text: "1970-01-01", year: 1970, month: 1, day: 1, days: 0, weekday: 4),
        DateCase(text: "1970-01-02", year: 1970, month: 1, day: 2, days: 1, weekday: 5),
        DateCase(text: "1969-12-31", year: 1969, month: 12, day: 31, days: -1, weekday: 3),
        DateCase(text: "1969-12-28", year: 1969, month: 12, day: 28, days: -4, weekday: 7),
        DateCase(text: "1969-07-20", year: 1969, month: 7, day: 20, days: -165, weekday: 7),
        DateCase(text: "2000-01-01", year: 2000, month: 1, day: 1, days: 10957, weekday: 6),
        DateCase(text: "2000-02-29", year: 2000, month: 2, day: 29, days: 11016, weekday: 2),
        DateCase(text: "2024-01-01", year: 2024, month: 1, day: 1, days: 19723, weekday: 1),
        DateCase(text: "2024-02-29", year: 2024, month: 2, day: 29, days: 19782, weekday: 4),
        DateCase(text: "2024-03-05", year: 2024, month: 3, day: 5, days: 19787, weekday: 2),
        DateCase(text: "2024-12-30", year: 2024, month: 12, day: 30, days: 20087, weekday: 1),
        DateCase(text: "1900-01-01", year: 1900, month: 1, day: 1, days: -25567, weekday: 1),
        DateCase(text: "1900-03-01", year: 1900, month: 3, day: 1, days: -25508, weekday: 4),
        DateCase(text: "1600-02-29", year: 1600, month: 2, day: 29, days: -135081, weekday: 2),
        DateCase(text: "0001-01-01", year: 1, month: 1, day: 1, days: -719162, weekday: 1),
        DateCase(text: "9999-12-31", year: 9999, month: 12, day: 31, days: 2_932_896, weekday: 5),
    ]

    @Test(arguments: dates)
    func daysFromComponents(_ c: DateCase) {
        #expect(CivilDate.days(year: c.year, month: c.month, day: c.day) == c.days)
    }

    @Test(arguments: dates)
    func componentsFromDays(_ c: DateCase) {
        let parts = CivilDate.components(c.days)
        #expect(parts.year == c.year && parts.month == c.month && parts.day == c.day)
    }

    @Test(arguments: dates)
    func formatAndParse(_ c: DateCase) {
        #expect(CivilDate.format(c.days) == c.text)
        #expect(CivilDate.parseDate(c.text) == c.days)
    }

    @Test(arguments: dates)
    func isoWeekday(_ c: DateCase) {
        #expect(CivilDate.weekday(c.days) == c.weekday)
    }

    /// The two-word reading of `YYYY-MM-DD` gives the day the digits name, worked out here from their
    /// text, or leaves the text to the byte-by-byte reading: every case above, every day of 1899 to 2201 (the edges of its table), and texts with one
    /// byte changed to a neighbour of a digit or a dash, a space, a slash or a byte with the high bit set.
    @Test func twoWordDatesAgreeWithTheByteReading() {
        let parser = CivilDate.DateParser.shared
        /// Whether the two-word reading took the text.
        @discardableResult
        func check(_ text: [UInt8]) -> Bool {
            let low = text[..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let fast = parser.parse(low: low, high: UInt16(text[8]) | UInt16(text[9]) << 8)
            let plain = Self.isoDay(text)
            if let fast { #expect(fast == plain, "\(String(decoding: text, as: UTF8.self))") }
            return fast != nil
        }
        let (first, last) = (CivilDate.days(year: 1899, month: 1, day: 1) ?? 0, CivilDate.days(year: 2201, month: 12, day: 31) ?? 0)
        let sawFast = (first...last).count { check(Array(CivilDate.format($0).utf8)) }
        #expect(sawFast == 300 * 365 + 73)  // 1900 to 2199: the table's years, 73 leap days among them
        let swaps: [UInt8] = [0x2F, 0x3A, 0x2C, 0x2E, 0x20, 0x2D, 0x30, 0x39, 0xB0, 0xAD, 0x00]
        var random = SplitMix(seed: 37)
        for c in Self.dates.map(\.text) + ["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-00"] {
            let text = Array(c.utf8)
            check(text)
            for _ in 0..<200 {
                var changed = text
                changed[Int(random.next() % 10)] = swaps[Int(random.next() % UInt64(swaps.count))]
                check(changed)
            }
        }
    }

    /// `YYYY-MM-DD` read digit by digit through `days(year:month:day:)`, nil for anything else.
    static func isoDay(_ text: [UInt8]) -> Int32? {
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard text.count == 10, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"),
            digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[$0]) })
        else { return nil }
        let number = { (range: Range<Int>) in range.reduce(0) { $0 * 10 + Int(text[$1] - UInt8(ascii: "0")) } }
        return CivilDate.days(year: number(0..<4), month: number(5..<7), day: number(8..<10))
    }

    @Test func componentsBeforeYearOne() {
        let parts = CivilDate.components(-719_163)
        #expect(parts.year == 0 && parts.month == 12 && parts.day == 31)
        #expect(CivilDate.format(-719_163) == "0000-12-31")
    }

    @Test(arguments: [
        (2023, 2, 29), (1900, 2, 29), (2100, 2, 29), (2024, 2, 30), (2024, 4, 31), (2024, 13, 1),
        (2024, 0, 10), (2024, 1, 0), (2024, 1, 32), (0, 1, 1), (10000, 1, 1), (-5, 3, 3),
    ] as [(Int, Int, Int)])
    func invalidDates(_ year: Int, _ month: Int, _ day: Int) {
        #expect(CivilDate.days(year: year, month: month, day: day) == nil)
    }

    @Test(arguments: [
        "2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-01", "2024-01-00",
        "0000-01-01", "2024-3-05", "2024-03-5", "20240305", "2024/03/05", " 2024-03-05", "2024-03-05 ",
        "abcd-ef-gh", "+024-03-05", "", "2024-03-05T00:00:00",
    ])
    func invalidDateStrings(_ text: String) {
        #expect(CivilDate.parseDate(text) == nil)
    }

    @Test func leapYears() {
        #expect(CivilDate.isLeapYear(2024))
        #expect(CivilDate.isLeapYear(2000))
        #expect(!CivilDate.isLeapYear(1900))
        #expect(!CivilDate.isLeapYear(2023))
        #expect(CivilDate.daysInMonth(year: 2024, month: 2) == 29)
        #expect(CivilDate.daysInMonth(year: 2023, month: 2) == 28)
        #expect(CivilDate.daysInMonth(year: 2023, month: 13) == 0)
    }

    @Test(arguments: [
        (Int64(0), Int32(0)), (-1, -1), (86_400_000_000, 1), (86_399_999_999, 0), (-86_400_000_000, -1),
        (-86_400_000_001, -2), (1_709_634_030_000_000, 19787), (Int64.min, -106_751_992),
    ] as [(Int64, Int32)])
    func dayOfTimestamp(_ micros: Int64, _ day: Int32) {
        #expect(CivilDate.day(ofTimestamp: micros) == day)
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (1_709_634_030_000_000, "2024-03-05T10:20:30Z"),
        (1_709_634_030_250_000, "2024-03-05T10:20:30.25Z"),
        (1_709_634_030_000_001, "2024-03-05T10:20:30.000001Z"),
        (1_709_634_030_123_456, "2024-03-05T10:20:30.123456Z"),
        (-1, "1969-12-31T23:59:59.999999Z"),
        (-3_600_000_000, "1969-12-31T23:00:00Z"),
        (1_709_245_800_000_000, "2024-02-29T22:30:00Z"),
    ] as [(Int64, String)])
    func formatTimestamp(_ micros: Int64, _ text: String) {
        #expect(CivilDate.formatTimestamp(micros) == text)
    }

    @Test(arguments: [
        ("2024-03-05T10:20:30Z", Int64(1_709_634_030_000_000)),
        ("2024-03-05T10:20:30", 1_709_634_030_000_000),
        ("2024-03-05 10:20:30", 1_709_634_030_000_000),
        ("2024-03-05t10:20:30z", 1_709_634_030_000_000),
        ("2024-03-05T10:20:30+00:00", 1_709_634_030_000_000),
        ("2024-03-05T10:20:30.25Z", 1_709_634_030_250_000),
        ("2024-03-05T10:20:30.1", 1_709_634_030_100_000),
        ("2024-03-05T10:20:30.000001Z", 1_709_634_030_000_001),
        ("2024-03-05T10:20:30.123456789Z", 1_709_634_030_123_456),
        ("2024-03-05T10:20:30.999999999", 1_709_634_030_999_999),
        ("2024-03-01T00:30:00+02:00", 1_709_245_800_000_000),
        ("2024-03-01T00:30:00+0200", 1_709_245_800_000_000),
        ("2024-02-29T17:30:00-05:00", 1_709_245_800_000_000),
        ("2024-02-29T16:00:00-0630", 1_709_245_800_000_000),
        ("1969-12-31T23:00:00Z", -3_600_000_000),
        ("1969-12-31T23:59:59.5Z", -500_000),
        ("1970-01-01T01:00:00+01:00", 0),
        // As exports write them: a space for the T, no seconds, a space before the zone, hours-only offsets.
        ("2024-03-05 10:20:30", 1_709_634_030_000_000),
        ("2024-03-05 10:20", 1_709_634_000_000_000),
        ("2024-03-05T10:20", 1_709_634_000_000_000),
        ("2024-03-05 10:20:30.5", 1_709_634_030_500_000),
        ("2024-03-05 10:20:30 Z", 1_709_634_030_000_000),
        ("2024-03-05 10:20:30 UTC", 1_709_634_030_000_000),
        ("2024-03-01 00:30:00+02", 1_709_245_800_000_000),
        ("2024-03-01 00:30:00 +02:00", 1_709_245_800_000_000),
        ("2024-03-01 00:30+0200", 1_709_245_800_000_000),
    ] as [(String, Int64)])
    func parseTimestamp(_ text: String, _ micros: Int64) {
        #expect(CivilDate.parseTimestamp(text) == micros)
    }

    @Test func offsetCrossesLeapDay() {
        let micros = CivilDate.parseTimestamp("2024-03-01T00:30:00+02:00")
        #expect(micros.map(CivilDate.formatTimestamp) == "2024-02-29T22:30:00Z")
    }

    @Test(arguments: [
        "2024-03-05T24:00:00", "2024-03-05T10:60:00", "2024-03-05T10:20:60", "2024-03-05T10:2",
        "2024-03-05T10:20:30.", "2024-03-05T10:20:30.1234567890Z", "2024-03-05T10:20:30+2",
        "2024-03-05T10:20:30+02:0", "2024-03-05T10:20:30+02:", "2024-03-05T10:20:30  Z", "2024-03-05T10:20:30 ", "2024-03-05T10:20:30ZZ",
        "2024-02-30T00:00:00", "2024-03-05", "2024-03-05X10:20:30", "2024-03-05T1:20:30",
        "2024-03-05T10:20:30+24:00", "2024-03-05T10:20:30+01:60", "2024-03-05T10:20:30.5x", "",
    ])
    func invalidTimestamps(_ text: String) {
        #expect(CivilDate.parseTimestamp(text) == nil)
    }

    @Test func parsesFromBytes() {
        let bytes = Array("x2024-03-05y".utf8)
        bytes.withUnsafeBufferPointer { b in
            #expect(CivilDate.parseDate(UnsafeBufferPointer(rebasing: b[1..<11])) == 19787)
            #expect(CivilDate.parseDate(UnsafeBufferPointer(rebasing: b[1..<12])) == nil)
        }
    }
}
