// Runs plans on PostgreSQL: the extent and the cells compiled, printed with bound values, run, and
// read back into the grid every engine's cells go through.

import TallyData
import TallyDiagnostics
import TallyPlan
import TallySQL
import TallySemantics

/// The SQL engine: the same bound queries as the native engine, the same result tables.
public struct PostgresEngine: PlanEngine {
    let connection: PostgresConnection
    let tables: SQLTableMap
    let schemas: [String: DatasetSchema]
    /// Asked while a statement runs (the server is asked to stop it) and while the cells are evaluated.
    let isCancelled: @Sendable () -> Bool

    public init(
        connection: PostgresConnection, tables: SQLTableMap, schemas: [String: DatasetSchema],
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) {
        self.connection = connection
        self.tables = tables
        self.schemas = schemas
        self.isCancelled = isCancelled
    }

    public func run(_ query: BoundQuery) throws(Diagnostic) -> ResultTable {
        try checkKeys(of: query)
        let plan = QueryPlan(query)
        return try plan.run(execution(for: plan), cancellation: Cancellation(isCancelled: isCancelled))
    }

    /// The plan's two steps on the database: its extent, then its cells.
    public func execution(for plan: QueryPlan) -> any PlanExecution {
        PostgresExecution(engine: self, compiler: SQLCompiler(plan: plan, tables: tables, schemas: schemas, dialect: .postgres))
    }
}

struct PostgresExecution: PlanExecution {
    let engine: PostgresEngine
    let compiler: SQLCompiler

    func extent() throws(Diagnostic) -> DayExtent? {
        let (text, parameters) = SQLPrinter.print(compiler.extent(), dialect: .postgres, values: .bound)
        let rows = try engine.connection.query(text, parameters: parameters, isCancelled: engine.isCancelled)
        guard let row = rows.rows.first, row.count == 2, let first = row[0].flatMap(CivilDate.parseDate),
            let last = row[1].flatMap(CivilDate.parseDate)
        else { return nil }
        return DayExtent(first: first, last: last)
    }

    func cells(over axis: TimeAxis) throws(Diagnostic) -> CellGrid {
        var compiler = self.compiler
        do {
            return try cells(compiler, axis)
        } catch {
            // PostgreSQL stops at a sum of doubles that overflows; the native engine shows null
            // there. Rare, so only then is the statement run again with sums added exactly.
            guard engine.connection.lastErrorState == "22003" else { throw error }
            compiler.overflowSafe = true
            return try cells(compiler, axis)
        }
    }

    private func cells(_ compiler: SQLCompiler, _ axis: TimeAxis) throws(Diagnostic) -> CellGrid {
        let (text, parameters) = SQLPrinter.print(compiler.cells(over: axis), dialect: .postgres, values: .bound)
        let rows = try engine.connection.query(text, parameters: parameters, isCancelled: engine.isCancelled)
        let dimensions = compiler.plan.columnDimensionCount
        let computations = compiler.plan.computations.count
        var values: [[Value]] = []
        values.reserveCapacity(rows.rows.count)
        for row in rows.rows {
            var out: [Value] = []
            out.reserveCapacity(row.count)
            for (i, text) in row.enumerated() {
                guard let text else {
                    out.append(.null)
                    continue
                }
                let type = rows.columns[i].type
                if i < dimensions {
                    out.append(try PostgresResult.dimensionValue(text, type: type))
                } else if i == dimensions {
                    out.append(Int64(text).map(Value.integer) ?? .null)
                } else if i <= dimensions + computations {
                    out.append(PostgresResult.measure(text, type: type))
                } else {
                    out.append(.bool(text == "t"))
                }
            }
            values.append(out)
        }
        return try SQLCells.grid(values, plan: compiler.plan, axis: axis)
    }
}

extension PostgresEngine {
    /// A join on a key that repeats would count a row twice; the native engine refuses such a
    /// relation, and so does this one, before running the query, with the native message. When
    /// several values repeat, the one named is the least (natively, the first met in row order,
    /// which a table does not have).
    private func checkKeys(of query: BoundQuery) throws(Diagnostic) {
        var relations: [Relation] = []
        for a in query.aggregates {
            for e in [a.value, a.filter, a.queryFilter].compactMap({ $0 }) + a.dimensions {
                Self.collect(e, into: &relations)
            }
        }
        for r in relations {
            let key = SQLExpr.column(table: "t", name: .user(r.toColumn))
            var counts = SQLSelect(
                items: [
                    SQLSelectItem(key, as: .own("k")),
                    SQLSelectItem(.aggregate(SQLAggregate(function: .count, argument: nil)), as: .own("n")),
                ], from: .table(tables.table(for: r.toDataset), alias: "t"))
            counts.filter = .isNull(key, negated: true)
            counts.groupBy = [key]
            var repeated = SQLSelect(items: [SQLSelectItem(.column(table: "c", name: .own("k")))], from: .subquery(counts, alias: "c"))
            repeated.filter = .binary(.greater, .column(table: "c", name: .own("n")), .integer(1))
            let text = schemas[r.toDataset]?.column(r.toColumn)?.type == .text
            let k = SQLExpr.column(table: "c", name: .own("k"))
            repeated.orderBy = [SQLOrderItem(expr: text ? .binaryCollation(k) : k)]
            repeated.limit = 1
            let (sql, parameters) = SQLPrinter.print(SQLStatement(ctes: [], body: repeated), dialect: .postgres, values: .bound)
            let rows = try connection.query(sql, parameters: parameters, isCancelled: isCancelled)
            if let value = rows.rows.first?.first ?? nil {
                let shown = PostgresResult.keyText(value, type: rows.columns.first?.type ?? PostgresType.text)
                throw Diagnostic(
                    "\(r.toDataset).\(r.toColumn) holds the value \(shown) more than once, so \(r.fromDataset).\(r.fromColumn) cannot point at one row",
                    help: "a relation needs a key that is unique in \(r.toDataset)")
            }
        }
    }

    private static func collect(_ e: RowExpr, into relations: inout [Relation]) {
        switch e {
        case .column(let c):
            if let r = c.via, !relations.contains(r) { relations.append(r) }
        case .literal: break
        case .negate(let x), .not(let x), .isNull(let x, _), .call(_, let x), .inList(let x, _, _):
            collect(x, into: &relations)
        case .arithmetic(_, let l, let r), .compare(_, let l, let r), .logical(_, let l, let r):
            collect(l, into: &relations)
            collect(r, into: &relations)
        }
    }
}

/// Reads rows into a result table typed as the native engine types it.
enum PostgresResult {
    /// A key value as the native engine writes it in messages: decimals without trailing zeros,
    /// timestamps in ISO form, booleans as words.
    static func keyText(_ text: String, type: UInt32) -> String {
        switch type {
        case PostgresType.numeric where text.contains("."):
            var t = Substring(text)
            while t.hasSuffix("0") { t = t.dropLast() }
            if t.hasSuffix(".") { t = t.dropLast() }
            return String(t)
        case PostgresType.timestamp, PostgresType.timestamptz:
            return CivilDate.parseTimestamp(text).map(CivilDate.formatTimestamp) ?? text
        case PostgresType.bool:
            return text == "t" ? "true" : "false"
        default:
            return text
        }
    }

    /// Exact numbers (NUMERIC, integers) as exact values, digit for digit; floating point ones with
    /// non-finite numbers null and -0 as 0, as in the native engine.
    static func measure(_ text: String, type: UInt32) -> Value {
        switch type {
        case PostgresType.numeric, PostgresType.int8, PostgresType.int4, PostgresType.int2:
            if let exact = Value(exactDigits: text) { return exact }
        default:
            break
        }
        guard let d = Double(text), d.isFinite else { return .null }
        return .number(d == 0 ? 0 : d)
    }

    static func dimensionValue(_ text: String, type: UInt32) throws(Diagnostic) -> Value {
        switch type {
        case PostgresType.int8, PostgresType.int4, PostgresType.int2:
            if let i = Int64(text) { return .integer(i) }
        case PostgresType.numeric, PostgresType.float8, PostgresType.float4:
            if let d = Double(text) { return d.isFinite ? .number(d == 0 ? 0 : d) : .null }
        case PostgresType.bool:
            return .bool(text == "t")
        case PostgresType.date:
            if let d = CivilDate.parseDate(text) { return .date(d) }
        case PostgresType.timestamp, PostgresType.timestamptz:
            if let t = CivilDate.parseTimestamp(text) { return .timestamp(t) }
        default:
            return .text(text)
        }
        throw Diagnostic("cannot read '\(text)' from PostgreSQL as a value of type \(type)")
    }
}
