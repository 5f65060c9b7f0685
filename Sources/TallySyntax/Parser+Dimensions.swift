// Dimension definitions: a named row expression usable after `by` (a signup cohort, a size band).

import TallyDiagnostics

extension Parser {
    /// `plot = "plot" query ;`
    mutating func plot() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = current
        advance()
        guard canStartExpression(current) else {
            throw fail("expected a query after 'plot'", help: statementWordHelp(word) ?? "e.g. plot revenue by month")
        }
        let q = try query()
        return Statement(.plot(q), Span(start, lastEnd))
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
        if atWord("description") {
            advanceJoining()
            guard current.kind == .string else {
                throw fail("expected a description in double quotes after 'description'")
            }
            description = current.stringValue(in: source)
            advance()
        }
        try expectStatementEnd()
        let definition = DimensionDefinition(name: name, expr: value, description: description)
        return Statement(.dimension(definition), Span(start, lastEnd))
    }
}
