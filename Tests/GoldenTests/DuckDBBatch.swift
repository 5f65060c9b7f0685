// Runs the DuckDB dialect on DuckDB: a native `Session` records each query it runs, compiled for
// DuckDB with bound values, and its native answer; one Python process (DuckDB's package, from
// scripts/with-duckdb.sh) then loads the datasets and runs every recorded statement.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import TallyPlan
import TallyPostgres
import TallySQL
import TallySemantics

enum DuckDBTool {
    /// The Python interpreter of a virtualenv with the duckdb package (`make test` sets it).
    static let python = ProcessInfo.processInfo.environment["TALLY_TEST_DUCKDB"]

    /// Said once per test when DuckDB is not at hand, so a local run shows what it did not check.
    static func skipped(_ what: String) {
        print("note: \(what) skipped: run under scripts/with-duckdb.sh (sets TALLY_TEST_DUCKDB), or `make test`")
    }
}

/// One recorded statement: where it came from, the DuckDB text and values, and the native answer.
struct DuckDBStatement {
    var label: String
    var query: BoundQuery
    var sql: String
    var parameters: [SQLValue]
    var native: ResultTable
}

/// A query recorded for the batch: its plan over the tables of its version of the data.
private struct RecordedQuery {
    var label: String
    var query: BoundQuery
    var compiler: SQLCompiler
    var native: ResultTable
}

/// A native `Session` that records every query it runs for a later DuckDB batch. Datasets are
/// copied to CSV files once per version of its data, as tables named `v<version>_<name>`.
final class DuckDBRecorder {
    let session: Session
    private let folder: URL
    private var exportedVersion = -1
    private var tables = SQLTableMap()
    private var planned: [[String: Any]] = []
    private var recorded: [RecordedQuery] = []
    /// The statements run, once `run` has compiled them.
    private(set) var statements: [DuckDBStatement] = []
    /// Problems found while recording (a dataset that cannot be copied, a query that does not compile).
    private(set) var failures: [String] = []
    /// Names the statements recorded from now on.
    var label = ""

    init(today: Int32) throws {
        session = try Session(today: today)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-duckdb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        session.queryRan = { [unowned self] bound, table in self.record(bound, table) }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    private func record(_ bound: BoundQuery, _ native: ResultTable) {
        do {
            if session.dataVersion != exportedVersion { try export() }
            let compiler = SQLCompiler(plan: QueryPlan(bound), tables: tables, schemas: session.catalog.datasets, dialect: .duckdb)
            recorded.append(RecordedQuery(label: label, query: bound, compiler: compiler, native: native))
        } catch {
            failures.append("\(label): \(error)")
        }
    }

    /// Writes every loaded dataset as CSV and plans its table.
    private func export() throws {
        let version = session.dataVersion
        for name in session.datasetNames {
            guard let dataset = try session.wholeDataset(named: name) else { continue }
            let table = "v\(version)_\(name)"
            let file = folder.appendingPathComponent("\(planned.count).csv")
            var bytes: [UInt8] = []
            for chunk in CSVChunks(dataset: dataset) { bytes += chunk }
            try Data(bytes).write(to: file)
            let columns = dataset.columns.map { [$0.name, Self.declaration($0.storage)] }
            planned.append(["name": table, "columns": columns, "csv": file.path])
            tables.mapped[name] = SQLTableName(schema: nil, name: table)
        }
        exportedVersion = version
    }

    /// DuckDB column types holding exactly what the native columns hold.
    private static func declaration(_ storage: ColumnStorage) -> String {
        switch storage {
        case .integer: "BIGINT"
        case .decimal(_, let scale): "DECIMAL(38, \(scale))"
        case .double: "DOUBLE"
        case .boolean: "BOOLEAN"
        case .date: "DATE"
        case .timestamp: "TIMESTAMP"
        case .text: "VARCHAR"
        }
    }

    /// Runs every recorded query on DuckDB as `sql` prints it: first the extents of those whose range
    /// is open (the slots reach SQL as data), then the statements; the answers as result tables, or the
    /// error text.
    func run(python: String) throws -> [Result<ResultTable, DuckDBError>] {
        guard !recorded.isEmpty else { return [] }
        let open = recorded.indices.filter { recorded[$0].compiler.plan.needsExtent }
        let extents = try batch(open.map { recorded[$0].compiler.extent() }, python: python, name: "extents")
        var extentOf: [Int: DayExtent] = [:]
        for (i, r) in zip(open, extents) {
            if let error = r.error { failures.append("\(recorded[i].label): the extent fails on DuckDB: \(error)") }
            if let row = r.rows?.first, row.count == 2, case .text(let first) = row[0], case .text(let last) = row[1],
                let a = CivilDate.parseDate(first), let b = CivilDate.parseDate(last)
            {
                extentOf[i] = DayExtent(first: a, last: b)
            }
        }
        statements = recorded.enumerated().map { i, r in
            var full = SQLResultCompiler(r.compiler, axis: r.compiler.plan.axis(extent: extentOf[i]))
            let (text, parameters) = SQLPrinter.print(full.compile(), dialect: .duckdb, values: .bound)
            return DuckDBStatement(label: r.label, query: r.query, sql: text, parameters: parameters, native: r.native)
        }
        let results = try batch(statements.map { ($0.sql, $0.parameters) }, python: python, name: "statements")
        return zip(statements, results).map { s, r in
            if let error = r.error { return .failure(DuckDBError(message: error)) }
            return Result { () throws(DuckDBError) in try DuckDBResult.table(types: r.types ?? [], rows: r.rows ?? [], query: s.query) }
        }
    }

    private func batch(_ statements: [SQLStatement], python: String, name: String) throws -> [DuckDBResults.Statement] {
        try batch(statements.map { SQLPrinter.print($0, dialect: .duckdb, values: .bound) }, python: python, name: name)
    }

    /// One run of the driver over the tables and the statements given.
    private func batch(_ statements: [(String, [SQLValue])], python: String, name: String) throws -> [DuckDBResults.Statement] {
        guard !statements.isEmpty else { return [] }
        let plan: [String: Any] = [
            "tables": planned,
            "statements": statements.map { ["sql": $0.0, "parameters": $0.1.map(Self.parameter)] },
        ]
        let planFile = folder.appendingPathComponent("\(name).json")
        try JSONSerialization.data(withJSONObject: plan).write(to: planFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        let script = GoldenPaths.packageRoot.appendingPathComponent("scripts/duckdb-run.py").path
        process.arguments = [script, planFile.path]
        let output = folder.appendingPathComponent("\(name)-results.json")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw DuckDBError(message: "duckdb-run.py exited with \(process.terminationStatus)") }
        let results = try JSONDecoder().decode(DuckDBResults.self, from: Data(contentsOf: output)).results
        guard results.count == statements.count else {
            throw DuckDBError(message: "\(results.count) results for \(statements.count) statements")
        }
        return results
    }

    private static func parameter(_ v: SQLValue) -> [String: Any] {
        switch v {
        case .text(let s): ["type": "text", "value": s]
        case .integer(let i): ["type": "integer", "value": i]
        case .decimal(let s): ["type": "decimal", "value": s]
        case .double(let d): ["type": "double", "value": d]
        case .bool(let b): ["type": "bool", "value": b]
        case .date(let d): ["type": "date", "value": CivilDate.format(d)]
        }
    }
}

struct DuckDBError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The driver's answer (see scripts/duckdb-run.py).
struct DuckDBResults: Decodable {
    struct Statement: Decodable {
        var types: [String]?
        var rows: [[DuckDBCell]]?
        var error: String?
    }
    var results: [Statement]
}

enum DuckDBCell: Decodable {
    case null, bool(Bool), integer(Int64), number(Double), text(String)

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int64.self) {
            self = .integer(i)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else {
            self = .text(try c.decode(String.self))
        }
    }
}

/// Reads DuckDB's rows into a result table typed as the PostgreSQL engine types its rows
/// (TallyPostgres' PostgresResult): dimensions by their SQL type, measures exact where their type is.
enum DuckDBResult {
    static func table(types: [String], rows: [[DuckDBCell]], query: BoundQuery) throws(DuckDBError) -> ResultTable {
        let columns = query.resultColumns
        let mixed = SQLCompiler.mixedNumberDimensions(QueryPlan(query))
        guard types.count == columns.count + mixed.count else {
            throw DuckDBError(message: "\(types.count) columns where \(columns.count + mixed.count) were expected")
        }
        let dimensions = query.dimensions.count
        let positions = mixed.map { k in query.dimensions.firstIndex { if case .column(k) = $0.kind { true } else { false } } }
        var table: [[Value]] = []
        for row in rows {
            var values: [Value] = []
            for (i, cell) in row.prefix(columns.count).enumerated() {
                values.append(try i < dimensions ? dimension(cell, type: types[i]) : measure(cell, type: types[i]))
            }
            for (j, position) in positions.enumerated() {
                guard let position, case .bool(true) = row[columns.count + j], case .number(let d) = values[position],
                    let i = Int64(exactly: d)
                else { continue }
                values[position] = .integer(i)
            }
            table.append(values)
        }
        return ResultTable(columns: columns, rows: table)
    }

    private static func number(_ cell: DuckDBCell) -> Double? {
        switch cell {
        case .integer(let i): Double(i)
        case .number(let d): d
        case .text(let s): Double(s)
        case .null, .bool: nil
        }
    }

    /// Exact types (DECIMAL, integers) as exact values, digit for digit; DOUBLE as a number.
    private static func measure(_ cell: DuckDBCell, type: String) throws(DuckDBError) -> Value {
        if case .null = cell { return .null }
        if type.hasPrefix("DECIMAL") || type.hasSuffix("INT") || type == "INTEGER" {
            switch cell {
            case .integer(let i): return .integer(i)
            case .text(let s): if let exact = Value(exactDigits: s) { return exact }
            default: break
            }
        }
        guard let d = number(cell) else { throw DuckDBError(message: "a measure that is not a number: \(cell)") }
        return d.isFinite ? .number(d == 0 ? 0 : d) : .null
    }

    private static func dimension(_ cell: DuckDBCell, type: String) throws(DuckDBError) -> Value {
        if case .null = cell { return .null }
        switch (type, cell) {
        case ("BIGINT", .integer(let i)), ("INTEGER", .integer(let i)), ("SMALLINT", .integer(let i)), ("HUGEINT", .integer(let i)):
            return .integer(i)
        case _ where type == "DOUBLE" || type == "FLOAT" || type.hasPrefix("DECIMAL"):
            if let d = number(cell) { return d.isFinite ? .number(d == 0 ? 0 : d) : .null }
        case ("BOOLEAN", .bool(let b)):
            return .bool(b)
        case ("DATE", .text(let s)):
            if let d = CivilDate.parseDate(s) { return .date(d) }
        case ("TIMESTAMP", .text(let s)):
            if let t = CivilDate.parseTimestamp(s) { return .timestamp(t) }
        case ("VARCHAR", .text(let s)):
            return .text(s)
        default:
            break
        }
        throw DuckDBError(message: "cannot read \(cell) as a dimension of type \(type)")
    }
}
