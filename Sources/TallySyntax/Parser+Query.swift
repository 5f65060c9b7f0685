// Queries: items, then by / where / range / order by / limit / having / nonzero clauses in any order, each at most once.

import TallyDiagnostics

extension Parser {
    /// What a query has collected so far; clauses arrive in any order.
    struct QueryState {
        /// What a ',' right here would continue.
        enum OpenList { case items, dimensions, orderKeys, none }

        var items: [QueryItem]
        var dimensions: [Dimension] = []
        var filter: Expr?
        var since: DateLiteral?
        var until: DateLiteral?
        /// `between`, `last` or `for`: a whole range in one clause.
        var range: RangeClause?
        /// Spans of the range clauses given, in order (`since` and `until` may both be there).
        var rangeClauses: [(keyword: Keyword, span: Span)] = []
        var order: [OrderKey] = []
        var limit: Limit?
        var comparison: Comparison?
        var pivot: Span?
        var having: Expr?
        var nonzero: Span?
        /// Clause word -> the span of that clause, for "given twice".
        var given: [String: Span] = [:]
        var openList = OpenList.items

        func query(span: Span) -> Query {
            var rangeClause = range
            if rangeClause == nil, since != nil || until != nil {
                let covered = rangeClauses.map { $0.span }.reduce(rangeClauses.first?.span ?? span) { $0.union($1) }
                rangeClause = RangeClause(.bounds(since: since, until: until), covered)
            }
            return Query(
                items: items, dimensions: dimensions, filter: filter, range: rangeClause, order: order, limit: limit,
                comparison: comparison, pivot: pivot, having: having, nonzero: nonzero, span: span)
        }
    }

    /// `query = items { clause } ;` A complete query continues on the next line when that line
    /// starts with a clause keyword.
    mutating func query() throws(ParseFailure) -> Query {
        let start = current.span.start
        guard canStartExpression(current) else { throw queryStartError() }
        var state = QueryState(items: try items())
        let source = self.source
        while true {
            continueOnNextLine(if: { token in
                if case .keyword(let k) = token.kind { return Keyword.clauseStarters.contains(k) }
                guard token.kind == .identifier, !token.isQuotedName(in: source) else { return false }
                return ["vs", "pivot", "having", "nonzero"].contains(token.text(in: source))
            })
            if atWord("vs") {
                try comparison(&state)
                continue
            }
            if atWord("having") {
                // Contextual, as `vs` and `pivot`: a name no query item can be followed by.
                let start = current.span.start
                try once("having", state)
                advanceJoining()
                guard canStartExpression(current) else {
                    throw fail("expected a condition after 'having'", help: "e.g. revenue by plan having revenue > 1000")
                }
                state.having = try expr()
                state.given["having"] = Span(start, lastEnd)
                state.openList = .none
                continue
            }
            if atWord("nonzero") {
                try once("nonzero", state)
                state.nonzero = current.span
                state.given["nonzero"] = current.span
                state.openList = .none
                advance()
                continue
            }
            if atWord("pivot") {
                try once("pivot", state)
                state.pivot = current.span
                state.given["pivot"] = current.span
                state.openList = .none
                advance()
                continue
            }
            guard case .keyword(let k) = current.kind, Keyword.clauseStarters.contains(k) else { break }
            try clause(k, &state)
        }
        guard atStatementEnd || (equalEndsQuery && at(.equal)) else { throw unexpectedAfterQuery(state) }
        return state.query(span: Span(start, lastEnd))
    }

    /// A statement that cannot start a query: `by month`, `, revenue`, `)`.
    func queryStartError() -> ParseFailure {
        if case .keyword(let k) = current.kind, Keyword.clauseStarters.contains(k) {
            return fail(
                "expected a metric before '\(k.rawValue)'",
                help: "a query starts with what to compute, e.g. revenue by month")
        }
        if at(.rightParen) { return fail("unmatched ')'") }
        return fail(
            "expected a statement, found \(described(current))",
            help: "a statement is a query such as 'revenue by month', "
                + "or starts with metric, load, relate, anchor, show, describe or explain")
    }

    /// `items = item { "," item } ;`
    mutating func items() throws(ParseFailure) -> [QueryItem] {
        betweenIsRange = true
        defer { betweenIsRange = false }
        var items = [try item()]
        while at(.comma) {
            advanceJoining()
            guard canStartExpression(current) else { throw fail("expected a metric or expression after ','") }
            items.append(try item())
        }
        return items
    }

    /// `item = expr [ "as" IDENT ] ;`
    mutating func item() throws(ParseFailure) -> QueryItem {
        let e = try expr()
        guard at(.as) else { return QueryItem(expr: e, alias: nil, span: e.span) }
        advanceJoining()
        let alias = try expectName(
            "a name after 'as'", help: reservedWordHelp(current) ?? "e.g. revenue / purchases as aov")
        return QueryItem(expr: e, alias: alias, span: e.span.union(alias.span))
    }

    /// `clause = "by" dims | "where" expr | range | "order" "by" order_key { "," order_key } | "limit" INTEGER ;`
    mutating func clause(_ keyword: Keyword, _ state: inout QueryState) throws(ParseFailure) {
        let start = current.span.start
        switch keyword {
        case .by:
            try once("by", state)
            advanceJoining()
            state.dimensions = try dims()
            state.given["by"] = Span(start, lastEnd)
            state.openList = .dimensions
        case .where:
            try once("where", state)
            advanceJoining()
            guard canStartExpression(current) else { throw fail("expected a condition after 'where'") }
            state.filter = try expr()
            state.given["where"] = Span(start, lastEnd)
            state.openList = .none
        case .order:
            try once("order by", state)
            advanceJoining()
            guard at(.by) else { throw fail("expected 'by' after 'order'", help: "e.g. order by revenue desc") }
            advanceJoining()
            var keys = [try orderKey(after: "'order by'")]
            while at(.comma) {
                advanceJoining()
                keys.append(try orderKey(after: "','"))
            }
            state.order = keys
            state.given["order by"] = Span(start, lastEnd)
            state.openList = .orderKeys
        case .limit:
            try once("limit", state)
            advanceJoining()
            let (count, span) = try wholeNumber(after: "limit", example: "limit 10")
            state.limit = Limit(count: count, span: span)
            state.given["limit"] = Span(start, lastEnd)
            state.openList = .none
        default:
            try range(keyword, &state)
            state.openList = .none
        }
    }

    /// `revenue by month by plan` → 'by' given twice.
    /// `comparison = "vs" ( "previous" | "last" "year" ) ;`
    mutating func comparison(_ state: inout QueryState) throws(ParseFailure) {
        let start = current.span.start
        try once("vs", state)
        advanceJoining()
        let kind: Comparison.Kind
        if atWord("previous") {
            kind = .previous
        } else if at(.last), isWord(tokens[pos + 1], "year") {
            advance()
            kind = .lastYear
        } else {
            throw fail("expected 'previous' or 'last year' after 'vs'", help: "e.g. revenue by month vs previous")
        }
        advance()
        state.comparison = Comparison(kind, Span(start, lastEnd))
        state.given["vs"] = state.comparison?.span
        state.openList = .none
    }

    func once(_ word: String, _ state: QueryState) throws(ParseFailure) {
        if let first = state.given[word] { throw givenTwice(word, first: first) }
    }

    /// `dims = dim { "," dim } ;`
    mutating func dims() throws(ParseFailure) -> [Dimension] {
        var dims = [try dim(after: "'by'")]
        while at(.comma) {
            advanceJoining()
            dims.append(try dim(after: "','"))
        }
        return dims
    }

    /// `dim = IDENT [ "." IDENT ] ;`
    mutating func dim(after: String) throws(ParseFailure) -> Dimension {
        let first = try expectName(
            "a dimension after \(after)",
            help: reservedWordHelp(current)
                ?? "a dimension is a time grain (day, week, month, quarter, year) or a column, e.g. by month, plan")
        guard at(.dot) else { return Dimension(qualifier: nil, name: first, span: first.span) }
        advance()
        let column = try expectNameAfterDot(first)
        return Dimension(qualifier: first, name: column, span: first.span.union(column.span))
    }

    /// `order_key = IDENT [ "asc" | "desc" ] ;` Keys name columns of the result, never `table.column`.
    mutating func orderKey(after: String) throws(ParseFailure) -> OrderKey {
        let key = try expectName(
            "a column name after \(after)", help: reservedWordHelp(current) ?? "e.g. order by revenue desc")
        if at(.dot) {
            // `order by customers.plan`: the result's column is `plan`.
            let column =
                nextKind == .identifier || nextKind.isKeyword
                ? name(tokens[min(pos + 1, tokens.count - 1)]).text : key.text
            throw fail(
                "'order by' takes a column of the result, not a qualified name",
                help: "name the column as the result shows it, e.g. order by \(column)")
        }
        var descending = false
        if at(.asc) || at(.desc) {
            descending = at(.desc)
            advance()
        }
        return OrderKey(name: key, descending: descending, span: Span(key.span.start, lastEnd))
    }

    /// `range = "since" DATE | "until" DATE | "between" DATE "and" DATE | "last" INTEGER IDENT | "for" period ;`
    /// A query has one range; only `since` and `until` combine.
    mutating func range(_ keyword: Keyword, _ state: inout QueryState) throws(ParseFailure) {
        let word = keyword.rawValue
        if let first = state.rangeClauses.first(where: { $0.keyword == keyword }) {
            throw givenTwice(word, first: first.span)
        }
        let bounds: Set<Keyword> = [.since, .until]
        if let first = state.rangeClauses.first,
            !(bounds.contains(keyword) && state.rangeClauses.allSatisfy({ bounds.contains($0.keyword) }))
        {
            // `revenue since 2024-01-01 last 3 months`
            throw fail(
                "a query takes one range",
                help: "since and until combine; between, last and for each give a whole range",
                labels: [Diagnostic.Label(span: first.span, message: "range already given here")])
        }
        let start = current.span.start
        advanceJoining()
        switch keyword {
        case .since:
            state.since = try date(after: "since")
        case .until:
            state.until = try date(after: "until")
        case .between:
            let from = try date(after: "between")
            continueOnNextLine(if: { $0.kind == .keyword(.and) })
            guard at(.and) else {
                throw fail(
                    "expected 'and' after 'between \(source.slice(from.span))'",
                    help: "e.g. between 2024-01-01 and 2024-03-31")
            }
            advanceJoining()
            let to = try date(after: "and")
            state.range = RangeClause(.bounds(since: from, until: to), Span(start, lastEnd))
        case .last:
            let (count, _) = try wholeNumber(after: "last", example: "last 3 months")
            let unit = try expectName(
                "a period unit after 'last \(count)' (days, weeks, months, quarters or years)",
                help: "e.g. last \(count) months")
            state.range = RangeClause(.last(count: count, unit: unit), Span(start, lastEnd))
        default:
            state.range = RangeClause(.period(try period()), Span(start, lastEnd))
        }
        state.rangeClauses.append((keyword, Span(start, lastEnd)))
    }

    /// `revenue plan`: a complete query followed by something that cannot continue it. Says what could.
    func unexpectedAfterQuery(_ state: QueryState) -> ParseFailure {
        if at(.rightParen) { return fail("unmatched ')'", help: "there is no '(' for it to close") }
        var next: [String] = []
        if state.openList != .none { next.append("','") }
        if state.given["by"] == nil { next.append("'by'") }
        if state.given["where"] == nil { next.append("'where'") }
        let rangeWords = state.rangeClauses.map { $0.keyword }
        if rangeWords.isEmpty {
            next += ["'since'", "'until'", "'between'", "'last'", "'for'"]
        } else if rangeWords == [.since] {
            next.append("'until'")
        } else if rangeWords == [.until] {
            next.append("'since'")
        }
        if state.given["having"] == nil { next.append("'having'") }
        if state.given["nonzero"] == nil { next.append("'nonzero'") }
        if state.given["order by"] == nil { next.append("'order by'") }
        if state.given["limit"] == nil { next.append("'limit'") }
        let expected = "expected " + listing(next + [equalEndsQuery ? "'=' and the expected value" : "the end of the query"])
        let found = described(current)
        let suggestion: String?
        switch current.kind {
        case .identifier:
            let word = current.nameText(in: source)
            suggestion = clauseSuggestion(for: word, state)
        case .date where rangeWords.isEmpty:
            suggestion = "since \(text(current))"
        case .period where rangeWords.isEmpty:
            suggestion = "for \(text(current))"
        default:
            suggestion = nil
        }
        if let suggestion {
            return fail("unexpected \(found); did you mean '\(suggestion)'?", help: expected)
        }
        if at(.equal) && !equalEndsQuery {
            // `churn for 2024-03 = 0.05`: a check written without its statement word.
            return fail(
                "unexpected \(found); \(expected)",
                help: "to check the query's value, start with 'assert': assert churn for 2024-03 = 0.05")
        }
        return fail("unexpected \(found); \(expected)")
    }

    /// For a name after a complete query: a misspelt clause word, or the missing 'by' or ','. A
    /// missing 'by' is suggested only before a name that can be a dimension (a grain, or one the
    /// vocabulary knows), a missing ',' between items only before a metric: two words alone
    /// (`format csv`, `select sum(x)`) are no query missing its 'by'.
    func clauseSuggestion(for word: String, _ state: QueryState) -> String? {
        let lower = word.lowercased()
        // The contextual clause words count too: `havin` is a `having` mistyped.
        let clauseWords = (Keyword.clauseStarters.map(\.rawValue) + ["having", "nonzero", "pivot"]).sorted()
        if lower != word, clauseWords.contains(lower) { return lower }  // `WHERE`
        let grains: Set<String> = [
            "day", "week", "month", "quarter", "year", "days", "weeks", "months", "quarters", "years",
        ]
        if word.count >= 4, !grains.contains(lower), let close = Suggestions.closest(to: word, in: clauseWords) {
            return close == "order" && nextKind != .keyword(.by) ? "order by" : close
        }
        // A name followed by '(' is a call, never a dimension to group by.
        if nextKind == .symbol(.leftParen) { return nil }
        if vocabulary.isDimension(word) {
            if state.openList == .dimensions { return ", \(word)" }
            if state.given["by"] == nil { return "by \(word)" }
        }
        if state.openList == .items, vocabulary.metrics.contains(word) { return ", \(word)" }
        return nil
    }

    /// `'a', 'b' or 'c'`
    func listing(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        let rest = items.dropLast()
        return rest.isEmpty ? last : rest.joined(separator: ", ") + " or " + last
    }
}
