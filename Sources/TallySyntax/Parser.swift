// The parser's core: token cursor, newline rules, the script loop and error recovery.

import TallyDiagnostics

/// Hand-written recursive descent parser for `grammar/tally.ebnf`. Functions are named after the
/// grammar's productions; expressions use precedence climbing (Parser+Expressions.swift).
///
/// Reports at most one diagnostic per statement (its first, lexical or syntactic), then skips to
/// the next separator and goes on, so every bad statement of a script is reported in one run.
public struct Parser {
    let source: SourceFile
    /// Never empty: the lexer always ends it with `eof`, and `pos` never moves past that.
    let tokens: [Token]
    var pos = 0
    /// Open parentheses around the cursor; inside any, newlines are not separators.
    var parenDepth = 0
    /// Open parentheses plus pending unary operators, bounded so that deep input cannot overflow the stack.
    var nesting = 0
    /// End of the last token consumed (newlines excepted): where "expected ..." errors point at the end of input.
    var lastEnd = 0

    /// Depth of the expression last parsed, in tree levels (a name is 1, `a + b` is 2).
    var lastDepth = 0
    /// Set while parsing a query's items: there, `revenue between 2024-01-01 and 2024-03-31` is
    /// the range clause, since an item is never a condition.
    var betweenIsRange = false
    /// Set while parsing an assertion's query: there, an `=` outside parentheses after an item or
    /// after a complete condition is the assertion's `=`, not a comparison.
    var equalEndsQuery = false
    /// The session's names, for suggestions only.
    var vocabulary = Vocabulary()

    /// More nested parentheses or unary operators than this is an error, not a crash.
    public static let nestingLimit = 200
    /// Deeper expression trees than this are an error, so no stage's recursion can exhaust the stack.
    public static let depthLimit = 1000

    init(source: SourceFile, tokens: [Token]) {
        self.source = source
        self.tokens =
            tokens.last?.kind == .eof ? tokens : tokens + [Token(.eof, Span(source.utf8.count, source.utf8.count))]
    }

    /// Parses a whole input. The script holds the statements that parsed; a caller must not run it
    /// when any diagnostic is an error. Diagnostics come in source order. `vocabulary` only makes
    /// suggestions better (`did you mean 'by plan'?` when plan is a column).
    public static func parse(_ source: SourceFile, vocabulary: Vocabulary = Vocabulary()) -> (
        script: Script, diagnostics: [Diagnostic]
    ) {
        let (tokens, lexical) = Lexer(source).tokens()
        var parser = Parser(source: source, tokens: tokens)
        parser.vocabulary = vocabulary
        let (script, diagnostics) = DeepStack.run { parser.script(lexical: lexical) }
        // Pointing diagnostics at their text lets callers render them without carrying the source.
        return (script, diagnostics.map { $0.inSource(source) })
    }

    // MARK: script

    /// Where one statement's text lies (from after the previous separator to its own separator),
    /// used to pick the statement's earliest problem among lexical and syntactic ones.
    struct Region {
        var start: Int
        var end: Int
        var error: ParseFailure?
    }

    /// `script = { sep } [ statement { sep { sep } statement } ] { sep } ;`
    mutating func script(lexical: [Diagnostic]) -> (script: Script, diagnostics: [Diagnostic]) {
        var statements: [Statement] = []
        var regions: [Region] = []
        var regionStart = 0
        while true {
            while isSeparator(current) {
                regionStart = current.span.end
                advance()
            }
            if current.kind == .eof { break }
            var region = Region(start: regionStart, end: regionStart)
            do throws(ParseFailure) {
                statements.append(try statement())
                if !isSeparator(current) && current.kind != .eof {
                    // Each statement checks its own end; this only guards against a production that forgot.
                    throw fail("unexpected \(described(current)); expected the end of the statement")
                }
            } catch {
                region.error = error
                recover()
            }
            region.end = current.span.start
            regions.append(region)
        }
        return (Script(statements: statements), Self.merge(regions: regions, lexical: lexical))
    }

    /// One diagnostic per statement: its first, whether the lexer's or the parser's. Lexical
    /// problems outside every statement (a line of stray characters) are all kept.
    static func merge(regions: [Region], lexical: [Diagnostic]) -> [Diagnostic] {
        var firstInRegion: [Int: Diagnostic] = [:]
        var outside: [Diagnostic] = []
        for d in lexical {
            let at = d.span?.start ?? 0
            // Regions are in source order and disjoint, so a binary search finds the one holding `at`.
            var lo = 0
            var hi = regions.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if regions[mid].end <= at { lo = mid + 1 } else { hi = mid }
            }
            if lo < regions.count, regions[lo].start <= at, at < regions[lo].end {
                if firstInRegion[lo] == nil { firstInRegion[lo] = d }
            } else {
                outside.append(d)
            }
        }
        var result = outside
        for (i, region) in regions.enumerated() {
            switch (firstInRegion[i], region.error) {
            case (let lexical?, let syntax?):
                result.append((lexical.span?.start ?? 0) <= syntax.position ? lexical : syntax.diagnostic)
            case (let lexical?, nil): result.append(lexical)
            case (nil, let syntax?): result.append(syntax.diagnostic)
            case (nil, nil): break
            }
        }
        return result.sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }
    }

    /// Skips the rest of a bad statement: to the next separator outside any parenthesis opened
    /// after the error. Depth counts from the error, so an unclosed '(' before it cannot swallow
    /// the rest of the script.
    mutating func recover() {
        parenDepth = 0
        nesting = 0
        betweenIsRange = false
        equalEndsQuery = false
        var depth = 0
        while current.kind != .eof {
            switch current.kind {
            case .symbol(.leftParen): depth += 1
            case .symbol(.rightParen): depth = max(0, depth - 1)
            case .newline, .symbol(.semicolon): if depth == 0 { return }
            default: break
            }
            pos += 1
        }
    }

    /// `statement = metric_def | dimension_def | load | relate | anchor | lifespan | show | describe | explain | plot
    /// | assert | sql | connect | use_table | prompt_command | query ;`
    /// Statement words are keywords only here, as the first token, and never when backquoted.
    mutating func statement() throws(ParseFailure) -> Statement {
        if let sql = sqlSelectFailure() { throw sql }
        if atPromptCommand { return try promptCommand() }
        if current.kind == .identifier, !current.isQuotedName(in: source) {
            switch text(current) {
            case "metric": return try metricDefinition()
            case "load": return try load()
            case "relate": return try relate()
            case "anchor": return try anchor()
            case "lifespan": return try lifespan()
            case "dimension": return try dimensionDefinition()
            case "show": return try show()
            case "describe": return try describe()
            case "explain": return try explain()
            case "plot": return try plot()
            case "assert": return try assertion()
            case "sql": return try sql()
            case "connect": return try connect()
            case "use": return try useTable()
            default: break
            }
        }
        let start = current.span.start
        let q = try query()
        return Statement(.query(q), Span(start, lastEnd))
    }

    // MARK: Token cursor

    var current: Token { tokens[pos] }

    /// The kind of the token after the current one, looking past newlines where they do not count.
    var nextKind: TokenKind {
        var i = pos + 1
        while i < tokens.count - 1, parenDepth > 0, tokens[i].kind == .newline { i += 1 }
        return tokens[min(i, tokens.count - 1)].kind
    }

    /// Moves to the next token. Inside parentheses, newlines are passed over as if absent.
    mutating func advance() {
        if current.kind != .newline && current.kind != .eof { lastEnd = current.span.end }
        if pos < tokens.count - 1 { pos += 1 }
        if parenDepth > 0 { skipNewlines() }
    }

    /// After a token that cannot end a statement (an operator, ',', 'by', '=' ...), line breaks are
    /// layout, not separators.
    mutating func skipNewlines() {
        while current.kind == .newline, pos < tokens.count - 1 { pos += 1 }
    }

    /// Consumes the current token and any line breaks after it.
    mutating func advanceJoining() {
        advance()
        skipNewlines()
    }

    /// Lets a complete statement continue on a later line when that line starts with a token
    /// `continues` accepts (a clause keyword for queries; `unit`/`description` for metrics).
    mutating func continueOnNextLine(if continues: (Token) -> Bool) {
        guard current.kind == .newline else { return }
        var i = pos
        while tokens[i].kind == .newline, i < tokens.count - 1 { i += 1 }
        if continues(tokens[i]) { pos = i }
    }

    func at(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }
    func at(_ symbol: Symbol) -> Bool { current.kind == .symbol(symbol) }

    /// The current token is the contextual word `word` (an unquoted identifier).
    func atWord(_ word: String) -> Bool { isWord(current, word) }

    func isWord(_ token: Token, _ word: String) -> Bool {
        token.kind == .identifier && !token.isQuotedName(in: source) && text(token) == word
    }

    func isSeparator(_ token: Token) -> Bool { token.kind == .newline || token.kind == .symbol(.semicolon) }

    /// The current token ends the statement.
    var atStatementEnd: Bool { isSeparator(current) || current.kind == .eof }

    func text(_ token: Token) -> String { token.text(in: source) }

    /// A name from an identifier token (backquotes removed).
    func name(_ token: Token) -> Name { Name(token.nameText(in: source), token.span) }

    /// Consumes an identifier and returns its name, or throws `expected` pointing at what is there.
    mutating func expectName(_ expected: String, help: String? = nil) throws(ParseFailure) -> Name {
        guard current.kind == .identifier else {
            throw fail("expected \(expected)", help: help ?? reservedWordHelp(current))
        }
        let n = name(current)
        advance()
        return n
    }

    /// After `.` only a name can follow, so reserved words are accepted there as names (`deals.order`).
    mutating func expectNameAfterDot(_ qualifier: Name) throws(ParseFailure) -> Name {
        switch current.kind {
        case .identifier, .keyword:
            let n = name(current)
            advance()
            return n
        default:
            throw fail("expected a column name after '\(qualifier.text).'")
        }
    }

    // MARK: Errors

    /// Where an error about the current token points: the token itself, or, at a line break or the
    /// end of input, an empty span just after the last token.
    var errorSpan: Span {
        switch current.kind {
        case .newline, .eof: return Span(lastEnd, lastEnd)
        default: return current.span
        }
    }

    /// A failure at the current token.
    func fail(_ message: String, help: String? = nil, labels: [Diagnostic.Label] = []) -> ParseFailure {
        ParseFailure(Diagnostic(message, at: errorSpan, help: help, labels: labels), position: current.span.start)
    }

    /// How a token is named in messages: `'plan'`, `'('`, `the end of the line`.
    func described(_ token: Token) -> String {
        switch token.kind {
        case .newline: return "the end of the line"
        case .eof: return "the end of the input"
        default:
            let t = text(token)
            let short = t.count > 30 ? String(t.prefix(29)) + "…" : t
            switch token.kind {
            case .string: return "string \(short)"
            case .date: return "date \(short)"
            default: return "'\(short)'"
            }
        }
    }

    /// When a reserved word stands where a name was expected, say how to use it as one.
    /// A clause word followed by more of its clause (`by where x`) is more likely a missing name than a
    /// name in need of quoting, so no help then.
    func reservedWordHelp(_ token: Token) -> String? {
        guard case .keyword(let k) = token.kind else { return nil }
        if Keyword.clauseStarters.contains(k) && token == current {
            switch nextKind {
            case .newline, .eof, .symbol(.comma), .symbol(.semicolon), .symbol(.rightParen): break
            default: return nil
            }
        }
        return "'\(k.rawValue)' is a reserved word; write `\(k.rawValue)` to use it as a name"
    }
}

/// A syntax error that abandons the current statement.
struct ParseFailure: Error {
    var diagnostic: Diagnostic
    /// Start of the token the parser stood on. A lexical error at or before it wins: the parser
    /// may have failed only because the lexer dropped bad text there (`revenue since 2024-1-5`).
    var position: Int

    init(_ diagnostic: Diagnostic, position: Int) {
        self.diagnostic = diagnostic
        self.position = position
    }
}
