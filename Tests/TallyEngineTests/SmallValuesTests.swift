// Values per related row held in one, two or four bytes, and dimensions read through a relation whose
// values need each width.

import TallyData
import Testing

@testable import TallyEngine

@Suite struct SmallValuesTests {
    private static func width(_ values: SmallValues) -> Int {
        switch values {
        case .bytes: 1
        case .halves: 2
        case .words: 4
        }
    }

    @Test func theWidthIsTheNarrowestThatHoldsTheLowestAndTheHighest() {
        #expect(Self.width(SmallValues([])) == 1)
        #expect(Self.width(SmallValues([-1, 0, 127])) == 1)
        #expect(Self.width(SmallValues([-128, 5])) == 1)
        #expect(Self.width(SmallValues([-1, 128])) == 2)
        #expect(Self.width(SmallValues([-129, 0])) == 2)
        #expect(Self.width(SmallValues([0, 32_767, -32_768])) == 2)
        #expect(Self.width(SmallValues([0, 32_768])) == 4)
        #expect(Self.width(SmallValues([Int32.min, Int32.max])) == 4)
        #expect(Self.width(SmallValues([3, 4]).map { $0 * 20_000 }) == 4)
        #expect(Self.width(SmallValues([30_000]).map { $0 - 30_000 }) == 1)
    }

    /// Gathering through targets gives each target's value in every width, and `unmatched` for a row
    /// without a related row; the targets may be the output buffer itself, as the relation's lookups pass it.
    @Test(arguments: [100, 20_000, 2_000_000])
    func gatherGivesEachTargetsValue(spread: Int32) {
        let values = (0..<500).map { Int32($0 * 7919 % 1000) * spread / 1000 - 1 }
        let small = SmallValues(values)
        let targets: [Int32] = (0..<2_000).map { $0 % 13 == 0 ? -1 : Int32($0 * 31 % 500) }
        let expected = targets.map { $0 >= 0 ? values[Int($0)] : -7 }
        var out = [Int32](repeating: 0, count: targets.count)
        targets.withUnsafeBufferPointer { t in
            out.withUnsafeMutableBufferPointer { small.gather(t, unmatched: -7, into: $0) }
        }
        #expect(out.indices.first { out[$0] != expected[$0] } == nil, "the first row gathered wrong")
        var inPlace = targets
        inPlace.withUnsafeMutableBufferPointer { buffer in
            small.gather(UnsafeBufferPointer(buffer), unmatched: -7, into: buffer)
        }
        #expect(inPlace.indices.first { inPlace[$0] != expected[$0] } == nil, "the first row gathered wrong in place")
    }

    /// Orders broken down by their customer's segment, read through the relation, for segments that
    /// need one, two and four bytes: every count and sum equals a plain loop's.
    @Test(arguments: [5, 300, 40_000])
    func aDimensionThroughARelationInEachWidth(segments: Int) throws {
        let customerCount = 60_000
        let orderCount = 100_000
        let codes = (0..<customerCount).map { $0 % 97 == 0 ? nullCode : Int32($0 * 7 % segments) }
        let segmentOf = codes.map { $0 == nullCode ? nil : "s\($0)" }
        let segment = ColumnStorage.text(codes: codes, dictionary: (0..<segments).map { "s\($0)" })
        let customers = table(
            "customers", ["id": .integer((0..<customerCount).map { Int64($0 + 1) }), "segment": segment])
        // Every 89th order points at no customer.
        let customerIDs = (0..<orderCount).map { i in
            i % 89 == 0 ? Int64(customerCount + 5) : Int64(i * 31 % customerCount + 1)
        }
        let amounts = (0..<orderCount).map { Int64($0 % 1_000) }
        let orders = table(
            "orders", ["customer_id": .integer(customerIDs), "amount": .decimal(amounts, scale: 2)])
        let f = Fixture(customers, orders, relations: [relation("orders", "customer_id", to: "customers", "id")])

        var expected: [Value: (count: Int64, cents: Int64)] = [:]
        for i in 0..<orderCount {
            let c = Int(customerIDs[i]) - 1
            let key: Value = c < customerCount ? segmentOf[c].map { .text($0) } ?? .null : .null
            expected[key, default: (0, 0)].count += 1
            expected[key, default: (0, 0)].cents += amounts[i]
        }
        let rows = try f.rows("count(orders) as n, sum(orders.amount) as s by segment")
        #expect(rows.count == expected.count)
        for row in rows {
            guard let want = expected[row[0]] else {
                Issue.record("unexpected segment \(row[0])")
                continue
            }
            #expect(row[1] == n(Double(want.count)), "\(row[0])")
            #expect(row[2] == n(Double(want.cents) / 100), "\(row[0])")
        }
    }
}
