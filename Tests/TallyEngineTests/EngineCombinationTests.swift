// Combination keys of many large dimensions. What combinations a query shows (only those that occur,
// crossed with every period; values unified across datasets) is in the golden cases (dimensions.test),
// run on every engine.

import TallyData
import TallyDiagnostics
import Testing

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
