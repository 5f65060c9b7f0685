// PostgreSQL's capability table.

extension SQLDialect {
    public static let postgres = SQLDialect(
        name: "postgres",
        doubleType: "DOUBLE PRECISION",
        textType: "TEXT",
        numericType: "NUMERIC",
        castsExactSums: true,
        numberedPlaceholders: true,
        binaryCollation: "\"C\"",
        labelFunction: LabelFunction(
            name: "to_char",
            patterns: [.day: "YYYY-MM-DD", .week: "IYYY-\"W\"IW", .month: "YYYY-MM", .quarter: "YYYY-\"Q\"Q", .year: "YYYY"]),
        percentile: .withinGroup,
        microseconds: .epochOfDifference)
}
