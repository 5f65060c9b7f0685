// Turns Tally source text into tokens, reporting bad characters and literals and carrying on after them.

import TallyDiagnostics

/// Splits source text into tokens. Works on UTF-8 bytes; never stops early: after an error it
/// reports a diagnostic, skips the bad text and continues, so the parser sees the rest.
///
///     Lexer(SourceFile(name: nil, text: "revenue by month")).tokens()
///     // identifier, keyword(by), identifier, eof
public struct Lexer {
    /// The text being split.
    public let source: SourceFile

    /// A lexer over `source`.
    public init(_ source: SourceFile) { self.source = source }

    /// All tokens, ending with exactly one `eof`, and the problems found on the way.
    public func tokens() -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var scanner = Scanner(bytes: source.utf8)
        scanner.run()
        return (scanner.tokens, scanner.diagnostics)
    }
}

/// The scanning state; kept private so `Lexer` stays a plain value with one entry point.
private struct Scanner {
    let bytes: [UInt8]
    var pos = 0
    var tokens: [Token] = []
    var diagnostics: [Diagnostic] = []
    /// The diagnostic index and span of the last run of unexpected characters, so that `###`
    /// gives one diagnostic rather than three.
    var strayRun: (index: Int, span: Span)?

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The byte at `i`, or 0 past the end. 0 matches no character class the scanner looks for.
    func at(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }

    mutating func run() {
        // A byte order mark is an encoding artefact, not text.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
        while pos < bytes.count {
            let c = bytes[pos]
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C:
                pos += 1
            case UInt8(ascii: "\r"):
                if at(pos + 1) == UInt8(ascii: "\n") {
                    add(.newline, pos, pos + 2)
                } else {
                    pos += 1  // a lone CR is treated as space: SourceFile only counts LF as a line break
                }
            case UInt8(ascii: "\n"):
                add(.newline, pos, pos + 1)
            case UInt8(ascii: "-") where at(pos + 1) == UInt8(ascii: "-"):
                while pos < bytes.count, bytes[pos] != UInt8(ascii: "\n"), !isCRLF(pos) { pos += 1 }
            case UInt8(ascii: "\""):
                doubleQuotedString()
            case UInt8(ascii: "'"):
                singleQuotedString()
            case UInt8(ascii: "`"):
                quotedName()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                numberOrDate()
            case _ where isIdentifierStart(c):
                identifier()
            case UInt8(ascii: "$") where isIdentifierStart(at(pos + 1)):
                parameter()
            default:
                if !symbol() { stray() }
            }
        }
        tokens.append(Token(.eof, Span(bytes.count, bytes.count)))
    }

    func isCRLF(_ i: Int) -> Bool { at(i) == UInt8(ascii: "\r") && at(i + 1) == UInt8(ascii: "\n") }

    mutating func add(_ kind: TokenKind, _ start: Int, _ end: Int) {
        tokens.append(Token(kind, Span(start, end)))
        pos = end
    }

    mutating func report(_ message: String, _ span: Span, help: String? = nil) {
        diagnostics.append(Diagnostic(message, at: span, help: help))
    }

    /// The end of the current line (before `\r\n` or `\n`), where unterminated strings stop.
    func endOfLine(from i: Int) -> Int {
        var j = i
        while j < bytes.count, bytes[j] != UInt8(ascii: "\n"), !isCRLF(j) { j += 1 }
        return j
    }

    // MARK: Strings and quoted names

    /// `"pro"`, with escapes checked here so the decoder (`Token.stringValue`) can stay lenient.
    mutating func doubleQuotedString() {
        let start = pos
        var i = pos + 1
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                add(.string, start, i + 1)
                return
            }
            if b == UInt8(ascii: "\n") || isCRLF(i) { break }
            if b == UInt8(ascii: "\\") {
                let next = at(i + 1)
                switch next {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                    continue
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0:
                    i += 1
                    continue
                default:
                    let end = min(bytes.count, i + 1 + scalarLength(at: i + 1))
                    let written = String(decoding: bytes[i..<end], as: UTF8.self)
                    // Windows paths are the usual cause: `load "C:\data\orders.csv"`.
                    report(
                        "unknown escape '\(written)' in a string", Span(i, end),
                        help: "the escapes are \\\" \\\\ \\n \\r \\t; write \\\\ for a backslash")
                    i = end
                    continue
                }
            }
            i += 1
        }
        let end = endOfLine(from: start)
        report("unterminated string", Span(start, end), help: "close it with \"")
        add(.string, start, end)
    }

    /// `'pro'` is an error with a fix-it, but still becomes a string token so parsing can go on.
    mutating func singleQuotedString() {
        let start = pos
        var i = pos + 1
        // An unclosed one runs to the end of the line; the fix is the same either way.
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n"), !isCRLF(i) {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "\n") {
                i += 2
                continue
            }
            if bytes[i] == UInt8(ascii: "'") {
                i += 1
                break
            }
            i += 1
        }
        let token = Token(.string, Span(start, i))
        let value = decodeStringLiteral(bytes, token.span)
        report("strings use double quotes", token.span, help: "write \(SyntaxPrinter.string(value))")
        add(.string, start, i)
    }

    /// `` `order` ``: lets a reserved word, or any text without a backquote, be a name.
    mutating func quotedName() {
        let start = pos
        var i = pos + 1
        while i < bytes.count, bytes[i] != UInt8(ascii: "`"), bytes[i] != UInt8(ascii: "\n"), !isCRLF(i) { i += 1 }
        if at(i) == UInt8(ascii: "`") {
            if i == start + 1 {
                report("empty quoted name", Span(start, i + 1), help: "write a name between the backquotes")
            }
            add(.identifier, start, i + 1)
        } else {
            report("unterminated quoted name", Span(start, i), help: "close it with `")
            add(.identifier, start, i)
        }
    }

    // MARK: Numbers, dates, periods

    /// A run of digits is a number, unless it is four digits joined by `-` to more: then it must
    /// be a whole date or period, so that `2024-1-5` is reported rather than silently subtracted.
    mutating func numberOrDate() {
        let start = pos
        var i = pos
        while isDigit(at(i)) { i += 1 }
        let next = at(i + 1)
        if i - start == 4, at(i) == UInt8(ascii: "-"), isDigit(next) || "QqWw".utf8.contains(next) {
            dateOrPeriod(start)
            return
        }
        if at(i) == UInt8(ascii: "."), isDigit(at(i + 1)) {
            i += 1
            while isDigit(at(i)) { i += 1 }
        }
        if at(i) == UInt8(ascii: "e") || at(i) == UInt8(ascii: "E") {
            var j = i + 1
            if at(j) == UInt8(ascii: "+") || at(j) == UInt8(ascii: "-") { j += 1 }
            if isDigit(at(j)) {
                i = j
                while isDigit(at(i)) { i += 1 }
            }
        }
        if isIdentifierContinue(at(i)) {
            // `3months`, `1e`, `12ab`: one bad word, reported whole.
            var j = i
            while isIdentifierContinue(at(j)) { j += 1 }
            report(
                "invalid number '\(text(start, j))'", Span(start, j),
                help: "put a space between a number and a name, as in 'last 3 months'")
            pos = j
            return
        }
        add(.number, start, i)
    }

    /// `2024-01-31`, `2024-03`, `2024-Q1`, `2024-W09`; anything else shaped like them is an error.
    mutating func dateOrPeriod(_ start: Int) {
        var end = start
        // `--` starts a comment even straight after a date.
        while isIdentifierContinue(at(end)) || (at(end) == UInt8(ascii: "-") && at(end + 1) != UInt8(ascii: "-")) {
            end += 1
        }
        let word = Array(bytes[start..<end])
        func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { isDigit(word[$0]) } }
        let kind: TokenKind?
        switch word.count {
        case 10 where digits(5..<7) && word[7] == UInt8(ascii: "-") && digits(8..<10):
            kind = .date
        case 7 where digits(5..<7):
            kind = .period
        case 7 where (word[5] == UInt8(ascii: "Q") || word[5] == UInt8(ascii: "q")) && digits(6..<7):
            kind = .period
        case 8 where (word[5] == UInt8(ascii: "W") || word[5] == UInt8(ascii: "w")) && digits(6..<8):
            kind = .period
        default:
            kind = nil
        }
        if let kind {
            add(kind, start, end)
            return
        }
        let written = text(start, end)
        let what = written.contains(where: { "QqWw".contains($0) }) ? "period" : "date"
        report(
            "invalid \(what) '\(written)'", Span(start, end),
            help: "write a date as 2024-01-31, a month as 2024-03, a quarter as 2024-Q1, a week as 2024-W09; "
                + "to subtract, put spaces around '-'")
        pos = end
    }

    // MARK: Names, symbols, everything else

    mutating func identifier() {
        let start = pos
        var i = pos + 1
        while isIdentifierContinue(at(i)) { i += 1 }
        let word = text(start, i)
        add(Keyword(rawValue: word).map { .keyword($0) } ?? .identifier, start, i)
    }

    /// `$plan`: a parameter, its value given by `--set plan=pro` or `set plan = "pro"`.
    mutating func parameter() {
        var i = pos + 2
        while isIdentifierContinue(at(i)) { i += 1 }
        add(.parameter, pos, i)
    }

    /// Returns false when the byte starts no symbol.
    mutating func symbol() -> Bool {
        let c = bytes[pos]
        let n = at(pos + 1)
        let two: Symbol?
        switch (c, n) {
        case (UInt8(ascii: "!"), UInt8(ascii: "=")), (UInt8(ascii: "<"), UInt8(ascii: ">")): two = .notEqual
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): two = .lessEqual
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): two = .greaterEqual
        case (UInt8(ascii: "="), UInt8(ascii: "=")):
            // A common habit from other languages; say so, then carry on as if '=' was written.
            report("use '=' to compare, not '=='", Span(pos, pos + 2))
            two = .equal
        default: two = nil
        }
        if let two {
            add(.symbol(two), pos, pos + 2)
            return true
        }
        guard let one = Symbol(rawValue: String(UnicodeScalar(c))), c < 0x80 else { return false }
        add(.symbol(one), pos, pos + 1)
        return true
    }

    /// A character that starts no token. Adjacent ones are merged into one diagnostic.
    mutating func stray() {
        let start = pos
        let end = min(bytes.count, pos + scalarLength(at: pos))
        pos = end
        if let run = strayRun, run.span.end == start, run.index < diagnostics.count {
            let span = Span(run.span.start, end)
            diagnostics[run.index] = strayDiagnostic(span)
            strayRun = (run.index, span)
        } else {
            strayRun = (diagnostics.count, Span(start, end))
            diagnostics.append(strayDiagnostic(Span(start, end)))
        }
    }

    func strayDiagnostic(_ span: Span) -> Diagnostic {
        let scalars = Array(text(span.start, span.end).unicodeScalars)
        // Invisible characters are shown by code point, or the message would quote nothing visible.
        let shown = scalars.map { s -> String in
            switch s.properties.generalCategory {
            case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator:
                return "\\u{\(String(s.value, radix: 16))}"
            default:
                return String(s)
            }
        }.joined()
        let plural = scalars.count > 1 ? "characters" : "character"
        let help: String?
        switch scalars.first?.value ?? 0 {
        case 0x21: help = "write != for 'not equal' and 'not' for negation"  // !
        case 0x26: help = "write 'and'"  // &
        case 0x7C: help = "write 'or'"  // |
        case 0x5B, 0x7B: help = "group with '(' and ')'"  // [ {
        case 0x201C, 0x201D, 0x201E: help = "use straight double quotes: \"...\""  // pasted from a document
        case 0x2018, 0x2019: help = "strings use straight double quotes: \"...\""
        case 0x00A0, 0x2000...0x200B, 0x202F, 0x3000, 0xFEFF:
            help = "this is an invisible non-ASCII space, often pasted from a document; type a plain space"
        case 0x80...: help = "outside strings, names use ASCII letters, digits and '_'; put other names in backquotes"
        default: help = nil
        }
        return Diagnostic("unexpected \(plural) '\(shown)'", at: span, help: help)
    }

    /// Bytes in the UTF-8 sequence starting at `i`, so a non-ASCII character is skipped whole.
    func scalarLength(at i: Int) -> Int {
        switch at(i) {
        case 0xC0...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF7: return 4
        default: return 1
        }
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[max(0, start)..<min(bytes.count, max(start, end))], as: UTF8.self)
    }
}

func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

func isIdentifierStart(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
        || c == UInt8(ascii: "_")
}

func isIdentifierContinue(_ c: UInt8) -> Bool { isIdentifierStart(c) || isDigit(c) }
