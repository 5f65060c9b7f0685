// A column a definition expects and the data lacks: the message names metric, dataset and column,
// and the help shows the `load` that maps a column of the file to it.

import TallyData
import TallyDiagnostics
import TallySemantics
import TallySyntax
import Testing

@Suite struct ExpectedColumnTests {
    /// `refunds` has `Amount ($)` where the metric `refunded` expects `amount`; `order` (a reserved
    /// word) was read from no known file.
    private func catalog() -> Catalog {
        var c = Catalog()
        c.addDataset(
            DatasetSchema(
                name: "refunds", columns: [.init(name: "id", type: .integer), .init(name: "Amount ($)", type: .decimal)],
                source: "exports/refunds.csv"))
        c.addDataset(DatasetSchema(name: "order", columns: [.init(name: "id", type: .integer)]))
        for (name, text, isLibrary) in [
            ("refunded", "sum(refunds.amount)", true), ("order_total", "sum(`order`.total)", false),
            ("late_refunds", "count(refunds where days > 30)", true),
        ] {
            let source = SourceFile(name: "lib.tally", text: text)
            guard case .query(let q)? = Parser.parse(source).script.statements.first?.kind else { continue }
            c.define(MetricDefinitionEntry(name: name, expr: q.items[0].expr, unit: nil, description: nil, source: source, isLibrary: isLibrary))
        }
        return c
    }

    private func error(_ text: String) -> Diagnostic? {
        let source = SourceFile(name: nil, text: text)
        guard case .query(let q)? = Parser.parse(source).script.statements.first?.kind else { return nil }
        do {
            _ = try Binder(catalog: catalog(), today: 0).bind(q, source: source)
            return nil
        } catch {
            return error
        }
    }

    @Test func aHeaderThatDiffersOnlyInCaseOrPunctuationIsTheOneToMap() {
        let d = error("refunded")
        #expect(d?.message == "metric 'refunded' reads refunds.amount, but dataset 'refunds' has no column 'amount'")
        #expect(d?.notes == ["'refunded' is a library metric: explain refunded shows what it reads"])
        #expect(d?.help == #"map a column of the file to it when loading: load "exports/refunds.csv" as refunds with amount = "Amount ($)""#)
    }

    @Test func withoutAKnownFileTheStatementSaysFileAndNamesAreWrittenAsTheLanguageNeeds() {
        let d = error("order_total")
        #expect(d?.message == "metric 'order_total' reads order.total, but dataset 'order' has no column 'total'")
        #expect(d?.notes == [])
        #expect(d?.help == #"map a column of the file to it when loading: load "FILE" as `order` with total = "Your Header""#)
    }

    @Test func aBareNameInADefinitionIsAColumnOfItsDataset() {
        #expect(error("late_refunds")?.message == "metric 'late_refunds' reads refunds.days, but dataset 'refunds' has no column 'days'")
    }

    @Test func aNameWrittenInTheQueryKeepsItsSuggestion() {
        let d = error("sum(refunds.amount)")
        #expect(d?.message == "dataset 'refunds' has no column 'amount'")
        #expect(d?.help == "describe refunds lists its columns")
    }
}
