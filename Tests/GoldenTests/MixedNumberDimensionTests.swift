// A dimension read from an integer column in one dataset and a decimal column in another: each
// value is typed as natively (by the first aggregate whose dataset holds it), on PostgreSQL and DuckDB.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import Testing

@Suite struct MixedNumberDimensionTests {
    static let queries = ["count(a), count(b) by k", "count(b), count(a) by k", "count(a), count(b) by k where id > 1"]

    /// a.k is an integer column (1, 2, 3), b.k a decimal one (1.5, 2.0, 4.00).
    private static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-mixed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "id,k,day\n1,1,2024-01-01\n2,2,2024-01-02\n3,3,2024-01-03\n"
            .write(to: dir.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        try "id,k,day\n1,1.5,2024-01-01\n2,2.0,2024-01-02\n3,4.00,2024-01-05\n"
            .write(to: dir.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    private static func table(_ outputs: [Output]?) -> ResultTable? {
        for o in outputs ?? [] { if case .table(let t, _) = o { return t } }
        return nil
    }

    @Test func nativeTypesByFirstAggregate() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try Session(today: 20_000)
        try session.openFolder(dir.path) { _ in }
        let t = try session.runQuery(text: "count(a), count(b) by k")
        #expect(t.rows.map { $0[0] } == [.integer(1), .number(1.5), .integer(2), .integer(3), .number(4)])
        let u = try session.runQuery(text: "count(b), count(a) by k")
        #expect(u.rows.map { $0[0] } == [.integer(1), .number(1.5), .number(2), .integer(3), .number(4)])
    }

    @Test func postgresTypesAsNatively() throws {
        guard ParityDatabase.url != nil else { return ParityDatabase.skipped("the mixed-number dimension test") }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pair = try ParityPair(schema: "mixed_numbers", today: 20_000)
        try pair.open(dir.path)
        for query in Self.queries {
            let (n, p) = try pair.run(query)
            let native = try #require(Self.table(n), "\(query) fails natively")
            let postgres = try #require(Self.table(p), "\(query) fails on PostgreSQL")
            // The dimension exactly: .integer(2) and .number(2) differ here. The counts by value.
            #expect(native.rows.map { $0[0] } == postgres.rows.map { $0[0] }, "\(query)")
            #expect(ResultComparison.differences(native, postgres).isEmpty, "\(query)")
        }
    }

    @Test func duckDBTypesAsNatively() throws {
        guard let python = DuckDBTool.python else { return DuckDBTool.skipped("the mixed-number dimension test") }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let recorder = try DuckDBRecorder(today: 20_000)
        try recorder.session.openFolder(dir.path) { _ in }
        for query in Self.queries { try recorder.session.run(SourceFile(name: nil, text: query)) { _ in } }
        let results = try recorder.run(python: python)
        #expect(results.count == Self.queries.count)
        for (s, result) in zip(recorder.statements, results) {
            switch result {
            case .failure(let e): Issue.record("fails on DuckDB: \(e.message)")
            case .success(let t):
                #expect(s.native.rows.map { $0[0] } == t.rows.map { $0[0] }, "\(s.label)")
                #expect(ResultComparison.differences(s.native, t, engine: "DuckDB").isEmpty, "\(s.label)")
            }
        }
    }
}

extension Session {
    /// Runs one query's text natively and returns its table.
    func runQuery(text: String) throws -> ResultTable {
        var table: ResultTable?
        try run(SourceFile(name: nil, text: text)) { if case .table(let t, _) = $0 { table = t } }
        return try #require(table)
    }
}
