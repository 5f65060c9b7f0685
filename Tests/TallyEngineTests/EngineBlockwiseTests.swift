// The native engine works a block of rows at a time (cells straight into the aggregates, relation
// targets looked up by key per block): over more rows than one block, with nulls, foreign keys that
// match nothing, an empty month and filters, it gives what a kept row mapping, the streamed path and a
// plain loop in the test give.

import Synchronization
import TallyData
import TallyDiagnostics
@testable import TallyEngine
import TallySemantics
import TallySyntax
import Testing

@Suite struct EngineBlockwiseTests {
    /// 600,000 orders (nine whole blocks and part of a tenth, so that several cores share them) over
    /// 2023 and 2024 without June 2023; every 17th date, 13th amount and 11th customer null, and every
    /// 7th customer id matching no customer.
    static let fixture: Fixture = {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let customerCount = 2_000
        let plans = (0..<customerCount).map { i -> String? in i % 19 == 0 ? nil : ["pro", "basic", "team"][next(3)] }
        let customers = table(
            "customers", ["id": .integer((0..<customerCount).map { Int64($0 * 3 + 5) }), "plan": texts(plans)])
        var dates: [Int32] = []
        var amounts: [Int64] = []
        var ids: [Int64] = []
        for i in 0..<600_000 {
            var d = day(2023, 1, 1) + Int32(next(730))
            if d >= day(2023, 6, 1) && d < day(2023, 7, 1) { d += 30 }
            dates.append(i % 17 == 0 ? nullDay : d)
            amounts.append(i % 13 == 0 ? nullInt : Int64(next(10_000)))
            let customer = Int64(next(customerCount) * 3 + 5)
            ids.append(i % 11 == 0 ? nullInt : i % 7 == 0 ? customer + 1 : customer)
        }
        let orders = table(
            "orders", ["date": .date(dates), "amount": .integer(amounts), "customer_id": .integer(ids)])
        return Fixture(
            customers, orders, anchors: ["orders": "date"],
            relations: [relation("orders", "customer_id", to: "customers", "id")])
    }()

    static let queries = [
        "sum(orders.amount) as s by month where plan = \"pro\"",
        "count(orders) as n, avg(orders.amount) as a by month, plan",
        "count_distinct(orders.customer_id) as c by month, plan where orders.amount > 5000",
        "sum(orders.amount where orders.amount > 2500) as s, max(orders.amount) as m by quarter where plan is null",
        "count(orders.amount) as n, min(orders.amount) as m by plan where plan != \"team\"",
        // Sums of floating-point values keep the order of rows: streamed, they are not kept per day.
        "sum(orders.amount / 3) as s, count(orders) as n by month, plan",
    ]

    @Test(arguments: queries)
    func blockwiseAnswersEqualAKeptMappingAndTheStreamedPath(_ query: String) throws {
        let f = Self.fixture
        let bound = try f.bind(query)
        let blockwise = try NativeEngine(data: f.data).run(bound)

        // A row mapping kept from an earlier query that gathered a column through the relation.
        let kept = RowMappings()
        _ = try NativeEngine(data: f.data, mappings: kept).run(
            try f.bind("count(orders) by plan where customers.id > orders.amount"))
        let mapped = try NativeEngine(data: f.data, mappings: kept).run(bound)
        #expect(mapped.rows == blockwise.rows)

        // The orders read in blocks of 1,000 rows go through the streamed path.
        var streamedData = f.data
        let orders = try f.data.dataset(named: "orders")
        streamedData.datasets["orders"] = Dataset(
            name: orders.name, columns: orders.columns, rowCount: orders.rowCount, source: orders.source,
            blocks: SlicedBlocks(orders, rows: 1_000))
        let streamed = try NativeEngine(data: streamedData).run(bound)
        #expect(streamed.rows == blockwise.rows)
        #expect(!blockwise.rows.isEmpty)
    }

    /// Two days' sums that fit in 64 bits but whose month's does not: the streamed query reads its
    /// blocks once (cells per day) and reports the overflow, rather than reading them again to meet it.
    @Test func aStreamedSumPastSixtyFourBitsIsReportedAfterOnePass() throws {
        let t = table("t", ["date": .date([day(2024, 1, 1), day(2024, 1, 2)]), "n": .integer([1 << 62, 1 << 62])])
        let f = Fixture(t, anchors: ["t": "date"])
        let blocks = CountingBlocks(SlicedBlocks(t, rows: 1))
        var data = f.data
        data.datasets["t"] = Dataset(name: "t", columns: t.columns, rowCount: t.rowCount, source: nil, blocks: blocks)
        do {
            _ = try NativeEngine(data: data).run(try f.bind("sum(t.n) by month"))
            Issue.record("the sum was not refused")
        } catch {
            #expect(error.message == "a sum exceeds the range of 64-bit integers")
        }
        #expect(blocks.passes == 1)
    }

    @Test func revenueOfProCustomersEqualsAPlainLoop() throws {
        let f = Self.fixture
        let orders = try f.data.dataset(named: "orders")
        let customers = try f.data.dataset(named: "customers")
        guard case .date(let dates)? = orders.column(named: "date")?.storage,
            case .integer(let amounts)? = orders.column(named: "amount")?.storage,
            case .integer(let ids)? = orders.column(named: "customer_id")?.storage,
            case .integer(let keyValues)? = customers.column(named: "id")?.storage,
            case .text(let codes, let dictionary)? = customers.column(named: "plan")?.storage
        else { throw Diagnostic("unexpected fixture columns") }
        let keys = keyValues.widened
        let pro = Set(keys.indices.filter { codes[$0] >= 0 && dictionary[Int(codes[$0])] == "pro" }.map { keys[$0] })
        var expected: [String: Double] = [:]
        for i in dates.indices where dates[i] != nullDay && amounts[i] != nullInt && pro.contains(ids[i]) {
            let label = CivilDate.format(dates[i]).prefix(7)
            expected[String(label), default: 0] += Double(amounts[i])
        }
        let rows = try f.rows("sum(orders.amount) as s by month where plan = \"pro\"")
        var seen: [String: Double] = [:]
        for row in rows {
            guard case .text(let label) = row[0], case .number(let s) = row[1] else { continue }
            seen[label] = s
        }
        #expect(seen.filter { $0.value != 0 } == expected)
        // June 2023 has no orders and is still a row of the axis.
        #expect(seen["2023-06"] == 0)
        #expect(rows.count == 24)
    }
}

/// Blocks that count how often they are read through.
final class CountingBlocks: RowBlocks {
    private let blocks: SlicedBlocks
    private let count = Mutex(0)
    var passes: Int { count.withLock { $0 } }
    var isFallback: Bool { blocks.isFallback }

    init(_ blocks: SlicedBlocks) { self.blocks = blocks }

    func dayRange(of column: String) -> ClosedRange<Int32>? { blocks.dayRange(of: column) }

    func forEachBlock(columns: [String], _ body: (Dataset) throws(Diagnostic) -> Void) throws(Diagnostic) {
        count.withLock { $0 += 1 }
        try blocks.forEachBlock(columns: columns, body)
    }
}
