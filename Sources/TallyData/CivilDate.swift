// Proleptic Gregorian calendar arithmetic on day and microsecond counts, plus allocation-free parsers for CSV fields.

/// Calendar dates as days since 1970-01-01 and timestamps as microseconds since 1970-01-01T00:00:00Z.
///
/// Conversions use Howard Hinnant's `days_from_civil` / `civil_from_days`, which are exact for
/// negative day counts too. Parsers accept years 1...9999 only; formatters accept any value.
public enum CivilDate {
    /// Microseconds in one day.
    public static let microsPerDay: Int64 = 86_400_000_000
    /// Microseconds in one second.
    public static let microsPerSecond: Int64 = 1_000_000

    // MARK: - Days

    /// Days since 1970-01-01 of a date, or nil if it does not exist or the year is outside 1...9999.
    public static func days(year: Int, month: Int, day: Int) -> Int32? {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= daysInMonth(year: year, month: month)
        else { return nil }
        return Int32(daysUnchecked(year: year, month: month, day: day))
    }

    /// Days since 1970-01-01 for any year, without validating the date; callers that do arithmetic
    /// on periods need years outside 1...9999 at the edges (e.g. the ISO week after 9999-W52).
    public static func daysUnchecked(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Year, month (1...12) and day (1...31) of a day count.
    public static func components(_ days: Int32) -> (year: Int, month: Int, day: Int) {
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether `year` has a February 29.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Number of days in a month (1...12) of a year; 0 for an invalid month.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public static func weekday(_ days: Int32) -> Int {
        // 1970-01-01 was a Thursday (ISO 4).
        floorMod(Int(days) + 3, 7) + 1
    }

    /// The day a timestamp falls on, in UTC; floors, so instants before 1970 land on the right day.
    public static func day(ofTimestamp micros: Int64) -> Int32 {
        // |Int64| / microsPerDay is about 1.07e8, well inside Int32.
        Int32(truncatingIfNeeded: floorDiv(micros, microsPerDay))
    }

    // MARK: - Formatting

    /// `YYYY-MM-DD`; years outside 0...9999 print with as many digits (and sign) as they need.
    public static func format(_ days: Int32) -> String {
        let (y, m, d) = components(days)
        return "\(padYear(y))-\(pad2(m))-\(pad2(d))"
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, with a fraction only when it is nonzero, trailing zeros trimmed.
    public static func formatTimestamp(_ micros: Int64) -> String {
        let day = floorDiv(micros, microsPerDay)
        let inDay = micros - day * microsPerDay
        let seconds = inDay / microsPerSecond
        let fraction = inDay % microsPerSecond
        let h = Int(seconds / 3600), mi = Int(seconds / 60 % 60), s = Int(seconds % 60)
        var out = format(Int32(truncatingIfNeeded: day)) + "T\(pad2(h)):\(pad2(mi)):\(pad2(s))"
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 6 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            out += "." + digits
        }
        return out + "Z"
    }

    // MARK: - Parsing strings

    /// Parses exactly `YYYY-MM-DD` (a real date, year 1...9999).
    public static func parseDate(_ s: String) -> Int32? {
        var s = s
        return s.withUTF8 { parseDate($0) }
    }

    /// Parses `YYYY-MM-DD[T ]HH:MM[:SS[.fraction]][ ][Z|UTC|±HH|±HHMM|±HH:MM]` to UTC microseconds. No zone
    /// means UTC; the fraction has 1-9 digits, truncated to microseconds; `t` and `z` may be lowercase (RFC 3339).
    public static func parseTimestamp(_ s: String) -> Int64? {
        var s = s
        return s.withUTF8 { parseTimestamp($0) }
    }

    // MARK: - Parsing bytes

    /// `parseDate` on raw UTF-8 bytes, so readers need not build a String per field.
    public static func parseDate(_ b: UnsafeBufferPointer<UInt8>) -> Int32? {
        DateParser.shared.parse(b)
    }

    /// Parses `YYYY-MM-DD` bytes. Most dates fall in 1900-2199: a table of month starts turns them into
    /// days without division. Loops hold one parser so the table is fetched once, not per value.
    public struct DateParser: Sendable {
        public static let shared = DateParser()
        private static let firstYear = 1900
        /// Day number of the first of each month from January 1900 to January 2200.
        private let monthStarts: [Int32] = (0...(300 * 12)).map { i in
            Int32(CivilDate.daysUnchecked(year: firstYear + i / 12, month: i % 12 + 1, day: 1))
        }

        public func parse(_ b: UnsafeBufferPointer<UInt8>) -> Int32? {
            guard b.count == 10, let base = b.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            let high = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
            return parse(low: low, high: high) ?? CivilDate.parseDatePrefix(b)
        }

        /// The day of `YYYY-MM-DD` held in two words (bytes 0 to 7 in `low`, first byte lowest, and 8
        /// and 9 in `high`) when its year is in the table; nil for anything else (a date outside the
        /// table, another layout, no date), which `parseDatePrefix` decides.
        @inline(__always)
        public func parse(low: UInt64, high: UInt16) -> Int32? {
            guard let month = month(low) else { return nil }
            return Self.day(high, in: month)
        }

        /// A month of the table, as its first day's number and its length in days.
        public typealias Month = (start: Int32, days: Int32)

        /// The month of `YYYY-MM-` (8 bytes, first byte lowest) when its year is in the table, else nil.
        /// Apart from `day`, so that a column's dates of one month read it once.
        @inline(__always)
        public func month(_ low: UInt64) -> Month? {
            // Digits become 0...9 and the two dashes 0; any other byte stays above 9.
            let d = low ^ 0x2D30_302D_3030_3030
            guard (d | ((d & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676)) & 0x8080_8080_8080_8080 == 0,
                d & 0xFF00_00FF_0000_0000 == 0
            else { return nil }
            let digit = { (i: UInt64) in Int((d >> (8 * i)) & 0xFF) }
            let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
            let month = digit(5) * 10 + digit(6)
            let index = (year - Self.firstYear) * 12 + month - 1
            guard month >= 1, month <= 12, index >= 0, index + 1 < monthStarts.count else { return nil }
            let start = monthStarts[index]
            return (start, monthStarts[index + 1] - start)
        }

        /// The day of `month` that `DD` (2 bytes, first byte lowest) gives, or nil when it is not one.
        @inline(__always)
        public static func day(_ high: UInt16, in month: Month) -> Int32? {
            let e = UInt32(high ^ 0x3030)
            guard (e | ((e & 0x7F7F) &+ 0x7676)) & 0x8080 == 0 else { return nil }
            let day = Int32(e & 0xFF) * 10 + Int32(e >> 8)
            return day >= 1 && day <= month.days ? month.start + day - 1 : nil
        }
    }

    /// `parseTimestamp` on raw UTF-8 bytes, so readers need not build a String per field.
    public static func parseTimestamp(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard b.count >= 16, let day = parseDatePrefix(b) else { return nil }
        let sep = b[10]
        guard sep | 0x20 == UInt8(ascii: "t") || sep == UInt8(ascii: " "),
            let h = twoDigits(b, 11), b[13] == UInt8(ascii: ":"),
            let mi = twoDigits(b, 14), h <= 23, mi <= 59
        else { return nil }
        var i = 16
        var s = 0
        var fraction: Int64 = 0
        // Seconds may be left out (`2024-03-15 10:22`), and then so is any fraction.
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let seconds = twoDigits(b, 17), seconds <= 59 else { return nil }
            s = seconds
            i = 19
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                let start = i
                var kept = 0
                while i < b.count, let digit = digitValue(b[i]) {
                    if kept < 6 {
                        fraction = fraction * 10 + Int64(digit)
                        kept += 1
                    }
                    i += 1
                }
                let count = i - start
                guard (1...9).contains(count) else { return nil }
                while kept < 6 {
                    fraction *= 10
                    kept += 1
                }
            }
        }
        var offsetSeconds: Int64 = 0
        if i < b.count {
            // Exports often put a space before the zone: `2024-03-15 10:22:11 +02:00`, `... UTC`.
            if b[i] == UInt8(ascii: " "), i + 1 < b.count { i += 1 }
            let c = b[i]
            if c | 0x20 == UInt8(ascii: "z") {
                i += 1
            } else if i + 3 == b.count, c == UInt8(ascii: "U"), b[i + 1] == UInt8(ascii: "T"), b[i + 2] == UInt8(ascii: "C") {
                i += 3
            } else if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                // `±HH`, `±HHMM` or `±HH:MM` (PostgreSQL writes `+02`).
                guard let oh = twoDigits(b, i + 1) else { return nil }
                var om = 0
                if i + 3 < b.count, b[i + 3] == UInt8(ascii: ":") {
                    guard let m = twoDigits(b, i + 4) else { return nil }
                    om = m
                    i += 6
                } else if i + 3 < b.count {
                    guard let m = twoDigits(b, i + 3) else { return nil }
                    om = m
                    i += 5
                } else {
                    i += 3
                }
                guard oh <= 23, om <= 59 else { return nil }
                offsetSeconds = Int64(oh * 3600 + om * 60) * (c == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        guard i == b.count else { return nil }
        let local = Int64(day) * microsPerDay + Int64(h * 3600 + mi * 60 + s) * microsPerSecond + fraction
        // The written time is UTC + offset, so subtract the offset to get UTC.
        return local - offsetSeconds * microsPerSecond
    }

    /// Validates `YYYY-MM-DD` in the first ten bytes (the caller checks the length).
    static func parseDatePrefix(_ b: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard b.count >= 10,
            let y1 = twoDigits(b, 0), let y2 = twoDigits(b, 2), b[4] == UInt8(ascii: "-"),
            let m = twoDigits(b, 5), b[7] == UInt8(ascii: "-"),
            let d = twoDigits(b, 8)
        else { return nil }
        return days(year: y1 * 100 + y2, month: m, day: d)
    }

    @inline(__always)
    private static func digitValue(_ c: UInt8) -> Int? {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") ? Int(c &- UInt8(ascii: "0")) : nil
    }

    @inline(__always)
    private static func twoDigits(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        guard i + 1 < b.count, let hi = digitValue(b[i]), let lo = digitValue(b[i + 1]) else { return nil }
        return hi * 10 + lo
    }

    // MARK: - Helpers

    /// Division rounding toward negative infinity, which calendar arithmetic before 1970 needs.
    public static func floorDiv<T: BinaryInteger>(_ a: T, _ b: T) -> T {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Remainder with the sign of the divisor, the partner of `floorDiv`.
    public static func floorMod<T: BinaryInteger>(_ a: T, _ b: T) -> T {
        a - floorDiv(a, b) * b
    }

    static func pad2(_ n: Int) -> String {
        n < 10 && n >= 0 ? "0\(n)" : "\(n)"
    }

    static func padYear(_ y: Int) -> String {
        let digits = String(y.magnitude)
        let padded = digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
        return y < 0 ? "-" + padded : padded
    }
}
