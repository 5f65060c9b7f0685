// `describe DATASET` on a connected database: columns and types from its catalog, nulls counted
// there, roles from the model; the same table as for the loaded files it was exported from.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import Testing

@Suite struct PostgresDescribeTests {
    @Test func describeReadsTheDatabase() throws {
        guard ParityDatabase.url != nil else { return ParityDatabase.skipped("describe on PostgreSQL") }
        FileManager.default.changeCurrentDirectoryPath(GoldenPaths.packageRoot.path)
        let pair = try ParityPair(schema: "describe_small", today: 20_000)
        try pair.open("Tests/GoldenTests/fixtures/small")
        // A `Session` that has only the database: nothing loaded from files.
        let db = try Session(today: 20_000)
        _ = try db.connect(to: try #require(ParityDatabase.url(schema: "describe_small")))
        for dataset in pair.native.datasetNames {
            let native = try Self.describe(pair.native, dataset)
            let postgres = try Self.describe(db, dataset)
            #expect(native.columns == postgres.columns)
            #expect(native.rows == postgres.rows, "describe \(dataset)")
        }
        // The unanswered, unresolved ticket's nulls are counted by the database.
        let rows = try Self.describe(db, "tickets").rows
        #expect(rows.first { $0.first == .text("resolved_at") }?[2] == .integer(1))
        #expect(rows.first { $0.first == .text("opened_at") }?[1] == .text("timestamp"))
    }

    private static func describe(_ session: Session, _ dataset: String) throws -> ResultTable {
        var table: ResultTable?
        try session.run(SourceFile(name: nil, text: "describe \(dataset)")) { if case .table(let t, _) = $0 { table = t } }
        return try #require(table, "describe \(dataset)")
    }
}
