// Tab completion as the prompt asks for it: the line before the word, the word, the candidates.

import Foundation
import Tally
import Testing

@Suite struct CompleterTests {
    /// A session over the small fixture (each test its own: a session is not shared across threads).
    private let completer: Completer?

    init() {
        let session = try? Session(today: 19_889)
        try? session?.openFolder(CommandLineTests.small) { _ in }
        completer = session.map { Completer(session: $0, helpTopics: ["queries", "sql"]) }
    }

    private func complete(_ before: String, _ word: String = "") throws -> [String] {
        try #require(completer).complete(before: before, word: word)
    }

    @Test func valuesAfterAnOpeningQuoteWithNothingTyped() throws {
        // libedit leaves a lone opening quote out of the word, so the candidates come without it.
        let plans = try complete(#"revenue where plan = ""#)
        #expect(plans == [#"basic""#, #"enterprise""#, #"pro""#], "\(plans)")
        #expect(try complete("revenue where plan = ", #""p"#) == [#""pro""#])
        let more = try complete(#"revenue where plan in ("pro", ""#)
        #expect(more == [#"basic""#, #"enterprise""#, #"pro""#], "\(more)")
        // A quote inside a comment opens nothing: `-- "` is not a string.
        let commented = try complete(#"revenue where plan = "pro" -- or ""#)
        #expect(!commented.contains(#"basic""#), "\(commented)")
    }

    @Test func scriptsAfterRunAnyFileAfterSaveAndOutput() throws {
        let examples = CommandLineTests.packageRoot.appendingPathComponent("examples").path + "/"
        #expect(try complete("run ", "\"" + examples + "re") == ["\"\(examples)report.tally\"", "\"\(examples)retention.tally\""])
        #expect(try complete("load ", "\"" + examples + "re").isEmpty)  // scripts are not data
        #expect(try complete("save last to ", "\"" + examples + "rep") == ["\"\(examples)report.tally\""])
        #expect(try complete("output ", "\"" + examples + "cr") == ["\"\(examples)crm/"])
    }

    @Test func aDatasetsColumnsAfterItsName() throws {
        #expect(
            try complete("sum(", "orders.") == [
                "orders.amount", "orders.customer_id", "orders.date", "orders.id", "orders.kind",
            ])
        #expect(try complete("revenue by ", "customers.pl") == ["customers.plan"])
        #expect(try complete("revenue by ", "nothing.").isEmpty)
    }

    @Test func orderByAndHavingOfferTheResultsColumns() throws {
        #expect(try complete("revenue, purchases as n by month, plan order by ") == ["month", "n", "plan", "revenue"])
        #expect(try complete("revenue by plan vs previous order by revenue desc, ", "revenue_") == [
            "revenue_change", "revenue_growth", "revenue_previous",
        ])
        #expect(try complete("revenue by plan having ") == ["plan", "revenue"])
        #expect(try complete("sum(orders.amount) by kind order by ") == ["kind"])
        // A dataset's name is no item's name: `orders` there is an error, not a column to order by.
        #expect(try complete("revenue, orders by plan order by ") == ["plan", "revenue"])
        // Nothing to offer while the query before the clause does not parse.
        #expect(try complete("revenue by by order by ").isEmpty)
    }

    @Test func byOffersWhatTheMetricsReach() throws {
        let byRevenue = try complete("revenue by ")
        #expect(["month", "cohort", "plan", "kind", "region"].allSatisfy(byRevenue.contains))
        #expect(!byRevenue.contains("stage") && !byRevenue.contains("rep"))
        #expect(try complete("revenue by ", "st").isEmpty)
        #expect(try complete("count(deals) by ", "st") == ["stage"])
        #expect(try complete("explain win_rate by month, ", "st") == ["stage"])
        // Two metrics: what both reach.
        let both = try complete("revenue, nps where ")
        #expect(both.contains("plan") && both.contains("kind") && !both.contains("score") && !both.contains("amount"))
        // Items that do not parse yet: everything.
        #expect(try complete("revenue + by ", "st") == ["stage"])
    }

    @Test func statementWordsAndPromptCommands() throws {
        #expect(try complete("show ") == ["datasets", "dimensions", "metrics"])
        #expect(try complete("format ") == ["csv", "json", "markdown", "table"])
        #expect(try complete("timer ") == ["off", "on"])
        #expect(try complete("help ") == ["queries", "sql"])
        #expect(try complete("", "fo") == ["format"])
        #expect(try complete("describe ", "rev") == ["revenue"])
    }
}
