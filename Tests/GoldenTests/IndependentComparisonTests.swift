// Checks Tally's period comparisons (vs previous, vs last year, rolling, cumulative, share) against naive sums
// over the demo CSVs, and the published worked examples as `assert` statements run through a Session.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import Testing

@Suite struct IndependentComparisonTests {
    static let previousQuery = "revenue by month vs previous"
    static let windowQuery =
        "revenue, rolling(revenue, 3), cumulative(revenue), share(revenue) by month, plan since 2024-01-01 until 2024-12-31"
    static let lastYearQuery = "new_customers by quarter vs last year since 2024-01-01 until 2025-06-30"

    static let tally = TallyCSV.run(
        folder: IndependentLifespanTests.folder, queries: [previousQuery, windowQuery, lastYearQuery])

    static let guides = GoldenPaths.fixtures.appendingPathComponent("guides").path

    /// Cents of the orders in `p`, of one plan's customers when `plan` is given (`.some(nil)`: guest orders).
    private func revenue(_ data: LifespanDemo, in p: NaivePeriod, plan: String?? = nil) -> Int {
        var cents = 0
        for order in data.orders where p.contains(order.day) {
            if let plan, order.plan != plan { continue }
            cents += order.cents
        }
        return cents
    }

    @Test func revenueVsPrevious() throws {
        let data = try IndependentLifespanTests.demo.get()
        let days = data.orders.map(\.day)
        let first = try #require(days.min()), last = try #require(days.max())
        let rows = NaiveGrain.month.axis(from: first, through: last, clipped: false).map { p in
            // The month before the first one is computed too; it has no orders, so it is 0, not null.
            let now = revenue(data, in: p)
            let before = revenue(data, in: NaiveGrain.month.previous(p.start))
            return NaiveRow(labels: [p.label], values: [
                LifespanNaive.money(now), LifespanNaive.money(before), LifespanNaive.money(now - before),
                before == 0 ? nil : Double(now - before) / Double(before),
            ])
        }
        // The premise the brief states: the first month's previous value is an empty sum.
        #expect(rows.first?.values[1] == 0 && rows.first?.values[3] == .some(nil))
        try TallyCSV.compare(
            Self.previousQuery, in: Self.tally,
            header: ["month", "revenue", "revenue_previous", "revenue_change", "revenue_growth"], rows)
    }

    @Test func rollingCumulativeAndShareByPlan() throws {
        let data = try IndependentLifespanTests.demo.get()
        let months = IndependentLifespanTests.months2024
        var running: [String?: Int] = [:]
        var rows: [NaiveRow] = []
        for p in months {
            let total = revenue(data, in: p)
            // Plans are those of every order's customer over all the data (guests: the null group, last).
            for plan in data.orderPlans {
                let now = revenue(data, in: p, plan: .some(plan))
                // The look-back reaches into 2023 for January and February: those months are computed from data.
                let before = NaiveGrain.month.previous(p.start)
                let twoBefore = NaiveGrain.month.previous(before.start)
                let window = now + revenue(data, in: before, plan: .some(plan)) + revenue(data, in: twoBefore, plan: .some(plan))
                running[plan, default: 0] += now
                rows.append(NaiveRow(labels: [p.label, plan ?? ""], values: [
                    LifespanNaive.money(now), Double(window) / 300, LifespanNaive.money(running[plan] ?? 0),
                    LifespanNaive.ratio(now, total),
                ]))
            }
        }
        try TallyCSV.compare(
            Self.windowQuery, in: Self.tally,
            header: ["month", "plan", "revenue", "rolling(revenue, 3)", "cumulative(revenue)", "share(revenue)"], rows)
    }

    @Test func newCustomersVsLastYear() throws {
        let data = try IndependentLifespanTests.demo.get()
        let quarters = NaiveGrain.quarter.axis(
            from: NaiveDays.day(2024, 1, 1), through: NaiveDays.day(2025, 6, 30), clipped: true)
        #expect(quarters.map(\.label) == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"])
        let rows = quarters.map { p in
            let (y, m, _) = NaiveDays.civil(p.start)
            let yearBefore = NaivePeriod(label: "", start: NaiveDays.day(y - 1, m, 1), end: NaiveDays.day(y - 1, m + 3, 1))
            let now = data.customers.filter { p.contains($0.signup) }.count
            let then = data.customers.filter { yearBefore.contains($0.signup) }.count
            return NaiveRow(labels: [p.label], values: [
                Double(now), Double(then), Double(now - then), LifespanNaive.ratio(now - then, then),
            ])
        }
        try TallyCSV.compare(
            Self.lastYearQuery, in: Self.tally,
            header: ["quarter", "new_customers", "new_customers_last_year", "new_customers_change", "new_customers_growth"],
            rows)
    }

    // MARK: The published worked examples, as assertions

    private func guidesSession() throws -> Session {
        let session = try Session(today: CivilDate.days(year: 2026, month: 1, day: 1) ?? 0)
        try session.openFolder(Self.guides) { _ in }
        return session
    }

    @Test func publishedExamplesHoldAsAssertions() throws {
        let session = try guidesSession()
        // Churn 10 / 100, 15 / 120 and 13 / 110; CAC $10,000 over 100 new customers.
        let script = """
            assert churn for 2024-01 = 0.1
            assert churn for 2024-02 = 0.125
            assert churn for 2024-03 = 0.11818181818181818
            assert cac for 2024-04 = 100
            """
        var outputs: [Output] = []
        do throws(Session.Failure) {
            try session.run(SourceFile(name: nil, text: script)) { outputs.append($0) }
        } catch {
            Issue.record("an assertion failed: \(error.diagnostics.map { "\($0.message) (\($0.help ?? ""))" })")
        }
        // An assertion that holds prints nothing.
        #expect(outputs.isEmpty, "\(outputs)")
    }

    @Test func failingAssertionShowsTheActualValue() throws {
        let session = try guidesSession()
        // February's churn is 0.125; the statement after the failing one must not run.
        let script = """
            assert churn for 2024-02 = 0.12
            churn for 2024-03
            """
        var outputs: [Output] = []
        do throws(Session.Failure) {
            try session.run(SourceFile(name: nil, text: script)) { outputs.append($0) }
            Issue.record("the assertion passed, but churn for 2024-02 is 0.125")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(error.diagnostics.count == 1)
            #expect(diagnostic.message.contains("assertion failed"), "\(diagnostic.message)")
            #expect(diagnostic.message.contains("0.125"), "\(diagnostic.message)")
            #expect(diagnostic.message.contains("expected 0.12"), "\(diagnostic.message)")
        }
        #expect(outputs.isEmpty, "the script went on after the failing assertion: \(outputs)")
    }
}
