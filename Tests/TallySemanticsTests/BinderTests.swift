// The binder on schemas alone (no rows): what each query binds to, and the errors found before data is read.

import TallyData
import TallyDiagnostics
import TallySemantics
import TallySyntax
import Testing

/// A catalog with the shape of the canonical layout (a few columns each) and a couple of metrics.
private func catalog() -> Catalog {
    var c = Catalog()
    c.addDataset(
        DatasetSchema(
            name: "customers",
            columns: [
                .init(name: "id", type: .integer), .init(name: "signup_date", type: .date),
                .init(name: "plan", type: .text), .init(name: "region", type: .text), .init(name: "channel", type: .text),
            ]))
    c.addDataset(
        DatasetSchema(
            name: "orders",
            columns: [
                .init(name: "id", type: .integer), .init(name: "customer_id", type: .integer),
                .init(name: "date", type: .date), .init(name: "amount", type: .decimal), .init(name: "kind", type: .text),
            ]))
    c.addDataset(
        DatasetSchema(
            name: "spend",
            columns: [.init(name: "date", type: .date), .init(name: "channel", type: .text), .init(name: "amount", type: .decimal)]))
    c.addDataset(
        DatasetSchema(
            name: "tickets",
            columns: [
                .init(name: "customer_id", type: .integer), .init(name: "opened_at", type: .timestamp),
                .init(name: "resolved_at", type: .timestamp),
            ]))
    c.declare(Relation(fromDataset: "orders", fromColumn: "customer_id", toDataset: "customers", toColumn: "id"))
    c.declare(Relation(fromDataset: "tickets", fromColumn: "customer_id", toDataset: "customers", toColumn: "id"))
    c.declareAnchor(dataset: "orders", column: "date")
    c.declareAnchor(dataset: "customers", column: "signup_date")
    c.declareAnchor(dataset: "spend", column: "date")
    c.declareAnchor(dataset: "tickets", column: "opened_at")
    for (name, text, unit) in [
        ("revenue", "sum(orders.amount)", MetricUnit.currency), ("purchases", "count(orders)", .count),
        ("aov", "revenue / purchases", .currency), ("spend_total", "sum(spend.amount)", .currency),
    ] {
        let source = SourceFile(name: "lib.tally", text: text)
        guard case .query(let q)? = Parser.parse(source).script.statements.first?.kind else { continue }
        c.define(MetricDefinitionEntry(name: name, expr: q.items[0].expr, unit: unit, description: nil, source: source, isLibrary: true))
    }
    return c
}

private func bind(_ text: String) throws(Diagnostic) -> String {
    let source = SourceFile(name: nil, text: text)
    let (script, diagnostics) = Parser.parse(source)
    if let d = diagnostics.first { throw d }
    guard case .query(let q)? = script.statements.first?.kind else { throw Diagnostic("not a query") }
    let today = CivilDate.days(year: 2024, month: 6, day: 15) ?? 0
    return BoundQueryPrinter.print(try Binder(catalog: catalog(), today: today).bind(q, source: source))
}

/// The message of the error binding `text` gives, with the text its span covers.
private func bindError(_ text: String) -> (message: String, at: String, help: String?)? {
    do {
        _ = try bind(text)
        return nil
    } catch {
        let source = SourceFile(name: nil, text: text)
        return (error.message, error.span.map { source.slice($0) } ?? "", error.help)
    }
}

@Suite struct BinderTests {
    @Test func metricsExpandIntoAggregates() throws {
        #expect(
            try bind("aov by month") == """
                dimension month: time month
                aggregate #0: sum(orders.amount) on orders.date
                aggregate #1: count(orders) on orders.date
                item aov (currency) = (#0 / #1)
                """)
    }

    @Test func sharedAggregatesAreBoundOnce() throws {
        #expect(
            try bind("revenue, aov") == """
                aggregate #0: sum(orders.amount) on orders.date
                aggregate #1: count(orders) on orders.date
                item revenue (currency) = #0
                item aov (currency) = (#0 / #1)
                """)
    }

    @Test func dimensionsResolvePerDatasetThroughRelations() throws {
        #expect(
            try bind(#"revenue, count(customers) by plan where region = "europe""#) == """
                dimension plan: column 0
                aggregate #0: sum(orders.amount) where (orders.customer_id→customers.region = "europe") by [orders.customer_id→customers.plan] on orders.date
                aggregate #1: count(customers) where (customers.region = "europe") by [customers.plan] on customers.signup_date
                item revenue (currency) = #0
                item count(customers) = #1
                """)
    }

    @Test func ownColumnsWinOverRelatedOnes() throws {
        // spend has its own channel; orders reach customers.channel.
        #expect(
            try bind("spend_total, revenue by channel") == """
                dimension channel: column 0
                aggregate #0: sum(spend.amount) by [spend.channel] on spend.date
                aggregate #1: sum(orders.amount) by [orders.customer_id→customers.channel] on orders.date
                item spend_total (currency) = #0
                item revenue (currency) = #1
                """)
    }

    @Test func conditionsKeepTheirShape() throws {
        #expect(
            try bind(#"count(orders where kind in ("new", "upsell") and amount between 1 and 9.5 and not (kind != "x"))"#)
                == """
                aggregate #0: count(orders) filter (((orders.kind in ("new", "upsell")) and ((orders.amount >= 1) and (orders.amount <= 95e-1))) and not (orders.kind != "x")) on orders.date
                item count(orders where kind in ("new", "upsell") and amount between 1 and 9.5 and not (kind != "x")) = #0
                """)
    }

    @Test func rangesBecomeDays() throws {
        #expect(try bind("revenue for 2024-Q1").hasSuffix("range 2024-01-01..2024-03-31"))
        #expect(try bind("revenue for 2024-02").hasSuffix("range 2024-02-01..2024-02-29"))
        #expect(try bind("revenue for 2025-W01").hasSuffix("range 2024-12-30..2025-01-05"))
        #expect(try bind("revenue for 2024").hasSuffix("range 2024-01-01..2024-12-31"))
        #expect(try bind("revenue last 3 months").hasSuffix("range 2024-04-01..2024-06-15"))
        #expect(try bind("revenue last 2 weeks").hasSuffix("range 2024-06-03..2024-06-15"))
        #expect(try bind("revenue since 2024-02-29").hasSuffix("range 2024-02-29..…"))
    }

    @Test func orderAndLimit() throws {
        #expect(try bind("revenue by plan order by revenue desc, plan limit 3").hasSuffix("order column 1 desc\norder column 0\nlimit 3"))
    }

    @Test(arguments: [
        ("revenu", "unknown metric 'revenu'", "revenu", "did you mean 'revenue'? (show metrics lists all 4)"),
        ("revenue by plann", "metric 'revenue' reads dataset 'orders', which has no column 'plann' (nor does customers, which it relates to)", "plann", "did you mean 'plan'?"),
        ("spend_total by plan", "metric 'spend_total' reads dataset 'spend', which has no column 'plan'", "plan", "describe spend lists its columns"),
        (#"revenue where plan = 3"#, "cannot compare text with a number", "plan = 3", "write text in double quotes, numbers bare: plan = \"pro\", amount > 100"),
        ("revenue where amount = null", "comparing with null is never true", "amount = null", "write `is null`"),
        ("revenue since 2024-02-30", "2024-02-30 is not a date", "2024-02-30", "that month has fewer days"),
        ("revenue between 2024-03-01 and 2024-01-01", "the range ends (2024-01-01) before it starts (2024-03-01)", "between 2024-03-01 and 2024-01-01", nil),
        ("revenue by month, week", "a query takes one time dimension", "week", nil),
        ("sum(orders.kind)", "sum() cannot aggregate text values", "orders.kind", "sum() needs numbers; count or count_distinct work on any column"),
        ("avg(tickets.resolved_at - tickets.opened_at)", "avg() cannot aggregate duration values", "tickets.resolved_at - tickets.opened_at", "turn the duration into a number first: avg(hours(...)) or avg(days(...))"),
        ("sum(amount)", "which dataset does sum() read?", "amount", "qualify a column with its dataset, e.g. sum(orders.amount)"),
        ("count(deals)", "no dataset 'deals' is loaded", "deals", "load it with `load \"deals.csv\"`, or start tally with --data DIR"),
        ("orders", "'orders' is a dataset, not a metric", "orders", "count its rows with count(orders)"),
        ("revenue, revenue", "two result columns are named 'revenue'", "revenue", "name one with `as`, e.g. `revenue as revenue_2`"),
        ("revenue order by revenu", "cannot order by 'revenu': the result has no such column", "revenu", "did you mean 'revenue'?"),
        ("hours(orders.date)", "hours() works on the values of each row, not on a metric", "hours", "use it inside an aggregate, e.g. avg(hours(tickets.first_response_at - tickets.opened_at))"),
        ("percentile(orders.amount, 90)", "percentile() takes a fraction between 0 and 1", "90", "for the 90th percentile write percentile(orders.amount, 0.9)"),
        ("revenue > 3", "'>' makes a condition, not a metric", "revenue > 3", "conditions go in `where` (for the query) or inside an aggregate: count(deals where stage = \"won\")"),
    ] as [(String, String, String, String?)])
    func errorsAreFoundBeforeData(_ query: String, _ message: String, _ at: String, _ help: String?) {
        let e = bindError(query)
        #expect(e?.message == message, "\(query)")
        #expect(e?.at == at, "\(query)")
        #expect(e?.help == help, "\(query)")
    }

    @Test func errorsInsideAMetricPointAtItsUse() {
        // aov is fine; a metric whose definition reads a missing dataset is reported where it is used.
        var c = catalog()
        let source = SourceFile(name: "lib.tally", text: "count(deals)")
        if case .query(let q)? = Parser.parse(source).script.statements.first?.kind {
            c.define(MetricDefinitionEntry(name: "deal_count", expr: q.items[0].expr, unit: .count, description: nil, source: source, isLibrary: true))
        }
        let text = "revenue, deal_count by month"
        let query = SourceFile(name: nil, text: text)
        guard case .query(let q)? = Parser.parse(query).script.statements.first?.kind else {
            Issue.record("parse failed")
            return
        }
        #expect(throws: Diagnostic.self) { try Binder(catalog: c, today: 0).bind(q, source: query) }
        do {
            _ = try Binder(catalog: c, today: 0).bind(q, source: query)
        } catch {
            #expect(error.message == "metric 'deal_count' reads dataset 'deals', which is not loaded")
            #expect(error.span.map { query.slice($0) } == "deal_count")
        }
    }
}

/// A text column that holds numbers says, where a number was wanted, which value made it text.
@Suite struct FirstNonNumberNoteTests {
    static let first = FirstNonNumber(line: 57, column: 12, value: "N/A", kind: .notANumber)
    static let note = "data/refunds.csv:57:12: \"N/A\" is the first value in amount that is not a number"

    private func notes(_ text: String) -> [String]? {
        var c = catalog()
        c.addDataset(
            DatasetSchema(
                name: "refunds",
                columns: [
                    .init(name: "order_id", type: .integer), .init(name: "amount", type: .text, firstNonNumber: Self.first),
                    .init(name: "reason", type: .text),
                ],
                source: "data/refunds.csv"))
        c.declare(Relation(fromDataset: "refunds", fromColumn: "order_id", toDataset: "orders", toColumn: "id"))
        let source = SourceFile(name: nil, text: text)
        guard case .query(let q)? = Parser.parse(source).script.statements.first?.kind else { return nil }
        do {
            _ = try Binder(catalog: c, today: 0).bind(q, source: source)
            return nil
        } catch {
            return error.notes
        }
    }

    @Test(arguments: [
        "sum(refunds.amount)", "avg(refunds.amount)", "count(refunds where amount > 5)", "count(refunds where 5 <= amount)",
        "count(refunds where amount between 1 and 2)", "count(refunds where amount in (1, 2))", "sum(refunds.amount * 2)",
        "sum(refunds.order_id + refunds.amount)", "sum(-refunds.amount)",
    ])
    func whereANumberWasWanted(_ query: String) {
        #expect(notes(query) == [Self.note], "\(query)")
    }

    @Test func eachTextColumnOfAnExpressionHasItsNote() {
        #expect(notes("sum(refunds.amount + refunds.amount)") == [Self.note, Self.note])
        #expect(notes("sum(refunds.amount + refunds.reason)") == [Self.note])
    }

    @Test(arguments: ["sum(refunds.reason)", "count(refunds where reason > 5)", "count(refunds where amount > 2024-01-01)", "sum(orders.kind)"])
    func notForOtherColumnsOrTypes(_ query: String) {
        #expect(notes(query) == [], "\(query)")
    }

    @Test func insideAMetricTheNoteStays() {
        var c = catalog()
        c.addDataset(DatasetSchema(name: "refunds", columns: [.init(name: "amount", type: .text, firstNonNumber: Self.first)], source: "data/refunds.csv"))
        let library = SourceFile(name: "lib.tally", text: "sum(refunds.amount)")
        if case .query(let q)? = Parser.parse(library).script.statements.first?.kind {
            c.define(MetricDefinitionEntry(name: "refunded", expr: q.items[0].expr, unit: .currency, description: nil, source: library, isLibrary: false))
        }
        let source = SourceFile(name: nil, text: "refunded by month")
        guard case .query(let q)? = Parser.parse(source).script.statements.first?.kind else {
            Issue.record("parse failed")
            return
        }
        do {
            _ = try Binder(catalog: c, today: 0).bind(q, source: source)
            Issue.record("bound")
        } catch {
            #expect(error.message == "in metric 'refunded': sum() cannot aggregate text values")
            #expect(error.notes == [Self.note])
        }
    }
}
