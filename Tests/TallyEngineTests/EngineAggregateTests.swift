// Sums at the limits of the native engine's exact arithmetic: 64-bit overflow is an error, a large
// value per cell is not, and ten million cents add up exactly. What aggregates mean at their edges
// (empty sums and averages, count_distinct and nulls, median and percentile, min and max, metric
// arithmetic, division by zero) is in the golden cases (aggregates-edges.test), run on every engine.

import TallyData
import TallyDiagnostics
import Testing

@Suite struct EngineSumTests {
    @Test func integerOverflowIsAnErrorNotAWrongNumber() throws {
        // (Int64.max - 1) + 2 does not fit; wrapping would give a large negative number.
        let big = table("big", ["x": .integer([Int64.max - 1, 2])])
        let error = try #require(Fixture(big).failure("sum(big.x)"))
        #expect(error.message.contains("64-bit") || error.message.contains("overflow") || error.message.contains("range"))
        // The same towards the negative end (Int64.min itself is the null sentinel, so stop one short).
        let low = table("low", ["x": .integer([-Int64.max, -2])])
        #expect(Fixture(low).failure("sum(low.x)") != nil)
    }

    @Test func largeSumsInSeparateCellsDoNotOverflow() throws {
        // Each month sums one value, so nothing overflows; the result is the value as a Double.
        let big = table(
            "big", ["d": .date([day(2024, 1, 1), day(2024, 2, 1)]), "x": .integer([Int64.max - 1, 2])])
        #expect(
            try Fixture(big, anchors: ["big": "d"]).rows("sum(big.x) as s by month")
                == [[t("2024-01"), n(Double(Int64.max - 1))], [t("2024-02"), n(2)]])
    }

    @Test func tenMillionCentsSumToExactlyOneHundredThousand() throws {
        // Adding 0.01 ten million times as doubles drifts (to about 100000.00000133288); 10^7 cents is exactly 10^5.
        let cents = table("m", ["x": .decimal(Array(repeating: 1, count: 10_000_000), scale: 2)])
        #expect(try Fixture(cents).value("sum(m.x)") == n(100_000))
    }
}
