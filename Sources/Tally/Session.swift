// The Session facade: the one API the command line and the REPL drive. Parses, binds and runs
// statements, and keeps what they define (datasets, relations, anchors, metrics).

import Foundation
import TallyData
import TallyDiagnostics
import TallyEngine
import TallyPlan
import TallySQL
import TallySemantics
import TallySyntax

/// What running a statement produced.
public enum Output: Sendable {
    /// A query result (also `show` and `describe`), with the seconds it took.
    case table(ResultTable, seconds: Double)
    /// Prose: `explain`, confirmations of `load`.
    case text(String)
    /// A result to draw as a chart (`plot`); in csv or json it is shown as data.
    case chart(ResultTable)
    /// A remark about the table just shown, for people only (not part of csv or json output).
    case note(String)
    /// A command for the tool around the session: `format csv`, `timer off`, `help`, `last`, `quit`.
    case command(PromptCommand)
}

/// An interactive or scripted session over some datasets.
public final class Session {
    public private(set) var catalog = Catalog()
    /// The columns read so far of every dataset: what engines and introspection see.
    private var datasets: [String: Dataset] = [:]
    /// Datasets of a data folder, read column by column as statements need them.
    private var lazy: [String: LazyDataset] = [:]
    /// Whether a data folder's model script is running: its loads are read lazily too.
    private var openingFolder = false
    /// Where columns parsed from large CSV files are kept for the next run (nil: parse every time).
    public var columnCache: ColumnCache?
    /// Relation row mappings, kept while no dataset's rows change.
    private let mappings = RowMappings()
    /// The day relative ranges count from (`--today`).
    public var today: Int32
    /// The values of `$name` parameters (`--set name=value`, `set name = "value"`), typed where used.
    public var parameters: [String: String] = [:]
    /// Bytes of memory loads may count on (the machine's memory unless set lower).
    public var memoryLimit: UInt64 = ProcessInfo.processInfo.physicalMemory
    /// Asked between steps of a running statement; true stops it (Ctrl-C at the prompt).
    public var isCancelled: @Sendable () -> Bool = { false }
    /// The database queries run on once connected (`connect`, `--db`); the native engine until then.
    var database: DatabaseLink?
    /// Told the text of each statement of a user's script before it runs (an HTML report heads its result with it).
    public var statementStarting: ((String) -> Void)?
    /// Told the wall-clock seconds of each statement of a user's script once it has run (`--timing`).
    public var statementFinished: ((Double) -> Void)?
    /// Told each query as bound and the table its engine returned (before pivoting): lets a caller
    /// check another engine's answer to the same bound query, as the DuckDB parity tests do.
    public var queryRan: ((BoundQuery, ResultTable) -> Void)?
    /// Counts changes to the loaded data (a dataset added or replaced, a folder opened), so a caller
    /// that copied the datasets elsewhere knows when its copy is stale.
    public private(set) var dataVersion = 0

    /// A session with the standard CRM library defined (and no data).
    public init(today: Int32) throws(Failure) {
        self.today = today
        let library: SourceFile
        do { library = try StandardLibrary.source() } catch { throw Failure(diagnostics: [error]) }
        try execute(library, isLibrary: true) { _ in }
    }

    /// The names of loaded datasets, in load order.
    public var datasetNames: [String] { catalog.datasetNames }

    /// The distinct values of a text column in every dataset that has it (for completion), reading
    /// the column first if it has not been read.
    public func textValues(ofColumn column: String) -> Set<String> {
        var values = Set<String>()
        for name in catalog.datasetNames where catalog.datasets[name]?.hasColumn(column) == true {
            try? read([column], of: name)
            guard case .text(_, let dictionary)? = datasets[name]?.column(named: column)?.storage else { continue }
            values.formUnion(dictionary)
        }
        return values
    }

    // MARK: Running statements

    /// Parses all of `source`, then runs its statements in order, handing each output to `emit`.
    /// Stops at the first failing statement and throws its diagnostic; a syntax error anywhere
    /// means nothing runs (every statement's first syntax error is in `Failure.diagnostics`).
    /// `quit` ends the run there, after handing `.command(.quit)` on.
    public func run(_ source: SourceFile, emit: (Output) -> Void) throws(Failure) {
        try execute(source, isLibrary: false, emit: emit)
    }

    /// Runs every statement of `source` that parses, in order, as psql runs its startup file: each
    /// problem (a syntax error, a failing statement) goes to `report`, in the order of the text, and
    /// the statements after it still run.
    public func runAll(_ source: SourceFile, emit: (Output) -> Void, report: @escaping (Failure) -> Void) {
        do throws(Failure) {
            try execute(source, isLibrary: false, emit: emit, report: report)
        } catch {
            report(error)
        }
    }

    /// One or more diagnostics that stopped a run.
    public struct Failure: Error, Sendable {
        public var diagnostics: [Diagnostic]
        public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    }

    /// Runs the statements of `source`. Without `report`, any syntax error stops everything before it
    /// runs and the first failing statement stops the rest; with it, each problem is reported where
    /// it comes in the text and the run goes on. A text longer than one window is parsed and run a
    /// window at a time (checked whole first when nothing may run after a syntax error), so its syntax
    /// trees are never all held at once.
    private func execute(
        _ source: SourceFile, isLibrary: Bool, emit: (Output) -> Void, report: ((Failure) -> Void)? = nil
    ) throws(Failure) {
        let names = Vocabulary(
            metrics: Set(catalog.metricNames),
            dimensions: Set(catalog.dimensions.keys).union(catalog.datasets.values.flatMap(\.columnNames)))
        let windows = ScriptWindows(source: source, vocabulary: names)
        if report == nil, !windows.isOneWindow {
            let diagnostics = windows.flatMap { window in window.diagnostics.map { $0.inSource(window.source) } }
            guard diagnostics.isEmpty else { throw Failure(diagnostics: diagnostics) }
        }
        // Binding and evaluation recurse once per level of an expression, as parsing does.
        try DeepStack.run { () throws(Failure) in
            for window in windows {
                var diagnostics = window.diagnostics.map { $0.inSource(window.source) }
                if report == nil, !diagnostics.isEmpty { throw Failure(diagnostics: diagnostics) }
                /// Syntax errors before `offset`, reported now so they come in the order of the text.
                func reportSyntax(before offset: Int) {
                    while let first = diagnostics.first, (first.span?.start ?? 0) < offset {
                        report?(Failure(diagnostics: [diagnostics.removeFirst()]))
                    }
                }
                for statement in window.statements {
                    reportSyntax(before: statement.span.start)
                    if isCancelled() { throw Failure(diagnostics: [Diagnostic("cancelled")]) }
                    if case .prompt(.quit) = statement.kind {
                        emit(.command(.quit))
                        return
                    }
                    if !isLibrary { statementStarting?(window.source.slice(statement.span)) }
                    let started = DispatchTime.now().uptimeNanoseconds
                    do throws(Diagnostic) {
                        try execute(statement, source: window.source, isLibrary: isLibrary, emit: emit)
                    } catch {
                        guard let report else { throw Failure(diagnostics: [error.inSource(window.source)]) }
                        report(Failure(diagnostics: [error.inSource(window.source)]))
                    }
                    if !isLibrary { statementFinished?(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9) }
                }
                reportSyntax(before: Int.max)
            }
        }
    }

    private func execute(_ statement: Statement, source: SourceFile, isLibrary: Bool, emit output: (Output) -> Void) throws(Diagnostic) {
        // A database connection made again on the way (the server was restarted) is said once, before
        // what the statement shows, or before its error.
        defer { tellReconnection(output) }
        try withoutActuallyEscaping(output) { (output) throws(Diagnostic) in
            try perform(statement, source: source, isLibrary: isLibrary) { shown in
                self.tellReconnection(output)
                output(shown)
            }
        }
    }

    private func perform(_ statement: Statement, source: SourceFile, isLibrary: Bool, emit: (Output) -> Void) throws(Diagnostic) {
        if !isLibrary { try readColumns(for: statement, source: source) }
        let statement = try resolvingParameters(statement)
        switch statement.kind {
        case .query(let query):
            let started = Date()
            let (table, bound) = try bindAndRun(query, source: source)
            emit(.table(table, seconds: Date().timeIntervalSince(started)))
            if let hint = NullHint.hint(for: table, query: bound, catalog: catalog) { emit(.note(hint)) }
        case .metric(let definition):
            try define(definition, source: source, isLibrary: isLibrary)
        case .load(let load):
            if let message = try self.load(load, source: source) { emit(.text(message)) }
        case .relate(let r):
            try relate(r, checked: !isLibrary)
        case .anchor(let a):
            try anchor(a, checked: !isLibrary)
        case .lifespan(let l):
            try lifespan(l, checked: !isLibrary)
        case .dimension(let d):
            if Grain.parse(d.name.text) != nil {
                throw Diagnostic("'\(d.name.text)' is a time grain; name the dimension otherwise", at: d.name.span)
            }
            catalog.define(NamedDimension(name: d.name.text, expr: d.expr, description: d.description, source: source))
        case .show(let what, let about):
            let started = Date()
            let introspection = Introspection(catalog: catalog, datasets: datasets)
            let table = try introspection.show(what, about: about)
            emit(.table(table, seconds: Date().timeIntervalSince(started)))
            if let about, table.rows.isEmpty { emit(.note(introspection.nothingAbout(about))) }
        case .describe(let name):
            if let table = try describeInDatabase(name.text) {
                emit(.table(table, seconds: 0))
                return
            }
            guard let dataset = datasets[name.text] else {
                // Not a dataset: say what the name is, if anything, and how to learn more.
                guard let text = Explainer(catalog: catalog).describe(name.text) else { throw unknownDataset(name) }
                return emit(.text(text))
            }
            emit(.table(Introspection(catalog: catalog, datasets: datasets).describe(dataset), seconds: 0))
        case .plot(let query):
            emit(.chart(try runQuery(query, source: source)))
        case .explain(let query):
            emit(.text(try explain(query, source: source)))
        case .explainPlan(let query):
            emit(.text(try explainPlan(query, source: source)))
        case .assert(let assertion):
            // A holding assertion prints nothing, as a passing check should; a failing one is an error.
            try check(assertion, source: source)
        case .sql(let query):
            emit(.text(try sql(query, source: source)))
        case .connect(let target):
            emit(.text(try connect(target)))
        case .useTable(let use):
            emit(.text(try useTable(use)))
        case .prompt(.set(let name, let value)):
            parameters[name] = value
        case .prompt(.listParameters):
            emit(.table(parameterTable, seconds: 0))
        case .prompt(let command):
            emit(.command(command))
        }
    }

    /// The engine queries run on: the connected database's, else the native one over the loaded data.
    var engine: any PlanEngine {
        database?.engine(schemas: catalog.datasets, isCancelled: isCancelled)
            ?? NativeEngine(data: LoadedData(datasets: datasets), mappings: mappings, isCancelled: isCancelled)
    }

    /// Binds and runs one query on the native engine.
    public func runQuery(_ query: Query, source: SourceFile) throws(Diagnostic) -> ResultTable {
        try bindAndRun(query, source: source).0
    }

    private func bindAndRun(_ query: Query, source: SourceFile) throws(Diagnostic) -> (ResultTable, BoundQuery) {
        let bound = try Binder(catalog: catalog, today: today).bind(resolvingParameters(query), source: source)
        let engine = self.engine
        let table: ResultTable
        do {
            table = try engine.run(bound)
        } catch {
            // What stops an engine (an overflowing sum, a result too large) concerns the whole query.
            var located = error
            if located.span == nil { located.span = query.span }
            throw located
        }
        queryRan?(bound, table)
        return (bound.pivot ? Pivot.apply(table, dimensions: bound.dimensions.count) : table, bound)
    }

    /// `explain METRIC`: the definition; with a period (and a filter), also the worked numbers.
    private func explain(_ query: Query, source: SourceFile) throws(Diagnostic) -> String {
        let explainer = Explainer(catalog: catalog)
        let metric = try explainer.metric(of: query)
        guard query.range != nil || query.filter != nil else { return explainer.definition(metric) }
        let worked = WorkedExample(catalog: catalog) { (q: Query) throws(Diagnostic) in
            try self.bindAndRun(q, source: source)
        }
        return try worked.explain(metric, query: query, querySource: source)
    }

    // MARK: Definitions

    private func define(_ definition: MetricDefinition, source: SourceFile, isLibrary: Bool) throws(Diagnostic) {
        let unit = try Binder.unit(of: definition)
        if !isLibrary {
            // A user's definition is checked now, against the data loaded, so mistakes surface where they are written.
            var trial = catalog
            trial.define(entry(definition, unit: unit, source: source, isLibrary: false))
            try Binder(catalog: trial, today: today).check(definition, source: source)
        }
        catalog.define(entry(definition, unit: unit, source: source, isLibrary: isLibrary))
    }

    private func entry(_ d: MetricDefinition, unit: MetricUnit?, source: SourceFile, isLibrary: Bool) -> MetricDefinitionEntry {
        MetricDefinitionEntry(
            name: d.name.text, expr: d.expr, unit: unit, description: d.description, area: d.area?.text, source: source,
            isLibrary: isLibrary)
    }

    private func relate(_ r: Relate, checked: Bool) throws(Diagnostic) {
        if checked {
            try requireColumn(r.fromDataset, r.fromColumn)
            try requireColumn(r.toDataset, r.toColumn)
        }
        catalog.declare(
            Relation(fromDataset: r.fromDataset.text, fromColumn: r.fromColumn.text, toDataset: r.toDataset.text, toColumn: r.toColumn.text))
    }

    private func anchor(_ a: Anchor, checked: Bool) throws(Diagnostic) {
        if checked {
            try requireColumn(a.dataset, a.column)
            if let column = datasets[a.dataset.text]?.column(named: a.column.text), !column.isEmptyText,
                column.type != .date, column.type != .timestamp
            {
                throw Diagnostic(
                    "an anchor must be a date or timestamp column; \(a.dataset.text).\(a.column.text) is \(column.type.rawValue)",
                    at: a.column.span, help: dateDeclaration(column, of: a.dataset.text))
            }
        }
        catalog.declareAnchor(dataset: a.dataset.text, column: a.column.text)
    }

    private func lifespan(_ l: Lifespan, checked: Bool) throws(Diagnostic) {
        if checked {
            for column in [l.start, l.end] {
                try requireColumn(l.dataset, column)
                if let stored = datasets[l.dataset.text]?.column(named: column.text), !stored.isEmptyText,
                    stored.type != .date, stored.type != .timestamp
                {
                    throw Diagnostic(
                        "a lifespan runs between dates; \(l.dataset.text).\(column.text) is \(stored.type.rawValue)", at: column.span,
                        help: dateDeclaration(stored, of: l.dataset.text))
                }
            }
        }
        catalog.declareLifespan(dataset: l.dataset.text, start: l.start.text, end: l.end.text)
    }

    /// For a text column whose values are dates in a layout of their own: the `load` that declares it.
    private func dateDeclaration(_ column: Column, of dataset: String) -> String? {
        catalog.datasets[dataset].flatMap { LoadAdvice(dataset: $0).dates(ColumnSchema(column)) }
    }

    private func requireColumn(_ dataset: Name, _ column: Name) throws(Diagnostic) {
        guard let d = catalog.datasets[dataset.text] else { throw unknownDataset(dataset) }
        guard d.hasColumn(column.text) else {
            throw Diagnostic(
                "dataset '\(dataset.text)' has no column '\(column.text)'", at: column.span,
                help: Suggestions.closest(to: column.text, in: d.columnNames).map { "did you mean '\($0)'?" }
                    ?? "describe \(dataset.text) lists its columns")
        }
    }

    private func unknownDataset(_ name: Name) -> Diagnostic {
        Diagnostic(
            "no dataset '\(name.text)' is loaded", at: name.span,
            help: Suggestions.closest(to: name.text, in: catalog.datasetNames).map { "did you mean '\($0)'?" }
                ?? "show datasets lists what is loaded")
    }

    // MARK: Loading

    /// Loads a file, or while a folder's model runs opens it to be read lazily like the folder's own
    /// files (then nothing is said: the model only says how to read the folder's files).
    private func load(_ load: Load, source: SourceFile) throws(Diagnostic) -> String? {
        let path = resolve(load.path, relativeTo: source)
        let name = load.alias?.text ?? DataFileName.datasetName(forFile: path)
        let options = try CSVOptions(load)
        if openingFolder, !options.skipBadRows {
            do {
                openLazily(name, try CSVFile(path: path, options: options, cache: columnCache))
                dataVersion += 1
                return nil
            } catch {
                var d = error.diagnostic()
                d.span = load.pathSpan
                throw d
            }
        }
        let loaded: CSVLoad
        do {
            loaded = try readCSV(path: path, name: name, options: options)
        } catch {
            var d = error
            d.span = load.pathSpan
            throw d
        }
        let dataset = loaded.dataset
        add(dataset)
        let rows = dataset.rowCount == 1 ? "1 row" : "\(dataset.rowCount) rows"
        let columns = dataset.columns.count == 1 ? "1 column" : "\(dataset.columns.count) columns"
        return "loaded \(name): \(rows), \(columns)" + Self.skippedNote(loaded.skippedRows)
    }

    /// How many rows a lenient load left out, and where: every line up to ten, then a count.
    static func skippedNote(_ lines: [Int]) -> String {
        guard !lines.isEmpty else { return "" }
        let shown = lines.prefix(10).map(String.init).joined(separator: ", ")
        let more = lines.count > 10 ? " and \(lines.count - 10) more" : ""
        let rows = lines.count == 1 ? "1 bad row" : "\(lines.count) bad rows"
        return "; skipped \(rows) (line\(lines.count == 1 ? "" : "s") \(shown)\(more))"
    }

    /// Reads a CSV file unless it clearly cannot fit in memory: its columns take about as many bytes
    /// as the file and the reader's index of fields as many again, so a file over half of
    /// `memoryLimit` is refused up front rather than ending the process when memory runs out.
    private func readCSV(path: String, name: String, options: CSVOptions) throws(Diagnostic) -> CSVLoad {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64) ?? 0
        if size > memoryLimit / 2 {
            throw Diagnostic(
                "\(path) is \(Self.bytes(size)); loading it needs about \(Self.bytes(size * 2)) of memory, more than the \(Self.bytes(memoryLimit)) available",
                help: "load a smaller extract (fewer rows or columns) of the file")
        }
        do { return try CSVReader.load(path: path, name: name, options: options, cache: columnCache, isCancelled: isCancelled) } catch {
            throw error.diagnostic()
        }
    }

    /// A size for people: 1.5 GB, 512 MB, 900 bytes.
    static func bytes(_ n: UInt64) -> String { MemoryShortage.size(n) }

    /// Declares a dataset that lives in the connected database.
    func addSchema(_ schema: DatasetSchema) {
        catalog.addDataset(schema)
    }

    /// Adds (or replaces) a dataset.
    public func add(_ dataset: Dataset) {
        lazy[dataset.name] = nil
        mappings.removeAll()
        dataVersion += 1
        datasets[dataset.name] = dataset
        catalog.addDataset(DatasetSchema(dataset))
    }

    /// Opens every `*.csv` in a folder as a dataset named after its file, then runs `model.tally`
    /// there if present (DESIGN §2). Only headers are read here: a column is read when a statement
    /// first needs it, so a question about one dataset never pays for the others.
    public func openFolder(_ path: String, emit: (Output) -> Void) throws(Failure) {
        let folder: DataFolder
        do { folder = try DataFolder(path: path) } catch { throw Failure(diagnostics: [error]) }
        mappings.removeAll()
        dataVersion += 1
        for path in folder.csvFiles {
            let name = DataFileName.datasetName(forFile: path)
            do {
                openLazily(name, try CSVFile(path: path, cache: columnCache))
            } catch {
                throw Failure(diagnostics: [error.diagnostic()])
            }
        }
        if let model = folder.model {
            openingFolder = true
            defer { openingFolder = false }
            let source: SourceFile
            do { source = try SourceFile.decoding(DataFolder.readModel(model), name: model) } catch { throw Failure(diagnostics: [error]) }
            try run(source, emit: emit)
        }
    }

    // MARK: Reading columns

    /// Reads what a statement may need of lazily opened datasets, before it is bound.
    private func readColumns(for statement: Statement, source: SourceFile) throws(Diagnostic) {
        guard !lazy.isEmpty else { return }
        switch statement.kind {
        case .describe(let name):
            if let table = lazy[name.text] { try read(Set(table.columnNames), of: name.text) }
        case .show:
            for name in lazy.keys.sorted() { try read([], of: name) }
        case .load, .prompt:
            return
        default:
            var headers: [String: [String]] = [:]
            for name in catalog.datasetNames { headers[name] = catalog.datasets[name]?.columnNames }
            let demand = ColumnDemand(text: source.slice(statement.span), catalog: catalog, headers: headers)
            for (name, columns) in demand.columns.sorted(by: { $0.key < $1.key }) { try read(columns, of: name) }
        }
    }

    /// A dataset with every column read, for copying it elsewhere; nil when none has that name.
    public func wholeDataset(named name: String) throws(Diagnostic) -> Dataset? {
        if let table = lazy[name] { try read(Set(table.columnNames), of: name) }
        return datasets[name]
    }

    private func read(_ columns: Set<String>, of name: String) throws(Diagnostic) {
        guard let table = lazy[name] else { return }
        try table.read(columns, isCancelled: isCancelled)
        publish(table)
    }

    /// Makes `file` the dataset `name`, read column by column as statements need them (replacing
    /// any dataset of that name, and the relation mappings that may have pointed into it).
    private func openLazily(_ name: String, _ file: CSVFile) {
        let table = LazyDataset(name: name, file: file)
        datasets[name] = nil
        lazy[name] = table
        mappings.removeAll()
        publish(table)
    }

    /// Shows engines and the binder the columns of a lazily read dataset read so far (and all its names).
    private func publish(_ table: LazyDataset) {
        let dataset = table.dataset
        datasets[table.name] = dataset
        catalog.addDataset(DatasetSchema(dataset, columnNames: table.columnNames))
    }

    /// Paths in a script are relative to the script's folder; elsewhere to the working directory.
    private func resolve(_ path: String, relativeTo source: SourceFile) -> String {
        guard !path.hasPrefix("/"), let name = source.name, name.contains("/") else { return path }
        return (name as NSString).deletingLastPathComponent + "/" + path
    }
}

/// The session's datasets as an engine sees them.
struct LoadedData: DataSource {
    let datasets: [String: Dataset]
    func dataset(named name: String) throws(Diagnostic) -> Dataset {
        guard let d = datasets[name] else { throw Diagnostic("no dataset '\(name)' is loaded") }
        return d
    }
}
