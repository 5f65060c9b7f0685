// What a text column's values look like when an export wrote numbers or dates in its own layout, so
// that a message can show the declaration that reads them. The reader never guesses a layout; these
// only describe the values for the help line.

import TallyData

/// Numbers and dates as exports write them, told from a column's distinct values.
enum ExportedValues {
    // MARK: Numbers

    /// The first value written as an exported number (a currency sign, thousands separators,
    /// parentheses for a negative: `$1,234.50`, `(12.00)`), when every value is a number written so or
    /// plainly; nil otherwise.
    static func exportedNumber(in values: [String]) -> String? {
        var example: String?
        for value in values {
            switch numberWriting(value) {
            case .exported?: if example == nil { example = value }
            case .plain?: continue
            case nil: return nil
            }
        }
        return example
    }

    private enum NumberWriting { case plain, exported }

    private static let currencySigns: Set<Character> = ["$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫", "₴", "฿", "¢"]

    /// `12.5` is plain; `$12.50`, `1,234.50`, `(12.00)`, `-€ 3`, `12 €` are exported; `N/A` is neither.
    private static func numberWriting(_ value: String) -> NumberWriting? {
        var s = Substring(value.trimmingSpaces)
        var decorated = false
        if s.first == "(", s.last == ")" {
            s = s.dropFirst().dropLast()
            decorated = true
        }
        if s.first == "-" || s.first == "+" { s = s.dropFirst() }
        if let c = s.first, currencySigns.contains(c) {
            s = Substring(s.dropFirst().trimmingSpaces)
            decorated = true
        } else if let c = s.last, currencySigns.contains(c) {
            s = Substring(s.dropLast().trimmingSpaces)
            decorated = true
        }
        if s.first == "-" || s.first == "+" { s = s.dropFirst() }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, parts.count == 1 || parts[1].allSatisfy(\.isASCIIDigit) && !parts[1].isEmpty else {
            return nil
        }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            // Thousands separators group digits by three.
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            decorated = true
        } else if whole.isEmpty && parts.count == 1 {
            return nil
        }
        return decorated ? .exported : .plain
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
}

extension StringProtocol {
    fileprivate var trimmingSpaces: SubSequence {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
