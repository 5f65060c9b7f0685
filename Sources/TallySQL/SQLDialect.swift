// What an SQL engine can express and how it spells it: a capability table the compiler and the
// printer read. A dialect is one file declaring one table; no code asks which engine it is.

import TallyData

/// One SQL engine's spelling of what the tree holds. Each capability names what the engine can
/// express and how, or that it falls back to a portable form (noted per field). PostgreSQL and
/// DuckDB are run for real (PostgreSQL by Tally itself, DuckDB by the parity tests); a new engine
/// is a new file with its table and a driver.
public struct SQLDialect: Hashable, Sendable {
    /// How files and messages name it: `postgres`, `duckdb`.
    public let name: String
    /// Type names for casts.
    let doubleType: String
    let textType: String
    /// An exact decimal wide enough for any sum of money.
    let numericType: String
    /// Exact sums come back exact only when cast to the numeric type (PostgreSQL's SUM of a NUMERIC
    /// is exact already; a bigint's is NUMERIC; the cast names the result's type for the driver).
    /// Without it the engine's own sum type is exact (DuckDB's DECIMAL(38) and HUGEINT).
    let castsExactSums: Bool
    /// Bound values: `$1, $2` (numbered) or `?` (in order).
    let numberedPlaceholders: Bool
    /// Text compares by code point only with this collation (PostgreSQL compares by the locale's
    /// rules by default); nil where text already compares by its bytes.
    let binaryCollation: String?
    /// How a day is named by its period: a formatting function and its pattern per grain. A grain
    /// without a pattern falls back to the year's pattern, then "-Q" and the quarter.
    let labelFunction: LabelFunction
    /// A continuous percentile (linear interpolation).
    let percentile: Percentile
    /// Microseconds between two timestamps.
    let microseconds: Microseconds

    public struct LabelFunction: Hashable, Sendable {
        /// `to_char`, `strftime`: called as name(day, 'pattern').
        let name: String
        let patterns: [Grain: String]
    }

    public enum Percentile: Hashable, Sendable {
        /// The SQL standard's ordered-set aggregate: `percentile_cont(p) WITHIN GROUP (ORDER BY x)`.
        case withinGroup
        /// A function of the value and the fraction, over doubles: `quantile_cont(CAST(x AS DOUBLE), p)`
        /// (on a DECIMAL, DuckDB would interpolate in the column's scale; the native engine
        /// interpolates in double precision).
        case function(String)
    }

    public enum Microseconds: Hashable, Sendable {
        /// `EXTRACT(EPOCH FROM a - b) * 1000000`.
        case epochOfDifference
        /// `date_diff('microsecond', b, a)`.
        case dateDiff
    }

    /// Every dialect Tally prints for, as the snapshot tests walk them.
    public static let all: [SQLDialect] = [.postgres, .duckdb]

    func type(_ t: SQLType) -> String {
        switch t {
        case .double: doubleType
        case .text: textType
        case .date: "DATE"
        case .timestamp: "TIMESTAMP"
        case .numeric: numericType
        }
    }

    /// A placeholder for the n-th (1-based) bound value.
    func placeholder(_ n: Int) -> String {
        numberedPlaceholders ? "$\(n)" : "?"
    }
}
