// Runs bound queries on PostgreSQL: compile, print with bound values, run, read back as the native engine returns them.

import TallyData
import TallyDiagnostics
import TallySQL
import TallySemantics

/// The SQL engine: the same bound queries as the native engine, the same result tables.
public struct PostgresEngine: QueryEngine {
    let connection: PostgresConnection
    let tables: SQLTableMap
    let schemas: [String: DatasetSchema]

    public init(connection: PostgresConnection, tables: SQLTableMap, schemas: [String: DatasetSchema]) {
        self.connection = connection
        self.tables = tables
        self.schemas = schemas
    }

    public func run(_ query: BoundQuery) throws(Diagnostic) -> ResultTable {
        try checkKeys(of: query)
        let statement = try SQLCompiler(query: query, tables: tables, schemas: schemas, dialect: .postgres).compile()
        let (text, parameters) = SQLPrinter.print(statement, dialect: .postgres, values: .bound)
        let rows = try connection.query(text, parameters: parameters)
        return try PostgresResult.table(rows, query: query)
    }
}

extension PostgresEngine {
    /// A join on a key that repeats would count a row twice; the native engine refuses such a
    /// relation, and so does this one, before running the query.
    private func checkKeys(of query: BoundQuery) throws(Diagnostic) {
        var relations: [Relation] = []
        for a in query.aggregates {
            for e in [a.value, a.filter, a.queryFilter].compactMap({ $0 }) + a.dimensions {
                Self.collect(e, into: &relations)
            }
        }
        for r in relations {
            let key = SQLExpr.column(table: "t", name: .user(r.toColumn))
            let repeats = SQLExpr.binary(
                .subtract, .aggregate(SQLAggregate(function: .count, argument: key)),
                .aggregate(SQLAggregate(function: .countDistinct, argument: key)))
            let select = SQLSelect(items: [SQLSelectItem(repeats, as: .own("repeats"))], from: .table(tables.table(for: r.toDataset), alias: "t"))
            let (text, parameters) = SQLPrinter.print(SQLStatement(ctes: [], body: select), dialect: .postgres, values: .bound)
            let rows = try connection.query(text, parameters: parameters)
            if let value = rows.rows.first?.first ?? nil, value != "0" {
                throw Diagnostic(
                    "\(r.toDataset).\(r.toColumn) holds a value more than once, so \(r.fromDataset).\(r.fromColumn) cannot point at one row",
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
    static func table(_ rows: PostgresRows, query: BoundQuery) throws(Diagnostic) -> ResultTable {
        let columns =
            query.dimensions.map { d -> ResultColumn in
                if case .time = d.kind { return ResultColumn(name: d.name, role: .dimension(time: true)) }
                return ResultColumn(name: d.name, role: .dimension(time: false))
            } + query.items.map { ResultColumn(name: $0.name, role: .measure(unit: $0.unit)) }
        guard rows.columns.count == columns.count else {
            throw Diagnostic("PostgreSQL returned \(rows.columns.count) columns where \(columns.count) were expected")
        }
        let dimensions = query.dimensions.count
        var table: [[Value]] = []
        table.reserveCapacity(rows.rows.count)
        for row in rows.rows {
            var values: [Value] = []
            values.reserveCapacity(row.count)
            for (i, text) in row.enumerated() {
                guard let text else {
                    values.append(.null)
                    continue
                }
                values.append(i < dimensions ? try dimensionValue(text, type: rows.columns[i].type) : measure(text))
            }
            table.append(values)
        }
        return ResultTable(columns: columns, rows: table)
    }

    /// Non-finite numbers are null, and -0 is 0, as in the native engine.
    private static func measure(_ text: String) -> Value {
        guard let d = Double(text), d.isFinite else { return .null }
        return .number(d == 0 ? 0 : d)
    }

    private static func dimensionValue(_ text: String, type: UInt32) throws(Diagnostic) -> Value {
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
