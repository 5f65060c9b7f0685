// Calendar.swift — UTC civil-date arithmetic on day numbers (days since 1970-01-01), free of locale and time zone.

/// A proleptic Gregorian date.
struct CivilDate: Equatable {
    var year: Int
    var month: Int
    var day: Int
}

/// Day-number conversions after Howard Hinnant's algorithms; plain integer maths is
/// both faster than Foundation's Calendar and immune to the machine's locale.
enum Cal {
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(_ dayNumber: Int) -> CivilDate {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return CivilDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func monthLength(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 0 = Monday … 6 = Sunday; 1970-01-01 was a Thursday.
    static func weekday(_ dayNumber: Int) -> Int {
        ((dayNumber + 3) % 7 + 7) % 7
    }

    /// Months counted from year 0, so tenure is a simple difference.
    static func monthKey(year: Int, month: Int) -> Int {
        year * 12 + month - 1
    }

    /// Strict YYYY-MM-DD (years 1900–2999 keep four-digit output and sane ranges).
    static func parse(_ text: String) -> Int? {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
            (1900...2999).contains(y), (1...12).contains(m), d >= 1, d <= monthLength(year: y, month: m)
        else { return nil }
        return days(year: y, month: m, day: d)
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
        let c = Cal.civil(current)
        let length = Cal.monthLength(year: c.year, month: c.month)
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
