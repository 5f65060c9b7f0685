// Parity of the two engines: every golden file, and every library metric, run natively and on
// PostgreSQL must give the same results (every number digit for digit, same rows, order and nulls).
// Needs a server: TALLY_TEST_PG holds its URL (`make test` starts a throwaway one).

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import Testing

enum ParityDatabase {
    static let url = ProcessInfo.processInfo.environment["TALLY_TEST_PG"]

    /// Said once per test when there is no server, so a local run shows what it did not check.
    static func skipped(_ what: String) {
        print("note: \(what) skipped: set TALLY_TEST_PG to a PostgreSQL URL, or run `make test`")
    }

    /// The URL with a search_path, so the schema's tables are the session's datasets.
    static func url(schema: String) -> String? {
        guard let url else { return nil }
        let option = "options=-csearch_path%3D\(schema)"
        return url + (url.contains("?") ? "&" : "?") + option
    }
}

/// A native session and a PostgreSQL one, kept in step: each statement runs on both.
final class ParityPair {
    let native: Session
    let postgres: Session
    let schema: String
    /// The session's data version when last copied: a dataset replaced under its name changes it too.
    private var exported: Int?

    init(schema: String, today: Int32) throws {
        native = try Session(today: today)
        postgres = try Session(today: today)
        self.schema = schema
    }

    func open(_ folder: String) throws {
        try native.openFolder(folder) { _ in }
        try postgres.openFolder(folder) { _ in }
        try sync()
    }

    /// Copies the datasets into the schema when any was loaded or replaced since the last copy, and
    /// reconnects to see them.
    func sync() throws {
        guard postgres.dataVersion != exported, let url = ParityDatabase.url(schema: schema) else { return }
        _ = try postgres.export(to: ParityDatabase.url ?? url, schema: schema, replace: true)
        _ = try postgres.connect(to: url)
        exported = postgres.dataVersion
    }

    /// Runs statements on both; the outputs, or nil for a failure.
    func run(_ text: String) throws -> (native: [Output]?, postgres: [Output]?) {
        let n = Self.outputs(native, text)
        try sync()
        return (n, Self.outputs(postgres, text))
    }

    private static func outputs(_ session: Session, _ text: String) -> [Output]? {
        var outputs: [Output] = []
        do {
            try session.run(SourceFile(name: nil, text: text)) { outputs.append($0) }
        } catch {
            return nil
        }
        return outputs
    }
}

/// Differences between two result tables, described for a failure message; empty when they agree.
enum ResultComparison {
    /// `tolerance` (relative) is for floating-point values one engine computes another way on purpose:
    /// PostgreSQL's second run of a query whose doubles overflow adds them in NUMERIC.
    static func differences(_ a: ResultTable, _ b: ResultTable, engine: String = "PostgreSQL", tolerance: Double = 0) -> [String] {
        guard a.columns == b.columns else {
            return ["columns differ: \(a.columns.map(\.name)) vs \(b.columns.map(\.name))"]
        }
        guard a.rows.count == b.rows.count else { return ["\(a.rows.count) rows natively, \(b.rows.count) on \(engine)"] }
        var out: [String] = []
        for (r, (x, y)) in zip(a.rows, b.rows).enumerated() {
            for (c, (u, v)) in zip(x, y).enumerated() where !agree(u, v, tolerance: tolerance) {
                out.append("row \(r + 1), \(a.columns[c].name): \(u) natively, \(v) on \(engine)")
            }
        }
        return out
    }

    /// Whether another engine's value is the native one, digit for digit: exact values (counts, money and
    /// their sums, differences and products) exact there too, and floating-point ones (ratios,
    /// averages) the same double, since every engine divides the same exact sums the same way.
    static func agree(_ u: Value, _ v: Value, tolerance: Double = 0) -> Bool {
        switch (u, v) {
        // A non-finite number is shown as null (DESIGN §4), as the SQL engines read it back.
        case (.number(let x), .null) where !x.isFinite, (.null, .number(let x)) where !x.isFinite:
            return true
        case (.integer, .integer), (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal):
            return exactlyEqual(u, v)
        case (.number(let x), _):
            guard let y = v.double else { return false }
            return x == y || abs(x - y) <= tolerance * max(abs(x), abs(y))
        case (.integer(let i), .number(let y)):
            // A dimension value: an integer column's value read back from a NUMERIC one.
            return Double(i) == y
        case (.period(let p), .text(let label)):
            // The printed statement names its periods; the native result carries them as values.
            return p.label == label
        default:
            return u == v
        }
    }

    /// Two exact numbers equal as numbers, whatever their scales (2549.6 and 2549.60).
    private static func exactlyEqual(_ u: Value, _ v: Value) -> Bool {
        func parts(_ x: Value) -> (Int64, Int)? {
            switch x {
            case .integer(let i): (i, 0)
            case .decimal(let m, let s): (m, s)
            default: nil
            }
        }
        guard var (a, s) = parts(u), var (b, t) = parts(v) else { return false }
        // Bring both to the larger scale; a value that cannot be scaled up differs from any that fits.
        while s < t {
            let (m, overflow) = a.multipliedReportingOverflow(by: 10)
            if overflow { return false }
            (a, s) = (m, s + 1)
        }
        while t < s {
            let (m, overflow) = b.multipliedReportingOverflow(by: 10)
            if overflow { return false }
            (b, t) = (m, t + 1)
        }
        return a == b
    }

    /// Compares two statements' outputs: tables by value, text exactly, notes ignored.
    static func differences(_ a: [Output], _ b: [Output], tolerance: Double = 0) -> [String] {
        let x = a.filter(isResult)
        let y = b.filter(isResult)
        guard x.count == y.count else { return ["\(x.count) outputs natively, \(y.count) on PostgreSQL"] }
        var out: [String] = []
        for (u, v) in zip(x, y) {
            switch (u, v) {
            case (.table(let s, _), .table(let t, _)), (.chart(let s), .chart(let t)):
                out += differences(s, t, tolerance: tolerance)
            case (.text(let s), .text(let t)) where s != t && !s.hasPrefix("loaded "):
                out.append("text differs:\n\(s)\nvs\n\(t)")
            case (.text, .text):
                continue
            default:
                out.append("different kinds of output")
            }
        }
        return out
    }

    private static func isResult(_ o: Output) -> Bool {
        if case .note = o { return false }
        return true
    }
}

@Suite struct PostgresParityTests {
    /// Every statement of every golden file, on both engines: queries agree, errors fail on both.
    @Test(arguments: GoldenPaths.caseFiles())
    func goldenFile(_ file: String) throws {
        guard ParityDatabase.url != nil else { return ParityDatabase.skipped("parity of \(file)") }
        FileManager.default.changeCurrentDirectoryPath(GoldenPaths.packageRoot.path)
        let golden = try GoldenFile(
            text: try String(contentsOfFile: GoldenPaths.cases.appendingPathComponent(file).path, encoding: .utf8))
        let stem = file.replacingOccurrences(of: ".test", with: "")
        var pair = try ParityPair(schema: "parity_\(stem)_0", today: CivilDate.parseDate("2024-06-15") ?? 0)
        var folders = 0
        var compared = 0
        for c in golden.sharedCases {
            let at = "\(file):\(c.line)"
            switch c.directive {
            case .data(let name):
                // Each data folder gets its own schema, as each golden file starts afresh.
                let today = pair.native.today
                pair = try ParityPair(schema: "parity_\(stem)_\(folders)", today: today)
                folders += 1
                try pair.open(name.hasPrefix("examples/") ? name : "Tests/GoldenTests/fixtures/\(name)")
            case .today(let day):
                let d = try #require(CivilDate.parseDate(day))
                pair.native.today = d
                pair.postgres.today = d
            case .statement, .query:
                let (n, p) = try pair.run(c.input)
                let native = try #require(n, "\(at): fails natively")
                guard let postgres = p else {
                    Issue.record("\(at): fails on PostgreSQL: \(c.input)")
                    continue
                }
                let differences = ResultComparison.differences(native, postgres)
                #expect(differences.isEmpty, "\(at): \(c.input)\n\(differences.prefix(5).joined(separator: "\n"))")
                compared += 1
            case .error:
                let (n, p) = try pair.run(c.input)
                #expect(n == nil && p == nil, "\(at): should fail on both engines: \(c.input)")
            case .nativeOnly:
                continue
            }
        }
        print("parity: \(file): \(compared) statements agree on both engines")
    }

    /// Every metric of the standard library, by month and by month and plan, over the demo data.
    @Test(arguments: ["examples/crm", "Tests/GoldenTests/fixtures/small"])
    func libraryMetrics(_ folder: String) throws {
        guard ParityDatabase.url != nil else { return ParityDatabase.skipped("parity of the library on \(folder)") }
        FileManager.default.changeCurrentDirectoryPath(GoldenPaths.packageRoot.path)
        let schema = "parity_library_" + (folder.split(separator: "/").last.map(String.init) ?? "data")
        let pair = try ParityPair(schema: schema, today: CivilDate.parseDate("2025-06-30") ?? 0)
        try pair.open(folder)
        var compared = 0
        for metric in pair.native.catalog.metricNames {
            for query in ["\(metric) by month", "\(metric) by month, plan", "\(metric)", "\(metric) by week since 2024-02-10 until 2024-05-20"] {
                let (n, p) = try pair.run(query)
                guard let native = n else { continue }
                let postgres = try #require(p, "\(query): fails on PostgreSQL")
                let differences = ResultComparison.differences(native, postgres)
                #expect(differences.isEmpty, "\(folder): \(query)\n\(differences.prefix(5).joined(separator: "\n"))")
                compared += 1
            }
        }
        #expect(compared >= 4 * 30)
        print("parity: \(compared) library queries agree on \(folder)")
    }
}
