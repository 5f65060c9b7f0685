// A session outlives whatever one statement does: an error, a cancelled query, a failed load or a
// file too large to load leave its datasets and definitions as they were.

import Foundation
import Tally
import TallyDiagnostics
import TallyRender
import Testing

@Suite struct SessionSurvivalTests {
    private func openSmall() throws -> Session {
        FileManager.default.changeCurrentDirectoryPath(GoldenPaths.packageRoot.path)
        let session = try Session(today: 0)
        try session.openFolder("Tests/GoldenTests/fixtures/small") { _ in }
        return session
    }

    /// The CSV output of `text`, or the rendered error it stopped with.
    private func run(_ session: Session, _ text: String) -> String {
        var out = ""
        do {
            try session.run(SourceFile(name: nil, text: text)) { output in
                if case .table(let table, _) = output { out += Renderer.render(table, format: .csv) }
            }
        } catch {
            out += error.diagnostics.map { DiagnosticRenderer(color: false).render($0) }.joined(separator: "\n")
        }
        return out
    }

    private let answer = "purchases,revenue\n10,726.48\n"

    @Test func anErrorLeavesDatasetsAndDefinitions() throws {
        let session = try openSmall()
        #expect(run(session, "metric doubled = revenue * 2") == "")
        #expect(run(session, "revenue by plann").hasPrefix("error: metric 'revenue' reads dataset 'orders', which has no column 'plann'"))
        #expect(run(session, "metric broken = revenue +").hasPrefix("error: expected an expression after '+'"))
        #expect(run(session, "purchases, revenue") == answer)
        #expect(run(session, "doubled") == "doubled\n1452.96\n")
        #expect(session.datasetNames.count == 8)
    }

    @Test func aCancelledQueryLeavesTheSessionReadyForTheNext() throws {
        let session = try openSmall()
        session.isCancelled = { true }
        #expect(run(session, "purchases, revenue") == "error: cancelled")
        session.isCancelled = { false }
        #expect(run(session, "purchases, revenue") == answer)
    }

    @Test func aFailedLoadKeepsTheDatasetOfThatName() throws {
        let session = try openSmall()
        let failed = run(session, "load \"Tests/GoldenTests/fixtures/bad/short_row.csv\" as orders")
        #expect(failed.hasPrefix("error: Tests/GoldenTests/fixtures/bad/short_row.csv:3:4: expected 3 fields, found 2"))
        #expect(run(session, "load \"Tests/GoldenTests/fixtures/bad/missing.csv\" as orders").hasPrefix("error: Tests/GoldenTests/fixtures/bad/missing.csv: no such file"))
        #expect(run(session, "purchases, revenue") == answer)
    }

    @Test func aFileTooLargeForMemoryIsRefusedBeforeReading() throws {
        let session = try openSmall()
        session.memoryLimit = 400
        let path = "Tests/GoldenTests/fixtures/small/orders.csv"
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(
            run(session, "load \"\(path)\" as more_orders")
                == """
                error: \(path) is \(size) bytes; loading it needs about \(size * 2) bytes of memory, more than the 400 bytes available
                 --> 1:6
                  |
                1 | load "\(path)" as more_orders
                  |      \(String(repeating: "^", count: path.count + 2))
                  = help: load a smaller extract (fewer rows or columns) of the file
                """)
        #expect(run(session, "purchases, revenue") == answer)
        #expect(!session.datasetNames.contains("more_orders"))
    }
}
