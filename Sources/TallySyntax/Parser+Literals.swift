// Dates, periods and whole numbers: reading them from tokens and checking the cheap ranges.

import TallyDiagnostics

extension Parser {
    /// A DATE token after `word` (since, until, between, and).
    mutating func date(after word: String) throws(ParseFailure) -> DateLiteral {
        switch current.kind {
        case .date:
            let d = try dateLiteral(current)
            advance()
            return d
        case .parameter:
            let parameter = Name(text(current), current.span)
            advance()
            return DateLiteral(year: 0, month: 0, day: 0, span: parameter.span, parameter: parameter)
        case .period:
            // `since 2024-03`
            throw fail(
                "expected a date after '\(word)'",
                help:
                    "a range starts and ends on days, e.g. 2024-03-01; for the whole period write 'for \(text(current))'"
            )
        default:
            throw fail("expected a date after '\(word)'", help: "write dates as YYYY-MM-DD, e.g. 2024-01-31")
        }
    }

    /// The numbers of a DATE token. Month and day are checked here; whether the day exists in
    /// that month (Feb 30) is the binder's check.
    func dateLiteral(_ token: Token) throws(ParseFailure) -> DateLiteral {
        let s = token.span.start
        let year = digits(s, 4)
        let month = digits(s + 5, 2)
        let day = digits(s + 8, 2)
        let written = text(token)
        guard (1...12).contains(month) else {
            throw ParseFailure(
                Diagnostic(
                    "invalid month \(twoDigits(month)) in \(written)", at: token.span, help: "months run from 01 to 12"),
                position: token.span.start)
        }
        guard (1...31).contains(day) else {
            throw ParseFailure(
                Diagnostic(
                    "invalid day \(twoDigits(day)) in \(written)", at: token.span, help: "days run from 01 to 31"),
                position: token.span.start)
        }
        return DateLiteral(year: year, month: month, day: day, span: token.span)
    }

    /// `period = INTEGER (* a year *) | PERIOD | DATE ;`
    mutating func period() throws(ParseFailure) -> PeriodLiteral {
        let token = current
        let written = text(token)
        let s = token.span.start
        let example = "e.g. for 2024, for 2024-Q1, for 2024-03, for 2024-W09 or for 2024-03-05"
        switch token.kind {
        case .number:
            guard written.utf8.count == 4, written.utf8.allSatisfy(isDigit) else {
                throw fail("expected a period after 'for'", help: "a year is written with four digits, e.g. for 2024")
            }
            advance()
            return PeriodLiteral(.year(digits(s, 4)), token.span)
        case .date:
            let d = try dateLiteral(token)
            advance()
            return PeriodLiteral(.day(year: d.year, month: d.month, day: d.day), token.span)
        case .period:
            let year = digits(s, 4)
            let marker = byte(s + 5)
            let kind: PeriodLiteral.Kind
            if marker == UInt8(ascii: "Q") || marker == UInt8(ascii: "q") {
                let quarter = digits(s + 6, 1)
                guard (1...4).contains(quarter) else {
                    throw fail("invalid quarter Q\(quarter) in \(written)", help: "quarters run from Q1 to Q4")
                }
                kind = .quarter(year: year, quarter: quarter)
            } else if marker == UInt8(ascii: "W") || marker == UInt8(ascii: "w") {
                let week = digits(s + 6, 2)
                guard (1...53).contains(week) else {
                    throw fail("invalid week W\(twoDigits(week)) in \(written)", help: "ISO weeks run from W01 to W53")
                }
                kind = .week(year: year, week: week)
            } else {
                let month = digits(s + 5, 2)
                guard (1...12).contains(month) else {
                    throw fail("invalid month \(twoDigits(month)) in \(written)", help: "months run from 01 to 12")
                }
                kind = .month(year: year, month: month)
            }
            advance()
            return PeriodLiteral(kind, token.span)
        case .parameter:
            advance()
            return PeriodLiteral(.year(0), token.span, parameter: Name(written, token.span))
        default:
            throw fail("expected a period after 'for'", help: example)
        }
    }

    /// `INTEGER`: a number token written with digits only, small enough for an Int.
    mutating func wholeNumber(after word: String, example: String) throws(ParseFailure) -> (Int, Span) {
        guard current.kind == .number else {
            // `revenue limit ten`, `revenue limit -1`
            let help = at(.minus) ? "'\(word)' takes a whole number, 0 or more" : "e.g. \(example)"
            throw fail("expected a number after '\(word)'", help: help)
        }
        let written = text(current)
        guard written.utf8.allSatisfy(isDigit) else {
            throw fail("expected a whole number after '\(word)'", help: "e.g. \(example)")
        }
        guard let value = Int(written) else { throw fail("number \(written) is too large") }
        let span = current.span
        advance()
        return (value, span)
    }

    /// The value of `count` decimal digits at byte offset `at`; non-digits count as 0 (the lexer
    /// has already checked the shape, this only guards against reading past the end).
    func digits(_ at: Int, _ count: Int) -> Int {
        var value = 0
        for i in at..<(at + count) {
            let b = byte(i)
            value = value * 10 + (isDigit(b) ? Int(b - UInt8(ascii: "0")) : 0)
        }
        return value
    }

    func byte(_ i: Int) -> UInt8 { i >= 0 && i < source.utf8.count ? source.utf8[i] : 0 }

    func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
