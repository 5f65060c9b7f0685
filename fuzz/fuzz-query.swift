// libFuzzer harness: any bytes through the lexer, parser and binder. Queries bind against the
// `small` golden fixture with the standard library defined; metric definitions are checked as
// the session would check them. Nothing reads rows, so every input stays fast.

import TallyData
import TallyDiagnostics
import TallySemantics
import TallySyntax

/// Built once: the fixture's datasets and the standard library's definitions.
let catalog: Catalog = makeCatalog()
let today: Int32 = CivilDate.parseDate("2024-06-15") ?? 0

func makeCatalog() -> Catalog {
    var catalog = Catalog()
    let fixture = "Tests/GoldenTests/fixtures/small/"
    for name in ["customers", "orders", "spend", "leads", "deals", "tickets", "surveys", "carts"] {
        guard let load = try? CSVReader.load(path: fixture + name + ".csv", name: name) else {
            fatalError("run the fuzzer from the package root: cannot load \(fixture)\(name).csv")
        }
        catalog.addDataset(DatasetSchema(load.dataset))
    }
    let path = "Sources/Tally/Library/crm.tally"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fatalError("cannot read \(path)") }
    let library = SourceFile(name: path, text: text)
    let (script, diagnostics) = Parser.parse(library)
    guard diagnostics.isEmpty else { fatalError("the standard library does not parse") }
    for statement in script.statements { define(statement, source: library, in: &catalog) }
    return catalog
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
                _ = try Binder(catalog: local, today: today).bind(q, source: source)
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
