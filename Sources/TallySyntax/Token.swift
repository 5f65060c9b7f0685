// Tokens: a kind plus a span; a token's text is always sliced from the source by its span.

import TallyDiagnostics

/// One lexical unit of Tally source.
public struct Token: Equatable, Sendable {
    /// What the token is; literal values are read back from the source by `span`.
    public var kind: TokenKind
    /// The UTF-8 offsets of the token's text, quotes and backquotes included.
    public var span: Span

    /// A token of `kind` covering `span`.
    public init(_ kind: TokenKind, _ span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// What a token is. Literal values are not stored: they are read back from the source by span.
public enum TokenKind: Equatable, Sendable {
    /// `revenue`, `_x1`, or a backquoted name such as `` `order` ``.
    case identifier
    /// A reserved word (`by`, `where`, ...).
    case keyword(Keyword)
    /// `42`, `0.5`, `1e-3`: digits, optional `.digits`, optional exponent.
    case number
    /// `"pro"`: double-quoted, escapes `\"` `\\` `\n` `\t`.
    case string
    /// `2024-01-31`, written without spaces.
    case date
    /// `2024-03` (month), `2024-Q1` (quarter), `2024-W09` (ISO week), written without spaces.
    case period
    /// `$plan`: a value given when the script runs (`--set plan=pro`).
    case parameter
    /// Punctuation or an operator.
    case symbol(Symbol)
    /// A line break; statements end at one unless the statement clearly continues.
    case newline
    /// End of input. Always the last token, so the parser can look at "the next token" without bounds checks.
    case eof

    /// Whether this is any reserved word.
    public var isKeyword: Bool {
        if case .keyword = self { return true }
        return false
    }
}

/// Reserved words. Statement words (`metric`, `load`, ...) and clause words (`unit`, `with`, ...)
/// are deliberately not here: they are keywords only where they are expected, so they remain usable as names.
public enum Keyword: String, CaseIterable, Sendable {
    case and, or, not, `in`, `is`, null, `true`, `false`, between, by, `where`, since, until, order, limit
    case `as`, on, last, `for`, asc, desc

    /// Words that start a query clause; a query continues onto a line that starts with one of them.
    public static let clauseStarters: Set<Keyword> = [
        .by, .where, .since, .until, .between, .last, .for, .order, .limit,
    ]
}

/// Punctuation and operators.
public enum Symbol: String, CaseIterable, Sendable {
    case leftParen = "("
    case rightParen = ")"
    case comma = ","
    case dot = "."
    case semicolon = ";"
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
}

extension Token {
    /// The source text the token covers, exactly as written (quotes and backquotes included).
    public func text(in source: SourceFile) -> String { source.slice(span) }

    /// Whether this is an identifier written in backquotes, which is never taken as a keyword or statement word.
    public func isQuotedName(in source: SourceFile) -> Bool {
        kind == .identifier && span.start < source.utf8.count && source.utf8[span.start] == UInt8(ascii: "`")
    }

    /// The name an identifier token stands for: its text, without backquotes if it has them.
    public func nameText(in source: SourceFile) -> String {
        guard isQuotedName(in: source) else { return text(in: source) }
        let bytes = source.utf8
        let lo = span.start + 1
        var hi = min(span.end, bytes.count)
        if hi > lo, bytes[hi - 1] == UInt8(ascii: "`") { hi -= 1 }
        return String(decoding: bytes[lo..<max(lo, hi)], as: UTF8.self)
    }

    /// The decoded value of a string token: quotes removed, escapes replaced.
    ///
    /// Lenient on purpose (the lexer has already reported any problem): an unknown escape is kept
    /// as written, and an unterminated string runs to the end of its span. Accepts the single-quoted
    /// strings the lexer reports as errors, so that the parser can still build the tree.
    public func stringValue(in source: SourceFile) -> String { decodeStringLiteral(source.utf8, span) }
}

/// Decodes the string literal at `span` in `bytes`; the first byte is the opening quote.
func decodeStringLiteral(_ bytes: [UInt8], _ span: Span) -> String {
    let end = min(span.end, bytes.count)
    guard span.start < end else { return "" }
    let quote = bytes[span.start]
    var out: [UInt8] = []
    var i = span.start + 1
    while i < end {
        let b = bytes[i]
        if b == quote { break }
        if b == UInt8(ascii: "\\"), i + 1 < end {
            let next = bytes[i + 1]
            switch next {
            case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
            case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), quote: out.append(next)
            default:
                out.append(b)
                out.append(next)
            }
            i += 2
            continue
        }
        out.append(b)
        i += 1
    }
    return String(decoding: out, as: UTF8.self)
}
