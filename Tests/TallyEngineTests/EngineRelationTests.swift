// Many-to-one relations (DESIGN §3): dimensions and filters through a relation, missing and duplicated keys, text keys.

import TallyData
import TallyDiagnostics
import TallySemantics
import Testing

@Suite struct EngineRelationTests {
    ///   customers: id  plan        region
    ///              1   pro         eu
    ///              2   basic       us
    ///              3   enterprise  eu
    ///              7   —           us
    ///              8   pro         —
    static let customers = table(
        "customers",
        [
            "id": .integer([1, 2, 3, 7, 8]),
            "plan": .text(codes: [0, 1, 2, nullCode, 0], dictionary: ["pro", "basic", "enterprise"]),
            "region": .text(codes: [0, 1, 0, 1, nullCode], dictionary: ["eu", "us"]),
        ])
    ///   orders: id  customer_id  amount   (customer 99 does not exist; order 4 has no customer)
    ///           1   1            10
    ///           2   2            20
    ///           3   99           30
    ///           4   —            40
    ///           5   1            50
    ///           6   3            60
    static let orders = table(
        "orders",
        [
            "id": .integer([1, 2, 3, 4, 5, 6]),
            "customer_id": .integer([1, 2, 99, nullInt, 1, 3]),
            "amount": .integer([10, 20, 30, 40, 50, 60]),
        ])
    /// Tickets of customers 3, 3 and 8.
    static let tickets = table("tickets", ["id": .integer([1, 2, 3]), "customer_id": .integer([3, 3, 8])])
    /// A dataset that relates to nothing.
    static let notes = table("notes", ["id": .integer([1])])

    let f = Fixture(
        customers, orders, tickets, notes,
        relations: [
            relation("orders", "customer_id", to: "customers", "id"),
            relation("tickets", "customer_id", to: "customers", "id"),
        ])

    @Test func aKeyThatFindsNoRowGivesANullDimensionAndKeepsTheRow() throws {
        // Orders 3 (customer 99) and 4 (no customer) form the null group, last: 2 orders, 30 + 40.
        #expect(
            try f.rows("count(orders) as n, sum(orders.amount) as s by plan") == [
                [t("basic"), n(1), n(20)],
                [t("enterprise"), n(1), n(60)],
                [t("pro"), n(2), n(60)],
                [.null, n(2), n(70)],
            ])
        // Nothing is dropped: the groups add up to all six orders.
        #expect(try f.value("count(orders)") == n(6))
    }

    @Test func aQualifiedDimensionIsNamedAfterItsColumn() throws {
        let table = try f.run("count(orders) as n by customers.plan")
        #expect(table.columns.map(\.name) == ["plan", "n"])
        #expect(plainNumbers(table) == (try f.rows("count(orders) as n by plan")))
    }

    @Test func filtersThroughARelationFollowTheNullRules() throws {
        #expect(try f.value("count(orders) where plan = \"pro\"") == n(2))
        // basic, enterprise and the two orders with no customer row.
        #expect(try f.value("count(orders) where plan != \"pro\"") == n(4))
        #expect(try f.value("count(orders) where plan is null") == n(2))
        #expect(try f.value("count(orders where plan = \"pro\")") == n(2))
        #expect(try f.value("sum(orders.amount) where region = \"eu\"") == n(120))
    }

    @Test func twoDimensionsThroughTheSameRelation() throws {
        // (plan, region) per order: (pro, eu) ×2, (basic, us), (enterprise, eu), (null, null) ×2.
        #expect(
            try f.rows("count(orders) as n by plan, region") == [
                [t("basic"), t("us"), n(1)],
                [t("enterprise"), t("eu"), n(1)],
                [t("pro"), t("eu"), n(2)],
                [.null, .null, n(2)],
            ])
    }

    @Test func aDimensionSharedByTwoDatasetsTakesTheValuesOfBoth() throws {
        // Orders give basic, enterprise, pro, null; tickets give enterprise ×2 and pro (customer 8).
        #expect(
            try f.rows("count(orders) as o, count(tickets) as k by plan") == [
                [t("basic"), n(1), n(0)],
                [t("enterprise"), n(1), n(2)],
                [t("pro"), n(2), n(1)],
                [.null, n(2), n(0)],
            ])
        // The query's where applies to each dataset it reads.
        #expect(try f.rows("count(orders) as o, count(tickets) as k where plan = \"enterprise\"") == [[n(1), n(2)]])
    }

    @Test func aNameNoDatasetCanResolveIsAnErrorNamingTheDataset() throws {
        let error = try #require(f.failure("count(orders) by colour"))
        #expect(error.message.contains("orders") && error.message.contains("colour"))
        // notes has no relation to customers, so `plan` cannot be resolved for it.
        let unrelated = try #require(f.failure("count(notes) where plan = \"pro\""))
        #expect(unrelated.message.contains("notes"))
    }

    @Test func aDuplicatedTargetKeyIsAClearErrorNamingTheValue() throws {
        // Customer id 7 appears twice: orders.customer_id cannot point at one row.
        let dup = table(
            "customers",
            ["id": .integer([1, 7, 7]), "plan": .text(codes: [0, 0, 0], dictionary: ["pro"])])
        let g = Fixture(dup, Self.orders, relations: [relation("orders", "customer_id", to: "customers", "id")])
        let error = try #require(g.failure("count(orders) by plan"))
        #expect(error.message.contains("7"))
        #expect(error.message.contains("customers"))
        // A query that does not go through the relation still runs.
        #expect(try g.value("count(orders)") == n(6))
    }

    @Test func repeatedNullKeysAreNotDuplicates() throws {
        let nullKeys = table(
            "customers",
            ["id": .integer([1, nullInt, nullInt]), "plan": .text(codes: [0, 1, 1], dictionary: ["pro", "basic"])])
        let g = Fixture(nullKeys, Self.orders, relations: [relation("orders", "customer_id", to: "customers", "id")])
        // Only customer 1 (orders 1 and 5) matches; the rest are null.
        #expect(try g.rows("count(orders) as n by plan") == [[t("pro"), n(2)], [.null, n(4)]])
    }
}

@Suite struct EngineTextKeyTests {
    ///   accounts: code  tier
    ///             A-1   gold
    ///             a-1   silver      (keys are case-sensitive)
    ///             B-2   bronze
    static let accounts = table(
        "accounts",
        [
            "code": texts(["A-1", "a-1", "B-2"]),
            "tier": texts(["gold", "silver", "bronze"]),
        ])
    /// a-1, A-1, A-1, C-3 (no such account), — (no account).
    static let events = table("events", ["account": texts(["a-1", "A-1", "A-1", "C-3", nil])])

    @Test func textKeysMatchExactly() throws {
        let f = Fixture(Self.accounts, Self.events, relations: [relation("events", "account", to: "accounts", "code")])
        #expect(try f.rows("count(events) as n by tier") == [[t("gold"), n(2)], [t("silver"), n(1)], [.null, n(2)]])
    }

    @Test func aDuplicatedTextKeyIsAnErrorNamingTheValue() throws {
        let dup = table("accounts", ["code": texts(["dup-key-42", "B-2", "dup-key-42"]), "tier": texts(["a", "b", "c"])])
        let f = Fixture(dup, Self.events, relations: [relation("events", "account", to: "accounts", "code")])
        let error = try #require(f.failure("count(events) by tier"))
        #expect(error.message.contains("dup-key-42"))
    }

    @Test func textForeignKeysFindIntegerKeys() throws {
        // Mixed key types match on their text: "17" finds customer 17.
        let customers = table("customers", ["id": .integer([17]), "plan": texts(["pro"])])
        let refs = table("refs", ["customer": texts(["17", "18"])])
        let f = Fixture(customers, refs, relations: [relation("refs", "customer", to: "customers", "id")])
        #expect(try f.rows("count(refs) as n by plan") == [[t("pro"), n(1)], [.null, n(1)]])
    }

    @Test func byteDistinctKeysAreDistinctKeys() throws {
        // "é" (U+00E9) and "e" + U+0301 are different code point sequences, so different keys
        // (as in PostgreSQL or DuckDB): not a duplicate, and each finds its own row.
        let keyed = table("accounts", ["code": texts(["\u{E9}", "e\u{301}"]), "tier": texts(["gold", "silver"])])
        let refs = table("events", ["account": texts(["e\u{301}"])])
        let f = Fixture(keyed, refs, relations: [relation("events", "account", to: "accounts", "code")])
        #expect(f.failure("count(events) by tier") == nil)
        #expect(try f.rows("count(events) as n by tier") == [[t("silver"), n(1)]])
    }
}

@Suite struct EngineNumericKeyTests {
    @Test func decimalKeysMatchByValueNotByMantissa() throws {
        // Keys 0.25 and 7.50 are stored as mantissas 25 and 750 at scale 2. An integer 25 is neither
        // of them (by value or by text), so it finds no row; comparing the mantissa's digits would
        // join it to 0.25.
        let tiers = table("tiers", ["code": .decimal([25, 750], scale: 2), "tier": texts(["low", "high"])])
        let refs = table("refs", ["code": .integer([25, 7])])
        let f = Fixture(tiers, refs, relations: [relation("refs", "code", to: "tiers", "code")])
        #expect(try f.rows("count(refs) as n by tier") == [[.null, n(2)]])

        // The other way round: a decimal 0.25 does not find the integer key 25.
        let ids = table("ids", ["id": .integer([25]), "tier": texts(["int"])])
        let amounts = table("amounts", ["id": .decimal([25], scale: 2)])
        let g = Fixture(ids, amounts, relations: [relation("amounts", "id", to: "ids", "id")])
        #expect(try g.rows("count(amounts) as n by tier") == [[.null, n(1)]])
    }
}
