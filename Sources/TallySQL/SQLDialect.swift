// How each SQL engine spells what the tree holds: types, period labels, parameters.

import TallyData

/// The SQL engines Tally prints for, each run for real: PostgreSQL by Tally itself, DuckDB by the
/// parity tests. Both print the same tree.
public enum SQLDialect: String, Sendable, CaseIterable {
    case postgres, duckdb

    func type(_ t: SQLType) -> String {
        switch (self, t) {
        case (.postgres, .double): "DOUBLE PRECISION"
        case (_, .double): "DOUBLE"
        case (.postgres, .text): "TEXT"
        case (_, .text): "VARCHAR"
        case (_, .date): "DATE"
        case (_, .timestamp): "TIMESTAMP"
        case (.postgres, .numeric): "NUMERIC"
        case (_, .numeric): "DECIMAL(38, 10)"
        }
    }

    /// A placeholder for the n-th (1-based) bound value.
    func placeholder(_ n: Int) -> String {
        "$\(n)"
    }

    /// Whether text needs an explicit collation to compare by code point (PostgreSQL databases
    /// usually sort by the locale's rules; DuckDB compares bytes).
    var needsBinaryCollation: Bool { self == .postgres }

    /// A pattern for PostgreSQL's `to_char` / DuckDB's `strftime`, or nil where the dialect composes the label.
    func labelPattern(_ grain: Grain) -> String? {
        switch (self, grain) {
        case (.postgres, .day): "YYYY-MM-DD"
        case (.postgres, .week): "IYYY-\"W\"IW"
        case (.postgres, .month): "YYYY-MM"
        case (.postgres, .quarter): "YYYY-\"Q\"Q"
        case (.postgres, .year): "YYYY"
        case (.duckdb, .day): "%Y-%m-%d"
        case (.duckdb, .week): "%G-W%V"
        case (.duckdb, .month): "%Y-%m"
        case (.duckdb, .year): "%Y"
        default: nil
        }
    }
}
