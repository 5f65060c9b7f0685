// examples/messy holds the demo CRM rows as real exports write them (US dates, gzip, money signs,
// semicolons and decimal commas, timestamps with a space, tabs), read through its model.tally. Its
// answers must be the demo folder's, digit for digit, for every library metric.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import TallyRender
import Testing

@Suite struct MessyExportsTests {
    static let today = CivilDate.days(year: 2025, month: 6, day: 30) ?? 0

    /// A folder opened as `--data` opens it (without the column cache, so the files are read).
    private func open(_ folder: String) throws -> Session {
        _ = FileManager.default.changeCurrentDirectoryPath(GoldenPaths.packageRoot.path)
        let session = try Session(today: Self.today)
        session.columnCache = nil
        try session.openFolder(folder) { _ in }
        return session
    }

    private func outcome(_ session: Session, _ text: String) -> String {
        var out = ""
        do {
            try session.run(SourceFile(name: nil, text: text)) { output in
                if case .table(let table, _) = output { out += Renderer.render(table, format: .csv) }
            }
        } catch {
            out += "error: " + error.diagnostics.map(\.message).joined(separator: "; ")
        }
        return out
    }

    @Test func everyLibraryMetricAnswersAsOnTheDemoData() throws {
        let (demo, messy) = (try open("examples/crm"), try open("examples/messy"))
        let metrics = demo.catalog.metricNames.filter { demo.catalog.metrics[$0]?.isLibrary == true }
        #expect(metrics.count >= 30)
        for metric in metrics {
            for query in ["\(metric) by month", "\(metric) by quarter, plan", "\(metric) by week since 2024-02-10 until 2024-05-20"] {
                // Some metrics cannot be broken down by plan; then both folders must say the same.
                let expected = outcome(demo, query)
                #expect(!expected.hasPrefix("error") || query.contains("plan"), "\(query): \(expected)")
                #expect(outcome(messy, query) == expected, "\(query)")
            }
        }
    }

    /// The columns the model declares are typed as the demo folder's, not text.
    @Test func declaredColumnsHaveTheirTypes() throws {
        let (demo, messy) = (try open("examples/crm"), try open("examples/messy"))
        for dataset in ["customers", "orders", "deals", "spend", "tickets", "carts", "leads", "surveys"] {
            #expect(outcome(messy, "describe \(dataset)") == outcome(demo, "describe \(dataset)"), "\(dataset)")
        }
    }
}
