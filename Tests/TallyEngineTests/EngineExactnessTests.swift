// Metric values stay exact through counts, sums and the arithmetic between them; the engine
// stops inside a long aggregate when cancelled.

import Synchronization
import TallyData
import TallyDiagnostics
import TallyEngine
import Foundation
import Testing

@Suite struct EngineExactnessTests {
    /// Order amounts in cents: 100.10 in December, 70.30 in January, so the change is -29.80.
    let f = Fixture(
        table("orders", [
            "date": .date([day(2023, 12, 5), day(2024, 1, 9)]),
            "amount": .decimal([10_010, 7_030], scale: 2),
            "n": .integer([1 << 53, 3]),
        ]), anchors: ["orders": "date"])

    @Test func countsAreIntegersAndMoneyIsADecimal() throws {
        let rows = try f.run("count(orders) as c, sum(orders.amount) as s by month").rows
        #expect(
            rows == [
                [month(2023, 12), .integer(1), .decimal(10_010, scale: 2)],
                [month(2024, 1), .integer(1), .decimal(7_030, scale: 2)],
            ])
    }

    @Test func differencesOfMoneyAreExact() throws {
        // As doubles, 70.3 - 100.1 is -29.799999999999997. December's previous month is empty: 0.
        let rows = try f.run("sum(orders.amount) - previous(sum(orders.amount)) as change by month").rows
        #expect(rows.map(\.last) == [.decimal(10_010, scale: 2), .decimal(-2_980, scale: 2)])
        #expect(70.3 - 100.1 != -29.8)
    }

    @Test func wholeNumbersBeyondTwoToTheFiftyThreeKeepEveryDigit() throws {
        // 2^53 + 3 has no double: it would print as 9007199254740996.
        #expect(try f.run("sum(orders.n) as s").rows == [[.integer(9_007_199_254_740_995)]])
        #expect(try f.run("sum(orders.n) + 1 as s").rows == [[.integer(9_007_199_254_740_996)]])
        #expect(try f.run("cumulative(sum(orders.n)) as s by month").rows.map(\.last) == [.integer(1 << 53), .integer(9_007_199_254_740_995)])
    }

    @Test func productsAddTheirScalesAndConstantsKeepTheirDigits() throws {
        // 170.40 × 0.3 = 51.120 exactly; × 2 stays at scale 2.
        #expect(try f.run("sum(orders.amount) * 0.3 as x").rows == [[.decimal(51_120, scale: 3)]])
        #expect(try f.run("2 * sum(orders.amount) as x").rows == [[.decimal(34_080, scale: 2)]])
        #expect(try f.run("-sum(orders.amount) as x").rows == [[.decimal(-17_040, scale: 2)]])
    }

    @Test func divisionAveragesAndOverflowAreFloatingPoint() throws {
        #expect(try f.run("sum(orders.amount) / 2 as x").rows == [[.number(85.2)]])
        #expect(try f.run("avg(orders.amount) as x").rows == [[.number(85.2)]])
        // (2^53 + 3)^2 is past 64 bits: the product continues in floating point rather than wrapping.
        let square = 9_007_199_254_740_995.0 * 9_007_199_254_740_995.0
        #expect(try f.run("sum(orders.n) * sum(orders.n) as x").rows == [[.number(square)]])
    }

    @Test func extremesOfExactColumnsAreExact() throws {
        #expect(try f.run("min(orders.amount) as lo, max(orders.n) as hi").rows == [[.decimal(7_030, scale: 2), .integer(1 << 53)]])
    }

    @Test func cancellingStopsInsideOneLongAggregate() throws {
        // One aggregate over 500,000 rows: the engine asks a few times between steps, and once
        // per block of rows inside the aggregate. Answering yes on the fifth question must stop it:
        // each worker sharing the rows asks at most once more, then the aggregate once, well short
        // of the questions a whole run asks.
        let rows = 500_000
        let big = Fixture(table("m", ["x": .integer(Array(repeating: 1, count: rows))]))
        let whole = Atomic<Int>(0)
        #expect(try big.run("sum(m.x) as s") { whole.add(1, ordering: .relaxed).newValue < 0 }.rows == [[.integer(Int64(rows))]])
        let asked = Atomic<Int>(0)
        let error = #expect(throws: Diagnostic.self) {
            try big.run("sum(m.x) as s") { asked.add(1, ordering: .relaxed).newValue >= 5 }
        }
        #expect(error?.message == "cancelled")
        let workers = ProcessInfo.processInfo.activeProcessorCount
        #expect(asked.load(ordering: .relaxed) <= 5 + workers + 1)
        #expect(asked.load(ordering: .relaxed) < whole.load(ordering: .relaxed))
    }
}
