// The datasets a database holds: tables and their column types, from information_schema.

import TallyData
import TallyDiagnostics
import TallySQL
import TallySemantics

/// Reads table schemas, so the binder can check names before anything runs.
public enum PostgresCatalog {
    /// Every table and view of the connection's current schema (the first of its search_path that exists).
    public static func tables(_ connection: PostgresConnection) throws(Diagnostic) -> [(SQLTableName, DatasetSchema)] {
        let rows = try connection.query(
            """
            SELECT table_schema, table_name, column_name, data_type
            FROM information_schema.columns
            WHERE table_schema = current_schema()
            ORDER BY table_name, ordinal_position
            """, parameters: [])
        return group(rows)
    }

    /// One table's schema, named as the dataset it holds; nil when there is no such table.
    public static func table(_ connection: PostgresConnection, schema: String?, name: String, as dataset: String)
        throws(Diagnostic) -> (SQLTableName, DatasetSchema)?
    {
        let rows = try connection.query(
            """
            SELECT table_schema, table_name, column_name, data_type
            FROM information_schema.columns
            WHERE table_schema = COALESCE(NULLIF($1, ''), current_schema()) AND table_name = $2
            ORDER BY ordinal_position
            """, parameters: [.text(schema ?? ""), .text(name)])
        guard let (table, found) = group(rows).first else { return nil }
        return (table, DatasetSchema(name: dataset, columns: found.columns))
    }

    /// How many nulls each column holds, in one pass over the table.
    public static func nullCounts(_ connection: PostgresConnection, table: SQLTableName, columns: [String]) throws(Diagnostic) -> [Int64] {
        guard !columns.isEmpty else { return [] }
        let items = columns.enumerated().map { i, name in
            SQLSelectItem(
                .binary(
                    .subtract, .aggregate(SQLAggregate(function: .count, argument: nil)),
                    .aggregate(SQLAggregate(function: .count, argument: .column(table: "t", name: .user(name))))),
                as: .own("n\(i)"))
        }
        let select = SQLSelect(items: items, from: .table(table, alias: "t"))
        let (text, parameters) = SQLPrinter.print(SQLStatement(ctes: [], body: select), dialect: .postgres, values: .bound)
        let rows = try connection.query(text, parameters: parameters)
        guard let row = rows.rows.first, row.count == columns.count else {
            throw Diagnostic("PostgreSQL returned no null counts for \(table.name)")
        }
        return row.map { $0.flatMap { Int64($0) } ?? 0 }
    }

    private static func group(_ rows: PostgresRows) -> [(SQLTableName, DatasetSchema)] {
        var tables: [(SQLTableName, [ColumnSchema])] = []
        for row in rows.rows {
            guard row.count == 4, let schema = row[0], let table = row[1], let column = row[2], let type = row[3] else { continue }
            let c = ColumnSchema(name: column, type: PostgresType.columnType(dataType: type))
            if let last = tables.last, last.0.schema == schema, last.0.name == table {
                tables[tables.count - 1].1.append(c)
            } else {
                tables.append((SQLTableName(schema: schema, name: table), [c]))
            }
        }
        return tables.map { ($0.0, DatasetSchema(name: $0.0.name, columns: $0.1)) }
    }
}
