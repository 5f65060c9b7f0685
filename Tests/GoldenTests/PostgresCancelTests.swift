// Ctrl-C on PostgreSQL: the server is asked to stop the running statement, and the connection
// serves the next one.

import Foundation
import Synchronization
import Tally
import TallyDiagnostics
import TallyPostgres
import Testing

@Suite struct PostgresCancelTests {
    @Test func aRunningStatementIsStoppedOnTheServer() throws {
        guard let url = ParityDatabase.url else { return ParityDatabase.skipped("cancelling on PostgreSQL") }
        let connection = try PostgresConnection(url)
        let start = Date()
        // Cancelled a quarter of a second in: the server stops sleeping long before its 30 seconds.
        let error = #expect(throws: Diagnostic.self) {
            try connection.query("SELECT pg_sleep(30)", parameters: []) { Date().timeIntervalSince(start) > 0.25 }
        }
        #expect(error?.message == "cancelled")
        #expect(Date().timeIntervalSince(start) < 15)
        #expect(try connection.query("SELECT 1 + 1", parameters: []).rows == [["2"]])
    }

    @Test func aStatementNotCancelledRunsToItsEnd() throws {
        guard let url = ParityDatabase.url else { return ParityDatabase.skipped("cancelling on PostgreSQL") }
        let connection = try PostgresConnection(url)
        var asked = 0
        let rows = try connection.query("SELECT pg_sleep(0.3), 42", parameters: []) {
            asked += 1
            return false
        }
        #expect(rows.rows.first?.last == "42")
        #expect(asked >= 2)
    }

    /// A session on PostgreSQL stops when asked, whether the statement or the evaluation was running.
    @Test func aSessionOnPostgresStopsWhenAsked() throws {
        guard ParityDatabase.url != nil else { return ParityDatabase.skipped("cancelling on PostgreSQL") }
        FileManager.default.changeCurrentDirectoryPath(GoldenPaths.packageRoot.path)
        let pair = try ParityPair(schema: "cancel_session", today: 20_000)
        try pair.open("Tests/GoldenTests/fixtures/small")
        // The session asks once before the statement; every later question is the engine's.
        let asked = Mutex(0)
        pair.postgres.isCancelled = { asked.withLock { $0 += 1; return $0 > 1 } }
        let failure = #expect(throws: Session.Failure.self) {
            try pair.postgres.run(SourceFile(name: nil, text: "revenue by month, plan")) { _ in }
        }
        #expect(failure?.diagnostics.map(\.message) == ["cancelled"])
        pair.postgres.isCancelled = { false }
        #expect(try pair.run("revenue by plan").postgres != nil)
    }
}
