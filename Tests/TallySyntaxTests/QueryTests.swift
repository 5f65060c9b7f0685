// Query parsing: items, every clause, clauses in every order, ranges, and lines that continue a query.

import Testing
import TallyDiagnostics
@testable import TallySyntax

@Suite struct QueryTests {
    @Test func items() {
        check("revenue", "(query (items revenue))")
        check("revenue, purchases", "(query (items revenue purchases))")
        check("revenue / purchases as aov, nps", "(query (items (as (/ revenue purchases) aov) nps))")
        check("revenue as `order`", "(query (items (as revenue `order`)))")
        check("revenue,\n  purchases", "(query (items revenue purchases))")
        check("revenue as\n r", "(query (items (as revenue r)))")
    }

    @Test func eachClause() {
        check("revenue by month", "(query (items revenue) (by month))")
        check("revenue by month, plan", "(query (items revenue) (by month plan))")
        check("revenue by customers.plan", "(query (items revenue) (by (. customers plan)))")
        check("revenue by `order`", "(query (items revenue) (by `order`))")
        check("revenue by customers.order", "(query (items revenue) (by (. customers `order`)))")
        check(#"revenue where plan = "pro""#, #"(query (items revenue) (where (= plan "pro")))"#)
        check("revenue since 2024-01-01", "(query (items revenue) (since 2024-01-01))")
        check("revenue until 2024-12-31", "(query (items revenue) (until 2024-12-31))")
        check("revenue order by revenue", "(query (items revenue) (order (revenue asc)))")
        check("revenue order by revenue desc, month asc", "(query (items revenue) (order (revenue desc) (month asc)))")
        check("revenue limit 10", "(query (items revenue) (limit 10))")
        check("revenue limit 0", "(query (items revenue) (limit 0))")
    }

    @Test func ranges() {
        check("revenue since 2024-01-01 until 2024-03-31", "(query (items revenue) (since 2024-01-01) (until 2024-03-31))")
        check("revenue until 2024-03-31 since 2024-01-01", "(query (items revenue) (since 2024-01-01) (until 2024-03-31))")
        check("revenue between 2024-01-01 and 2024-03-31", "(query (items revenue) (since 2024-01-01) (until 2024-03-31))")
        check("revenue last 3 months", "(query (items revenue) (last 3 months))")
        check("revenue last 1 year", "(query (items revenue) (last 1 year))")
        check("revenue for 2024", "(query (items revenue) (for 2024))")
        check("revenue for 2024-Q1", "(query (items revenue) (for 2024-Q1))")
        check("revenue for 2024-q4", "(query (items revenue) (for 2024-Q4))")
        check("revenue for 2024-03", "(query (items revenue) (for 2024-03))")
        check("revenue for 2024-W09", "(query (items revenue) (for 2024-W09))")
        check("revenue for 2024-W53", "(query (items revenue) (for 2024-W53))")
        check("revenue for 2024-03-05", "(query (items revenue) (for 2024-03-05))")
        // Full validity of a day is the binder's: the numbers are kept.
        check("revenue since 2024-02-30", "(query (items revenue) (since 2024-02-30))")
    }

    @Test func rangeValues() {
        func range(_ text: String) -> RangeClause? {
            guard case .query(let q)? = Parser.parse(SourceFile(name: nil, text: text)).script.statements.first?.kind
            else { return nil }
            return q.range
        }
        let source = "revenue since 2024-01-01 by month until 2024-03-31"
        let r = range(source)
        guard case .bounds(let since?, let until?)? = r?.kind else {
            Issue.record("no bounds")
            return
        }
        #expect((since.year, since.month, since.day) == (2024, 1, 1))
        #expect((until.year, until.month, until.day) == (2024, 3, 31))
        // The span covers both clauses.
        #expect(SourceFile(name: nil, text: source).slice(r?.span ?? .none) == "since 2024-01-01 by month until 2024-03-31")
        guard case .period(let p)? = range("revenue for 2024-W09")?.kind else {
            Issue.record("no period")
            return
        }
        #expect(p.kind == .week(year: 2024, week: 9))
        guard case .last(let n, let unit)? = range("revenue last 12 weeks")?.kind else {
            Issue.record("no last")
            return
        }
        #expect(n == 12 && unit.text == "weeks")
    }

    @Test func clausesInEveryOrder() {
        let clauses = [
            ("by month", "(by month)"), (#"where plan = "pro""#, #"(where (= plan "pro"))"#),
            ("since 2024-01-01", "(since 2024-01-01)"), ("order by revenue desc", "(order (revenue desc))"),
            ("limit 10", "(limit 10)"),
        ]
        let expected = "(query (items revenue) " + clauses.map(\.1).joined(separator: " ") + ")"
        var count = 0
        for order in permutations(Array(clauses.indices)) {
            let text = "revenue " + order.map { clauses[$0].0 }.joined(separator: " ")
            check(text, expected)
            // And each clause on its own line.
            check("revenue\n  " + order.map { clauses[$0].0 }.joined(separator: "\n  "), expected)
            count += 1
        }
        #expect(count == 120)
    }

    @Test func everyRangeFormWithOtherClauses() {
        for (range, printed) in [
            ("until 2024-02-01", "(until 2024-02-01)"), ("between 2024-01-01 and 2024-02-01", "(since 2024-01-01) (until 2024-02-01)"),
            ("last 2 weeks", "(last 2 weeks)"), ("for 2024-Q2", "(for 2024-Q2)"),
        ] {
            check("revenue \(range) by plan where x = 1", "(query (items revenue) (by plan) (where (= x 1)) \(printed))")
            check("revenue by plan where x = 1 \(range)", "(query (items revenue) (by plan) (where (= x 1)) \(printed))")
            check("revenue by plan \(range) limit 1", "(query (items revenue) (by plan) \(printed) (limit 1))")
        }
    }

    @Test func multiLineQuery() {
        check(
            """
            revenue, purchases
              by month, plan
              where plan = "pro"
              since 2024-01-01
            """,
            #"(query (items revenue purchases) (by month plan) (where (= plan "pro")) (since 2024-01-01))"#)
        check("revenue\n\n  by month", "(query (items revenue) (by month))")
        check("revenue -- total\n  by month -- per month\n", "(query (items revenue) (by month))")
        check("revenue\r\n  by month\r\n  limit 3", "(query (items revenue) (by month) (limit 3))")
        check("revenue by\n  month", "(query (items revenue) (by month))")
        check("revenue where\n  x = 1", "(query (items revenue) (where (= x 1)))")
        check("revenue order\n by x", "(query (items revenue) (order (x asc)))")
        // What the prompt continues at `..>` the parser joins too.
        check("revenue by month vs\n  previous", "(query (items revenue) (by month) (vs previous))")
        check("revenue between 2024-01-01\n  and 2024-03-31", "(query (items revenue) (since 2024-01-01) (until 2024-03-31))")
        check("revenue where amount between 10\n  and 20", "(query (items revenue) (where (between amount 10 20)))")
    }

    @Test func lineNotStartingWithAClauseIsANewStatement() {
        check("revenue\npurchases", "(query (items revenue))\n(query (items purchases))")
        check("revenue by month\nplan", "(query (items revenue) (by month))\n(query (items plan))")
        check("revenue; purchases by plan", "(query (items revenue))\n(query (items purchases) (by plan))")
        // A ';' ends the statement even before a clause word.
        #expect(parsed("revenue;\nby month").diagnostics.map(\.message) == ["expected a metric before 'by'"])
    }

    @Test func betweenInConditionAndAsRange() {
        check("revenue where amount between 10 and 20", "(query (items revenue) (where (between amount 10 20)))")
        check(
            #"revenue where plan = "pro" between 2024-01-01 and 2024-02-01"#,
            #"(query (items revenue) (where (= plan "pro")) (since 2024-01-01) (until 2024-02-01))"#)
        check(
            "revenue where amount between 10 and 20 between 2024-01-01 and 2024-02-01",
            "(query (items revenue) (where (between amount 10 20)) (since 2024-01-01) (until 2024-02-01))")
        check(
            "revenue where a = 1 and b > 2 between 2024-01-01 and 2024-02-01",
            "(query (items revenue) (where (and (= a 1) (> b 2))) (since 2024-01-01) (until 2024-02-01))")
        check(
            "revenue where not a between 2024-01-01 and 2024-02-01 between 2024-01-01 and 2024-02-01",
            "(query (items revenue) (where (not (between a 2024-01-01 2024-02-01))) (since 2024-01-01) (until 2024-02-01))")
        check(
            "revenue where x = 1\n  between 2024-01-01 and 2024-02-01",
            "(query (items revenue) (where (= x 1)) (since 2024-01-01) (until 2024-02-01))")
    }

    @Test func theBriefsExample() {
        check(
            #"revenue / purchases by month, customers.plan where plan = "pro" and x is not null since 2024-01-01 order by revenue desc limit 10"#,
            #"(query (items (/ revenue purchases)) (by month (. customers plan)) (where (and (= plan "pro") (is-not-null x))) (since 2024-01-01) (order (revenue desc)) (limit 10))"#
        )
    }

    @Test func querySpans() {
        let text = "  revenue by month  -- c"
        let (script, _) = Parser.parse(SourceFile(name: nil, text: text))
        #expect(script.statements.first?.span == Span(2, 18))
        guard case .query(let q)? = script.statements.first?.kind else { return }
        #expect(q.span == Span(2, 18))
        #expect(q.dimensions.first?.span == Span(13, 18))
        #expect(q.items.first?.span == Span(2, 9))
    }
}

/// All orderings of `items` (Heap's algorithm would do; this is clearer for 5 items).
func permutations(_ items: [Int]) -> [[Int]] {
    guard items.count > 1 else { return [items] }
    var result: [[Int]] = []
    for (i, first) in items.enumerated() {
        var rest = items
        rest.remove(at: i)
        for tail in permutations(rest) { result.append([first] + tail) }
    }
    return result
}
