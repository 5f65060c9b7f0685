// Parity of the DuckDB dialect with the native engine: every query of every golden file, and every
// library metric (the PostgreSQL parity suite's sets), compiled for DuckDB with bound values and
// run on DuckDB, must give the native results (same rows, order and nulls; every number digit for
// digit). Needs DuckDB's Python package: TALLY_TEST_DUCKDB names the interpreter.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import Testing

@Suite struct DuckDBParityTests {
    @Test(arguments: GoldenPaths.caseFiles())
    func goldenFile(_ file: String) throws {
        guard let python = DuckDBTool.python else { return DuckDBTool.skipped("DuckDB parity of \(file)") }
        _ = FileManager.default.changeCurrentDirectoryPath(GoldenPaths.packageRoot.path)
        let golden = try GoldenFile(
            text: try String(contentsOfFile: GoldenPaths.cases.appendingPathComponent(file).path, encoding: .utf8))
        guard !golden.sharedCases.isEmpty else { return print("duckdb parity: \(file): native only") }
        var today = CivilDate.parseDate("2024-06-15") ?? 0
        var recorder = try DuckDBRecorder(today: today)
        // Each data folder starts afresh, as in the golden run; every recorder's batch runs at the end.
        var recorders = [recorder]
        for c in golden.sharedCases {
            recorder.label = "\(file):\(c.line): \(c.input)"
            switch c.directive {
            case .data(let name):
                recorder = try DuckDBRecorder(today: today)
                recorders.append(recorder)
                try recorder.session.openFolder(name.hasPrefix("examples/") ? name : "Tests/GoldenTests/fixtures/\(name)") { _ in }
            case .today(let day):
                today = try #require(CivilDate.parseDate(day))
                recorder.session.today = today
            case .statement, .query, .error:
                // Failures are the golden suite's business; what runs natively is recorded.
                try? recorder.session.run(SourceFile(name: nil, text: c.input)) { _ in }
            case .nativeOnly:
                continue
            }
        }
        var compared = 0
        for r in recorders { compared += try Self.compare(r, python: python) }
        #expect(compared > 0, "no query of \(file) ran on DuckDB")
        print("duckdb parity: \(file): \(compared) queries agree")
    }

    /// Every metric of the standard library, by month, by month and plan, over all time, by clipped weeks.
    @Test(arguments: ["examples/crm", "Tests/GoldenTests/fixtures/small"])
    func libraryMetrics(_ folder: String) throws {
        guard let python = DuckDBTool.python else { return DuckDBTool.skipped("DuckDB parity of the library on \(folder)") }
        _ = FileManager.default.changeCurrentDirectoryPath(GoldenPaths.packageRoot.path)
        let recorder = try DuckDBRecorder(today: CivilDate.parseDate("2025-06-30") ?? 0)
        try recorder.session.openFolder(folder) { _ in }
        for metric in recorder.session.catalog.metricNames {
            for query in ["\(metric) by month", "\(metric) by month, plan", "\(metric)", "\(metric) by week since 2024-02-10 until 2024-05-20"] {
                recorder.label = "\(folder): \(query)"
                try? recorder.session.run(SourceFile(name: nil, text: query)) { _ in }
            }
        }
        let compared = try Self.compare(recorder, python: python)
        #expect(compared >= 4 * 30)
        print("duckdb parity: \(compared) library queries agree on \(folder)")
    }

    /// Runs a recorder's batch and checks each answer; the number of queries that agree.
    static func compare(_ recorder: DuckDBRecorder, python: String) throws -> Int {
        for failure in recorder.failures { Issue.record("cannot record for DuckDB: \(failure)") }
        let results = try recorder.run(python: python)
        var agreed = 0
        for (s, result) in zip(recorder.statements, results) {
            switch result {
            case .failure(let error):
                Issue.record("\(s.label)\nfails on DuckDB: \(error.message)\n\(s.sql)")
            case .success(let table):
                let differences = ResultComparison.differences(s.native, table, engine: "DuckDB")
                #expect(differences.isEmpty, "\(s.label)\n\(differences.prefix(5).joined(separator: "\n"))")
                if differences.isEmpty { agreed += 1 }
            }
        }
        return agreed
    }
}
