// Statements about running on a database: `sql`, `connect`, `use table`.

import TallyDiagnostics

extension Parser {
    /// `sql = "sql" query ;`
    mutating func sql() throws(ParseFailure) -> Statement {
        try wordThenQuery(expected: "a query", example: "e.g. sql churn by month", Statement.Kind.sql)
    }

    /// `connect = "connect" STRING ;`
    mutating func connect() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = current
        advance()
        guard current.kind == .string else {
            throw fail(
                "expected a connection string in double quotes after 'connect'",
                help: statementWordHelp(word) ?? "e.g. connect \"postgresql://localhost/crm\"")
        }
        let target = Connect(target: current.stringValue(in: source), targetSpan: current.span)
        advance()
        try expectStatementEnd()
        return Statement(.connect(target), Span(start, lastEnd))
    }

    /// `use_table = "use" "table" IDENT [ "." IDENT ] "as" IDENT ;`
    mutating func useTable() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = current
        let example = "e.g. use table crm.customers as customers"
        advance()
        guard atWord("table") else {
            throw fail("expected 'table' after 'use'", help: statementWordHelp(word) ?? example)
        }
        advanceJoining()
        var schema: Name?
        var table = try expectName("a table name after 'table'", help: reservedWordHelp(current) ?? example)
        if at(.dot) {
            advance()
            schema = table
            table = try expectNameAfterDot(table)
        }
        guard at(.as) else { throw fail("expected 'as' and a dataset name after the table", help: example) }
        advanceJoining()
        let dataset = try expectName("a dataset name after 'as'", help: reservedWordHelp(current) ?? example)
        try expectStatementEnd()
        return Statement(.useTable(UseTable(schema: schema, table: table, dataset: dataset)), Span(start, lastEnd))
    }
}
