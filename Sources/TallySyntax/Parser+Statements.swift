// Statements other than queries: metric definitions, load, relate, anchor, show, describe, explain, assert.

import TallyDiagnostics

extension Parser {
    /// `metric_def = "metric" IDENT "=" expr { metric_clause } ;`
    /// `metric_clause = "unit" IDENT | "description" STRING | "area" IDENT ;` (each at most once, possibly on later lines)
    mutating func metricDefinition() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = current
        advance()
        let name = try expectName(
            "a metric name after 'metric'",
            help: statementWordHelp(word) ?? reservedWordHelp(current) ?? "e.g. metric aov = revenue / purchases")
        guard at(.equal) else {
            throw fail("expected '=' after the metric name", help: "e.g. metric \(name.text) = revenue / purchases")
        }
        advanceJoining()
        guard canStartExpression(current) else {
            throw fail(
                "expected the metric's formula after '='", help: "e.g. metric \(name.text) = revenue / purchases")
        }
        let formula = try expr()
        var unit: Name?
        var description: String?
        var area: Name?
        var given: [String: Span] = [:]
        while true {
            // Clause words continue it too, only to be reported as out of place rather than as a
            // query without items.
            continueOnNextLine(if: { [self] token in
                if case .keyword(let k) = token.kind, Keyword.clauseStarters.contains(k) { return true }
                return isWord(token, "unit") || isWord(token, "description") || isWord(token, "area")
            })
            let clauseStart = current.span.start
            if atWord("unit") {
                if let first = given["unit"] { throw givenTwice("unit", first: first) }
                advanceJoining()
                unit = try expectName("a unit after 'unit'", help: "e.g. unit currency, unit percent or unit count")
                given["unit"] = Span(clauseStart, lastEnd)
            } else if atWord("description") {
                if let first = given["description"] { throw givenTwice("description", first: first) }
                description = try descriptionClause()
                given["description"] = Span(clauseStart, lastEnd)
            } else if atWord("area") {
                if let first = given["area"] { throw givenTwice("area", first: first) }
                advanceJoining()
                area = try expectName(
                    "an area name after 'area'",
                    help: reservedWordHelp(current) ?? "e.g. area revenue; show metrics groups metrics by area")
                given["area"] = Span(clauseStart, lastEnd)
            } else {
                break
            }
        }
        guard atStatementEnd else {
            if case .keyword(let k) = current.kind, Keyword.clauseStarters.contains(k) {
                // `metric pro_revenue = revenue where plan = "pro"`
                let help =
                    k == .where
                    ? "filter rows inside the aggregate instead, e.g. sum(orders.amount where kind = \"new\")"
                    : "a metric holds for every breakdown and period; put '\(k.rawValue)' in the queries that use it"
                throw fail("a metric definition cannot have '\(k.rawValue)'", help: help)
            }
            let remaining = ["unit", "description", "area"].filter { given[$0] == nil }.map { "'\($0)'" }
            throw fail(
                "unexpected \(described(current)); expected \(listing(remaining + ["the end of the definition"]))")
        }
        let definition = MetricDefinition(name: name, expr: formula, unit: unit, description: description, area: area)
        return Statement(.metric(definition), Span(start, lastEnd))
    }

    /// `load = "load" STRING [ "as" IDENT ] [ "with" rename { "," rename } ] [ "skipping" "bad" "rows" ] ;`
    mutating func load() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = current
        advance()
        guard current.kind == .string else {
            throw fail(
                "expected a file path in double quotes after 'load'",
                help: statementWordHelp(word) ?? "e.g. load \"orders.csv\" as orders")
        }
        let path = current.stringValue(in: source)
        let pathSpan = current.span
        advance()
        var alias: Name?
        if at(.as) {
            advanceJoining()
            alias = try expectName("a dataset name after 'as'", help: reservedWordHelp(current) ?? "e.g. as orders")
        }
        var delimiter: StringToken?
        if atWord("delimiter") {
            advanceJoining()
            guard current.kind == .string else {
                throw fail("expected the delimiter in double quotes after 'delimiter'", help: "e.g. delimiter \";\" or delimiter \"\\t\" for tabs")
            }
            let text = current.stringValue(in: source)
            guard text.utf8.count == 1, let byte = text.utf8.first, byte != UInt8(ascii: "\""), byte != 0x0A, byte != 0x0D else {
                throw fail("a delimiter is one character other than a quote or a line break", help: "e.g. delimiter \";\" or delimiter \"\\t\" for tabs")
            }
            delimiter = StringToken(text: text, span: current.span)
            advance()
        }
        var columns: [ColumnSpec] = []
        if atWord("with") {
            advanceJoining()
            columns.append(try columnSpec(after: "'with'"))
            while at(.comma) {
                advanceJoining()
                columns.append(try columnSpec(after: "','"))
            }
        }
        var skipBadRows = false
        if atWord("skipping") {
            for word in ["bad", "rows"] {
                advanceJoining()
                guard atWord(word) else {
                    throw fail("expected 'skipping bad rows'", help: "e.g. load \"orders.csv\" skipping bad rows")
                }
            }
            advance()
            skipBadRows = true
        }
        guard atStatementEnd else {
            var next: [String] = []
            if !columns.isEmpty && !skipBadRows { next.append("','") }
            if alias == nil && delimiter == nil && columns.isEmpty && !skipBadRows { next.append("'as'") }
            if delimiter == nil && columns.isEmpty && !skipBadRows { next.append("'delimiter'") }
            if columns.isEmpty && !skipBadRows { next.append("'with'") }
            if !skipBadRows { next.append("'skipping bad rows'") }
            throw fail("unexpected \(described(current)); expected \(listing(next + ["the end of the statement"]))")
        }
        let load = Load(path: path, pathSpan: pathSpan, alias: alias, delimiter: delimiter, columns: columns, skipBadRows: skipBadRows)
        return Statement(.load(load), Span(start, lastEnd))
    }

    /// `column_spec = IDENT, [ "=", STRING ], [ "as", column_kind ], [ "format", STRING ] ;` with at least one part:
    /// the header the column has in the file, its type, its layout.
    mutating func columnSpec(after: String) throws(ParseFailure) -> ColumnSpec {
        let example = "e.g. with signup_date = \"Create Date\", amount as number, closed format \"%m/%d/%Y\""
        var spec = ColumnSpec(column: try expectName("a column name after \(after)", help: reservedWordHelp(current) ?? example))
        if at(.equal) {
            advanceJoining()
            guard current.kind == .string else {
                throw fail("expected the column's header in double quotes after '='", help: example)
            }
            spec.header = StringToken(text: current.stringValue(in: source), span: current.span)
            advance()
        }
        if at(.as) {
            advanceJoining()
            guard current.kind == .identifier || current.kind.isKeyword, ColumnSpec.kinds.contains(text(current).lowercased()) else {
                throw fail(
                    "expected a column type after 'as'",
                    help: "the types are \(listing(ColumnSpec.kinds.map { "'\($0)'" })), e.g. amount as number")
            }
            spec.kind = Name(text(current).lowercased(), current.span)
            advance()
        }
        if atWord("format") {
            advanceJoining()
            guard current.kind == .string else {
                throw fail(
                    "expected the layout in double quotes after 'format'",
                    help: "e.g. format \"%m/%d/%Y\" for dates, as number format \"1.234,56\" for numbers")
            }
            spec.format = StringToken(text: current.stringValue(in: source), span: current.span)
            advance()
        }
        guard spec.header != nil || spec.kind != nil || spec.format != nil else {
            throw fail("expected '=', 'as' or 'format' after '\(spec.column.text)'", help: example)
        }
        return spec
    }

    /// `relate = "relate" IDENT "." IDENT "to" IDENT "." IDENT ;`
    mutating func relate() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = current
        let example = "e.g. relate orders.customer_id to customers.id"
        advance()
        let fromDataset = try expectName(
            "a dataset name after 'relate'", help: statementWordHelp(word) ?? reservedWordHelp(current) ?? example)
        let fromColumn = try columnAfterDot(fromDataset, example: example)
        guard atWord("to") else {
            throw fail("expected 'to' after '\(fromDataset.text).\(fromColumn.text)'", help: example)
        }
        advanceJoining()
        let toDataset = try expectName("a dataset name after 'to'", help: reservedWordHelp(current) ?? example)
        let toColumn = try columnAfterDot(toDataset, example: example)
        try expectStatementEnd()
        let relate = Relate(fromDataset: fromDataset, fromColumn: fromColumn, toDataset: toDataset, toColumn: toColumn)
        return Statement(.relate(relate), Span(start, lastEnd))
    }

    /// The `. IDENT` of `dataset.column` in `relate`.
    mutating func columnAfterDot(_ dataset: Name, example: String) throws(ParseFailure) -> Name {
        guard at(.dot) else { throw fail("expected '.' and a column name after '\(dataset.text)'", help: example) }
        advance()
        return try expectNameAfterDot(dataset)
    }

    /// `anchor = "anchor" IDENT "on" IDENT ;`
    mutating func anchor() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = current
        let example = "e.g. anchor orders on date"
        advance()
        let dataset = try expectName(
            "a dataset name after 'anchor'", help: statementWordHelp(word) ?? reservedWordHelp(current) ?? example)
        guard at(.on) else { throw fail("expected 'on' after '\(dataset.text)'", help: example) }
        advanceJoining()
        let column = try expectName("a column name after 'on'", help: reservedWordHelp(current) ?? example)
        try expectStatementEnd()
        return Statement(.anchor(Anchor(dataset: dataset, column: column)), Span(start, lastEnd))
    }

    /// `lifespan = "lifespan" IDENT "from" IDENT "to" IDENT ;`
    mutating func lifespan() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = current
        let example = "e.g. lifespan customers from signup_date to churn_date"
        advance()
        let dataset = try expectName(
            "a dataset name after 'lifespan'", help: statementWordHelp(word) ?? reservedWordHelp(current) ?? example)
        guard atWord("from") else { throw fail("expected 'from' after '\(dataset.text)'", help: example) }
        advanceJoining()
        let first = try expectName("the start date column after 'from'", help: reservedWordHelp(current) ?? example)
        guard atWord("to") else { throw fail("expected 'to' after '\(first.text)'", help: example) }
        advanceJoining()
        let last = try expectName("the end date column after 'to'", help: reservedWordHelp(current) ?? example)
        try expectStatementEnd()
        return Statement(.lifespan(Lifespan(dataset: dataset, start: first, end: last)), Span(start, lastEnd))
    }

    /// `show = "show" ( "datasets" | "metrics" [ IDENT | STRING ] | "dimensions" ) ;`
    mutating func show() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = current
        advance()
        let listings = ["datasets", "metrics", "dimensions"]
        guard current.kind == .identifier, !current.isQuotedName(in: source), listings.contains(text(current)) else {
            var help = statementWordHelp(word) ?? "e.g. show datasets"
            if current.kind == .identifier, let close = Suggestions.closest(to: text(current), in: listings) {
                help = "did you mean 'show \(close)'?"
            }
            throw fail("expected 'datasets', 'metrics' or 'dimensions' after 'show'", help: help)
        }
        let what = name(current)
        advance()
        var about: Name?
        if what.text == "metrics", !atStatementEnd {
            switch current.kind {
            case .identifier: about = name(current)
            case .string: about = Name(current.stringValue(in: source), current.span)
            default:
                throw fail(
                    "expected an area or a word after 'show metrics'",
                    help: "e.g. show metrics retention, or show metrics \"order value\"")
            }
            advance()
        }
        try expectStatementEnd()
        return Statement(.show(what, about: about), Span(start, lastEnd))
    }

    /// `describe = "describe" IDENT ;`
    mutating func describe() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = current
        advance()
        let dataset = try expectName(
            "a dataset name after 'describe'",
            help: statementWordHelp(word) ?? reservedWordHelp(current) ?? "e.g. describe customers")
        try expectStatementEnd()
        return Statement(.describe(dataset), Span(start, lastEnd))
    }

    /// `explain = "explain", [ "plan" ], query ;` — `explain plan QUERY` when `plan` is followed by a query.
    mutating func explain() throws(ParseFailure) -> Statement {
        if pos + 2 < tokens.count, text(tokens[pos + 1]) == "plan", canStartExpression(tokens[pos + 2]) {
            let start = current.span.start
            advance()
            var statement = try wordThenQuery(expected: "a query", example: "e.g. explain plan revenue by month", Statement.Kind.explainPlan)
            statement.span = Span(start, statement.span.end)
            return statement
        }
        return try wordThenQuery(expected: "a metric", example: "e.g. explain churn for 2024-03", Statement.Kind.explain)
    }

    /// A statement word followed by a query (`explain`, `plot`).
    mutating func wordThenQuery(expected: String, example: String, _ kind: (Query) -> Statement.Kind)
        throws(ParseFailure) -> Statement
    {
        let start = current.span.start
        let word = current
        advance()
        guard canStartExpression(current) else {
            throw fail("expected \(expected) after '\(text(word))'", help: statementWordHelp(word) ?? example)
        }
        let q = try query()
        return Statement(kind(q), Span(start, lastEnd))
    }

    /// `"description" STRING`, the cursor on `description`.
    mutating func descriptionClause() throws(ParseFailure) -> String {
        advanceJoining()
        guard current.kind == .string else {
            throw fail(
                "expected a description in double quotes after 'description'",
                help: "e.g. description \"Revenue per order\"")
        }
        let text = current.stringValue(in: source)
        advance()
        return text
    }

    /// `assert = "assert" query "=" [ "-" ] NUMBER [ "within" NUMBER ] ;`
    ///
    /// The query's end is found by `equalEndsQuery`: an `=` outside parentheses after an item or a
    /// complete condition is the assertion's, so in `assert revenue where plan = "pro" = 5` the first
    /// '=' compares and the second asserts. The '=' and `within` may start a later line.
    mutating func assertion() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = current
        let example = "e.g. assert churn for 2024-03 = 0.05 within 0.001"
        advance()
        guard canStartExpression(current) else {
            throw fail("expected a query after 'assert'", help: statementWordHelp(word) ?? example)
        }
        equalEndsQuery = true
        defer { equalEndsQuery = false }
        let q = try query()
        continueOnNextLine(if: { $0.kind == .symbol(.equal) })
        guard at(.equal) else {
            var help = example
            if let filter = q.filter, endsInEquality(filter), filter.span.end == q.span.end {
                // `assert revenue where is_trial = 5`: the where clause took the '=' as its comparison.
                help = "the '=' after 'where' was read as part of the condition; the assertion's '=' comes "
                    + "after the whole condition, e.g. assert revenue where plan = \"pro\" = 250.5"
            }
            throw fail("expected '=' and the expected value after the query", help: help)
        }
        advanceJoining()
        let expected = try assertedNumber(
            after: "'='", signed: true,
            help: "an assertion compares the query's value with a number, e.g. = 0.05 (rates are fractions: 5% is 0.05)")
        var tolerance: NumberLiteral?
        // Only `within` and a number continue it: a line starting `within by month` is a query of a metric `within`.
        if current.kind == .newline {
            var i = pos
            while tokens[i].kind == .newline, i < tokens.count - 1 { i += 1 }
            if isWord(tokens[i], "within"), tokens[min(i + 1, tokens.count - 1)].kind == .number { pos = i }
        }
        if atWord("within") {
            advanceJoining()
            if at(.minus) { throw fail("the tolerance after 'within' cannot be negative", help: "e.g. within 0.001") }
            tolerance = try assertedNumber(after: "'within'", signed: false, help: "e.g. within 0.001")
        }
        guard atStatementEnd else {
            let next = tolerance == nil ? "'within' or the end of the assertion" : "the end of the assertion"
            throw fail("unexpected \(described(current)); expected \(next)")
        }
        let span = Span(start, lastEnd)
        return Statement(.assert(Assertion(query: q, expected: expected, tolerance: tolerance, span: span)), span)
    }

    /// Whether a condition's last comparison is an '=' (`a = 1 and b = 2`): the one an assertion may
    /// have meant as its own.
    func endsInEquality(_ condition: Expr) -> Bool {
        switch condition.kind {
        case .binary(.equal, _, _): return true
        case .binary(.and, _, let right), .binary(.or, _, let right), .unary(.not, let right):
            return endsInEquality(right)
        default: return false
        }
    }

    /// `[ "-" ] NUMBER` in an assertion (the sign only where `signed`), kept as written.
    mutating func assertedNumber(after: String, signed: Bool, help: String) throws(ParseFailure) -> NumberLiteral {
        let start = current.span.start
        let negative = signed && at(.minus)
        if negative { advance() }
        guard current.kind == .number else {
            throw fail("expected a number after \(negative ? "'-'" : after)", help: help)
        }
        let digits = text(current)
        advance()
        return NumberLiteral(text: (negative ? "-" : "") + digits, span: Span(start, lastEnd))
    }

    /// `show datasets now`
    func expectStatementEnd() throws(ParseFailure) {
        guard atStatementEnd else { throw fail("unexpected \(described(current)); expected the end of the statement") }
    }

    /// When a statement word is followed by what looks like the rest of a query (`load, revenue`,
    /// `show by month`), the user probably meant a name: say how to write one.
    func statementWordHelp(_ word: Token) -> String? {
        let looksLikeQuery: Bool
        switch current.kind {
        case .symbol(let s): looksLikeQuery = s != .leftParen && s != .semicolon
        case .keyword(let k): looksLikeQuery = Keyword.clauseStarters.contains(k) || k == .as
        default: looksLikeQuery = false
        }
        guard looksLikeQuery else { return nil }
        let w = text(word)
        return "to use '\(w)' as a name at the start of a query, write it in backquotes: `\(w)`"
    }
}
