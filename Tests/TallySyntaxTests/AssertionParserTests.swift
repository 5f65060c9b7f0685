// `assert QUERY = NUMBER [within NUMBER]`: where the query ends, signs, tolerances, layout and errors.

import Testing
import TallyDiagnostics
@testable import TallySyntax

@Suite struct AssertionParserTests {
    @Test func basics() {
        check(
            "assert churn for 2024-03 = 0.05 within 0.001",
            "(assert (query (items churn) (for 2024-03)) 0.05 (within 0.001))")
        check("assert customers_start for 2024-02 = 240", "(assert (query (items customers_start) (for 2024-02)) 240)")
        check("assert revenue = 1.5e3", "(assert (query (items revenue)) 1.5e3)")
        check("assert revenue = 0 within 0", "(assert (query (items revenue)) 0 (within 0))")
        check(
            "assert revenue since 2024-01-01 until 2024-03-31 = 5",
            "(assert (query (items revenue) (since 2024-01-01) (until 2024-03-31)) 5)")
        check(
            "assert revenue between 2024-01-01 and 2024-03-31 = 5",
            "(assert (query (items revenue) (since 2024-01-01) (until 2024-03-31)) 5)")
    }

    /// The first '=' after `where` compares; the '=' after the complete condition asserts.
    @Test func equalAfterACondition() {
        check(
            #"assert revenue for 2024 where plan = "pro" = 12345.67"#,
            #"(assert (query (items revenue) (where (= plan "pro")) (for 2024)) 12345.67)"#)
        check(
            #"assert revenue where plan = "pro" for 2024 = 1"#,
            #"(assert (query (items revenue) (where (= plan "pro")) (for 2024)) 1)"#)
        check(
            #"assert revenue where plan = "pro" and region = "EU" = 1"#,
            #"(assert (query (items revenue) (where (and (= plan "pro") (= region "EU")))) 1)"#)
        check(
            "assert revenue where a = 1 or b + 1 = 2 = 3",
            "(assert (query (items revenue) (where (or (= a 1) (= (+ b 1) 2)))) 3)")
        check(
            #"assert revenue where kind in ("new") = 1"#, #"(assert (query (items revenue) (where (in kind "new"))) 1)"#)
        check(
            "assert revenue where churn_date is null = 1",
            "(assert (query (items revenue) (where (is-null churn_date))) 1)")
        check("assert revenue where (a = 1) = 2", "(assert (query (items revenue) (where (= a 1))) 2)")
        check(
            "assert revenue where amount between 1 and 2 = 3",
            "(assert (query (items revenue) (where (between amount 1 2))) 3)")
        check("assert revenue where not a = 1 = 2", "(assert (query (items revenue) (where (not (= a 1)))) 2)")
    }

    /// After an item, '=' is the assertion's at once: an item is never a condition.
    @Test func equalAfterAnItem() {
        check("assert revenue / purchases = 2", "(assert (query (items (/ revenue purchases))) 2)")
        check("assert revenue - 1000 for 2024 = -3", "(assert (query (items (- revenue 1000)) (for 2024)) -3)")
        check("assert revenue as r = 2", "(assert (query (items (as revenue r))) 2)")
        // Two items parse; the session reports that an assertion checks one value.
        check("assert revenue, purchases = 2", "(assert (query (items revenue purchases)) 2)")
        check("assert revenue by plan = 2", "(assert (query (items revenue) (by plan)) 2)")
    }

    /// Inside parentheses '=' compares as usual.
    @Test func equalInsideParentheses() {
        check(
            #"assert count(orders where kind = "new") = 6"#,
            #"(assert (query (items (count orders (where (= kind "new"))))) 6)"#)
        check(
            #"assert count(orders where kind = "new") where plan = "pro" = 6"#,
            #"(assert (query (items (count orders (where (= kind "new")))) (where (= plan "pro"))) 6)"#)
    }

    @Test func negativeNumbers() {
        check("assert revenue = -0.5", "(assert (query (items revenue)) -0.5)")
        check("assert revenue = - 0.5 within 0.1", "(assert (query (items revenue)) -0.5 (within 0.1))")
        check("assert -revenue = -2", "(assert (query (items (- revenue))) -2)")
        #expect(expected(of: "assert x = -0.5")?.text == "-0.5")
        #expect(expected(of: "assert x = -0.5")?.span == Span(11, 15))
        #expect(expected(of: "assert x = 2")?.span == Span(11, 12))
    }

    @Test func layout() {
        check(
            "assert revenue\n  where plan = \"pro\"\n  for 2024\n  = 250.5\n  within 0.01",
            #"(assert (query (items revenue) (where (= plan "pro")) (for 2024)) 250.5 (within 0.01))"#)
        check("assert revenue =\n  5", "(assert (query (items revenue)) 5)")
        check("assert revenue = 5 within\n  1", "(assert (query (items revenue)) 5 (within 1))")
        check("assert revenue = 5; assert purchases = 6", "(assert (query (items revenue)) 5)\n(assert (query (items purchases)) 6)")
        // A line starting `within` without a number is the next statement (a metric named within).
        check("assert revenue = 5\nwithin by month", "(assert (query (items revenue)) 5)\n(query (items within) (by month))")
        // A query after an assertion starts afresh: '=' compares again.
        check("assert revenue = 5\nrevenue where a = 1", "(assert (query (items revenue)) 5)\n(query (items revenue) (where (= a 1)))")
    }

    @Test func statementSpan() {
        let (script, _) = Parser.parse(SourceFile(name: nil, text: "revenue\nassert churn = 0.05 within 0.001\n"))
        #expect(script.statements.map(\.span) == [Span(0, 7), Span(8, 40)])
        if case .assert(let a)? = script.statements.last?.kind {
            #expect(a.span == Span(8, 40))
            #expect(a.query.span == Span(15, 20))
            #expect(a.tolerance == NumberLiteral(text: "0.001", span: Span(35, 40)))
        } else {
            Issue.record("not an assertion")
        }
    }

    /// `assert` is a statement word only first, and only unquoted.
    @Test func assertIsAName() {
        check("`assert` by month", "(query (items assert) (by month))")
        check("revenue by assert", "(query (items revenue) (by assert))")
        check("revenue where assert = 1", "(query (items revenue) (where (= assert 1)))")
    }

    @Test func errors() {
        checkError("assert⟨⟩", "expected a query after 'assert'")
        checkError(
            "assert ⟨by⟩ month", "expected a query after 'assert'",
            help: "to use 'assert' as a name at the start of a query, write it in backquotes: `assert`")
        checkError(
            "assert churn for 2024-03⟨⟩", "expected '=' and the expected value after the query",
            help: "e.g. assert churn for 2024-03 = 0.05 within 0.001")
        checkError(
            "assert churn for 2024-03 ⟨0.05⟩",
            "unexpected '0.05'; expected 'by', 'where', 'having', 'nonzero', 'order by', 'limit' or '=' and the expected value")
        checkError("assert churn =⟨⟩", "expected a number after '='")
        checkError("assert churn = ⟨\"5%\"⟩", "expected a number after '='")
        checkError("assert churn = ⟨churn⟩", "expected a number after '='")
        checkError("assert churn = -⟨⟩", "expected a number after '-'")
        checkError("assert churn = 1 within⟨⟩", "expected a number after 'within'")
        checkError("assert churn = 1 within ⟨-⟩1", "the tolerance after 'within' cannot be negative")
        checkError("assert churn = 1 ⟨2⟩", "unexpected '2'; expected 'within' or the end of the assertion")
        checkError("assert churn = 1 within 2 ⟨3⟩", "unexpected '3'; expected the end of the assertion")
        checkError("assert churn = 1 ⟨=⟩ 2", "unexpected '='; expected 'within' or the end of the assertion")
        checkError("assert revenue where a = 1 and a = 2 = 3 ⟨=⟩ 4", "unexpected '='; expected 'within' or the end of the assertion")
        checkError("assert revenue where a < 1 ⟨<⟩ 2 = 3", "comparisons cannot be chained")
    }

    /// When the where clause took the '=' the assertion needed, the help says so.
    @Test func equalTakenByTheCondition() {
        let help =
            "the '=' after 'where' was read as part of the condition; the assertion's '=' comes "
            + "after the whole condition, e.g. assert revenue where plan = \"pro\" = 250.5"
        checkError("assert revenue where trial = 5⟨⟩", "expected '=' and the expected value after the query", help: help)
        checkError(
            "assert revenue where plan = \"pro\" and trial = 5⟨⟩", "expected '=' and the expected value after the query",
            help: help)
    }

    /// An '=' after a plain query suggests the statement word.
    @Test func equalAfterAQuery() {
        checkError(
            "churn for 2024-03 ⟨=⟩ 0.05", "unexpected '='; expected 'by', 'where', 'having', 'nonzero', 'order by', 'limit' or the end of the query",
            help: "to check the query's value, start with 'assert': assert churn for 2024-03 = 0.05")
    }

    /// The assertion's query state does not leak into later statements after an error.
    @Test func recovery() {
        let (script, diagnostics) = Parser.parse(SourceFile(name: nil, text: "assert revenue = x\nrevenue where a = 1 = 2\nshow metrics"))
        #expect(diagnostics.map(\.message) == ["expected a number after '='", "comparisons cannot be chained"])
        #expect(SyntaxPrinter.format(script) == "(show metrics)")
    }

    private func expected(of text: String) -> NumberLiteral? {
        let (script, _) = Parser.parse(SourceFile(name: nil, text: text))
        guard case .assert(let a)? = script.statements.first?.kind else { return nil }
        return a.expected
    }
}
