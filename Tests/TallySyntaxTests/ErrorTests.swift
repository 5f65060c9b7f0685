// Syntax errors: exact messages at marked positions (⟨⟩ an empty span, ⟨text⟩ a token), and recovery.

import Testing
import TallyDiagnostics
@testable import TallySyntax

@Suite struct ErrorTests {
    @Test func clauses() {
        checkError("revenue by⟨⟩", "expected a dimension after 'by'")
        checkError("revenue by⟨⟩\n", "expected a dimension after 'by'")
        checkError("revenue by ⟨where⟩ x = 1", "expected a dimension after 'by'")
        checkError("revenue by month,⟨⟩", "expected a dimension after ','")
        checkError("revenue by customers.⟨⟩", "expected a column name after 'customers.'")
        checkError("revenue where⟨⟩", "expected a condition after 'where'")
        checkError("revenue where ⟨by⟩ month", "expected a condition after 'where'")
        checkError("revenue limit ⟨ten⟩", "expected a number after 'limit'")
        checkError("revenue limit ⟨-⟩1", "expected a number after 'limit'", help: "'limit' takes a whole number, 0 or more")
        checkError("revenue limit ⟨2.5⟩", "expected a whole number after 'limit'")
        checkError("revenue limit ⟨99999999999999999999⟩", "number 99999999999999999999 is too large")
        checkError("revenue order ⟨revenue⟩", "expected 'by' after 'order'")
        checkError("revenue order by⟨⟩", "expected a column name after 'order by'")
        checkError("revenue order by x,⟨⟩", "expected a column name after ','")
        checkError("revenue order by customers⟨.⟩plan", "'order by' takes a column of the result, not a qualified name")
        checkError("revenue as⟨⟩", "expected a name after 'as'")
        checkError("revenue,⟨⟩", "expected a metric or expression after ','")
    }

    @Test func repeatedClauses() {
        checkError("revenue by month ⟨by⟩ plan", "'by' given twice")
        checkError("revenue where a = 1 ⟨where⟩ b = 2", "'where' given twice")
        checkError("revenue limit 1 ⟨limit⟩ 2", "'limit' given twice")
        checkError("revenue order by a ⟨order⟩ by b", "'order by' given twice")
        checkError("revenue since 2024-01-01 ⟨since⟩ 2024-02-01", "'since' given twice")
        checkError("revenue for 2024 ⟨for⟩ 2025", "'for' given twice")
        checkError("count(deals on a ⟨on⟩ b)", "'on' given twice")
        checkError("count(deals where a ⟨where⟩ b)", "'where' given twice")
        // The label points at the first one.
        let (_, diagnostics) = parsed("revenue by month by plan")
        #expect(diagnostics.first?.labels == [Diagnostic.Label(span: Span(8, 16), message: "first given here")])
    }

    @Test func oneRange() {
        checkError("revenue since 2024-01-01 ⟨last⟩ 3 months", "a query takes one range")
        checkError("revenue last 3 months ⟨since⟩ 2024-01-01", "a query takes one range")
        checkError("revenue between 2024-01-01 and 2024-02-01 ⟨until⟩ 2024-03-01", "a query takes one range")
        checkError("revenue for 2024 ⟨between⟩ 2024-01-01 and 2024-02-01", "a query takes one range")
        checkError("revenue until 2024-01-01 ⟨for⟩ 2024", "a query takes one range")
        let (_, diagnostics) = parsed("revenue since 2024-01-01 by month last 3 months")
        #expect(diagnostics.first?.labels == [Diagnostic.Label(span: Span(8, 24), message: "range already given here")])
    }

    @Test func rangeValues() {
        checkError("revenue since⟨⟩", "expected a date after 'since'")
        checkError("revenue since ⟨2024-03⟩", "expected a date after 'since'")
        checkError("revenue until ⟨2024⟩", "expected a date after 'until'")
        checkError("revenue between ⟨1⟩ and 2", "expected a date after 'between'")
        checkError("revenue between 2024-01-01 ⟨2024-02-01⟩", "expected 'and' after 'between 2024-01-01'")
        checkError("revenue between 2024-01-01 and⟨⟩", "expected a date after 'and'")
        checkError("revenue last⟨⟩", "expected a number after 'last'")
        checkError("revenue last ⟨months⟩", "expected a number after 'last'")
        checkError("revenue last 3⟨⟩", "expected a period unit after 'last 3' (days, weeks, months, quarters or years)")
        checkError("revenue for⟨⟩", "expected a period after 'for'")
        checkError("revenue for ⟨24⟩", "expected a period after 'for'")
        checkError("revenue for ⟨2024-Q5⟩", "invalid quarter Q5 in 2024-Q5")
        checkError("revenue for ⟨2024-Q0⟩", "invalid quarter Q0 in 2024-Q0")
        checkError("revenue for ⟨2024-W54⟩", "invalid week W54 in 2024-W54")
        checkError("revenue for ⟨2024-W00⟩", "invalid week W00 in 2024-W00")
        checkError("revenue for ⟨2024-13⟩", "invalid month 13 in 2024-13")
        checkError("revenue since ⟨2024-13-01⟩", "invalid month 13 in 2024-13-01")
        checkError("revenue since ⟨2024-01-32⟩", "invalid day 32 in 2024-01-32")
        checkError("revenue where d > ⟨2024-00-10⟩", "invalid month 00 in 2024-00-10")
        checkError("revenue where d > ⟨2024-03⟩", "a period such as 2024-03 can only follow 'for'")
    }

    @Test func afterACompleteQuery() {
        checkError("revenue ⟨plan⟩", "unexpected 'plan'; did you mean 'by plan'?")
        checkError("revenue by month ⟨plan⟩", "unexpected 'plan'; did you mean ', plan'?")
        checkError("revenue ⟨whre⟩ x = 1", "unexpected 'whre'; did you mean 'where'?")
        checkError("revenue ⟨WHERE⟩ x = 1", "unexpected 'WHERE'; did you mean 'where'?")
        checkError("revenue ⟨day⟩", "unexpected 'day'; did you mean 'by day'?")
        checkError("revenue ⟨purchases⟩", "unexpected 'purchases'; did you mean ', purchases'?")
        checkError("revenue by month ⟨churn⟩", "unexpected 'churn'; expected ',', 'where', 'since', 'until', 'between', 'last', 'for', 'having', 'nonzero', 'order by', 'limit' or the end of the query")
        // Two words are no query missing its 'by': only a name that can be a dimension is offered one.
        checkError("format ⟨xml⟩", "unknown format 'xml'")
        checkError("revenue ⟨csv⟩", "unexpected 'csv'; expected ',', 'by', 'where', 'since', 'until', 'between', 'last', 'for', 'having', 'nonzero', 'order by', 'limit' or the end of the query")
        checkError("select ⟨sum⟩(amount)", "unexpected 'sum'; expected ',', 'by', 'where', 'since', 'until', 'between', 'last', 'for', 'having', 'nonzero', 'order by', 'limit' or the end of the query")
        checkError("revenue ⟨2024-01-01⟩", "unexpected date 2024-01-01; did you mean 'since 2024-01-01'?")
        checkError("revenue ⟨2024-Q1⟩", "unexpected '2024-Q1'; did you mean 'for 2024-Q1'?")
        checkError(
            "revenue ⟨)⟩", "unmatched ')'")
        checkError(
            "revenue ⟨42⟩",
            "unexpected '42'; expected ',', 'by', 'where', 'since', 'until', 'between', 'last', 'for', 'having', 'nonzero', 'order by', 'limit' or the end of the query")
        checkError(
            "revenue by month since 2024-01-01 limit 3 ⟨desc⟩",
            "unexpected 'desc'; expected 'where', 'until', 'having', 'nonzero', 'order by' or the end of the query")
        checkError(
            "revenue where x = 1 ⟨,⟩ y", "unexpected ','; expected 'by', 'since', 'until', 'between', 'last', 'for', 'having', 'nonzero', 'order by', 'limit' or the end of the query")
        checkError(
            "revenue by month where x = 1 for 2024 order by revenue limit 1 ⟨plan⟩",
            "unexpected 'plan'; expected 'having', 'nonzero' or the end of the query")
        checkError(
            "revenue by month where x = 1 for 2024 having revenue > 1 nonzero order by revenue limit 1 ⟨plan⟩",
            "unexpected 'plan'; expected the end of the query")
    }

    @Test func expressions() {
        checkError("(revenue⟨⟩", "expected ')'")
        checkError("revenue + ⟨by⟩ month", "expected an expression after '+'")
        checkError("revenue *⟨⟩", "expected an expression after '*'")
        checkError("revenue where a and⟨⟩", "expected a condition after 'and'")
        checkError("revenue where a = ⟨)⟩", "expected a value after '='")
        checkError("revenue where a = ⟨not⟩ b", "'not' must come before a whole condition")
        checkError("revenue where not⟨⟩", "expected a condition after 'not'")
        checkError("revenue where 1 < x ⟨<⟩ 3", "comparisons cannot be chained")
        checkError("revenue where x in ⟨1⟩", "expected '(' after 'in'")
        checkError("revenue where x not in ⟨1⟩", "expected '(' after 'not in'")
        checkError("revenue where x in (⟨)⟩", "expected a value after '('")
        checkError("revenue where x in (1,⟨⟩", "expected a value after ','")
        checkError("revenue where x in (1 ⟨2⟩)", "expected ')'")
        checkError("revenue where x between 1⟨⟩", "expected 'and' after the lower bound of 'between'")
        checkError("revenue where x between⟨⟩", "expected a lower bound after 'between'")
        checkError("revenue where x between 1 and⟨⟩", "expected an upper bound after 'and'")
        checkError("revenue where x is⟨⟩", "expected 'null' after 'is'")
        checkError("revenue where x is not ⟨1⟩", "expected 'null' after 'is not'")
        checkError("count(⟨*⟩)", "'*' is not an argument")
        checkError("count(orders,⟨)⟩", "expected an argument after ','")
        checkError("count(deals on ⟨)⟩", "expected a column name after 'on'")
        checkError("count(deals where ⟨)⟩", "expected a condition after 'where'")
        checkError("count(deals ⟨x⟩)", "expected ')'")
        checkError("(⟨)⟩", "expected an expression after '('")
        checkError("-⟨⟩", "expected an expression after '-'")
        checkError("orders.⟨⟩", "expected a column name after 'orders.'")
        checkError("orders.⟨1⟩", "expected a column name after 'orders.'")
    }

    @Test func unclosedParenthesisPointsBack() {
        let (_, diagnostics) = parsed("(revenue")
        #expect(diagnostics.map(\.message) == ["expected ')'"])
        #expect(diagnostics.first?.span == Span(8, 8))
        #expect(diagnostics.first?.labels == [Diagnostic.Label(span: Span(0, 1), message: "to match this '('")])
        checkError("(revenue ⟨by⟩ month", "expected ')'")
        checkError("sum(x⟨⟩", "expected ')'")
    }

    @Test func statements() {
        checkError("metric x⟨⟩", "expected '=' after the metric name")
        checkError("metric⟨⟩", "expected a metric name after 'metric'")
        checkError("metric ⟨by⟩ = 1", "expected a metric name after 'metric'")
        checkError("metric x =⟨⟩", "expected the metric's formula after '='")
        checkError("metric x = 1 unit⟨⟩", "expected a unit after 'unit'")
        checkError("metric x = 1 description ⟨x⟩", "expected a description in double quotes after 'description'")
        checkError("metric x = 1 unit a ⟨unit⟩ b", "'unit' given twice")
        checkError(#"metric x = 1 description "a" ⟨description⟩ "b""#, "'description' given twice")
        checkError("metric x = revenue ⟨by⟩ month", "a metric definition cannot have 'by'")
        checkError(#"metric x = revenue ⟨where⟩ kind = "new""#, "a metric definition cannot have 'where'")
        checkError("metric x = 1 ⟨y⟩", "unexpected 'y'; expected 'unit', 'description', 'area' or the end of the definition")
        checkError("load⟨⟩", "expected a file path in double quotes after 'load'")
        checkError("load ⟨orders⟩", "expected a file path in double quotes after 'load'")
        checkError(#"load "a.csv" as⟨⟩"#, "expected a dataset name after 'as'")
        checkError(#"load "a.csv" with⟨⟩"#, "expected a column name after 'with'")
        checkError(#"load "a.csv" with a ⟨"A"⟩"#, "expected '=', 'as' or 'format' after 'a'")
        checkError(#"load "a.csv" with a = ⟨b⟩"#, "expected the column's header in double quotes after '='")
        checkError(#"load "a.csv" with a = "A" as ⟨b⟩"#, "expected a column type after 'as'")
        checkError(#"load "a.csv" with a = "A" as date ⟨as⟩ text"#, "unexpected 'as'; expected ',', 'skipping bad rows' or the end of the statement")
        checkError(#"load "a.csv" with a format ⟨b⟩"#, "expected the layout in double quotes after 'format'")
        checkError(#"load "a.csv" delimiter ⟨b⟩"#, "expected the delimiter in double quotes after 'delimiter'")
        checkError(#"load "a.csv" delimiter ⟨";;"⟩"#, "a delimiter is one character other than a quote or a line break")
        checkError(#"load "a.csv" delimiter ";" ⟨as⟩ b"#, "unexpected 'as'; expected 'with', 'skipping bad rows' or the end of the statement")
        checkError(#"load "a.csv" ⟨x⟩"#, "unexpected 'x'; expected 'as', 'delimiter', 'with', 'skipping bad rows' or the end of the statement")
        checkError(#"load "a.csv" skipping ⟨rows⟩"#, "expected 'skipping bad rows'")
        checkError(#"load "a.csv" skipping bad rows ⟨as⟩ b"#, "unexpected 'as'; expected the end of the statement")
        checkError("relate⟨⟩", "expected a dataset name after 'relate'")
        checkError("relate orders ⟨to⟩", "expected '.' and a column name after 'orders'")
        checkError("relate orders.⟨⟩", "expected a column name after 'orders.'")
        checkError("relate orders.customer_id ⟨customers⟩.id", "expected 'to' after 'orders.customer_id'")
        checkError("relate orders.customer_id to⟨⟩", "expected a dataset name after 'to'")
        checkError("relate a.b to c.d ⟨e⟩", "unexpected 'e'; expected the end of the statement")
        checkError("anchor⟨⟩", "expected a dataset name after 'anchor'")
        checkError("anchor orders ⟨date⟩", "expected 'on' after 'orders'")
        checkError("anchor orders on⟨⟩", "expected a column name after 'on'")
        checkError("show⟨⟩", "expected 'datasets', 'metrics' or 'dimensions' after 'show'")
        checkError("show ⟨dataset⟩", "expected 'datasets', 'metrics' or 'dimensions' after 'show'", help: "did you mean 'show datasets'?")
        checkError("show datasets ⟨now⟩", "unexpected 'now'; expected the end of the statement")
        checkError("describe⟨⟩", "expected a dataset name after 'describe'")
        checkError("explain⟨⟩", "expected a metric after 'explain'")
        checkError("explain churn ⟨plan⟩", "unexpected 'plan'; did you mean 'by plan'?")
        checkError("⟨by⟩ month", "expected a metric before 'by'")
        checkError("⟨,⟩ revenue", "expected a statement, found ','")
        checkError("⟨)⟩", "unmatched ')'")
    }

    /// Whether a name can follow 'by' is the session's knowledge: without it only grains are offered.
    @Test func suggestionsKnowTheNames() {
        let expected = "unexpected 'plan'; expected ',', 'by', 'where', 'since', 'until', 'between', 'last', 'for', 'having', 'nonzero', 'order by', 'limit' or the end of the query"
        #expect(parsed("revenue plan", vocabulary: Vocabulary()).diagnostics.map(\.message) == [expected])
        #expect(parsed("revenue plan").diagnostics.map(\.message) == ["unexpected 'plan'; did you mean 'by plan'?"])
        #expect(parsed("revenue month", vocabulary: Vocabulary()).diagnostics.map(\.message) == ["unexpected 'month'; did you mean 'by month'?"])
    }

    @Test func helpTeaches() {
        checkError(
            "show ⟨by⟩ month", "expected 'datasets', 'metrics' or 'dimensions' after 'show'",
            help: "to use 'show' as a name at the start of a query, write it in backquotes: `show`")
        checkError(
            "revenue by ⟨order⟩", "expected a dimension after 'by'",
            help: "'order' is a reserved word; write `order` to use it as a name")
        checkError(
            "revenue by⟨⟩", "expected a dimension after 'by'",
            help: "a dimension is a time grain (day, week, month, quarter, year) or a column, e.g. by month, plan")
        checkError(
            "revenue ⟨plan⟩", "unexpected 'plan'; did you mean 'by plan'?",
            help: "expected ',', 'by', 'where', 'since', 'until', 'between', 'last', 'for', 'having', 'nonzero', 'order by', 'limit' or the end of the query")
        checkError(
            "revenue order by customers⟨.⟩plan", "'order by' takes a column of the result, not a qualified name",
            help: "name the column as the result shows it, e.g. order by plan")
        checkError("show⟨⟩", "expected 'datasets', 'metrics' or 'dimensions' after 'show'", help: "e.g. show datasets")
        checkError("revenue ⟨ordr⟩ by x", "unexpected 'ordr'; did you mean 'order'?")
        checkError("revenue ⟨ordr⟩ x", "unexpected 'ordr'; did you mean 'order by'?")
        checkError(
            "metric x = revenue\n  ⟨by⟩ month", "a metric definition cannot have 'by'",
            help: "a metric holds for every breakdown and period; put 'by' in the queries that use it")
    }

    @Test func nestingLimit() {
        let deep = String(repeating: "(", count: 201) + "x" + String(repeating: ")", count: 201)
        let (_, diagnostics) = parsed(deep)
        #expect(diagnostics.map(\.message) == ["expression nested too deeply (limit 200)"])
        #expect(diagnostics.first?.span == Span(200, 201))
        #expect(parsed(String(repeating: "- ", count: 201) + "x").diagnostics.map(\.message) == ["expression nested too deeply (limit 200)"])
        #expect(parsed(String(repeating: "not ", count: 201) + "x").diagnostics.map(\.message) == ["expression nested too deeply (limit 200)"])
        #expect(parsed(String(repeating: "f(", count: 201) + "x").diagnostics.map(\.message) == ["expression nested too deeply (limit 200)"])
        #expect(parsed("x in " + String(repeating: "(", count: 300)).diagnostics.map(\.message) == ["expression nested too deeply (limit 200)"])
    }

    @Test func depthLimit() {
        let message = "expression too complex (depth limit 1000)"
        let chain = Array(repeating: "1", count: Parser.depthLimit + 1).joined(separator: " + ")
        #expect(parsed(chain).diagnostics.map(\.message) == [message])
        // Parentheses inside a chain do not reset the count.
        let nested = String(repeating: "(", count: 10) + Array(repeating: "a", count: 995).joined(separator: " or ")
            + String(repeating: ")", count: 10)
        #expect(parsed(nested + " and b").diagnostics.isEmpty)
        #expect(parsed("revenue where " + Array(repeating: nested, count: 2).joined(separator: " and ")).diagnostics.map(\.message) == [])
        #expect(parsed("- (" + nested + ") * 2 + 1 * (c + 1) - 3 - 4 - 5").diagnostics.map(\.message) == [message])
    }

    @Test func oneDiagnosticPerBadStatement() {
        let (printed, diagnostics) = parsed(
            """
            revenue by
            purchases by month
            revenue where (x = 1 by month
            show datasets
            metric x
            revenue # by month
            nps limit ten
            """)
        // `revenue by` continues onto the next line ("by" cannot end a statement), so lines 1-2 are one statement.
        #expect(diagnostics.map(\.message) == [
            "'by' given twice", "expected ')'", "expected '=' after the metric name", "unexpected character '#'",
            "expected a number after 'limit'",
        ])
        #expect(printed == "(show datasets)\n(query (items revenue) (by month))")
    }

    @Test func recoverySkipsToTheNextSeparatorAtDepthZero() {
        // The newline inside the parentheses opened after the error does not end the statement.
        let (printed, diagnostics) = parsed("revenue + ) (a,\n b)\nshow metrics")
        #expect(diagnostics.map(\.message) == ["expected an expression after '+'"])
        #expect(printed == "(show metrics)")
        // An unclosed '(' before the error does not swallow later lines.
        let (printed2, diagnostics2) = parsed("(revenue by month\nshow metrics; `x` by y")
        #expect(diagnostics2.map(\.message) == ["expected ')'"])
        #expect(printed2 == "(show metrics)\n(query (items x) (by y))")
    }

    @Test func lexicalAndSyntaxErrorsDoNotCascade() {
        // The earliest problem in a statement is its one diagnostic.
        #expect(parsed("revenue where plan = 'pro'").diagnostics.map(\.message) == ["strings use double quotes"])
        #expect(parsed("revenue by # month").diagnostics.map(\.message) == ["unexpected character '#'"])
        #expect(parsed("revenue by by # month").diagnostics.map(\.message) == ["expected a dimension after 'by'"])
        #expect(parsed("revenue where plan = \"pro").diagnostics.map(\.message) == ["unterminated string"])
        #expect(parsed("revenue since 2024-1-5").diagnostics.map(\.message) == ["invalid date '2024-1-5'"])
        // Stray characters on a line of their own are reported too.
        #expect(parsed("revenue\n#\nnps $ x").diagnostics.map(\.message) == ["unexpected character '#'", "unexpected character '$'"])
    }

    @Test func renderedMessage() {
        let source = SourceFile(name: nil, text: "revenue by month by plan")
        let (_, diagnostics) = Parser.parse(source)
        #expect(
            diagnostics.first?.inSource(source).description == """
                error: 'by' given twice
                 --> 1:18
                  |
                1 | revenue by month by plan
                  |                  ^^
                  = note: first given here (1:9)
                """)
    }

    @Test func notesAboutFilesFollowTheLabelsWithOrWithoutASpan() {
        let source = SourceFile(name: nil, text: "sum(t.x)")
        let note = "t.csv:3:1: \"N/A\" is the first value in x that is not a number"
        let located = Diagnostic(
            "sum() cannot aggregate text values", at: Span(4, 7), help: "use numbers",
            labels: [.init(span: Span(0, 3), message: "here")], notes: [note], source: source)
        #expect(
            located.description == """
                error: sum() cannot aggregate text values
                 --> 1:5
                  |
                1 | sum(t.x)
                  |     ^^^
                  = note: here (1:1)
                  = note: \(note)
                  = help: use numbers
                """)
        #expect(Diagnostic("x is text", help: "use numbers", notes: [note]).description == "error: x is text\n  = note: \(note)\n  = help: use numbers")
    }
}
