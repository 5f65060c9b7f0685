// A mask read through a relation (the related rows' bytes, looked up as rows are tested) passes the
// same rows as the bytes gathered per row, with every kind of target row lookup.

import TallyData
import Testing

@testable import TallyEngine

@Suite struct RowMaskTests {
    /// Customers whose key is `i + 7` (sequential), `3 * i + 5` (dense) or `1000000 * i` (sparse),
    /// every other one passing; orders pointing at them, at no customer (or, for sequential keys, the
    /// next one), or at none (null).
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

    @Test(arguments: ["sequential", "dense", "sparse"], [UInt8(0), 1])
    func throughARelationPassesTheGatheredRows(layout: String, unmatched: UInt8) throws {
        let keyOf: (Int64) -> Int64 =
            switch layout {
            case "sequential": { $0 + 7 }
            case "dense": { $0 * 3 + 5 }
            default: { $0 * 1_000_000 }
            }
        let (keys, foreign, passes) = Self.orders(keyOf: keyOf)
        let index = try KeyIndex(
            foreign: .integer(foreign), key: .integer(keys), relation: relation("orders", "customer_id", to: "customers", "id"))
        switch index {
        case .sequential(let low, let count): #expect(layout == "sequential" && low == 7 && count == 50)
        case .dense: #expect(layout == "dense")
        default: #expect(layout == "sparse")
        }
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

    /// Keys numbering their rows: each key finds its row, and keys beside the run, null, or far enough
    /// to overflow find none. One key out of step, or a null, makes the keys an ordinary index.
    @Test func sequentialKeysFindTheirRowsWithoutATable() throws {
        let r = relation("orders", "customer_id", to: "customers", "id")
        let keys: [Int64] = Array(-3...996)
        let index = try KeyIndex(foreign: .integer([1]), key: .integer(keys), relation: r)
        guard case .sequential(low: -3, count: 1_000) = index else {
            Issue.record("\(index)")
            return
        }
        for (row, k) in keys.enumerated() { #expect(index.row(of: k) == Int32(row)) }
        for k in [-4, 997, Int64.max, Int64.min + 1, nullInt] { #expect(index.row(of: k) == -1, "\(k)") }
        #expect(index.rows(of: .integer([0, 997, nullInt, 996])) == [3, -1, -1, 999])
        let outOfStep: [[Int64]] = [
            keys.enumerated().map { $0 == 500 ? $1 + 1_000 : $1 }, [nullInt] + Array(keys.dropFirst()), [5, 4, 6],
        ]
        for broken in outOfStep {
            let other = try KeyIndex(foreign: .integer([1]), key: .integer(broken), relation: r)
            if case .sequential = other { Issue.record("\(broken.prefix(3)) read as sequential") }
            for (row, k) in broken.enumerated() where k != nullInt && broken.firstIndex(of: k) == row {
                #expect(other.row(of: k) == Int32(row))
            }
        }
    }
}
