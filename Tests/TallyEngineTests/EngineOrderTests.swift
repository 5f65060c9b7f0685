// Text dimension values that differ only in their bytes ("é" precomposed and decomposed) stay apart.
// The rest of row order (text by code point, nulls last, order by, limit) is in the golden cases
// (order.test), run on every engine; this case stays here because the CSV reader merges such values
// into one dictionary entry before any engine sees them.

import TallyData
import TallyDiagnostics
import Testing

@Suite struct EngineDimensionOrderTests {
    @Test func textDimensionsKeepByteDistinctValuesApart() throws {
        // "é" precomposed (U+00E9) and decomposed ("e" U+0301) are different code point sequences, two
        // dictionary entries here; grouping and `=` must not merge them (Swift's String equality would,
        // as canonical equivalence). Decomposed sorts first: 0x65 < 0xC3.
        let m = table("m", ["w": texts(["\u{E9}", "e\u{301}", "\u{E9}"])])
        let rows = try Fixture(m).rows("count(m) as n by w")
        #expect(rows.count == 2)
        // Value equality is Swift String equality, so compare the labels' scalars explicitly.
        let labels = rows.map { row -> [UInt32] in
            if case .text(let s) = row[0] { return s.unicodeScalars.map(\.value) }
            return []
        }
        #expect(labels == [[0x65, 0x301], [0xE9]])
        #expect(rows.map { $0.last } == [n(1), n(2)])
        #expect(try Fixture(m).value("count(m where w = \"\u{E9}\")") == n(2))
    }
}
