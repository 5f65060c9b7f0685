// Dimension definitions (a named row expression usable after `by`) and `plot`.

import TallyDiagnostics

extension Parser {
    /// `plot = "plot" query ;`
    mutating func plot() throws(ParseFailure) -> Statement {
        try wordThenQuery(expected: "a query", example: "e.g. plot revenue by month", Statement.Kind.plot)
    }

    /// `dimension_def = "dimension" IDENT "=" expr [ "description" STRING ] ;`
    mutating func dimensionDefinition() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = current
        let example = "e.g. dimension cohort = month(customers.signup_date)"
        advance()
        let name = try expectName(
            "a dimension name after 'dimension'", help: statementWordHelp(word) ?? reservedWordHelp(current) ?? example)
        guard at(.equal) else { throw fail("expected '=' after the dimension name", help: example) }
        advanceJoining()
        guard canStartExpression(current) else { throw fail("expected the dimension's expression after '='", help: example) }
        let value = try expr()
        var description: String?
        continueOnNextLine(if: { [self] token in isWord(token, "description") })
        if atWord("description") { description = try descriptionClause() }
        try expectStatementEnd()
        let definition = DimensionDefinition(name: name, expr: value, description: description)
        return Statement(.dimension(definition), Span(start, lastEnd))
    }
}
