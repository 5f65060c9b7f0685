// libFuzzer harness: any bytes through the lexer, parser and binder, and every query that binds
// through the native engine and the CSV renderer. Queries run over the `small` golden fixture
// (53 rows) with the standard library defined; metric definitions are checked as the session
// would check them. A small value limit and a deadline keep every input fast.

import Foundation
import TallyData
import TallyDiagnostics
import TallyEngine
import TallyRender
import TallySemantics
import TallySyntax

/// The fixture's datasets, read once.
struct FixtureData: DataSource {
    var datasets: [String: Dataset] = [:]
    func dataset(named name: String) throws(Diagnostic) -> Dataset {
        guard let d = datasets[name] else { throw Diagnostic("no dataset '\(name)'") }
        return d
    }
}

/// Built once: the fixture's datasets and the standard library's definitions.
let (catalog, data) = makeFixture()
let today: Int32 = CivilDate.parseDate("2024-06-15") ?? 0

func makeFixture() -> (Catalog, FixtureData) {
    var catalog = Catalog()
    var data = FixtureData()
    let fixture = "Tests/GoldenTests/fixtures/small/"
    for name in ["customers", "orders", "spend", "leads", "deals", "tickets", "surveys", "carts"] {
        guard let load = try? CSVReader.load(path: fixture + name + ".csv", name: name) else {
            fatalError("run the fuzzer from the package root: cannot load \(fixture)\(name).csv")
        }
        data.datasets[name] = load.dataset
        catalog.addDataset(DatasetSchema(load.dataset))
    }
    let path = "Sources/Tally/Library/crm.tally"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fatalError("cannot read \(path)") }
    let library = SourceFile(name: path, text: text)
    let (script, diagnostics) = Parser.parse(library)
    guard diagnostics.isEmpty else { fatalError("the standard library does not parse") }
    for statement in script.statements { define(statement, source: library, in: &catalog) }
    return (catalog, data)
}

/// Declares a definition statement in the catalog; queries and other statements declare nothing.
func define(_ statement: Statement, source: SourceFile, in catalog: inout Catalog) {
    switch statement.kind {
    case .metric(let d):
        let unit = try? Binder.unit(of: d)
        catalog.define(
            MetricDefinitionEntry(
                name: d.name.text, expr: d.expr, unit: unit, description: d.description, area: d.area?.text,
                source: source, isLibrary: false))
    case .relate(let r):
        catalog.declare(
            Relation(fromDataset: r.fromDataset.text, fromColumn: r.fromColumn.text, toDataset: r.toDataset.text, toColumn: r.toColumn.text))
    case .anchor(let a):
        catalog.declareAnchor(dataset: a.dataset.text, column: a.column.text)
    case .lifespan(let l):
        catalog.declareLifespan(dataset: l.dataset.text, start: l.start.text, end: l.end.text)
    case .dimension(let d):
        catalog.define(NamedDimension(name: d.name.text, expr: d.expr, description: d.description, source: source))
    default:
        break
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let source = SourceFile(name: nil, text: text)
    let (script, diagnostics) = Parser.parse(source)
    for d in diagnostics { _ = DiagnosticRenderer(color: false).render(d.inSource(source)) }
    _ = SyntaxPrinter.format(script)
    var local = catalog
    for statement in script.statements {
        do {
            switch statement.kind {
            case .query(let q), .explain(let q), .plot(let q):
                let bound = try Binder(catalog: local, today: today).bind(q, source: source)
                _ = CSVRenderer.render(try engine().run(bound))
            case .assert(let a):
                _ = try Binder(catalog: local, today: today).bind(a.query, source: source)
            case .metric(let d):
                var trial = local
                define(statement, source: source, in: &trial)
                try Binder(catalog: trial, today: today).check(d, source: source)
                local = trial
            default:
                define(statement, source: source, in: &local)
            }
        } catch {
            _ = DiagnosticRenderer(color: false).render(error.inSource(source))
        }
    }
    return 0
}

/// The native engine over the fixture, stopping a query after a second: no input may hang it.
func engine() -> NativeEngine {
    let deadline = Date().addingTimeInterval(1)
    return NativeEngine(data: data, valueLimit: 200_000, isCancelled: { Date() > deadline })
}
