// What users type reaches PostgreSQL only as bound values and quoted names; credentials are never printed.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import Testing

@Suite struct PostgresSafetyTests {
    static let injection = "x'; drop table customers; --"

    @Test func injectionThroughAFilterValueIsHarmless() throws {
        guard ParityDatabase.url != nil else { return ParityDatabase.skipped("the injection test") }
        FileManager.default.changeCurrentDirectoryPath(GoldenPaths.packageRoot.path)
        let pair = try ParityPair(schema: "safety_values", today: 20_000)
        try pair.open("Tests/GoldenTests/fixtures/small")
        for query in [
            "count(customers), revenue where plan = \"\(Self.injection)\"",
            "revenue by plan where plan in (\"pro\", \"\(Self.injection)\") or region != \"\(Self.injection)\"",
        ] {
            let (n, p) = try pair.run(query)
            let postgres = try #require(p, "\(query) fails on PostgreSQL")
            #expect(ResultComparison.differences(try #require(n), postgres).isEmpty)
        }
        // The table is still there, whole.
        let (n, p) = try pair.run("count(customers)")
        #expect(ResultComparison.differences(try #require(n), try #require(p)).isEmpty)
    }

    @Test func injectionThroughNamesIsHarmless() throws {
        guard ParityDatabase.url != nil else { return ParityDatabase.skipped("the injection test") }
        FileManager.default.changeCurrentDirectoryPath(GoldenPaths.packageRoot.path)
        let pair = try ParityPair(schema: "safety_names", today: 20_000)
        try pair.open("Tests/GoldenTests/fixtures/small")
        let (n, p) = try pair.run("revenue as `a\"; drop table orders; --` by plan")
        let postgres = try #require(p)
        #expect(ResultComparison.differences(try #require(n), postgres).isEmpty)
        var missing: [Output] = []
        #expect(throws: Session.Failure.self) {
            try pair.postgres.run(SourceFile(name: nil, text: "use table `orders\"; drop table orders; --` as o")) {
                missing.append($0)
            }
        }
        let (m, q) = try pair.run("count(orders)")
        #expect(ResultComparison.differences(try #require(m), try #require(q)).isEmpty)
    }

    @Test func aFailedConnectionNamesNoPassword() throws {
        let session = try Session(today: 20_000)
        do {
            _ = try session.connect(to: "postgresql://someone:s3cret-word@127.0.0.1:1/crm?connect_timeout=2")
            Issue.record("connected to a closed port")
        } catch {
            #expect(error.message.hasPrefix("cannot connect to PostgreSQL"))
            #expect(!error.message.contains("s3cret-word"))
            #expect(!(error.help ?? "").contains("s3cret-word"))
        }
    }
}
