// Shared builders for the native engine tests: in-memory datasets, a catalog, and a one-call query runner.

import TallyData
import TallyDiagnostics
import TallyEngine
import TallySemantics
import TallySyntax
import Testing

// MARK: Null sentinels, short so literal column arrays stay readable

let nullInt = NullSentinel.int64
let nullDay = NullSentinel.int32
let nullBool = NullSentinel.boolean
let nullCode = NullSentinel.textCode

// MARK: Dates and timestamps, computed independently of CivilDate

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
/// Written here rather than taken from TallyData so that a calendar bug there cannot hide in the expectations.
func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Int32 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + dayOfMonth - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return Int32(era * 146_097 + doe - 719_468)
}

/// Microseconds since the epoch of a UTC wall-clock time.
func micros(_ year: Int, _ month: Int, _ dayOfMonth: Int, _ hour: Int, _ minute: Int, _ second: Int = 0, fraction: Int64 = 0)
    -> Int64
{
    Int64(day(year, month, dayOfMonth)) * 86_400_000_000
        + Int64(hour * 3600 + minute * 60 + second) * 1_000_000 + fraction
}

// MARK: Result values

/// A measure as a plain number (see `plainNumbers`).
func n(_ x: Double) -> Value { .number(x) }

/// A result's rows with its measures as plain numbers and its periods by name: most tests check
/// values, not whether the engine kept them exact (EngineExactnessTests does).
func plainNumbers(_ table: ResultTable) -> [[Value]] {
    table.rows.map { row in
        zip(row, table.columns).map { value, column in
            switch (value, column.role) {
            case (.integer, .measure), (.decimal, .measure): value.double.map(Value.number) ?? value
            case (.period(let p), _): .text(p.label)
            default: value
            }
        }
    }
}
/// A text dimension value or a period label.
func t(_ s: String) -> Value { .text(s) }

/// A month as results carry it: a period value, named only when shown.
func month(_ year: Int, _ month: Int) -> Value { .period(Period(grain: .month, index: year * 12 + month - 1)) }

// MARK: Datasets

/// A dataset from named column storages; every column must have the same length.
func table(_ name: String, _ columns: KeyValuePairs<String, ColumnStorage>) -> Dataset {
    let cols = columns.map { Column(name: $0.key, storage: $0.value) }
    return Dataset(name: name, columns: cols, rowCount: cols.first?.count ?? 0, source: nil)
}

/// Dictionary-encodes text (nil = null) in order of first appearance, the way the CSV reader does.
/// Used where writing codes by hand would hide the point of a test.
func texts(_ values: [String?]) -> ColumnStorage {
    var dictionary: [String] = []
    var codes: [Int32] = []
    for v in values {
        guard let v else {
            codes.append(nullCode)
            continue
        }
        // Compare bytes, not Swift String equality (which is canonical equivalence): the CSV reader
        // keeps byte-distinct values apart, and so must this builder.
        if let i = dictionary.firstIndex(where: { Array($0.utf8) == Array(v.utf8) }) {
            codes.append(Int32(i))
        } else {
            codes.append(Int32(dictionary.count))
            dictionary.append(v)
        }
    }
    return .text(codes: codes, dictionary: dictionary)
}

/// The engine's view of the test's datasets.
struct MemoryData: DataSource {
    var datasets: [String: Dataset]
    func dataset(named name: String) throws(Diagnostic) -> Dataset {
        guard let d = datasets[name] else { throw Diagnostic("test data has no dataset '\(name)'") }
        return d
    }
}

// MARK: Running queries

/// Datasets plus the declarations a model script would make; runs queries through parse, bind and the native engine.
struct Fixture {
    var datasets: [Dataset]
    var relations: [Relation] = []
    /// Dataset name → anchor column.
    var anchors: [String: String] = [:]
    var today: Int32 = day(2024, 6, 15)

    init(_ datasets: Dataset..., anchors: [String: String] = [:], relations: [Relation] = []) {
        self.datasets = datasets
        self.anchors = anchors
        self.relations = relations
    }

    var catalog: Catalog {
        var c = Catalog()
        for d in datasets { c.addDataset(DatasetSchema(d)) }
        for r in relations { c.declare(r) }
        for (dataset, column) in anchors { c.declareAnchor(dataset: dataset, column: column) }
        return c
    }

    /// Parses, binds and runs one query. Parse and bind errors are thrown like engine errors.
    func run(_ text: String, isCancelled: @escaping @Sendable () -> Bool = { false }) throws(Diagnostic) -> ResultTable {
        try NativeEngine(data: data, isCancelled: isCancelled).run(try bind(text))
    }

    /// Parses and binds one query.
    func bind(_ text: String) throws(Diagnostic) -> BoundQuery {
        let source = SourceFile(name: nil, text: text)
        let (script, diagnostics) = Parser.parse(source)
        if let first = diagnostics.first { throw first }
        guard script.statements.count == 1, case .query(let query) = script.statements[0].kind else {
            throw Diagnostic("test input is not one query: \(text)")
        }
        return try Binder(catalog: catalog, today: today).bind(query, source: source)
    }

    var data: MemoryData { MemoryData(datasets: Dictionary(uniqueKeysWithValues: datasets.map { ($0.name, $0) })) }

    /// The rows of a query's result, measures as plain numbers.
    func rows(_ text: String) throws(Diagnostic) -> [[Value]] { plainNumbers(try run(text)) }

    /// The single value of a query with one item and no dimensions.
    func value(_ text: String) throws(Diagnostic) -> Value {
        let r = try rows(text)
        guard r.count == 1, r[0].count == 1 else { throw Diagnostic("expected one value from \(text), got \(r)") }
        return r[0][0]
    }

    /// The diagnostic a query fails with, or nil when it runs.
    func failure(_ text: String) -> Diagnostic? {
        do {
            _ = try run(text)
            return nil
        } catch {
            return error
        }
    }
}

/// `orders.customer_id → customers.id`, the most common relation in these tests.
func relation(_ from: String, _ fromColumn: String, to: String, _ toColumn: String) -> Relation {
    Relation(fromDataset: from, fromColumn: fromColumn, toDataset: to, toColumn: toColumn)
}

extension ColumnStorage {
    /// Integers as the reader stores them: in 32 bits when every value fits.
    static func integer(_ values: [Int64]) -> ColumnStorage { .integer(Integers(values)) }

    static func decimal(_ values: [Int64], scale: Int) -> ColumnStorage { .decimal(Integers(values), scale: scale) }
}
