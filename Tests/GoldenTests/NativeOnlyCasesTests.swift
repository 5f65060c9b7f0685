// Cases of the bad-input catalogue that the parity suites cannot share with the SQL engines: a
// load's own message, a file with no rows (DuckDB cannot read it back), a sum past 64 bits,
// which the native engine refuses and PostgreSQL computes in NUMERIC, and a column read as floating
// point, which PostgreSQL holds as NUMERIC and so describes as decimal.

import Foundation
import Tally
import TallyDiagnostics
import TallyRender
import Testing

@Suite struct NativeOnlyCasesTests {
    private func session() throws -> Session {
        FileManager.default.changeCurrentDirectoryPath(GoldenPaths.packageRoot.path)
        return try Session(today: 0)
    }

    /// Everything `text` printed (tables as CSV), or its rendered error.
    private func run(_ session: Session, _ text: String) -> String {
        var out = ""
        do {
            try session.run(SourceFile(name: nil, text: text)) { output in
                switch output {
                case .table(let table, _): out += Renderer.render(table, format: .csv)
                case .text(let text): out += text + "\n"
                default: break
                }
            }
        } catch {
            out += error.diagnostics.map { DiagnosticRenderer(color: false).render($0) }.joined(separator: "\n")
        }
        return out
    }

    @Test func skippingBadRowsSaysHowManyAndWhere() throws {
        let s = try session()
        #expect(
            run(s, "load \"Tests/GoldenTests/fixtures/bad/two_bad_rows.csv\" as partial skipping bad rows")
                == "loaded partial: 3 rows, 3 columns; skipped 2 bad rows (lines 3, 5)\n")
        #expect(run(s, "load \"Tests/GoldenTests/fixtures/bad/short_row.csv\" skipping bad rows") == "loaded short_row: 2 rows, 3 columns; skipped 1 bad row (line 3)\n")
    }

    @Test func aHeaderAloneIsADatasetWithNoRows() throws {
        let s = try session()
        #expect(run(s, "load \"Tests/GoldenTests/fixtures/bad/header_only.csv\" as empty_orders") == "loaded empty_orders: 0 rows, 3 columns\n")
        #expect(run(s, "count(empty_orders)") == "count(empty_orders)\n0\n")
    }

    @Test func describeShowsAColumnReadAsFloatingPointAsDouble() throws {
        let s = try session()
        _ = run(s, "load \"Tests/GoldenTests/fixtures/bad/floating.csv\" as floating")
        #expect(run(s, "describe floating") == "column,type,nulls,role\nid,integer,0,\nratio,double,0,\n")
    }

    @Test func anIntegerSumPast64BitsIsAnErrorAtTheQuery() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-overflow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("big.csv")
        try "id,n\n1,9223372036854775807\n2,1\n".write(to: file, atomically: true, encoding: .utf8)
        let s = try session()
        #expect(run(s, "load \"\(file.path)\" as big") == "loaded big: 2 rows, 2 columns\n")
        #expect(
            run(s, "sum(big.n)")
                == "error: a sum exceeds the range of 64-bit integers\n --> 1:1\n  |\n1 | sum(big.n)\n  | ^^^^^^^^^^\n  = help: sum fewer rows, or a smaller unit")
        #expect(run(s, "count(big)") == "count(big)\n2\n")
    }
}
