// Column dimensions (DESIGN §4): only combinations that occur, crossed with every period; values unified across datasets.

import TallyData
import TallyDiagnostics
import Testing

// MARK: Combinations of column dimensions

@Suite struct EngineCombinationTests {
    /// kind × channel: (new, web) Jan 5, (new, store) Jan 6, (recurring, web) Mar 1. (recurring, store) never occurs.
    static let sales = table(
        "sales",
        [
            "date": .date([day(2024, 1, 5), day(2024, 1, 6), day(2024, 3, 1)]),
            "kind": .text(codes: [0, 0, 1], dictionary: ["new", "recurring"]),
            "channel": .text(codes: [0, 1, 0], dictionary: ["web", "store"]),
            "amount": .integer([10, 20, 5]),
        ])
    let f = Fixture(sales, anchors: ["sales": "date"])

    @Test func onlyCombinationsThatOccurAreCrossedWithEveryPeriod() throws {
        // 3 combinations × 3 months (Jan..Mar), sorted by kind, channel, month.
        #expect(
            try f.rows("count(sales) as n by kind, channel, month") == [
                [t("new"), t("store"), t("2024-01"), n(1)],
                [t("new"), t("store"), t("2024-02"), n(0)],
                [t("new"), t("store"), t("2024-03"), n(0)],
                [t("new"), t("web"), t("2024-01"), n(1)],
                [t("new"), t("web"), t("2024-02"), n(0)],
                [t("new"), t("web"), t("2024-03"), n(0)],
                [t("recurring"), t("web"), t("2024-01"), n(0)],
                [t("recurring"), t("web"), t("2024-02"), n(0)],
                [t("recurring"), t("web"), t("2024-03"), n(1)],
            ])
    }

    @Test func rowsFollowTheDimensionsInTheOrderGiven() throws {
        #expect(
            try f.rows("sum(sales.amount) as s by month, kind") == [
                [t("2024-01"), t("new"), n(30)],
                [t("2024-01"), t("recurring"), n(0)],
                [t("2024-02"), t("new"), n(0)],
                [t("2024-02"), t("recurring"), n(0)],
                [t("2024-03"), t("new"), n(0)],
                [t("2024-03"), t("recurring"), n(5)],
            ])
    }

    @Test func valuesComeFromTheWholeDataNotOnlyTheRange() throws {
        // `new` only occurs in January, yet is listed for a range starting in March.
        #expect(try f.rows("count(sales) as n by kind since 2024-03-01") == [[t("new"), n(0)], [t("recurring"), n(1)]])
    }

    @Test func whereRestrictsTheValuesButAnAggregatesOwnFilterDoesNot() throws {
        #expect(try f.rows("count(sales) as n by kind where channel = \"store\"") == [[t("new"), n(1)]])
        #expect(try f.rows("count(sales) as n by kind where channel = \"web\"") == [[t("new"), n(1)], [t("recurring"), n(1)]])
        // The aggregate's own filter leaves `recurring` in, with a count of 0.
        #expect(try f.rows("count(sales where kind = \"new\") as n by kind") == [[t("new"), n(2)], [t("recurring"), n(0)]])
    }

    @Test func noMatchingRowsMeansNoCombinations() throws {
        #expect(try f.rows("count(sales) as n by kind where channel = \"phone\"") == [])
    }
}

// MARK: Many dimensions

@Suite struct EngineManyDimensionTests {
    @Test func combinationsOfManyLargeDimensionsStayDistinct() throws {
        // Eight dimensions of 257 values each have 257^8 ≈ 1.03 × 2^64 combinations, more than a 64-bit
        // key holds. Rows i = 0...256 take value i in every dimension; one more row takes the base-257
        // digits of 2^64, a combination different from (0, ..., 0). Every row is its own combination:
        // 258 result rows, each counting 1. A key that wraps modulo 2^64 would merge the last row
        // into (0, ..., 0) and report 2 there, silently.
        var digits: [Int64] = []
        var rest = UInt128(1) << 64
        for _ in 0..<8 {
            digits.insert(Int64(rest % 257), at: 0)
            rest /= 257
        }
        #expect(rest == 0 && digits != Array(repeating: 0, count: 8))
        let names = ["a", "b", "c", "d", "e", "f", "g", "h"]
        let columns = names.indices.map { k in
            Column(name: names[k], storage: .integer(Array(0...256) + [digits[k]]))
        }
        let m = Dataset(name: "m", columns: columns, rowCount: 258, source: nil)
        let rows = try Fixture(m).rows("count(m) as n by a, b, c, d, e, f, g, h")
        #expect(rows.count == 258)
        #expect(rows.allSatisfy { $0.last == n(1) })
    }
}

// MARK: A dimension fed by several datasets

@Suite struct EngineSharedDimensionTests {
    @Test func equalNumbersFromIntegerAndDecimalColumnsAreOneGroup() throws {
        // k is an integer column in a (1, 2) and a decimal column in b (1.0, 1.5). The dimension's
        // values are unified by value, so 1 and 1.0 are one group: three rows (1, 1.5, 2), not two rows
        // both labelled 1.
        let a = table("a", ["k": .integer([1, 2])])
        let b = table("b", ["k": .decimal([10, 15], scale: 1)])
        let rows = try Fixture(a, b).rows("count(a) as x, count(b) as y by k")
        #expect(rows.count == 3)
        #expect(rows.map { Array($0.dropFirst()) } == [[n(1), n(1)], [n(0), n(1)], [n(1), n(0)]])
    }

    @Test func equalTextFromTwoDatasetsIsOneGroup() throws {
        // Each dataset has its own dictionary (with different codes for "web"): values still unify.
        let a = table("a", ["channel": .text(codes: [0, 1], dictionary: ["store", "web"])])
        let b = table("b", ["channel": .text(codes: [0, 0, 1], dictionary: ["web", "phone"])])
        #expect(
            try Fixture(a, b).rows("count(a) as x, count(b) as y by channel") == [
                [t("phone"), n(0), n(1)], [t("store"), n(1), n(0)], [t("web"), n(1), n(2)],
            ])
    }
}
