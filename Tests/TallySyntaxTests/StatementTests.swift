// Statements other than plain queries: metric, load, relate, anchor, show, describe, explain; scripts.

import Testing
import TallyDiagnostics
@testable import TallySyntax

@Suite struct StatementTests {
    @Test func metricDefinitions() {
        check("metric aov = revenue / purchases", "(metric aov (/ revenue purchases))")
        check("metric aov = revenue / purchases unit currency", "(metric aov (/ revenue purchases) (unit currency))")
        check(
            #"metric aov = revenue / purchases unit currency description "Per order""#,
            #"(metric aov (/ revenue purchases) (unit currency) (description "Per order"))"#)
        check(
            #"metric aov = revenue / purchases description "Per order" unit currency"#,
            #"(metric aov (/ revenue purchases) (unit currency) (description "Per order"))"#)
        check(
            "metric aov =\n  revenue / purchases\n  unit currency\n  description \"Per\\norder\"",
            #"(metric aov (/ revenue purchases) (unit currency) (description "Per\norder"))"#)
        check(
            #"metric won = count(deals on closed_date where stage = "won")"#,
            #"(metric won (count deals (on closed_date) (where (= stage "won"))))"#)
        check("metric `order` = 1", "(metric `order` 1)")
        // A line starting with something else is the next statement.
        check("metric a = 1\nrevenue", "(metric a 1)\n(query (items revenue))")
    }

    @Test func load() {
        check(#"load "orders.csv""#, #"(load "orders.csv")"#)
        check(#"load "orders.csv" as orders"#, #"(load "orders.csv" (as orders))"#)
        check(
            #"load "x.csv" as x delimiter ";" with d = "Day" format "%m/%d/%Y", amount as number format "1.234,56", zip as text"#,
            #"(load "x.csv" (as x) (delimiter ";") (with (d "Day" (format "%m/%d/%Y")) (amount (as number) (format "1.234,56")) (zip (as text))))"#)
        check(#"load "x.tsv" with at as timestamp"#, #"(load "x.tsv" (with (at (as timestamp))))"#)
        check(
            #"load "export.csv" as customers with signup_date = "Create Date""#,
            #"(load "export.csv" (as customers) (with (signup_date "Create Date")))"#)
        check(
            #"load "x.csv" with a = "A", b = "B""#, #"(load "x.csv" (with (a "A") (b "B")))"#)
        check(
            "load \"x.csv\" as x with\n  a = \"A\",\n  b = \"B\"", #"(load "x.csv" (as x) (with (a "A") (b "B")))"#)
        let (script, _) = Parser.parse(SourceFile(name: nil, text: #"load "a\\b.csv""#))
        if case .load(let l)? = script.statements.first?.kind {
            #expect(l.path == #"a\b.csv"#)
            #expect(l.pathSpan == Span(5, 15))
        } else {
            Issue.record("not a load")
        }
    }

    @Test func declarations() {
        check("relate orders.customer_id to customers.id", "(relate (. orders customer_id) (. customers id))")
        check("anchor orders on date", "(anchor orders date)")
        check("show datasets", "(show datasets)")
        check("show metrics", "(show metrics)")
        check("describe customers", "(describe customers)")
    }

    @Test func explain() {
        check("explain churn", "(explain (query (items churn)))")
        check(
            #"explain churn for 2024-03 where plan = "pro""#,
            #"(explain (query (items churn) (where (= plan "pro")) (for 2024-03)))"#)
        check("explain churn\n  for 2024-03", "(explain (query (items churn) (for 2024-03)))")
    }

    @Test func statementWordsAreNamesElsewhere() {
        check("revenue by load", "(query (items revenue) (by load))")
        check("revenue where show = 1 and metric > 2", "(query (items revenue) (where (and (= show 1) (> metric 2))))")
        check("`show` by month", "(query (items show) (by month))")
        check("`load` + 1", "(query (items (+ load 1)))")
        check("unit, description, to, with", "(query (items unit description to with))")
    }

    @Test func scripts() {
        check("", "")
        check("\n\n;;\n", "")
        check("-- nothing here\n", "")
        check("show datasets; show metrics", "(show datasets)\n(show metrics)")
        check("; ;show datasets;;\n\nshow metrics;\n", "(show datasets)\n(show metrics)")
        check(
            """
            -- the model
            load "orders.csv" as orders
            relate orders.customer_id to customers.id
            anchor orders on date

            metric aov = revenue / purchases
              unit currency
            aov by month
            """,
            """
            (load "orders.csv" (as orders))
            (relate (. orders customer_id) (. customers id))
            (anchor orders date)
            (metric aov (/ revenue purchases) (unit currency))
            (query (items aov) (by month))
            """)
    }

    @Test func statementSpans() {
        let text = "show datasets ;  relate a.b to c.d\n"
        let (script, _) = Parser.parse(SourceFile(name: nil, text: text))
        #expect(script.statements.map(\.span) == [Span(0, 13), Span(17, 34)])
    }
}
