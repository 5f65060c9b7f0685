// SQL typed at Tally: the SELECTs read as the Tally query asking the same question, and those that
// cannot be read faithfully.

import TallyDiagnostics
import Testing

@testable import TallySyntax

@Suite struct SQLSelectTests {
    @Test(arguments: [
        ("select sum(amount) from orders group by plan", "sum(orders.amount) by plan"),
        ("SELECT plan, SUM(amount) FROM orders GROUP BY plan;", "sum(orders.amount) by plan"),
        ("select count(*) from customers", "count(customers)"),
        ("select count(distinct customer_id) from orders", "count_distinct(orders.customer_id)"),
        ("select count(churn_date) from customers", "count(customers where customers.churn_date is not null)"),
        ("select avg(amount * 2) as double from orders o", "avg(orders.amount * 2) as double"),
        ("select sum(o.amount) / count(*) from orders as o", "sum(orders.amount) / count(orders)"),
        (
            "select region, count(*) as n from customers where plan = 'pro' and signup_date >= '2024-01-01' group by region order by n desc limit 3",
            #"count(customers) as n by region where plan = "pro" and signup_date >= 2024-01-01 order by n desc limit 3"#
        ),
        ("select date_trunc('month', date), sum(amount) from orders group by 1", "sum(orders.amount) by month"),
        (
            "select sum(amount) from orders where kind in ('new', 'upsell') or kind is null",
            #"sum(orders.amount) where kind in ("new", "upsell") or kind is null"#
        ),
        ("select sum(amount) from orders where note = 'it''s \"x\"'", #"sum(orders.amount) where note = "it's \"x\"""#),
    ])
    func readable(_ sql: String, _ tally: String) {
        #expect(SQLSelect.tally(sql) == tally)
    }

    @Test(arguments: [
        "select * from orders",
        "select plan from customers",  // a column not grouped by
        "select sum(amount) from orders join customers on customers.id = orders.customer_id",
        "select plan, count(*) from customers group by plan having count(*) > 10",
        "select count(*) from customers where plan like 'p%'",
        "select sum(amount) from orders order by sum(amount)",
        "select sum(amount) from orders, customers",
        "select sum(amount) from (select * from orders) t",
        "select sum(amount) from orders where lower(kind) = 'new'",
    ])
    func unreadable(_ sql: String) {
        #expect(SQLSelect.tally(sql) == nil)
    }

    @Test func theParserAnswersWithTheTallyForm() {
        checkError(
            "⟨select⟩ sum(amount) from orders group by plan",
            "this is SQL, which Tally does not run; in Tally it is: sum(orders.amount) by plan",
            help: "`sql sum(orders.amount) by plan` shows the SQL Tally runs for it")
        checkError(
            "⟨SELECT⟩ * FROM orders", "this is SQL, which Tally does not run",
            help:
                "ask in Tally, e.g. revenue by month where plan = \"pro\" (help queries); `sql QUERY` shows the SQL a Tally query runs as"
        )
        // Without FROM it is no SELECT: a metric named select stays usable.
        check("select by month", "(query (items select) (by month))")
        // One statement's SQL does not hide the next statement.
        #expect(parsed("select count(*) from orders\nrevenue by plann").diagnostics.count == 1)
    }
}
