// When the prompt asks for another line: one line of text, and whether it goes on.

import Tally
import Testing

@Suite struct ContinuationTests {
    @Test(arguments: [
        // Open quotes and parentheses, and the explicit backslash.
        (#"revenue where plan = "pr"#, true),
        ("sum(orders.amount", true),
        ("revenue by month \\", true),
        ("revenue -- a (comment", false),
        ("`odd (name` by month", false),
        // A comma, an operator.
        ("revenue,", true),
        ("revenue, -- more below", true),
        ("revenue /", true),
        ("revenue where plan =", true),
        ("revenue where amount >=", true),
        // Words a statement cannot end on.
        ("revenue by", true),
        ("revenue by month where", true),
        ("revenue where plan = \"pro\" and", true),
        ("revenue where plan = \"pro\" or", true),
        ("revenue where not", true),
        ("revenue where churn_date is", true),
        ("revenue by month vs", true),
        ("revenue by plan having", true),
        ("revenue by plan having revenue >", true),
        ("revenue since", true),
        ("revenue order by", true),
        ("revenue last", true),
        // An open between: the range and the condition.
        ("revenue between 2024-01-01", true),
        ("revenue where amount between 10", true),
        ("revenue where amount between 10 and 20", false),
        ("revenue between 2024-01-01 and 2024-03-31", false),
        // Complete statements, and the prompt's own commands.
        ("revenue by month", false),
        ("revenue by plan where plan = \"pro\"", false),
        ("revenue by month vs previous", false),
        ("revenue by vs", false),  // a column named vs
        ("revenue by having", false),  // a column named having
        ("revenue by plan having revenue > 10 nonzero", false),
        ("revenue by `where`", false),
        ("last", false),
        ("timer on", false),
        ("format csv", false),
        ("revenue by; purchases", false),  // only the last statement counts
        ("revenue; purchases by", true),
        ("", false),
    ])
    func continues(_ text: String, _ expected: Bool) {
        #expect(Continuation.needsMore(text) == expected, "\(text)")
    }
}
