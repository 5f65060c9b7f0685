// Declared date and timestamp layouts: every directive read exactly, values that do not match rejected
// whole, impossible dates told apart from mismatches, and patterns that cannot be layouts refused.

import Testing

@testable import TallyData

struct DateFormatTests {
    /// Microseconds at a time of 2024-03-05 UTC (day 19787).
    static func march5(_ h: Int64, _ m: Int64, _ s: Int64 = 0, micros: Int64 = 0) -> Int64 {
        19787 * CivilDate.microsPerDay + ((h * 60 + m) * 60 + s) * CivilDate.microsPerSecond + micros
    }

    static func days(_ pattern: String, _ value: String) throws -> Int32? {
        let format = try DateFormat(pattern: pattern)
        var value = value
        return value.withUTF8 { format.days($0) }
    }

    static func micros(_ pattern: String, _ value: String) throws -> Int64? {
        let format = try DateFormat(pattern: pattern)
        var value = value
        return value.withUTF8 { format.micros($0) }
    }

    static func matchesShape(_ pattern: String, _ value: String) throws -> Bool {
        let format = try DateFormat(pattern: pattern)
        var value = value
        return value.withUTF8 { format.matchesShape($0) }
    }

    // MARK: Dates

    @Test(arguments: [
        // %Y %m %d, months and days with one or two digits.
        ("%Y-%m-%d", "2024-03-05", 19787), ("%m/%d/%Y", "3/5/2024", 19787), ("%m/%d/%Y", "03/05/2024", 19787),
        ("%m/%d/%Y", "12/31/1999", 10956), ("%d.%m.%Y", "5.3.2024", 19787), ("%Y%m%d", "20240305", 19787),
        ("%Y-%m-%d", "2024-02-29", 19782), ("%Y-%m-%d", "0001-01-01", -719_162), ("%Y-%m-%d", "9999-12-31", 2_932_896),
        // %y: 69–99 are 1969–1999, 00–68 are 2000–2068 (POSIX).
        ("%d/%m/%y", "05/03/24", 19787), ("%d/%m/%y", "01/01/69", -365), ("%d/%m/%y", "31/12/68", 36159),
        ("%d/%m/%y", "01/01/00", 10957), ("%d/%m/%y", "01/01/99", 10592),
        // %b and %B in English, any letter case.
        ("%d %b %Y", "5 Mar 2024", 19787), ("%d %b %Y", "05 MAR 2024", 19787), ("%d %b %Y", "5 mar 2024", 19787),
        ("%d-%b-%y", "05-Sep-23", 19605), ("%B %d, %Y", "March 5, 2024", 19787), ("%B %d, %Y", "MARCH 5, 2024", 19787),
        ("%B %d, %Y", "september 30, 2023", 19630), ("%B %d, %Y", "May 1, 2024", 19844), ("%b %d %Y", "May 1 2024", 19844),
        // %% and other characters as written, ASCII or not.
        ("%Y-%m-%d%%", "2024-03-05%", 19787), ("Q: %Y/%m/%d", "Q: 2024/03/05", 19787), ("%d·%m·%Y", "5·3·2024", 19787),
    ] as [(String, String, Int32)])
    func dates(_ pattern: String, _ value: String, _ expected: Int32) throws {
        #expect(try Self.days(pattern, value) == expected)
        #expect(try DateFormat(pattern: pattern).hasTime == false)
        // A date-only layout in a timestamp column means midnight UTC.
        #expect(try Self.micros(pattern, value) == Int64(expected) * CivilDate.microsPerDay)
    }

    // MARK: Timestamps

    @Test(arguments: [
        ("%Y-%m-%d %H:%M:%S", "2024-03-05 10:20:30", march5(10, 20, 30)), ("%Y-%m-%d %H:%M", "2024-03-05 7:05", march5(7, 5)),
        ("%Y-%m-%d %H:%M:%S", "2024-03-05 10:20:5", march5(10, 20, 5)), ("%H:%M %d/%m/%Y", "23:59 5/3/2024", march5(23, 59)),
        ("%Y-%m-%d %H", "2024-03-05 0", march5(0, 0)),
        // %I with %p: 12 AM is midnight, 12 PM noon; AM and PM in any letter case.
        ("%m/%d/%Y %I:%M %p", "3/5/2024 12:00 AM", march5(0, 0)), ("%m/%d/%Y %I:%M %p", "3/5/2024 12:00 PM", march5(12, 0)),
        ("%m/%d/%Y %I:%M %p", "3/5/2024 12:30 am", march5(0, 30)), ("%m/%d/%Y %I:%M %p", "3/5/2024 1:15 pm", march5(13, 15)),
        ("%m/%d/%Y %I:%M %p", "3/5/2024 11:59 PM", march5(23, 59)), ("%m/%d/%Y %I:%M%p", "3/5/2024 01:00Am", march5(1, 0)),
        // %f: 1–9 digits, truncated to microseconds.
        ("%Y-%m-%dT%H:%M:%S.%f", "2024-03-05T10:20:30.5", march5(10, 20, 30, micros: 500_000)),
        ("%Y-%m-%dT%H:%M:%S.%f", "2024-03-05T10:20:30.05", march5(10, 20, 30, micros: 50_000)),
        ("%Y-%m-%dT%H:%M:%S.%f", "2024-03-05T10:20:30.000001", march5(10, 20, 30, micros: 1)),
        ("%Y-%m-%dT%H:%M:%S.%f", "2024-03-05T10:20:30.123456", march5(10, 20, 30, micros: 123_456)),
        ("%Y-%m-%dT%H:%M:%S.%f", "2024-03-05T10:20:30.1234567", march5(10, 20, 30, micros: 123_456)),
        ("%Y-%m-%dT%H:%M:%S.%f", "2024-03-05T10:20:30.999999999", march5(10, 20, 30, micros: 999_999)),
        // %z: Z in either case, ±HH, ±HHMM, ±HH:MM; the written time is UTC plus the offset.
        ("%Y-%m-%d %H:%M:%S%z", "2024-03-05 10:20:30Z", march5(10, 20, 30)),
        ("%Y-%m-%d %H:%M:%S%z", "2024-03-05 10:20:30z", march5(10, 20, 30)),
        ("%Y-%m-%d %H:%M:%S%z", "2024-03-05 10:20:30+02", march5(8, 20, 30)),
        ("%Y-%m-%d %H:%M:%S%z", "2024-03-05 10:20:30+0200", march5(8, 20, 30)),
        ("%Y-%m-%d %H:%M:%S%z", "2024-03-05 10:20:30+02:00", march5(8, 20, 30)),
        ("%Y-%m-%d %H:%M:%S%z", "2024-03-05 10:20:30-05:30", march5(15, 50, 30)),
        ("%Y-%m-%d %H:%M:%S%z", "2024-03-05 10:20:30-00:00", march5(10, 20, 30)),
        ("%Y-%m-%d %H:%M:%S %z", "2024-03-05 10:20:30 +01:00", march5(9, 20, 30)),
        ("%Y-%m-%d %H:%M%z", "2024-03-05 00:30+02", 19786 * CivilDate.microsPerDay + 22 * 3_600_000_000 + 30 * 60_000_000),
    ] as [(String, String, Int64)])
    func timestamps(_ pattern: String, _ value: String, _ expected: Int64) throws {
        #expect(try Self.micros(pattern, value) == expected)
        #expect(try DateFormat(pattern: pattern).hasTime)
    }

    // MARK: Values that do not match

    @Test(arguments: [
        ("%m/%d/%Y", "2024-03-05"), ("%m/%d/%Y", "13/01/2024"), ("%m/%d/%Y", "0/01/2024"), ("%m/%d/%Y", "3/5/24"),
        ("%m/%d/%Y", "03/05/2024 "), ("%m/%d/%Y", " 03/05/2024"), ("%m/%d/%Y", "003/05/2024"), ("%m/%d/%Y", "3/5/20245"),
        ("%m/%d/%Y", "3/32/2024"), ("%m/%d/%Y", "3/0/2024"), ("%m/%d/%Y", "3-5-2024"), ("%Y-%m-%d", "0000-01-01"),
        ("%d/%m/%y", "05/03/4"), ("%d/%m/%y", "05/03/2024"), ("%d %b %Y", "5 Sept 2024"), ("%d %b %Y", "5 Mrz 2024"),
        ("%B %d, %Y", "Mar 5, 2024"), ("%Y-%m-%d %H:%M", "2024-03-05 24:00"), ("%Y-%m-%d %H:%M", "2024-03-05 10:60"),
        ("%Y-%m-%d %H:%M:%S", "2024-03-05 10:20:60"), ("%Y-%m-%d %H:%M", "2024-03-05 10"),
        ("%m/%d/%Y %I:%M %p", "3/5/2024 0:30 AM"), ("%m/%d/%Y %I:%M %p", "3/5/2024 13:00 PM"),
        ("%m/%d/%Y %I:%M %p", "3/5/2024 12:00"), ("%m/%d/%Y %I:%M %p", "3/5/2024 12:00 XM"),
        ("%m/%d/%Y %I:%M %p", "3/5/2024 12:00 A"), ("%Y-%m-%dT%H:%M:%S.%f", "2024-03-05T10:20:30."),
        ("%Y-%m-%dT%H:%M:%S.%f", "2024-03-05T10:20:30.1234567890"), ("%Y-%m-%d %H:%M:%S%z", "2024-03-05 10:20:30"),
        ("%Y-%m-%d %H:%M:%S%z", "2024-03-05 10:20:30+2"), ("%Y-%m-%d %H:%M:%S%z", "2024-03-05 10:20:30+02:0"),
        ("%Y-%m-%d %H:%M:%S%z", "2024-03-05 10:20:30+24"), ("%Y-%m-%d %H:%M:%S%z", "2024-03-05 10:20:30+0260"),
        ("%Y-%m-%d %H:%M:%S%z", "2024-03-05 10:20:30UTC"), ("%Y-%m-%d%%", "2024-03-05"), ("%Y-%m-%d", ""),
    ])
    func valuesThatDoNotMatch(_ pattern: String, _ value: String) throws {
        #expect(try Self.micros(pattern, value) == nil)
        #expect(try Self.days(pattern, value) == nil)
        #expect(try Self.matchesShape(pattern, value) == false)
    }

    /// Dates with the layout's shape that no calendar has: an error of their own, not a mismatch.
    @Test(arguments: [
        ("%m/%d/%Y", "02/30/2024"), ("%m/%d/%Y", "2/29/2023"), ("%m/%d/%Y", "4/31/2024"), ("%m/%d/%Y", "2/29/1900"),
        ("%d %b %Y", "31 Jun 2024"), ("%Y-%m-%d %H:%M", "2023-02-29 10:00"),
    ])
    func impossibleDates(_ pattern: String, _ value: String) throws {
        #expect(try Self.days(pattern, value) == nil)
        #expect(try Self.micros(pattern, value) == nil)
        #expect(try Self.matchesShape(pattern, value))
    }

    // MARK: Patterns

    static let needsParts = "a date format needs a year (%Y or %y), a month (%m, %b or %B) and a day (%d)"
    static let twice = "the format names the same part of a date twice"
    static let halfDay = "%I (hour 1–12) and %p (AM or PM) go together; use %H for hours 0–23"

    @Test(arguments: [
        ("", needsParts), ("%Y-%m", needsParts), ("%m/%d", needsParts), ("%Y %d", needsParts), ("%H:%M", needsParts),
        ("%Y-%m-%d %Q", "unknown directive '%Q' in the format; the directives are %Y %y %m %d %b %B %H %I %M %S %f %p %z %%"),
        ("%Y-%m-%d %", "the format ends with a lone '%'; write %% for a percent sign"),
        ("%Y-%m-%d %Y", twice), ("%y/%m/%d/%Y", twice), ("%Y %b %m %d", twice), ("%Y %B %d %d", twice),
        ("%Y-%m-%d %H:%M:%S %z%z", twice), ("%Y-%m-%d %I %I %p", twice),
        ("%Y-%m-%d %I:%M", halfDay), ("%Y-%m-%d %H:%M %p", halfDay), ("%Y-%m-%d %p", halfDay),
    ])
    func rejectedPatterns(_ pattern: String, _ message: String) {
        let error = #expect(throws: FormatError.self) { try DateFormat(pattern: pattern) }
        #expect(error?.message == message)
    }

    @Test func patternIsKeptAsWritten() throws {
        #expect(try DateFormat(pattern: "%d.%m.%Y %H:%M").pattern == "%d.%m.%Y %H:%M")
        #expect(try DateFormat(pattern: "%d.%m.%Y") != DateFormat(pattern: "%d.%m.%y"))
    }
}
