// A mask read through a relation (the related rows' bytes, looked up as rows are tested) passes the
// same rows as the bytes gathered per row, with every kind of target row lookup.

import TallyData
import Testing

@testable import TallyEngine

@Suite struct RowMaskTests {
    /// Customers whose key is `3 * i + 5` (dense) or `1000000 * i` (sparse), every other one passing;
    /// orders pointing at them, at no customer, or at none (null).
    static func orders(keyOf: (Int64) -> Int64) -> (keys: [Int64], foreign: [Int64], passes: [UInt8]) {
        let keys = (0..<50).map { keyOf(Int64($0)) }
        let passes = (0..<50).map { UInt8($0 % 2) }
        let foreign = (0..<1_000).map { i -> Int64 in
            if i % 13 == 0 { return nullInt }
            if i % 7 == 0 { return keyOf(Int64(i % 50)) + 1 }  // no customer holds it
            return keyOf(Int64(i % 50))
        }
        return (keys, foreign, passes)
    }

    @Test(arguments: [false, true], [UInt8(0), 1])
    func throughARelationPassesTheGatheredRows(sparse: Bool, unmatched: UInt8) throws {
        let (keys, foreign, passes) = Self.orders(keyOf: sparse ? { $0 * 1_000_000 } : { $0 * 3 + 5 })
        let index = try KeyIndex(
            foreign: .integer(foreign), key: .integer(keys), relation: relation("orders", "customer_id", to: "customers", "id"))
        if case .dense = index { #expect(!sparse) } else { #expect(sparse) }
        let expected = foreign.map { k -> UInt8 in
            guard let r = keys.firstIndex(of: k), k != nullInt else { return unmatched }
            return passes[r]
        }
        #expect(expected.contains(0) && expected.contains(1))
        // Foreign keys in both widths: 32 bits when they fit (dense keys here), and 64.
        let widths = [Integers(foreign), .wide(foreign)]
        for rows in widths.map({ TargetRows.indexed(index, $0) }) + [.mapped(index.rows(of: .integer(foreign)))] {
            let mask = RowMask.through(passes, unmatched: unmatched, rows: rows, count: foreign.count)
            let tested = mask.withTest { passes in (0..<foreign.count).map { passes($0) ? UInt8(1) : 0 } }
            #expect(tested == expected)
            #expect(mask.materialized == expected)
            let everyThird = (0..<foreign.count).map { UInt8($0 % 3 == 0 ? 1 : 0) }
            #expect(mask.and(everyThird).materialized == zip(expected, everyThird).map { $0 & $1 })
        }
    }
}
