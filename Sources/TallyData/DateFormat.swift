// A declared layout for dates and timestamps (`"%m/%d/%Y"`), strptime-like but strict: a value matches
// the whole pattern or not at all, so an export's dates are never guessed.

/// A date or timestamp layout, built from a pattern of `%` directives and literal characters.
///
/// Directives: `%Y` four-digit year, `%y` two-digit year (69–99 → 1969–1999, 00–68 → 2000–2068, as
/// POSIX), `%m` month and `%d` day (one or two digits), `%b` month abbreviation (`Jan`) and `%B` month
/// name (`January`), in English, any letter case; `%H` hour 0–23, `%I` hour 1–12 with `%p` (AM/PM),
/// `%M` minutes, `%S` seconds (one or two digits each), `%f` a fraction of a second (1–9 digits),
/// `%z` a UTC offset (`Z`, `+02`, `+0200`, `+02:00`), `%%` a percent sign. Any other character must
/// appear as written. Without `%z`, times are UTC.
public struct DateFormat: Sendable, Equatable {
    /// The pattern as written.
    public let pattern: String
    let pieces: [Piece]

    enum Piece: Equatable {
        case year4, year2, month, monthAbbreviation, monthName, day
        case hour24, hour12, minute, second, fraction, meridiem, offset
        case literal(UInt8)
    }

    /// Whether values carry a time of day (the column is then a timestamp).
    public var hasTime: Bool {
        pieces.contains { [.hour24, .hour12, .minute, .second, .fraction, .offset].contains($0) }
    }

    /// Reads a pattern; the error says what is wrong with it.
    public init(pattern: String) throws(FormatError) {
        var pieces: [Piece] = []
        var bytes = Array(pattern.utf8)[...]
        while let c = bytes.popFirst() {
            guard c == UInt8(ascii: "%") else {
                pieces.append(.literal(c))
                continue
            }
            guard let d = bytes.popFirst() else { throw FormatError("the format ends with a lone '%'; write %% for a percent sign") }
            switch d {
            case UInt8(ascii: "Y"): pieces.append(.year4)
            case UInt8(ascii: "y"): pieces.append(.year2)
            case UInt8(ascii: "m"): pieces.append(.month)
            case UInt8(ascii: "b"): pieces.append(.monthAbbreviation)
            case UInt8(ascii: "B"): pieces.append(.monthName)
            case UInt8(ascii: "d"): pieces.append(.day)
            case UInt8(ascii: "H"): pieces.append(.hour24)
            case UInt8(ascii: "I"): pieces.append(.hour12)
            case UInt8(ascii: "M"): pieces.append(.minute)
            case UInt8(ascii: "S"): pieces.append(.second)
            case UInt8(ascii: "f"): pieces.append(.fraction)
            case UInt8(ascii: "p"): pieces.append(.meridiem)
            case UInt8(ascii: "z"): pieces.append(.offset)
            case UInt8(ascii: "%"): pieces.append(.literal(UInt8(ascii: "%")))
            default:
                let shown = String(decoding: [c, d], as: UTF8.self)
                throw FormatError("unknown directive '\(shown)' in the format; the directives are %Y %y %m %d %b %B %H %I %M %S %f %p %z %%")
            }
        }
        let has = { (wanted: [Piece]) in pieces.contains { wanted.contains($0) } }
        guard has([.year4, .year2]), has([.month, .monthAbbreviation, .monthName]), has([.day]) else {
            throw FormatError("a date format needs a year (%Y or %y), a month (%m, %b or %B) and a day (%d)")
        }
        for group in [[Piece.year4, .year2], [.month, .monthAbbreviation, .monthName], [.day], [.hour24, .hour12], [.minute], [.second], [.fraction], [.meridiem], [.offset]] {
            guard pieces.filter({ group.contains($0) }).count <= 1 else {
                throw FormatError("the format names the same part of a date twice")
            }
        }
        guard has([.hour12]) == has([.meridiem]) else {
            throw FormatError("%I (hour 1–12) and %p (AM or PM) go together; use %H for hours 0–23")
        }
        self.pattern = pattern
        self.pieces = pieces
    }

    /// Days since 1970-01-01 of a value in a date-only layout; nil when it does not match or is no real date.
    func days(_ b: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let fields = match(b) else { return nil }
        return CivilDate.days(year: fields.year, month: fields.month, day: fields.day)
    }

    /// UTC microseconds since 1970 of a value; nil when it does not match or is no real time.
    func micros(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let f = match(b), let day = CivilDate.days(year: f.year, month: f.month, day: f.day) else { return nil }
        let local = Int64(day) * CivilDate.microsPerDay
            + Int64(f.hour * 3600 + f.minute * 60 + f.second) * CivilDate.microsPerSecond + f.fraction
        return local - Int64(f.offsetSeconds) * CivilDate.microsPerSecond
    }

    /// Whether a value has the layout's shape, whatever its calendar (so 30 February matches).
    func matchesShape(_ b: UnsafeBufferPointer<UInt8>) -> Bool { match(b) != nil }

    private struct Fields {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var fraction: Int64 = 0
        var offsetSeconds = 0
        var pm: Bool?
    }

    private static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ].map { Array($0.utf8) }

    /// The value's parts when the whole value matches the pattern (ranges checked, not yet the calendar).
    private func match(_ b: UnsafeBufferPointer<UInt8>) -> Fields? {
        var f = Fields()
        var i = 0
        func digits(min: Int, max: Int) -> Int? {
            var value = 0
            var count = 0
            while count < max, i < b.count, case let d = b[i] &- UInt8(ascii: "0"), d < 10 {
                value = value * 10 + Int(d)
                count += 1
                i += 1
            }
            return count >= min ? value : nil
        }
        for piece in pieces {
            switch piece {
            case .literal(let c):
                guard i < b.count, b[i] == c else { return nil }
                i += 1
            case .year4:
                guard let y = digits(min: 4, max: 4), y >= 1 else { return nil }
                f.year = y
            case .year2:
                guard let y = digits(min: 2, max: 2) else { return nil }
                f.year = y < 69 ? 2000 + y : 1900 + y
            case .month:
                guard let m = digits(min: 1, max: 2), (1...12).contains(m) else { return nil }
                f.month = m
            case .monthAbbreviation, .monthName:
                guard let m = monthWord(b, &i, full: piece == .monthName) else { return nil }
                f.month = m
            case .day:
                guard let d = digits(min: 1, max: 2), (1...31).contains(d) else { return nil }
                f.day = d
            case .hour24:
                guard let h = digits(min: 1, max: 2), h <= 23 else { return nil }
                f.hour = h
            case .hour12:
                guard let h = digits(min: 1, max: 2), (1...12).contains(h) else { return nil }
                f.hour = h
            case .minute:
                guard let m = digits(min: 1, max: 2), m <= 59 else { return nil }
                f.minute = m
            case .second:
                guard let s = digits(min: 1, max: 2), s <= 59 else { return nil }
                f.second = s
            case .fraction:
                let start = i
                guard let value = digits(min: 1, max: 9) else { return nil }
                // Keep microseconds: scale the digits read to six places, dropping finer ones.
                var micros = Int64(value)
                var count = i - start
                while count < 6 { micros *= 10; count += 1 }
                while count > 6 { micros /= 10; count -= 1 }
                f.fraction = micros
            case .meridiem:
                guard i + 1 < b.count, b[i + 1] | 0x20 == UInt8(ascii: "m") else { return nil }
                switch b[i] | 0x20 {
                case UInt8(ascii: "a"): f.pm = false
                case UInt8(ascii: "p"): f.pm = true
                default: return nil
                }
                i += 2
            case .offset:
                guard let seconds = offset(b, &i) else { return nil }
                f.offsetSeconds = seconds
            }
        }
        guard i == b.count else { return nil }
        if let pm = f.pm { f.hour = f.hour % 12 + (pm ? 12 : 0) }
        return f
    }

    private func monthWord(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, full: Bool) -> Int? {
        for (index, name) in Self.monthNames.enumerated() {
            let word = full ? name : Array(name.prefix(3))
            guard i + word.count <= b.count else { continue }
            if (0..<word.count).allSatisfy({ b[i + $0] | 0x20 == word[$0] }) {
                i += word.count
                return index + 1
            }
        }
        return nil
    }

    /// `Z`, `±HH`, `±HHMM` or `±HH:MM`, as seconds east of UTC.
    private func offset(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Int? {
        guard i < b.count else { return nil }
        if b[i] | 0x20 == UInt8(ascii: "z") {
            i += 1
            return 0
        }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
        let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
        i += 1
        func two() -> Int? {
            guard i + 1 < b.count, case let h = b[i] &- UInt8(ascii: "0"), case let l = b[i + 1] &- UInt8(ascii: "0"), h < 10, l < 10
            else { return nil }
            i += 2
            return Int(h) * 10 + Int(l)
        }
        guard let hours = two(), hours <= 23 else { return nil }
        var minutes = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            guard let m = two() else { return nil }
            minutes = m
        } else if i < b.count, let m = two() {
            minutes = m
        }
        guard minutes <= 59 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}

/// What is wrong with a declared format, for the statement that declared it.
public struct FormatError: Error, Sendable {
    public var message: String
    init(_ message: String) { self.message = message }
}
