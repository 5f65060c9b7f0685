// When a statement typed at the prompt goes on past the end of its line.

import TallyDiagnostics
import TallySyntax

/// Decides whether the prompt asks for another line (`..>`) before running what was typed. It agrees
/// with the parser, which joins the same lines in a script: a statement cannot end on these tokens.
public enum Continuation {
    /// True while a quote or parenthesis is open, or the text (its last statement) ends with `\`, a
    /// comma, an operator, `and`, `or`, `not`, `where`, `by`, `vs`, `having` or another word a statement cannot
    /// end on, or inside a `between` that has not had its `and`.
    public static func needsMore(_ text: String) -> Bool {
        if text.hasSuffix("\\") { return true }
        if isOpen(text) { return true }
        let source = SourceFile(name: nil, text: text)
        var statement: [Token] = []
        for token in Lexer(source).tokens().tokens {
            switch token.kind {
            case .newline, .eof: continue
            case .symbol(.semicolon): statement = []
            default: statement.append(token)
            }
        }
        guard let last = statement.last else { return false }
        let before = statement.dropLast().last
        if endsOpen(last, after: before, in: source) { return true }
        var between = false
        for token in statement {
            if token.kind == .keyword(.between) { between = true }
            if token.kind == .keyword(.and) { between = false }
        }
        return between
    }

    private static let openSymbols: Set<Symbol> = [
        .comma, .dot, .leftParen, .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .plus, .minus, .star,
        .slash,
    ]
    private static let openKeywords: Set<Keyword> = [
        .and, .or, .not, .where, .by, .in, .is, .as, .between, .since, .until, .for, .order, .limit,
    ]

    /// A token the statement cannot end on. `last` only after something (alone it is the prompt's
    /// command), and `vs` and `having` only where a name cannot stand (after `by` or `,` it is a column).
    private static func endsOpen(_ token: Token, after before: Token?, in source: SourceFile) -> Bool {
        switch token.kind {
        case .symbol(let s): return openSymbols.contains(s)
        case .keyword(let k): return openKeywords.contains(k) || (k == .last && before != nil)
        case .identifier:
            guard let before, !token.isQuotedName(in: source), ["vs", "having"].contains(token.text(in: source)) else {
                return false
            }
            return ![.keyword(.by), .symbol(.comma), .symbol(.dot)].contains(before.kind)
        default: return false
        }
    }

    /// A string or a parenthesis still open at the end (comments and backquoted names skipped).
    private static func isOpen(_ text: String) -> Bool {
        var depth = 0
        var quote: Character?
        var escaped = false
        var comment = false
        var previous: Character?
        for ch in text {
            defer { previous = ch }
            if comment {
                if ch == "\n" { comment = false }
                continue
            }
            if let open = quote {
                if escaped {
                    escaped = false
                } else if ch == "\\" && open == "\"" {
                    escaped = true
                } else if ch == open {
                    quote = nil
                }
                continue
            }
            switch ch {
            case "\"", "`": quote = ch
            case "(": depth += 1
            case ")": depth -= 1
            case "-" where previous == "-": comment = true
            default: break
            }
        }
        return quote != nil || depth > 0
    }
}
