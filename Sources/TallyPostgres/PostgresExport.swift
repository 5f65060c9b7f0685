// Copies datasets into PostgreSQL tables of the canonical names, with COPY.

import TallyData
import TallyDiagnostics
import TallySQL

/// Creates a table per dataset, its columns typed as Tally inferred them, and copies the rows in.
/// Values are written from the loaded columns (timestamps already in UTC), so the database
/// holds exactly what the native engine reads.
public enum PostgresExport {
    /// Creates `schema` if needed; an existing table of the same name is an error unless `replace`.
    public static func export(
        _ datasets: [Dataset], to connection: PostgresConnection, schema: String?, replace: Bool
    ) throws(Diagnostic) {
        try connection.execute("BEGIN")
        do {
            if let schema { try connection.execute(SQLTableStatements.createSchema(schema)) }
            for dataset in datasets {
                let table = SQLTableName(schema: schema, name: dataset.name)
                if replace { try connection.execute(SQLTableStatements.dropTable(table)) }
                let columns = dataset.columns.map { (name: $0.name, type: PostgresType.declaration($0.type)) }
                try connection.execute(SQLTableStatements.createTable(table, columns: columns))
                try connection.copy(
                    SQLTableStatements.copyFromStandardInput(table, columns: dataset.columns.map(\.name)),
                    chunks: CSVChunks(dataset: dataset))
            }
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }
}

/// A dataset's rows as CSV, in chunks of about a megabyte.
public struct CSVChunks: Sequence, IteratorProtocol {
    let dataset: Dataset
    private var row = 0

    public init(dataset: Dataset) { self.dataset = dataset }

    public mutating func next() -> [UInt8]? {
        guard row < dataset.rowCount else { return nil }
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 20)
        while row < dataset.rowCount, chunk.count < 1 << 20 {
            for (i, column) in dataset.columns.enumerated() {
                if i > 0 { chunk.append(UInt8(ascii: ",")) }
                chunk += Self.field(column.storage, row)
            }
            chunk.append(UInt8(ascii: "\n"))
            row += 1
        }
        return chunk
    }

    /// A field: empty for null; text always quoted, so an empty string stays a string.
    private static func field(_ storage: ColumnStorage, _ i: Int) -> [UInt8] {
        switch storage {
        case .integer(let v):
            return v[i] == NullSentinel.int64 ? [] : Array(String(v[i]).utf8)
        case .decimal(let v, let scale):
            return v[i] == NullSentinel.int64 ? [] : Array(SQLValue.decimalText(v[i], scale: scale).utf8)
        case .double(let v):
            return v[i].isNaN ? [] : Array(String(v[i]).utf8)
        case .boolean(let v):
            return v[i] == NullSentinel.boolean ? [] : Array((v[i] == 1 ? "true" : "false").utf8)
        case .date(let v):
            return v[i] == NullSentinel.int32 ? [] : Array(CivilDate.format(v[i]).utf8)
        case .timestamp(let v):
            return v[i] == NullSentinel.int64 ? [] : Array(CivilDate.formatTimestamp(v[i]).utf8)
        case .text(let codes, let dictionary):
            guard codes[i] >= 0 else { return [] }
            var out: [UInt8] = [UInt8(ascii: "\"")]
            for b in dictionary[Int(codes[i])].utf8 {
                if b == UInt8(ascii: "\"") { out.append(b) }
                out.append(b)
            }
            out.append(UInt8(ascii: "\""))
            return out
        }
    }
}
