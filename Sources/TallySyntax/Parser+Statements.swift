// Statements other than queries: metric definitions, load, relate, anchor, show, describe, explain.

import TallyDiagnostics

extension Parser {
    /// `metric_def = "metric" IDENT "=" expr { metric_clause } ;`
    /// `metric_clause = "unit" IDENT | "description" STRING ;` (each at most once, possibly on later lines)
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
        var given: [String: Span] = [:]
        while true {
            // Clause words continue it too, only to be reported as out of place rather than as a
            // query without items.
            continueOnNextLine(if: { [self] token in
                if case .keyword(let k) = token.kind, Keyword.clauseStarters.contains(k) { return true }
                return isWord(token, "unit") || isWord(token, "description")
            })
            let clauseStart = current.span.start
            if atWord("unit") {
                if let first = given["unit"] { throw givenTwice("unit", first: first) }
                advanceJoining()
                unit = try expectName("a unit after 'unit'", help: "e.g. unit currency, unit percent or unit count")
                given["unit"] = Span(clauseStart, lastEnd)
            } else if atWord("description") {
                if let first = given["description"] { throw givenTwice("description", first: first) }
                advanceJoining()
                guard current.kind == .string else {
                    throw fail(
                        "expected a description in double quotes after 'description'",
                        help: "e.g. description \"Revenue per order\"")
                }
                description = current.stringValue(in: source)
                advance()
                given["description"] = Span(clauseStart, lastEnd)
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
            let remaining = ["unit", "description"].filter { given[$0] == nil }.map { "'\($0)'" }
            throw fail(
                "unexpected \(described(current)); expected \(listing(remaining + ["the end of the definition"]))")
        }
        let definition = MetricDefinition(name: name, expr: formula, unit: unit, description: description)
        return Statement(.metric(definition), Span(start, lastEnd))
    }

    /// `load = "load" STRING [ "as" IDENT ] [ "with" rename { "," rename } ] ;`
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
        var renames: [(column: Name, header: String)] = []
        if atWord("with") {
            advanceJoining()
            renames.append(try rename(after: "'with'"))
            while at(.comma) {
                advanceJoining()
                renames.append(try rename(after: "','"))
            }
        }
        guard atStatementEnd else {
            var next: [String] = []
            if !renames.isEmpty { next.append("','") }
            if alias == nil && renames.isEmpty { next.append("'as'") }
            if renames.isEmpty { next.append("'with'") }
            throw fail("unexpected \(described(current)); expected \(listing(next + ["the end of the statement"]))")
        }
        let load = Load(path: path, pathSpan: pathSpan, alias: alias, renames: renames)
        return Statement(.load(load), Span(start, lastEnd))
    }

    /// `rename = IDENT "=" STRING ;` (a column name, then the header it has in the file)
    mutating func rename(after: String) throws(ParseFailure) -> (column: Name, header: String) {
        let example = "e.g. with signup_date = \"Create Date\""
        let column = try expectName("a column name after \(after)", help: reservedWordHelp(current) ?? example)
        guard at(.equal) else { throw fail("expected '=' after '\(column.text)'", help: example) }
        advanceJoining()
        guard current.kind == .string else {
            throw fail("expected the column's header in double quotes after '='", help: example)
        }
        let header = current.stringValue(in: source)
        advance()
        return (column, header)
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

    /// `show = "show" ( "datasets" | "metrics" ) ;`
    mutating func show() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = current
        advance()
        guard atWord("datasets") || atWord("metrics") else {
            var help = statementWordHelp(word) ?? "e.g. show datasets"
            if current.kind == .identifier,
                let close = Suggestions.closest(to: text(current), in: ["datasets", "metrics"])
            {
                help = "did you mean 'show \(close)'?"
            }
            throw fail("expected 'datasets' or 'metrics' after 'show'", help: help)
        }
        let what = name(current)
        advance()
        try expectStatementEnd()
        return Statement(.show(what), Span(start, lastEnd))
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

    /// `explain = "explain" query ;`
    mutating func explain() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = current
        advance()
        guard canStartExpression(current) else {
            throw fail(
                "expected a metric after 'explain'", help: statementWordHelp(word) ?? "e.g. explain churn for 2024-03")
        }
        let q = try query()
        return Statement(.explain(q), Span(start, lastEnd))
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
