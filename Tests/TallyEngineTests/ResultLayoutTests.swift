// The shared evaluator's layout over the native engine's cells: a top-N that agrees with sorting
// everything, and Ctrl-C honoured after the engine is done.

import TallyData
import TallyDiagnostics
import TallyEngine
import TallyPlan
import Testing

@Suite struct ResultLayoutTests {
    /// 3,000 orders over 60 days and 40 customers, amounts with ties and gaps (2,400 dense rows,
    /// many empty).
    let f: Fixture = {
        var random = SplitMix(seed: 7)
        let n = 3_000
        let days = (0..<n).map { _ in Int32(19_723) + Int32(random.next() % 60) }
        let customers = (0..<n).map { _ in Int64(random.next() % 40) }
        let amounts = (0..<n).map { _ in Int64(random.next() % 5) * 250 }
        return Fixture(
            table("orders", ["date": .date(days), "customer": .integer(customers), "amount": .decimal(amounts, scale: 2)]),
            anchors: ["orders": "date"])
    }()

    /// `limit N` keeps the N first rows as they are scanned; they must be the first N of the whole
    /// sorted result, for every order, ties (equal sums, many zeros, nulls of `previous`) included.
    @Test(arguments: [
        "sum(orders.amount) as s by day, customer order by s desc",
        "sum(orders.amount) as s by day, customer order by s",
        "sum(orders.amount) as s, previous(sum(orders.amount)) as p by day, customer order by p desc, s",
        "count(orders) as n by customer, day order by n desc",
        "sum(orders.amount) as s by day, customer",
        "sum(orders.amount) as s by day, customer nonzero order by s desc",
        "sum(orders.amount) as s by day, customer having s > 500 order by s",
    ])
    func topRowsAreTheFirstOfTheWholeOrder(_ query: String) throws {
        let all = try f.run(query).rows
        for limit in [0, 1, 7, 100, all.count, all.count + 5] {
            #expect(try f.run("\(query) limit \(limit)").rows == Array(all.prefix(limit)), "limit \(limit)")
        }
    }

    /// The engine computed its cells without being asked to stop; the evaluator and the layout ask
    /// too, so a Ctrl-C after the cells still stops the query.
    @Test func cancellingAfterTheCellsStopsTheEvaluator() throws {
        let plan = QueryPlan(try f.bind("sum(orders.amount) as s, previous(sum(orders.amount)) by day, customer"))
        let execution = try NativeEngine(data: f.data).execution(for: plan)
        #expect(try plan.run(execution).rows.count == 2_400)
        let error = #expect(throws: Diagnostic.self) { try plan.run(execution, cancellation: Cancellation { true }) }
        #expect(error?.message == "cancelled")
    }
}

/// A small deterministic generator, so a fixture is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
