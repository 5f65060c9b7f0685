// Statements that create and fill tables, for copying datasets into a database.

/// Table definitions and `COPY`, with every name quoted.
public enum SQLTableStatements {
    public static func createSchema(_ schema: String) -> String {
        "CREATE SCHEMA IF NOT EXISTS \(quote(schema))"
    }

    public static func dropTable(_ table: SQLTableName) -> String {
        "DROP TABLE IF EXISTS \(name(table))"
    }

    /// `columns` are names and their declared types (e.g. `BIGINT`).
    public static func createTable(_ table: SQLTableName, columns: [(name: String, type: String)]) -> String {
        let list = columns.map { "  \(quote($0.name)) \($0.type)" }.joined(separator: ",\n")
        return "CREATE TABLE \(name(table)) (\n\(list)\n)"
    }

    /// PostgreSQL's `COPY ... FROM STDIN` in CSV, where an unquoted empty field is null.
    public static func copyFromStandardInput(_ table: SQLTableName, columns: [String]) -> String {
        "COPY \(name(table)) (\(columns.map(quote).joined(separator: ", "))) FROM STDIN WITH (FORMAT csv)"
    }

    static func name(_ table: SQLTableName) -> String {
        (table.schema.map { quote($0) + "." } ?? "") + quote(table.name)
    }

    /// A double-quoted identifier: any text is safe inside.
    static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
