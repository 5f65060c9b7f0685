// What a text column's values look like when an export wrote numbers or dates in its own layout, so
// that a message can show the declaration that reads them. The reader never guesses a layout; these
// only describe the values for the help line.

import TallyData

/// Numbers and dates as exports write them, told from a column's distinct values.
enum ExportedValues {
    // MARK: Numbers

    /// A column of numbers as exported: the separators they use and a value to show.
    struct NumberReading: Equatable {
        /// Between groups of three digits, and before the fraction.
        var thousands: Character
        var decimalMark: Character
        /// The first value written otherwise than plainly.
        var example: String

        /// Thousands by commas and a decimal point, what `as number` reads without a format.
        var isStandard: Bool { thousands == "," && decimalMark == "." }

        /// The format example `as number format` takes: `"1.234,56"`.
        var formatExample: String { "1\(thousands)234\(decimalMark)56" }
    }

    /// Layouts of exported numbers tried in turn; the first is what `as number` reads by default.
    private static let separators: [(thousands: Character, decimalMark: Character)] = [
        (",", "."), (".", ","), (" ", ","), (" ", "."), ("'", "."),
    ]

    /// How a column's values read as numbers written by an export (a currency sign or code, thousands
    /// separators, a decimal comma, parentheses or a trailing minus for a negative: `$1,234.50`,
    /// `1.234,50 €`, `(12.00)`), when every value is a number in one such layout and some value is not
    /// plainly written; nil otherwise.
    static func numberReading(of values: [String]) -> NumberReading? {
        for (thousands, mark) in separators {
            var example: String?
            let all = values.allSatisfy { value in
                guard let plain = isPlainNumber(value, thousands: thousands, decimalMark: mark) else { return false }
                if !plain, example == nil { example = value }
                return true
            }
            if all, let example { return NumberReading(thousands: thousands, decimalMark: mark, example: example) }
        }
        return nil
    }

    private static let currencySigns: Set<Character> = ["$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫", "₴", "฿", "¢"]
    /// Spaces that exports put between thousands or around a currency: plain, no-break, narrow no-break.
    private static let spaces: Set<Character> = [" ", "\u{A0}", "\u{202F}"]

    /// Whether `value` is a number in this layout: true when written plainly (`-12.5`), false when
    /// written as exports do (`$1,234.50`, `(12.00)`, `12.00-`, `USD 3`), nil when it is not one.
    private static func isPlainNumber(_ value: String, thousands: Character, decimalMark: Character) -> Bool? {
        var s = Substring(value)
        var plain = true
        var signs = 0
        var currencies = 0
        func trim() {
            while let c = s.first, spaces.contains(c) { s = s.dropFirst() }
            while let c = s.last, spaces.contains(c) { s = s.dropLast() }
        }
        trim()
        if s.count >= 2, s.first == "(", s.last == ")" {
            s = s.dropFirst().dropLast()
            (signs, plain) = (1, false)
            trim()
        }
        // Signs and currencies around the digits, in any order, each at most once.
        var changed = true
        while changed, !s.isEmpty {
            changed = false
            if let c = s.first, c == "-" || c == "+" {
                s = s.dropFirst()
                signs += 1
                changed = true
            } else if let c = s.last, c == "-" || c == "+" {
                s = s.dropLast()
                (signs, plain) = (signs + 1, false)
                changed = true
            } else if let c = s.first, currencySigns.contains(c) {
                s = s.dropFirst()
                (currencies, plain) = (currencies + 1, false)
                changed = true
            } else if let c = s.last, currencySigns.contains(c) {
                s = s.dropLast()
                (currencies, plain) = (currencies + 1, false)
                changed = true
            } else if s.count > 3, s.prefix(3).allSatisfy(\.isASCIIUppercase) {
                s = s.dropFirst(3)
                (currencies, plain) = (currencies + 1, false)
                changed = true
            } else if s.count > 3, s.suffix(3).allSatisfy(\.isASCIIUppercase) {
                s = s.dropLast(3)
                (currencies, plain) = (currencies + 1, false)
                changed = true
            }
            trim()
        }
        guard signs <= 1, currencies <= 1 else { return nil }
        let parts = s.split(separator: decimalMark, maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, parts.count == 1 || !parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit) else {
            return nil
        }
        if parts.count == 2, decimalMark != "." { plain = false }
        let groups = whole.split(omittingEmptySubsequences: false) { $0 == thousands || thousands == " " && spaces.contains($0) }
        guard let lead = groups.first, !lead.isEmpty, groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else {
            return nil
        }
        if groups.count > 1 {
            // Thousands separators group digits by three.
            guard lead.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            plain = false
        }
        return plain
    }

    // MARK: Dates

    /// How a column's values read as dates.
    enum DateReading: Equatable {
        /// One layout reads them all, or two when month and day order cannot be told apart (month
        /// first, first). `example` is a value to show, one that decides the order when one does.
        case layout(formats: [String], example: String)
        /// Each value is a date, but no one layout reads them all: two values whose layouts differ.
        case mixed(String, String)
        /// The values share a layout, but this one is no day of the calendar (`2024-02-30`).
        case impossible(String)
    }

    /// The layout of a column's values when every value is a date (or a date and a time of day)
    /// written as three numbers between `/`, `.` or `-`; nil when some value is not.
    static func dateReading(of values: [String]) -> DateReading? {
        var readings: [(value: String, layouts: Set<DateLayout>)] = []
        for value in values {
            guard let written = WrittenDate(value) else { return nil }
            readings.append((value, written.layouts))
        }
        let dates = readings.filter { !$0.layouts.isEmpty }
        guard let first = dates.first else { return readings.first.map { .impossible($0.value) } }
        var common = first.layouts
        // The value that last narrowed the layouts: it shows why the others are ruled out.
        var decider = first.value
        for date in dates.dropFirst() {
            let narrowed = common.intersection(date.layouts)
            if narrowed.isEmpty { return .mixed(decider, date.value) }
            if narrowed != common { decider = date.value }
            common = narrowed
        }
        if let bad = readings.first(where: { $0.layouts.isEmpty }) { return .impossible(bad.value) }
        let layouts = common.sorted()
        if layouts == [DateLayout(order: .yearMonthDay, twoDigitYear: false, separator: "-", time: "")],
            let unpadded = dates.first(where: { $0.value.count < 10 })
        {
            // YYYY-MM-DD is read without a declaration: the values it misses have one-digit months or days.
            return .layout(formats: layouts.map(\.format), example: unpadded.value)
        }
        return .layout(formats: layouts.map(\.format), example: layouts.count == 1 ? decider : first.value)
    }

    /// A date layout: the order of year, month and day, their separator and the time of day after them.
    struct DateLayout: Hashable, Comparable {
        enum Order: Int { case yearMonthDay, monthDayYear, dayMonthYear }
        var order: Order
        var twoDigitYear: Bool
        var separator: Character
        /// `%H:%M`, `%H:%M:%S` or nothing.
        var time: String

        var format: String {
            let y = twoDigitYear ? "%y" : "%Y"
            let s = String(separator)
            let date =
                switch order {
                case .yearMonthDay: "%Y\(s)%m\(s)%d"
                case .monthDayYear: "%m\(s)%d\(s)\(y)"
                case .dayMonthYear: "%d\(s)%m\(s)\(y)"
                }
            return time.isEmpty ? date : date + " " + time
        }

        static func < (a: DateLayout, b: DateLayout) -> Bool { a.order.rawValue < b.order.rawValue }
    }

    /// A value written as `2024/3/15`, `15/03/2024` or `15/03/24` (or with `.` or `-`), perhaps with a
    /// time of day after a space.
    struct WrittenDate {
        var parts: [String]
        var separator: Character
        var time: String
        var timeIsValid: Bool

        init?(_ value: String) {
            let pieces = value.split(separator: " ", omittingEmptySubsequences: false)
            guard pieces.count == 1 || pieces.count == 2, let date = pieces.first,
                let separator = date.first(where: { "/.-".contains($0) })
            else { return nil }
            let parts = date.split(separator: separator, omittingEmptySubsequences: false)
            // A four-digit year first, or a two- or four-digit year last.
            let lengths = parts.map(\.count)
            guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
                lengths[0] == 4 && (1...2).contains(lengths[1]) && (1...2).contains(lengths[2])
                    || (1...2).contains(lengths[0]) && (1...2).contains(lengths[1]) && (lengths[2] == 2 || lengths[2] == 4)
            else { return nil }
            self.parts = parts.map(String.init)
            self.separator = separator
            (time, timeIsValid) = ("", true)
            if pieces.count == 2 {
                let clock = pieces[1].split(separator: ":", omittingEmptySubsequences: false)
                guard clock.count == 2 || clock.count == 3,
                    clock.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) })
                else { return nil }
                let numbers = clock.compactMap { Int($0) }
                time = clock.count == 2 ? "%H:%M" : "%H:%M:%S"
                timeIsValid = numbers[0] < 24 && numbers.dropFirst().allSatisfy { $0 < 60 }
            }
        }

        /// The layouts that read this value as a real date (and time of day).
        var layouts: Set<DateLayout> {
            guard timeIsValid else { return [] }
            let n = parts.compactMap { Int($0) }
            let lengths = parts.map(\.count)
            var out: Set<DateLayout> = []
            func add(_ order: DateLayout.Order, year: Int, month: Int, day: Int, twoDigitYear: Bool) {
                guard CivilDate.days(year: year, month: month, day: day) != nil else { return }
                out.insert(DateLayout(order: order, twoDigitYear: twoDigitYear, separator: separator, time: time))
            }
            if lengths[0] == 4 {
                add(.yearMonthDay, year: n[0], month: n[1], day: n[2], twoDigitYear: false)
            } else {
                let twoDigits = lengths[2] == 2
                // As POSIX reads %y: 69–99 are 1969–1999, 00–68 are 2000–2068.
                let year = twoDigits ? (n[2] >= 69 ? 1900 + n[2] : 2000 + n[2]) : n[2]
                add(.monthDayYear, year: year, month: n[0], day: n[1], twoDigitYear: twoDigits)
                add(.dayMonthYear, year: year, month: n[1], day: n[0], twoDigitYear: twoDigits)
            }
            return out
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
    fileprivate var isASCIIUppercase: Bool { isASCII && isUppercase }
}
