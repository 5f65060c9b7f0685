// Conditions and Tally's null rules (DESIGN §3): = in < drop nulls, != and not in keep them; exact decimals; booleans.

import TallyData
import TallyDiagnostics
import Testing

@Suite struct EngineConditionTests {
    /// Six rows, no anchor (conditions need no time). Nulls are spread so every operator meets one.
    ///   id  plan     n     price   cost    flag
    ///   1   pro      5     1.50    1.500   true
    ///   2   basic    —     2.00    2.000   false
    ///   3   —        10    —       0.001   —
    ///   4   pro      15    1.50    —       true
    ///   5   —        20    1.25    1.250   false
    ///   6   Pro      —     10.00   9.999   —
    static let items = table(
        "items",
        [
            "id": .integer([1, 2, 3, 4, 5, 6]),
            "plan": .text(codes: [0, 1, nullCode, 0, nullCode, 2], dictionary: ["pro", "basic", "Pro"]),
            "n": .integer([5, nullInt, 10, 15, 20, nullInt]),
            "price": .decimal([150, 200, nullInt, 150, 125, 1000], scale: 2),
            "cost": .decimal([1500, 2000, 1, nullInt, 1250, 9999], scale: 3),
            "flag": .boolean([1, 0, nullBool, 1, 0, nullBool]),
        ])
    let f = Fixture(items)

    /// Each condition is checked twice: as the query's `where` and as an aggregate's own filter.
    private func check(_ condition: String, _ expected: Int, _ location: SourceLocation = #_sourceLocation) throws {
        #expect(try f.value("count(items where \(condition))") == n(Double(expected)), "\(condition)", sourceLocation: location)
        #expect(try f.value("count(items) where \(condition)") == n(Double(expected)), "where \(condition)", sourceLocation: location)
    }

    @Test(arguments: [
        ("plan = \"pro\"", 2),  // rows 1, 4; "Pro" differs in case
        ("plan = \"Pro\"", 1),
        ("plan != \"pro\"", 4),  // 2, 3, 5, 6: the two nulls are kept (IS DISTINCT FROM)
        ("plan in (\"pro\", \"basic\")", 3),  // 1, 2, 4
        ("plan not in (\"pro\", \"basic\")", 3),  // 3, 5, 6: nulls kept
        ("plan is null", 2),
        ("plan is not null", 4),
        ("not (plan = \"pro\")", 4),  // `not` negates plainly, so nulls are kept
        // Text compares by code point: "Pro" < "basic" < "pro".
        ("plan < \"pro\"", 2),  // basic, Pro
        ("plan > \"Pro\"", 3),  // pro, basic, pro
        ("plan >= \"basic\"", 3),  // pro, basic, pro
    ] as [(String, Int)])
    func textConditions(_ condition: String, _ expected: Int) throws {
        try check(condition, expected)
    }

    @Test(arguments: [
        ("n < 12", 2),  // 5, 10; nulls never compare
        ("n >= 12", 2),  // 15, 20
        ("n = 10", 1),
        ("n != 5", 5),  // 10, 15, 20 and the two nulls
        ("n in (5, 20)", 2),
        ("n not in (5, 20)", 4),  // 10, 15 and the two nulls
        ("not (n < 12)", 4),  // 15, 20 and the two nulls
        ("n between 10 and 15", 2),  // inclusive at both ends
        ("n between 15 and 10", 0),  // reversed bounds hold nothing
        ("n not between 10 and 15 and n is not null", 2),  // 5, 20
        ("n + 1 = 11", 1),  // arithmetic in conditions; null + 1 is null
        ("n * 2 > 25", 2),  // 15, 20
        ("n is null", 2),
        ("not (plan = \"pro\" or n > 12)", 3),  // (1, 4, 5) fail the inner condition; 2, 3, 6 remain
    ] as [(String, Int)])
    func numberConditions(_ condition: String, _ expected: Int) throws {
        try check(condition, expected)
    }

    @Test func notBetweenIsTheNegationOfBetween() throws {
        // However nulls are treated, `x not between a and b` must mean `not (x between a and b)`.
        let a = try f.value("count(items where n not between 10 and 15)")
        let b = try f.value("count(items where not (n between 10 and 15))")
        #expect(a == b)
        // ...and the rows it keeps among non-null n are those outside the bounds: 5 and 20.
        #expect(try f.value("count(items where n not between 10 and 15 and n is not null)") == n(2))
    }

    @Test(arguments: [
        // The price column has scale 2; literals of any scale compare exactly.
        ("price = 1.5", 2),
        ("price = 1.50", 2),
        ("price = 1.500", 2),
        ("price = 1.499", 0),
        ("price > 1.25", 4),  // 1.50, 2.00, 1.50, 10.00
        ("price >= 1.25", 5),
        ("price < 2", 3),  // 1.50, 1.50, 1.25
        ("price = 10", 1),
        ("price != 1.5", 4),  // 2.00, null, 1.25, 10.00
        ("price in (1.5, 2)", 3),
        // Two decimal columns of different scales: rows 1, 2, 5 are equal (1.50 = 1.500 ...).
        ("price = cost", 3),
        // Rows 3 and 4 have exactly one side null; row 6 is 10.00 against 9.999.
        ("price != cost", 3),
        ("price > cost", 1),
        // Literals beyond exact range (10 digits, exponents) still find 1.5.
        ("price = 1.5000000000", 2),
        ("price = 15e-1", 2),
    ] as [(String, Int)])
    func decimalConditions(_ condition: String, _ expected: Int) throws {
        try check(condition, expected)
    }

    @Test(arguments: [
        ("flag", 2),
        ("flag = true", 2),
        ("flag = false", 2),
        ("flag != true", 4),  // false twice, null twice
        ("not flag", 4),  // plain negation keeps the nulls
        ("flag is null", 2),
        ("flag and plan = \"pro\"", 2),  // rows 1, 4
        ("flag or n > 12", 3),  // rows 1, 4 by flag; 4, 5 by n
    ] as [(String, Int)])
    func booleanConditions(_ condition: String, _ expected: Int) throws {
        try check(condition, expected)
    }

    @Test func countOfAColumnSkipsNulls() throws {
        #expect(try f.rows("count(items.flag) as a, count(items.plan) as b, count(items.n) as c, count(items) as d") == [[n(4), n(4), n(4), n(6)]])
    }

    @Test func comparingWithNullIsAnError() throws {
        // `= null` is never true; the binder says so instead of returning 0.
        let error = try #require(f.failure("count(items where plan = null)"))
        #expect(error.message.contains("null"))
    }
}
