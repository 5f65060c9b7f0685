// Running on PostgreSQL: `connect`, `use table`, and `sql` to show what would run.

import TallyData
import TallyDiagnostics
import TallyPlan
import TallyPostgres
import TallySQL
import TallySemantics
import TallySyntax

/// A connected database and the table that holds each dataset.
struct DatabaseLink {
    let connection: PostgresConnection
    var tables: SQLTableMap

    func engine(schemas: [String: DatasetSchema], isCancelled: @escaping @Sendable () -> Bool) -> PostgresEngine {
        PostgresEngine(connection: connection, tables: tables, schemas: schemas, isCancelled: isCancelled)
    }
}

extension Session {
    /// Connects to PostgreSQL; from now on queries run there. Every table of the connection's
    /// current schema becomes a dataset of its name (the canonical names need no mapping).
    public func connect(to target: String) throws(Diagnostic) -> String {
        let connection = try PostgresConnection(target)
        let found = try PostgresCatalog.tables(connection)
        var tables = SQLTableMap()
        for (table, schema) in found {
            tables.mapped[schema.name] = table
            addSchema(schema)
        }
        database = DatabaseLink(connection: connection, tables: tables)
        let names = found.map(\.1.name)
        let listing = names.isEmpty ? "no tables yet" : "\(names.count) tables (\(names.joined(separator: ", ")))"
        return "connected to \(connection.description): \(listing)"
    }

    /// `connection lost; reconnected`, when the database connection was made again since last told.
    func tellReconnection(_ emit: (Output) -> Void) {
        if database?.connection.takeReconnection() == true { emit(.text("connection lost; reconnected")) }
    }

    func connect(_ c: Connect) throws(Diagnostic) -> String {
        do {
            return try connect(to: c.target)
        } catch {
            var d = error
            d.span = c.targetSpan
            throw d
        }
    }

    /// `use table crm.customers as customers`.
    func useTable(_ use: UseTable) throws(Diagnostic) -> String {
        guard var link = database else {
            throw Diagnostic(
                "`use table` needs a database", at: use.table.span,
                help: "connect first: connect \"postgresql://localhost/crm\", or start tally with --db")
        }
        let written = (use.schema.map { $0.text + "." } ?? "") + use.table.text
        guard let (table, schema) = try PostgresCatalog.table(
            link.connection, schema: use.schema?.text, name: use.table.text, as: use.dataset.text)
        else {
            throw Diagnostic("the database has no table \(written)", at: use.table.span)
        }
        link.tables.mapped[use.dataset.text] = table
        database = link
        addSchema(schema)
        return "dataset \(use.dataset.text) is table \(written): \(schema.columns.count) columns"
    }

    /// `describe DATASET` for a table of the connected database: its columns and types as the
    /// catalog gives them, nulls counted there; nil when the dataset is not in the database.
    func describeInDatabase(_ name: String) throws(Diagnostic) -> ResultTable? {
        guard let link = database, let table = link.tables.mapped[name], let schema = catalog.datasets[name] else { return nil }
        let nulls = try PostgresCatalog.nullCounts(link.connection, table: table, columns: schema.columns.map(\.name))
        let columns = zip(schema.columns, nulls).map { (name: $0.name, type: $0.type.rawValue, nulls: $1) }
        return Introspection(catalog: catalog, datasets: [:]).describe(name, columns: columns)
    }

    /// `sql QUERY`: the statement the query runs as on PostgreSQL, with its values written in.
    func sql(_ query: Query, source: SourceFile) throws(Diagnostic) -> String {
        try sql(query, source: source, dialect: .postgres)
    }

    /// The SQL of a query for a dialect, laid out for reading, values written as literals.
    public func sql(_ query: Query, source: SourceFile, dialect: SQLDialect) throws(Diagnostic) -> String {
        let (plan, axis) = try planned(query, source: source)
        let compiler = SQLCompiler(plan: plan, tables: database?.tables ?? SQLTableMap(), schemas: catalog.datasets, dialect: dialect)
        var statement = SQLResultCompiler(compiler, axis: axis)
        return SQLPrinter.print(statement.compile(), dialect: dialect, values: .inline).text + ";\n"
    }

    /// `explain plan QUERY`: the plan the query runs as, over its time axis.
    func explainPlan(_ query: Query, source: SourceFile) throws(Diagnostic) -> String {
        let (plan, axis) = try planned(query, source: source)
        return PlanPrinter.print(plan, axis: axis)
    }

    /// A query's plan and its time axis, an open range closed by the data at hand (the slots reach
    /// SQL as data).
    private func planned(_ query: Query, source: SourceFile) throws(Diagnostic) -> (QueryPlan, TimeAxis) {
        let plan = QueryPlan(try Binder(catalog: catalog, today: today).bind(resolvingParameters(query), source: source))
        return (plan, try plan.axis(engine.execution(for: plan)))
    }
}

extension Session {
    /// Copies every loaded dataset into a table of its name (`tally export`).
    public func export(to target: String, schema: String?, replace: Bool) throws(Diagnostic) -> String {
        let connection = try PostgresConnection(target)
        var loaded: [Dataset] = []
        for name in datasetNames {
            if let dataset = try wholeDataset(named: name) { loaded.append(dataset) }
        }
        try PostgresExport.export(loaded, to: connection, schema: schema, replace: replace)
        return loaded.map { "exported \($0.name): \($0.rowCount) rows" }.joined(separator: "\n")
    }
}
