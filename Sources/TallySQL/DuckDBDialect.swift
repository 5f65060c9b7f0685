// DuckDB's capability table.

extension SQLDialect {
    /// `strftime` has no quarter: a quarter's label falls back to the year and "-Q" and `quarter()`.
    public static let duckdb = SQLDialect(
        name: "duckdb",
        doubleType: "DOUBLE",
        textType: "VARCHAR",
        numericType: "DECIMAL(38, 10)",
        castsExactSums: false,
        numberedPlaceholders: true,
        binaryCollation: nil,
        labelFunction: LabelFunction(
            name: "strftime", patterns: [.day: "%Y-%m-%d", .week: "%G-W%V", .month: "%Y-%m", .year: "%Y"]),
        percentile: .function("quantile_cont"),
        microseconds: .dateDiff)
}
