// Numbers beyond the doubles' range: natively infinity shows as null (a row's arithmetic that
// overflows is null, a sum that overflows is null) and underflow gives 0. PostgreSQL raises an error
// there instead; the engine then runs the query again with exact arithmetic, to the same answers.

import Foundation
import Tally
import TallyData
import Testing

@Suite struct PostgresOverflowTests {
    static let queries: [(query: String, nullAt: [Int])] = [
        // Metric arithmetic overflows: null.
        ("revenue * 1e300 * 1e300", [0]),
        ("revenue / 1e-300 / 1e-100", [0]),
        // Underflow: 0, not an error.
        ("revenue * 1e-300 * 1e-300", []),
        // Rows whose product overflows are null and left out of the sum; the rest still add up.
        ("sum(orders.amount * 1e307)", []),
        // Every row fits, their sum does not: null, and so is their mean.
        ("sum(orders.amount * 1e306), avg(orders.amount * 1e306)", [0, 1]),
        ("cumulative(revenue * 1e306) by month", []),
        ("share(revenue * 1e306), rolling(revenue * 1e306, 2) by month", []),
    ]

    @Test func resultsBeyondTheDoublesRangeAreNullAsNatively() throws {
        guard ParityDatabase.url != nil else { return ParityDatabase.skipped("the overflow test") }
        FileManager.default.changeCurrentDirectoryPath(GoldenPaths.packageRoot.path)
        let pair = try ParityPair(schema: "overflow", today: CivilDate.parseDate("2024-06-15") ?? 0)
        try pair.open("Tests/GoldenTests/fixtures/small")
        for (query, nullAt) in Self.queries {
            let (n, p) = try pair.run(query)
            let native = try #require(n, "\(query) fails natively")
            let postgres = try #require(p, "\(query) fails on PostgreSQL")
            // Sums of doubles this large are added in NUMERIC on PostgreSQL's second run, and row by row
            // in doubles natively: the last digit may differ, so here alone numbers agree within 1e-9.
            let differences = ResultComparison.differences(native, postgres, tolerance: 1e-9)
            #expect(differences.isEmpty, "\(query)\n\(differences.prefix(5).joined(separator: "\n"))")
            guard case .table(let table, _) = postgres.first(where: { if case .table = $0 { true } else { false } }) else {
                Issue.record("\(query): no table")
                continue
            }
            for column in nullAt {
                #expect(table.rows.first?[column] == .null, "\(query): column \(column + 1) should be null on PostgreSQL")
            }
            if query.hasPrefix("revenue * 1e-300") { #expect(table.rows.first?.first == .number(0)) }
            if query.hasPrefix("sum(orders.amount * 1e307)") {
                // Only the rows of 0.10, 0.20, 5.55 and 10.00 stay below the largest double: 1.585e308.
                #expect(table.rows.first?.first.map { ResultComparison.agree($0, .number(1.585e308)) } == true)
            }
        }
    }
}
