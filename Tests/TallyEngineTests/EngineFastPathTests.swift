// The native engine's fast paths and the fallbacks beside them. Each fast path only applies when the
// data allows (dense ids, small key ranges, small combination spaces), so these cases pick data that
// forces the other branch too and check both against numbers worked out by hand.

import TallyData
import TallyDiagnostics
import TallyEngine
import TallySemantics
import TallySyntax
import Testing

@Suite struct EngineFastPathTests {
    // MARK: count_distinct

    /// Ids 1, 10^15 and -10^15 span far more than a bitset can cover, so they are counted through a set.
    ///   g  date        user
    ///   a  2024-01-03  1
    ///   a  2024-01-09  10^15
    ///   a  2024-02-01  -10^15
    ///   b  2024-01-05  10^15
    ///   b  2024-02-07  —
    ///   b  2024-02-08  10^15
    ///   a  2024-02-20  1
    ///   b  2024-03-01  -10^15
    static let sparseUsers: [Int64] = [1, 1_000_000_000_000_000, -1_000_000_000_000_000, 1_000_000_000_000_000, nullInt,
                                       1_000_000_000_000_000, 1, -1_000_000_000_000_000]
    static func events(users: [Int64]) -> Dataset {
        table(
            "events",
            [
                "g": texts(["a", "a", "a", "b", "b", "b", "a", "b"]),
                "date": .date([
                    day(2024, 1, 3), day(2024, 1, 9), day(2024, 2, 1), day(2024, 1, 5), day(2024, 2, 7), day(2024, 2, 8),
                    day(2024, 2, 20), day(2024, 3, 1),
                ]),
                "user": .integer(users),
            ])
    }

    @Test func countDistinctOfSparseIntegers() throws {
        let f = Fixture(Self.events(users: Self.sparseUsers), anchors: ["events": "date"])
        // a: 1, 10^15, -10^15; b: 10^15, -10^15 (the null is not a value).
        #expect(try f.rows("count_distinct(events.user) as u by g") == [[t("a"), n(3)], [t("b"), n(2)]])
        // January: 1, 10^15; February: -10^15, 1, 10^15 (and a null); March: -10^15.
        #expect(
            try f.rows("count_distinct(events.user) as u by month")
                == [[t("2024-01"), n(2)], [t("2024-02"), n(3)], [t("2024-03"), n(1)]])
        #expect(try f.value("count_distinct(events.user)") == n(3))
    }

    @Test func sparseAndDenseIntegersCountAlike() throws {
        // Renaming 10^15 → 2 and -10^15 → 3 keeps which rows are equal, so every count is the same,
        // though these ids fit a bitset.
        let dense = Self.sparseUsers.map { $0 == 1_000_000_000_000_000 ? 2 : $0 == -1_000_000_000_000_000 ? 3 : $0 }
        let sparse = Fixture(Self.events(users: Self.sparseUsers), anchors: ["events": "date"])
        let small = Fixture(Self.events(users: dense), anchors: ["events": "date"])
        for query in ["count_distinct(events.user) as u by g", "count_distinct(events.user) as u by month, g"] {
            #expect(try sparse.rows(query) == small.rows(query), "\(query)")
        }
    }

    @Test func countDistinctWhenTheRangeOverflows() throws {
        // max - (-max) does not fit in 64 bits; the values must still be told apart: max, -max, 0 → 3.
        let m = table("m", ["x": .integer([Int64.max, -Int64.max, Int64.max, 0, nullInt, -Int64.max])])
        #expect(try Fixture(m).value("count_distinct(m.x)") == n(3))
    }

    @Test func countDistinctOfDecimals() throws {
        // Dense: 0.01, 0.01, -0.05, 1.00 → 3. Sparse (10^13 is far from 0.01 in cents): adds 10^13 → 4.
        let m = table(
            "m",
            [
                "g": texts(["a", "a", "a", "b", "b", "b"]),
                "small": .decimal([1, 1, -5, nullInt, 100, 1], scale: 2),
                "wide": .decimal([1, 1_000_000_000_000_000, 1, -5, nullInt, 100], scale: 2),
            ])
        #expect(try Fixture(m).rows("count_distinct(m.small) as s, count_distinct(m.wide) as w") == [[n(3), n(4)]])
        // a: small 0.01, -0.05; wide 0.01, 10^13.  b: small 1.00, 0.01; wide -0.05, 1.00.
        #expect(
            try Fixture(m).rows("count_distinct(m.small) as s, count_distinct(m.wide) as w by g")
                == [[t("a"), n(2), n(2)], [t("b"), n(2), n(2)]])
    }

    @Test func countDistinctOfDoublesTakesZeroAndNegativeZeroAsOneValue() throws {
        // Doubles are keyed by bit pattern, where 0.0 and -0.0 differ; they are one number.
        //   g  x
        //   a  0.0, -0.0           → 1
        //   b  1e300, 1e300, -1e-300, 2.5 → 3
        //   c  NaN (null)          → 0
        let m = table(
            "m",
            [
                "g": texts(["a", "a", "b", "b", "b", "b", "c"]),
                "x": .double([0.0, -0.0, 1e300, 1e300, -1e-300, 2.5, .nan]),
            ])
        #expect(try Fixture(m).rows("count_distinct(m.x) as d by g") == [[t("a"), n(1)], [t("b"), n(3)], [t("c"), n(0)]])
        #expect(try Fixture(m).value("count_distinct(m.x)") == n(4))
    }

    @Test func countDistinctOfDatesNearAndFar() throws {
        // Near: Jan 1 ×2, Feb 1 → 2. Far: days ±40,000,000 are 80 million days apart, more than a
        // bitset covers; with day 0 they are 3 values.
        let m = table(
            "m",
            [
                "g": texts(["a", "a", "b", "b", "b"]),
                "near": .date([day(2024, 1, 1), day(2024, 1, 1), day(2024, 2, 1), nullDay, day(2024, 1, 1)]),
                "far": .date([-40_000_000, 40_000_000, -40_000_000, 0, nullDay]),
            ])
        #expect(try Fixture(m).rows("count_distinct(m.near) as a, count_distinct(m.far) as b") == [[n(2), n(3)]])
        // a: near Jan 1; far -4e7, 4e7.  b: near Feb 1, Jan 1; far -4e7, 0.
        #expect(
            try Fixture(m).rows("count_distinct(m.near) as a, count_distinct(m.far) as b by g")
                == [[t("a"), n(1), n(2)], [t("b"), n(2), n(2)]])
    }

    @Test func countDistinctOfTimestamps() throws {
        // Microseconds span far more than a bitset covers. Jan 1 00:00 ×2, Jun 1 12:00, 1969-12-31 23:59 → 3.
        let m = table(
            "m",
            [
                "at": .timestamp([
                    micros(2024, 1, 1, 0, 0), micros(2024, 1, 1, 0, 0), micros(2024, 6, 1, 12, 0), nullInt,
                    micros(1969, 12, 31, 23, 59),
                ])
            ])
        #expect(try Fixture(m).value("count_distinct(m.at)") == n(3))
    }

    @Test func countDistinctOfBooleansPerCell() throws {
        // a: true, false → 2; b: true ×2 → 1; c: only null → 0.
        let m = table(
            "m", ["g": texts(["a", "a", "b", "b", "c", "a"]), "flag": .boolean([1, 0, 1, 1, nullBool, nullBool])])
        #expect(try Fixture(m).rows("count_distinct(m.flag) as d by g") == [[t("a"), n(2)], [t("b"), n(1)], [t("c"), n(0)]])
    }

    @Test func countDistinctWithTooManyCellsForBitsets() throws {
        // Values 0 and 2^26 - 1 make 2^26 dense ids, a megaword of bits per cell; 40 cells need more
        // than the bitset budget, so the dense ids are counted through sets. Each of groups 0..<39
        // holds 0, 2^26 - 1, 0 → 2; group 39 holds only nulls → 0.
        let top: Int64 = (1 << 26) - 1
        var groups: [Int64] = []
        var values: [Int64] = []
        for g in 0..<39 {
            groups += [Int64(g), Int64(g), Int64(g)]
            values += [0, top, 0]
        }
        groups += [39, 39]
        values += [nullInt, nullInt]
        let m = table("m", ["g": .integer(groups), "x": .integer(values)])
        let expected = (0..<40).map { [Value.integer(Int64($0)), n($0 < 39 ? 2 : 0)] }
        #expect(try Fixture(m).rows("count_distinct(m.x) as d by g") == expected)
    }

    // MARK: Relations: an array for dense keys, a hash map for sparse ones

    /// The same customers and orders twice, with keys renamed one to one: dense keys (-1, 0, 2, 3)
    /// index an array, sparse ones (1, 10^15, -10^15, 2^40) a hash map. Key 1 / 3 is missing in both,
    /// and inside the dense range.
    ///   customers: dense  sparse   plan
    ///              -1     1        pro
    ///              0      10^15    basic
    ///              2      -10^15   pro
    ///              3      2^40     enterprise
    ///   orders: amount 10 20 30 40 50 60 70 80 90 100, pointing at
    ///     dense:  -1  0   1(missing)  —  2  3  99  -max  max  -1
    ///     sparse:  1  10^15  3(missing)  —  -10^15  2^40  99  -max  max  1
    /// Orders 7–9 point far outside either key range (and ±max overflow any offset from the smallest key).
    static func keyed(_ keys: [Int64], _ foreign: [Int64]) -> Fixture {
        let customers = table("customers", ["id": .integer(keys), "plan": texts(["pro", "basic", "pro", "enterprise"])])
        let orders = table(
            "orders", ["customer_id": .integer(foreign), "amount": .integer([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])])
        return Fixture(customers, orders, relations: [relation("orders", "customer_id", to: "customers", "id")])
    }
    static let dense = keyed([-1, 0, 2, 3], [-1, 0, 1, nullInt, 2, 3, 99, -Int64.max, Int64.max, -1])
    static let sparse = keyed(
        [1, 1_000_000_000_000_000, -1_000_000_000_000_000, 1 << 40],
        [1, 1_000_000_000_000_000, 3, nullInt, -1_000_000_000_000_000, 1 << 40, 99, -Int64.max, Int64.max, 1])

    @Test(arguments: [("dense", dense), ("sparse", sparse)])
    func relationsMatchByArrayOrHashAlike(_ name: String, _ f: Fixture) throws {
        // basic: order 2. enterprise: order 6. pro: orders 1, 5, 10 (10 + 50 + 100).
        // No customer: orders 3, 4, 7, 8, 9 (30 + 40 + 70 + 80 + 90), kept as the null group.
        #expect(
            try f.rows("count(orders) as n, sum(orders.amount) as s by plan") == [
                [t("basic"), n(1), n(20)],
                [t("enterprise"), n(1), n(60)],
                [t("pro"), n(3), n(160)],
                [.null, n(5), n(310)],
            ], "\(name)")
        #expect(try f.value("sum(orders.amount) where plan is null") == n(310), "\(name)")
    }

    @Test(arguments: [
        // Dense: 5, 6, 5 index an array.
        ([5, 6, 5], "5"),
        // Sparse: 10^15, 1, 10^15 go through a hash map.
        ([1_000_000_000_000_000, 1, 1_000_000_000_000_000], "1000000000000000"),
    ] as [([Int64], String)])
    func aDuplicateTargetKeyIsAnErrorOnEitherPath(_ keys: [Int64], _ shown: String) throws {
        let customers = table("customers", ["id": .integer(keys), "plan": texts(["pro", "basic", "pro"])])
        let orders = table("orders", ["customer_id": .integer([keys[1]])])
        let f = Fixture(customers, orders, relations: [relation("orders", "customer_id", to: "customers", "id")])
        let error = try #require(f.failure("count(orders) by plan"))
        #expect(
            error.message
                == "customers.id holds the value \(shown) more than once, so orders.customer_id cannot point at one row")
        #expect(error.help == "a relation needs a key that is unique in customers")
    }

    @Test func rowMappingsKeptBetweenQueriesGiveTheSameAnswers() throws {
        // Tally keeps one RowMappings for all the queries it runs: the mapping built by the first query
        // serves the later ones, which gather other columns through it.
        let customers = table(
            "customers",
            ["id": .integer([1, 2, 3]), "plan": texts(["pro", "basic", "pro"]), "region": texts(["eu", "us", nil])])
        let orders = table("orders", ["customer_id": .integer([3, 1, 2, 9, nullInt, 3])])
        let f = Fixture(customers, orders, relations: [relation("orders", "customer_id", to: "customers", "id")])
        let kept = RowMappings()
        for query in ["count(orders) as n by plan", "count(orders) as n by region", "count(orders) as n by plan where region = \"eu\""] {
            #expect(try rows(f, query, keeping: kept) == f.rows(query), "\(query)")
        }
        // plan: pro ← orders 1, 2, 6; basic ← order 3; none ← orders 4, 5.
        #expect(try rows(f, "count(orders) as n by plan", keeping: kept) == [[t("basic"), n(1)], [t("pro"), n(3)], [.null, n(2)]])

        // A kept mapping for a different number of rows is not reused.
        var more = f
        more.datasets[1] = table("orders", ["customer_id": .integer([2, 2])])
        #expect(try rows(more, "count(orders) as n by plan", keeping: kept) == [[t("basic"), n(2)]])
    }

    /// Runs a query the way `Fixture.run` does, but with row mappings kept in `mappings`.
    private func rows(_ f: Fixture, _ text: String, keeping mappings: RowMappings) throws -> [[Value]] {
        let source = SourceFile(name: nil, text: text)
        let (script, diagnostics) = Parser.parse(source)
        if let first = diagnostics.first { throw first }
        guard case .query(let query)? = script.statements.first?.kind else { throw Diagnostic("not a query: \(text)") }
        let bound = try Binder(catalog: f.catalog, today: f.today).bind(query, source: source)
        let data = MemoryData(datasets: Dictionary(uniqueKeysWithValues: f.datasets.map { ($0.name, $0) }))
        return plainNumbers(try NativeEngine(data: data, mappings: mappings).run(bound))
    }

    // MARK: Combinations beyond the dense array

    @Test func combinationsOfThreeLargeDimensionsGoThroughAHashMap() throws {
        // Rows i = 0..<200 take (i, 7i mod 200, 13i mod 200), x = i; rows 0..<50 come again with
        // x = 1000 + i; one row has no values at all. With the second dataset below, a takes 251 values
        // (with null), b and c 201 each: about 10 million combinations, more than the dense array's 2^22.
        var a: [Int64] = []
        var b: [Int64] = []
        var c: [Int64] = []
        var x: [Int64] = []
        for (row, i) in (Array(0..<200) + Array(0..<50)).enumerated() {
            a.append(Int64(i))
            b.append(Int64(7 * i % 200))
            c.append(Int64(13 * i % 200))
            x.append(Int64(row < 200 ? i : 1000 + i))
        }
        a.append(nullInt)
        b.append(nullInt)
        c.append(nullInt)
        x.append(5)
        let m = table("m", ["a": .integer(a), "b": .integer(b), "c": .integer(c), "x": .integer(x)])

        // A second dataset over rows i = 150..<250 shares the dimensions: its combinations must be
        // numbered in the same key space (150..<200 are also in m).
        let k = table(
            "k",
            [
                "a": .integer((150..<250).map { Int64($0) }), "b": .integer((150..<250).map { Int64(7 * $0 % 200) }),
                "c": .integer((150..<250).map { Int64(13 * $0 % 200) }),
            ])

        // Sorted by a, b, c (nulls last). Rows 0..<50 have two rows: count 2, sum i + 1000 + i.
        var expected: [[Value]] = (0..<250).map { i in
            let inM = i < 200
            return [
                .integer(Int64(i)), .integer(Int64(7 * i % 200)), .integer(Int64(13 * i % 200)),
                n(inM ? (i < 50 ? 2 : 1) : 0), n(inM ? Double(i < 50 ? 1000 + 2 * i : i) : 0), n(i >= 150 ? 1 : 0),
            ]
        }
        expected.append([.null, .null, .null, n(1), n(5), n(0)])
        #expect(try Fixture(m, k).rows("count(m) as n, sum(m.x) as s, count(k) as o by a, b, c") == expected)
    }
}
