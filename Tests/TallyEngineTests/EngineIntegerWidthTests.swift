// The native engine answers the same whether integer and decimal columns are held in 32 or 64 bits.

import TallyData
import TallyDiagnostics
import Testing

@testable import TallyEngine

@Suite struct EngineIntegerWidthTests {
    /// 60 customers (ids 1000–1118, even only) and 3,000 orders; some orders point at no customer, and
    /// every column has nulls. Columns named in `wide` are held in 64 bits, the others as read.
    static func fixture(wide: Set<String>) -> Fixture {
        func stored(_ name: String, _ values: [Int64]) -> Integers {
            wide.contains(name) ? .wide(values) : Integers(values)
        }
        let ids = (0..<60).map { Int64(1000 + 2 * $0) }
        let plans = (0..<60).map { ["pro", "basic", "enterprise"][$0 % 3] }
        let customers = table("customers", ["id": .integer(stored("id", ids)), "plan": texts(plans)])
        let orders = table(
            "orders",
            [
                "customer_id": .integer(stored("customer_id", Self.customerIDs)),
                "amount": .decimal(stored("amount", Self.cents), scale: 2),
                "qty": .integer(stored("qty", Self.quantities)),
            ])
        return Fixture(customers, orders, relations: [relation("orders", "customer_id", to: "customers", "id")])
    }

    static let rows = 3_000
    static let customerIDs = column(nullEvery: 41) { i in 1000 + i * 7 % 130 }
    static let cents = column(nullEvery: 53) { i in i * 37 % 10_000 - 2_000 }
    static let quantities = column(nullEvery: 31) { i in i % 9 - 3 }

    static func column(nullEvery k: Int, _ value: (Int) -> Int) -> [Int64] {
        (0..<rows).map { i in i % k == 0 ? nullInt : Int64(value(i)) }
    }

    static let queries = [
        "sum(orders.amount) as s, avg(orders.amount) as a, min(orders.qty) as lo, max(orders.qty) as hi, count(orders.qty) as n by plan",
        "min(orders.amount) as lo, max(orders.amount) as hi, sum(orders.qty) as q",
        "count_distinct(orders.customer_id) as c, count_distinct(orders.qty) as d by plan",
        "count(orders) as n by qty",
        "sum(orders.amount) as s where qty > 2",
        "sum(orders.amount) as s where qty = -3",
        "count(orders) as n where qty != 5",
        "count(orders) as n where qty < 3000000000",
        "count(orders) as n where qty > -3000000000",
        "count(orders) as n where qty >= -1 and qty <= 1",
        "count(orders) as n where amount > 10.5",
        "count(orders) as n where amount <= -19.99",
        "count(orders) as n where qty in (1, 2)",
        "count(orders) as n where qty is null",
        "sum(orders.qty) as s where plan = \"pro\"",
        "count(orders) as n where customer_id = 1006",
        "sum(-orders.qty) as s",
    ]

    static let layouts: [Set<String>] = [
        [], ["customer_id"], ["id"], ["amount", "qty"], ["customer_id", "id", "amount", "qty"],
    ]

    /// Every width of every column gives the answers all columns in 64 bits give.
    @Test(arguments: layouts)
    func answersAreTheSameInEitherWidth(_ wide: Set<String>) throws {
        let reference = Self.fixture(wide: ["customer_id", "id", "amount", "qty"])
        let f = Self.fixture(wide: wide)
        for query in Self.queries {
            #expect(try f.rows(query) == reference.rows(query), "\(query), 64 bits: \(wide.sorted())")
        }
    }

    /// The answers are not vacuous: a few, worked out with plain loops here.
    @Test(arguments: layouts)
    func answersAgreeWithPlainLoops(_ wide: Set<String>) throws {
        let f = Self.fixture(wide: wide)
        let q = Self.quantities
        let above = q.filter { $0 != nullInt && $0 > 2 }.count
        #expect(try f.value("count(orders) where qty > 2") == n(Double(above)))
        let proCustomers: [Int64] = (0..<20).map { k in Int64(1000 + 6 * k) }
        let pro = Set(proCustomers)
        var proQty: Int64 = 0
        for i in 0..<Self.rows where pro.contains(Self.customerIDs[i]) && q[i] != nullInt { proQty += q[i] }
        #expect(try f.value("sum(orders.qty) where plan = \"pro\"") == n(Double(proQty)))
        let distinct = Set(Self.customerIDs.filter { $0 != nullInt }).count
        #expect(try f.value("count_distinct(orders.customer_id)") == n(Double(distinct)))
        #expect(try f.value("count(orders) where qty is null") == n(Double(q.filter { $0 == nullInt }.count)))
    }
}
