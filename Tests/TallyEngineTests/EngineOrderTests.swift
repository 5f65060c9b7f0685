// Row order (DESIGN §4): dimension values ascending by type, text by code point, nulls last; order by; limit.

import TallyData
import TallyDiagnostics
import Testing

@Suite struct EngineDimensionOrderTests {
    @Test func textOrdersByCodePointWithNullsLast() throws {
        // Code points: "A" 0x41 < "Z" 0x5A < "a" 0x61 < "b" < "z" < "É" 0xC9 (UTF-8 0xC3 0x89); null after all.
        let m = table("m", ["w": texts(["apple", "Zebra", "\u{C9}clair", "banana", "Apple", nil, "zebra", "apple"])])
        #expect(
            try Fixture(m).rows("count(m) as n by w") == [
                [t("Apple"), n(1)], [t("Zebra"), n(1)], [t("apple"), n(2)], [t("banana"), n(1)],
                [t("zebra"), n(1)], [t("\u{C9}clair"), n(1)], [.null, n(1)],
            ])
    }

    @Test func codePointOrderIsNotUTF16Order() throws {
        // U+FF21 (fullwidth A, UTF-16 0xFF21) sorts before U+1F600 (UTF-16 surrogates 0xD83D...) by code point,
        // but after it by UTF-16 code unit. Tally orders by code point.
        let m = table("m", ["w": texts(["\u{1F600}", "\u{FF21}"])])
        #expect(try Fixture(m).rows("count(m) as n by w") == [[t("\u{FF21}"), n(1)], [t("\u{1F600}"), n(1)]])
    }

    @Test func textDimensionsKeepByteDistinctValuesApart() throws {
        // "é" precomposed (U+00E9) and decomposed ("e" U+0301) are different code point sequences. The CSV
        // reader keeps them as two dictionary entries; grouping and `=` must not merge them (Swift's String
        // equality would, as canonical equivalence). Decomposed sorts first: 0x65 < 0xC3.
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

    @Test func integersOrderNumerically() throws {
        let m = table("m", ["k": .integer([10, 9, 100, -1, nullInt, 9])])
        #expect(
            try Fixture(m).rows("count(m) as n by k") == [
                [.integer(-1), n(1)], [.integer(9), n(2)], [.integer(10), n(1)], [.integer(100), n(1)], [.null, n(1)],
            ])
    }

    @Test func decimalsOrderNumerically() throws {
        // 1.50, 1.25, 10.00, 1.50: as text "10" would sort before "1.5".
        let m = table("m", ["k": .decimal([150, 125, 1000, 150], scale: 2)])
        #expect(try Fixture(m).rows("count(m) as n by k") == [[n(1.25), n(1)], [n(1.5), n(2)], [n(10), n(1)]])
    }

    @Test func booleansAndDatesOrderNaturally() throws {
        let m = table(
            "m",
            [
                "b": .boolean([nullBool, 1, 0, 1]),
                "d": .date([day(2024, 3, 1), day(2023, 12, 31), nullDay, day(2024, 1, 1)]),
            ])
        #expect(try Fixture(m).rows("count(m) as n by b") == [[.bool(false), n(1)], [.bool(true), n(2)], [.null, n(1)]])
        #expect(
            try Fixture(m).rows("count(m) as n by d") == [
                [.date(day(2023, 12, 31)), n(1)], [.date(day(2024, 1, 1)), n(1)], [.date(day(2024, 3, 1)), n(1)], [.null, n(1)],
            ])
    }

    @Test func nullsAreLastInEachDimension() throws {
        //   g  h
        //   b  x
        //   —  x
        //   a  —
        //   a  x
        //   —  —
        let m = table("m", ["g": texts(["b", nil, "a", "a", nil]), "h": texts(["x", "x", nil, "x", nil])])
        #expect(
            try Fixture(m).rows("count(m) as n by g, h") == [
                [t("a"), t("x"), n(1)], [t("a"), .null, n(1)], [t("b"), t("x"), n(1)],
                [.null, t("x"), n(1)], [.null, .null, n(1)],
            ])
    }
}

@Suite struct EngineOrderByTests {
    /// avg(x) by g: a 3, b null (its only x is null), c 5, d 1, e 3, null group 4.
    static let m = table(
        "m",
        [
            "g": texts(["c", "a", "e", nil, "b", "d"]),
            "x": .integer([5, 3, 3, 4, nullInt, 1]),
        ])
    let f = Fixture(m)

    private func groups(_ query: String) throws -> [Value] { try f.rows(query).map { $0[0] } }

    @Test func orderByAMeasureKeepsNullsLastInBothDirections() throws {
        // Ties (a and e, both 3) keep the default order: a before e.
        #expect(try groups("avg(m.x) as v by g order by v desc") == [t("c"), .null, t("a"), t("e"), t("d"), t("b")])
        #expect(try groups("avg(m.x) as v by g order by v") == [t("d"), t("a"), t("e"), .null, t("c"), t("b")])
        #expect(try groups("avg(m.x) as v by g order by v asc") == [t("d"), t("a"), t("e"), .null, t("c"), t("b")])
    }

    @Test func orderByADimensionDescendingKeepsTheNullGroupLast() throws {
        #expect(try groups("avg(m.x) as v by g order by g desc") == [t("e"), t("d"), t("c"), t("b"), t("a"), .null])
    }

    @Test func orderBySeveralKeys() throws {
        // By v descending, then g descending among equal v: e before a.
        #expect(try groups("avg(m.x) as v by g order by v desc, g desc") == [t("c"), .null, t("e"), t("a"), t("d"), t("b")])
    }

    @Test func orderByKeepsValuesWithTheirRows() throws {
        #expect(
            try f.rows("avg(m.x) as v by g order by v desc limit 3") == [[t("c"), n(5)], [.null, n(4)], [t("a"), n(3)]])
    }

    @Test func limit() throws {
        let zero = try f.run("avg(m.x) as v by g limit 0")
        #expect(zero.rows.isEmpty)
        #expect(zero.columns.map(\.name) == ["g", "v"])
        #expect(try f.rows("avg(m.x) as v by g limit 2") == [[t("a"), n(3)], [t("b"), .null]])
        #expect(try f.rows("avg(m.x) as v by g limit 100").count == 6)
    }

    @Test func orderByAnUnknownColumnIsAnError() throws {
        let error = try #require(f.failure("avg(m.x) as v by g order by w"))
        #expect(error.message.contains("w"))
    }
}
