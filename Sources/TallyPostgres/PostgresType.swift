// PostgreSQL's type ids for the types Tally sends and reads, and their Tally column types.

import TallyData

/// Type ids (pg_type.oid) are fixed for built-in types.
enum PostgresType {
    static let bool: UInt32 = 16
    static let int8: UInt32 = 20
    static let int2: UInt32 = 21
    static let int4: UInt32 = 23
    static let text: UInt32 = 25
    static let float4: UInt32 = 700
    static let float8: UInt32 = 701
    static let varchar: UInt32 = 1043
    static let date: UInt32 = 1082
    static let timestamp: UInt32 = 1114
    static let timestamptz: UInt32 = 1184
    static let numeric: UInt32 = 1700

    /// A column type from information_schema's `data_type`.
    static func columnType(dataType: String) -> ColumnType {
        switch dataType {
        case "bigint", "integer", "smallint": .integer
        case "numeric", "double precision", "real": .decimal
        case "boolean": .boolean
        case "date": .date
        case "timestamp without time zone", "timestamp with time zone": .timestamp
        default: .text
        }
    }

    /// The column type a dataset's column is created with.
    static func declaration(_ type: ColumnType) -> String {
        switch type {
        case .integer: "BIGINT"
        case .decimal: "NUMERIC"
        case .boolean: "BOOLEAN"
        case .date: "DATE"
        case .timestamp: "TIMESTAMP"
        case .text: "TEXT"
        }
    }
}
