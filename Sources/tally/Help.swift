// The prompt's help: a one-screen tour, and a page per topic.

enum Help {
    static let topics: [(name: String, text: String)] = [
        (
            "queries",
            """
            A query lists what to compute, then clauses in any order:
              revenue, arpu by quarter, plan where region = "europe" since 2024-01-01
              revenue by plan order by revenue desc limit 3
            Items are metrics (show metrics) or expressions: revenue / purchases as aov.
            """
        ),
        (
            "ranges",
            """
            since 2024-01-01, until 2024-06-30 (inclusive), between D and D,
            last 3 months (the current month counts), for 2024, for 2024-Q1, for 2024-03, for 2024-W09.
            The axis is dense: every period appears, empty ones as 0 or —.
            """
        ),
        (
            "comparisons",
            """
            revenue by month vs previous      -- adds revenue_previous, revenue_change, revenue_growth
            revenue by month vs last year
            previous(x), change(x), growth(x), rolling(x, 3), cumulative(x), share(x)
            Like with like: March 1–15 compares with March 1–15 a year earlier, not all of March;
            share(x) is of x over the whole period.
            cohort_retention by cohort, month pivot   -- the cohort triangle
            revenue by customer_id for 2024-03 having revenue > 1000   -- a condition on the result
            revenue by day, plan for 2024-03 nonzero   -- leave out rows that are all zero
            explain plan revenue vs last year by month   -- the days each period and comparison reads
            """
        ),
        (
            "metrics",
            """
            metric aov = revenue / purchases unit currency description "Average order value"
            count(orders where kind = "new"), sum(orders.amount), avg(hours(t.resolved_at - t.opened_at))
            count(customers active at start), count(deals on closed_date where stage = "won")
            explain churn  ·  explain churn for 2024-03 where plan = "pro"
            """
        ),
        (
            "data",
            """
            load "export.csv" as customers with signup_date = "Create Date" format "%m/%d/%Y"
            load "ventes.csv.gz" as orders delimiter ";" with amount as number format "1.234,56"
            relate orders.customer_id to customers.id · anchor orders on date
            show datasets · describe orders
            """
        ),
        (
            "prompt",
            """
            Tab completes metrics, dimensions, columns and a column's values (plan = "p<Tab>).
            A statement goes on while a quote or parenthesis is open, or a line ends with , or \\,
            an operator, and, or, not, where, by, vs or an open between; the prompt shows ..> meanwhile.
            Habits from other shells work too: .tables, \\d orders, .mode csv, \\timing, .exit.
            Ctrl-R searches history, Ctrl-C clears the line or stops a query, Ctrl-D leaves.
            format table|csv|json|markdown · timer on|off · last (the last result, whole) · quit
            save last to "q1.csv" [as csv] [replace] · output "all.html" … output (back to the screen)
            pager on|off ($PAGER, else less -SFRX) · expanded on|off|auto · run "report.tally"
            edit (the last statement in $EDITOR, then run) · watch 10 QUERY (again every 10 s until Ctrl-C)
            set plan = "pro" (then $plan in statements; tally --set plan=pro does the same)
            """
        ),
    ]

    /// Every word `help` takes: the pages above, then one per statement.
    static var topicNames: [String] { topics.map(\.name) + statements.map(\.name) }

    static func text(topic: String?) -> String {
        if let topic {
            let name = topic == "exit" ? "quit" : topic
            guard let page = (topics + statements).first(where: { $0.name == name }) else {
                return "no help on '\(topic)'; topics: " + topicNames.joined(separator: ", ")
            }
            return page.text
        }
        return """
            Tally answers questions about CRM data. Try:
              show metrics                          what can be asked
              revenue by month                      a metric over time
              churn, nps by quarter, plan           several, broken down
              revenue by month where plan = "pro"   filtered (through relations too)
              explain churn for 2024-03             what a number means, worked out
              plot revenue by month                 a chart
              sql revenue by month                  the SQL it runs as
            More: help \(topics.map(\.name).joined(separator: " | help ")),
            and help for each statement: help sql, help describe, help explain, help show ...
            """
    }
}
