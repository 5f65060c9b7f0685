// Aggregates (DESIGN §3): exact integer and decimal sums, overflow, count_distinct, percentiles, min/max, metric arithmetic.

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

    @Test func decimalSumsAreExact() throws {
        // 0.1 + 0.2 in binary floating point is 0.30000000000000004; as cents it is 30, shown 0.3.
        let small = table("m", ["x": .decimal([10, 20], scale: 2)])
        #expect(try Fixture(small).value("sum(m.x)") == n(0.3))
        #expect(try Fixture(small).value("avg(m.x)") == n(0.15))
        // Signs cancel exactly: -0.10 + 0.30 = 0.2.
        let signed = table("m", ["x": .decimal([-10, 30], scale: 2)])
        #expect(try Fixture(signed).value("sum(m.x)") == n(0.2))
    }

    @Test func tenMillionCentsSumToExactlyOneHundredThousand() throws {
        // Adding 0.01 ten million times as doubles drifts (to about 100000.00000133288); 10^7 cents is exactly 10^5.
        let cents = table("m", ["x": .decimal(Array(repeating: 1, count: 10_000_000), scale: 2)])
        #expect(try Fixture(cents).value("sum(m.x)") == n(100_000))
    }

    @Test func emptySumsAreZeroAndEmptyAveragesNull() throws {
        let m = table("m", ["x": .integer([1, 2])])
        #expect(try Fixture(m).rows("sum(m.x where x > 5) as s, avg(m.x where x > 5) as a, avg(m.x) as b") == [[n(0), .null, n(1.5)]])
    }
}

@Suite struct EngineDistinctTests {
    @Test func countDistinctIgnoresNullsForEveryType() throws {
        let m = table(
            "m",
            [
                // a, b, a, —, b, c → 3
                "word": .text(codes: [0, 1, 0, nullCode, 1, 2], dictionary: ["a", "b", "c"]),
                // 1, 2, 2, —, 3, 1 → 3
                "num": .integer([1, 2, 2, nullInt, 3, 1]),
                // Jan 1 ×2, —, Feb 1, Jan 1, — → 2
                "day": .date([day(2024, 1, 1), day(2024, 1, 1), nullDay, day(2024, 2, 1), day(2024, 1, 1), nullDay]),
                // 1.50, 1.50, 2.00, —, 2.00, 0.01 → 3
                "price": .decimal([150, 150, 200, nullInt, 200, 1], scale: 2),
                // true, false, —, true, false, true → 2
                "flag": .boolean([1, 0, nullBool, 1, 0, 1]),
            ])
        #expect(
            try Fixture(m).rows(
                """
                count_distinct(m.word) as w, count_distinct(m.num) as i, count_distinct(m.day) as d,
                  count_distinct(m.price) as p, count_distinct(m.flag) as b
                """) == [[n(3), n(3), n(2), n(3), n(2)]])
    }

    @Test func countDistinctIsPerCell() throws {
        // Customer 1 buys in January and February: one distinct customer in each month, two overall.
        let orders = table(
            "orders",
            [
                "date": .date([day(2024, 1, 3), day(2024, 1, 9), day(2024, 2, 2), day(2024, 2, 5)]),
                "customer_id": .integer([1, 1, 1, 2]),
            ])
        let f = Fixture(orders, anchors: ["orders": "date"])
        #expect(try f.rows("count_distinct(orders.customer_id) as c by month") == [[t("2024-01"), n(1)], [t("2024-02"), n(2)]])
        #expect(try f.value("count_distinct(orders.customer_id)") == n(2))
    }

    @Test func countDistinctWithAFilter() throws {
        // Distinct words among rows with x > 1: b, a → 2.
        let m = table(
            "m", ["word": .text(codes: [0, 1, 0, 0], dictionary: ["a", "b"]), "x": .integer([1, 2, 3, 4])])
        #expect(try Fixture(m).value("count_distinct(m.word where x > 1)") == n(2))
    }
}

@Suite struct EnginePercentileTests {
    @Test(arguments: [
        // odd count: the middle value
        ([3, 1, 2], 2.0),
        // even count: the mean of the two middle values
        ([4, 1, 3, 2], 2.5),
        // nulls are ignored: median of 1, 3
        ([1, nullInt, 3], 2.0),
        ([7], 7.0),
        ([-5, nullInt, 5, 10, -10], 0.0),
    ] as [([Int64], Double)])
    func median(_ values: [Int64], _ expected: Double) throws {
        let m = table("m", ["x": .integer(values)])
        #expect(try Fixture(m).value("median(m.x)") == n(expected))
    }

    @Test func medianOfOnlyNullsIsNull() throws {
        let m = table("m", ["x": .integer([nullInt, nullInt])])
        #expect(try Fixture(m).value("median(m.x)") == .null)
    }

    @Test(arguments: [
        // Continuous percentile over 1, 2, 3, 4 (position p × 3, interpolated):
        ("0", 1.0), ("1", 4.0), ("0.5", 2.5),
        ("0.25", 1.75),  // position 0.75: 1 + 0.75
        ("0.75", 3.25),  // position 2.25: 3 + 0.25
    ] as [(String, Double)])
    func percentileInterpolates(_ p: String, _ expected: Double) throws {
        // Unsorted, with a null that must be skipped.
        let m = table("m", ["x": .integer([4, nullInt, 2, 1, 3])])
        #expect(try Fixture(m).value("percentile(m.x, \(p))") == n(expected))
    }

    @Test func percentileOfDecimals() throws {
        // 0.10, 0.20, 0.40: the median is the middle value 0.2 exactly.
        let m = table("m", ["x": .decimal([40, 10, 20], scale: 2)])
        #expect(try Fixture(m).value("median(m.x)") == n(0.2))
    }

    @Test func percentileIsPerCell() throws {
        // a: 1, 2, 3 → median 2; b: 10, 20 → 15; c has only a null → null.
        let m = table(
            "m",
            [
                "g": .text(codes: [0, 1, 0, 1, 0, 2], dictionary: ["a", "b", "c"]),
                "x": .integer([1, 10, 3, 20, 2, nullInt]),
            ])
        #expect(
            try Fixture(m).rows("median(m.x) as med by g") == [[t("a"), n(2)], [t("b"), n(15)], [t("c"), .null]])
    }

    @Test func percentileOutsideZeroToOneIsAnError() throws {
        let m = table("m", ["x": .integer([1])])
        #expect(Fixture(m).failure("percentile(m.x, 1.5)") != nil)
    }
}

@Suite struct EngineMinMaxTests {
    @Test func minAndMaxSkipNulls() throws {
        let m = table(
            "m",
            [
                "i": .integer([nullInt, -3, 7, nullInt, 2]),
                "p": .decimal([1999, nullInt, 10, 250, nullInt], scale: 2),
            ])
        // i: -3..7; p: 0.10..19.99.
        #expect(try Fixture(m).rows("min(m.i) as a, max(m.i) as b, min(m.p) as c, max(m.p) as d") == [[n(-3), n(7), n(0.1), n(19.99)]])
    }

    @Test func minAndMaxOfNothingAreNull() throws {
        let m = table("m", ["i": .integer([1, 2])])
        #expect(try Fixture(m).rows("min(m.i where i > 2) as a, max(m.i where i > 2) as b") == [[.null, .null]])
    }
}

@Suite struct EngineMetricArithmeticTests {
    /// g: a a a b; x: 1 2 3 0
    static let m = table(
        "m", ["g": .text(codes: [0, 0, 0, 1], dictionary: ["a", "b"]), "x": .integer([1, 2, 3, 0])])
    let f = Fixture(m)

    @Test func constantsInMetricExpressions() throws {
        // 100 × (rows with x > 1) / rows: 100 × 2 / 4 = 50. Left to right: (100 × 2) / 4.
        #expect(try f.value("100 * count(m where x > 1) / count(m)") == n(50))
        // 100 × 1 / 3 evaluated as doubles.
        #expect(try f.value("100 * count(m where x = 1) / count(m where x > 0)") == n(100.0 * 1.0 / 3.0))
        // Precedence: 1 + 2 × 4 = 9, and (1 + 2) × 4 = 12.
        #expect(try f.value("1 + 2 * count(m)") == n(9))
        #expect(try f.value("(1 + 2) * count(m)") == n(12))
        #expect(try f.value("-sum(m.x) + 10") == n(4))
    }

    @Test func divisionByZeroIsNull() throws {
        // In group b the only x is 0: sum 0 / count 1 = 0, but count(x > 0) is 0 → null, never inf or NaN.
        #expect(
            try f.rows("sum(m.x) / count(m where x > 0) as r, count(m) / sum(m.x) as q by g")
                == [[t("a"), n(2), n(0.5)], [t("b"), .null, .null]])
        // 0 / 0 too.
        #expect(try f.value("count(m where x > 9) / count(m where x > 9)") == .null)
    }

    @Test func negativeZeroIsShownAsZero() throws {
        // -(0) must not print as -0.
        let v = try f.value("-sum(m.x where x > 9)")
        #expect(v == n(0))
        if case .number(let x) = v { #expect(x.sign == .plus) }
    }

    @Test func nullPropagatesThroughArithmetic() throws {
        // avg over nothing is null; null + 1 is null, not 1.
        #expect(try f.value("avg(m.x where x > 9) + 1") == .null)
    }
}
