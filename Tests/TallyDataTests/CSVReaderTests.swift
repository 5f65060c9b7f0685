// CSV syntax (quoting, BOM, line endings) and per-column type inference.

import Foundation
import Testing

@testable import TallyData

struct CSVSyntaxTests {
    @Test func quotedFieldsHoldCommasQuotesAndNewlines() throws {
        let load = try CSV.load("a,b,c,d\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\",\"l1\r\nl2\"\nplain,\"\"\"\",q,\"\"\n")
        let columns = load.dataset.columns
        #expect(load.dataset.rowCount == 2)
        #expect(columns[0].texts == ["x, y", "plain"])
        #expect(columns[1].texts == ["say \"hi\"", "\""])
        #expect(columns[2].texts == ["line1\nline2", "q"])
        #expect(columns[3].texts == ["l1\r\nl2", nil])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let load = try CSV.load("\u{FEFF}id,name\n1,a\n")
        #expect(load.dataset.columns.map(\.name) == ["id", "name"])
        #expect(load.dataset.columns[0].integers == [1])
    }

    @Test func crlfLineEndings() throws {
        let load = try CSV.load("id,name\r\n1,a\r\n2,b\r\n")
        #expect(load.dataset.columns[0].integers == [1, 2])
        #expect(load.dataset.columns[1].texts == ["a", "b"])
    }

    @Test(arguments: ["id\n1\n2", "id\n1\n2\n", "id\r\n1\r\n2", "id\n1\n2\n\n\n", "id\r\n1\r\n2\r\n\r\n", "id\n1\n2\r"])
    func finalLineEndingIsOptional(_ text: String) throws {
        let load = try CSV.load(text)
        #expect(load.dataset.rowCount == 2)
        #expect(load.dataset.columns[0].integers == [1, 2])
    }

    @Test func headerOnly() throws {
        let load = try CSV.load("id,name\n")
        #expect(load.dataset.rowCount == 0)
        #expect(load.dataset.columns.map(\.type) == [.text, .text])
        #expect(load.dataset.columns[0].texts == [])
    }

    @Test func quotedHeaderNamesAreUnescaped() throws {
        let load = try CSV.load("\"Create Date\",\"a \"\"b\"\"\",c\n1,2,3\n")
        #expect(load.dataset.columns.map(\.name) == ["Create Date", "a \"b\"", "c"])
    }

    @Test func blankLineInSingleColumnFileIsNull() throws {
        #expect(CSV.column("name\nx\n\ny\n")?.texts == ["x", nil, "y"])
    }

    @Test func quotedEmptyLastRowIsARow() {
        #expect(CSV.column("a\n1\n\"\"\n")?.integers == [1, nil])
    }

    @Test func trailingCommaMakesAnEmptyLastField() throws {
        let load = try CSV.load("a,b\n1,\n")
        #expect(load.dataset.columns[1].texts == [nil])
    }

    @Test func textIsKeptExactly() {
        #expect(CSV.column("t\n a \nb\t\n\"  \"\ncafé\n日本\n")?.texts == [" a ", "b\t", "  ", "café", "日本"])
    }

    @Test func datasetMetadata() throws {
        let load = try CSV.load("a\n1\n", file: "data/orders.csv")
        #expect(load.dataset.name == "t")
        #expect(load.dataset.source == "data/orders.csv")
        #expect(load.skippedRows == [])
    }

    @Test func loadsFromDisk() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tally-csv-\(getpid()).csv").path
        try Data("id,amount\n1,2.50\n2,3\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let load = try CSVReader.load(path: path, name: "orders")
        #expect(load.dataset.name == "orders")
        #expect(load.dataset.columns[1].decimals?.mantissas == [250, 300])
        #expect(load.dataset.columns[1].decimals?.scale == 2)
    }

    @Test func veryLongFieldSurvivesPacking() throws {
        let long = String(repeating: "x", count: 8_400_000)
        let load = try CSV.load("a,b\n\(long),1\nshort,2\n")
        #expect(load.dataset.columns[0].texts?.map { $0?.count } == [8_400_000, 5])
        #expect(load.dataset.columns[1].integers == [1, 2])
    }

    @Test func manyDistinctValuesGetCodesInOrder() throws {
        let values = (0..<5000).map { "v\($0)" }
        let text = "k\n" + values.joined(separator: "\n") + "\n" + values.reversed().joined(separator: "\n") + "\n"
        guard case .text(let codes, let dictionary) = CSV.column(text)?.storage else {
            Issue.record("not text")
            return
        }
        #expect(dictionary == values)
        #expect(Array(codes.prefix(5000)) == (0..<5000).map { Int32($0) })
        #expect(Array(codes.suffix(5000)) == (0..<5000).reversed().map { Int32($0) })
    }
}

struct CSVTypeInferenceTests {
    @Test func booleans() {
        let column = CSV.column("flag\ntrue\nFALSE\nTrue\n\nfalse\n")
        #expect(column?.type == .boolean)
        #expect(column?.booleans == [true, false, true, nil, false])
    }

    @Test func integers() {
        let column = CSV.column("n\n-5\n+7\n0\n\n9223372036854775807\n-9223372036854775807\n007\n")
        #expect(column?.type == .integer)
        #expect(column?.integers == [-5, 7, 0, nil, 9_223_372_036_854_775_807, -9_223_372_036_854_775_807, 7])
    }

    @Test func quotedNumbersAreNumbers() {
        #expect(CSV.column("n\n\"12\"\n3\n")?.integers == [12, 3])
    }

    @Test func mixedIntegersAndDecimals() {
        let column = CSV.column("x\n1\n2.5\n-3\n")
        #expect(column?.type == .decimal)
        #expect(column?.decimals?.mantissas == [10, 25, -30])
        #expect(column?.decimals?.scale == 1)
    }

    @Test func decimalsScaleToTheLargestScale() {
        let column = CSV.column("x\n1.5\n2.25\n\n-0.01\n")
        #expect(column?.decimals?.mantissas == [150, 225, nil, -1])
        #expect(column?.decimals?.scale == 2)
    }

    @Test func nineFractionDigitsStayExact() {
        let column = CSV.column("x\n0.123456789\n1\n")
        #expect(column?.decimals?.mantissas == [123_456_789, 1_000_000_000])
        #expect(column?.decimals?.scale == 9)
    }

    @Test func tenFractionDigitsBecomeDouble() {
        let column = CSV.column("x\n0.1234567891\n2\n")
        #expect(column?.type == .decimal)
        #expect(column?.doubles == [0.1234567891, 2.0])
    }

    @Test func exponentsBecomeDouble() {
        let column = CSV.column("x\n1e5\n2.5E-3\n\n-4\n")
        #expect(column?.doubles == [100_000.0, 0.0025, nil, -4.0])
    }

    @Test func numbersNearTheEndsOfTheDoubleRangeAreRead() {
        let column = CSV.column("x\n1.7e308\n-1.7e308\n1e-320\n0e-400\n0.000e999\n-0.0e1\n")
        #expect(column?.doubles == [1.7e308, -1.7e308, Double("1e-320"), 0, 0, 0])
    }

    @Test func outOfRangeNumberInATextColumnIsText() {
        #expect(CSV.column("x\n1e999\nabc\n1e-400\n")?.texts == ["1e999", "abc", "1e-400"])
    }

    @Test func outOfRangeMessageSaysWhichEnd() {
        #expect(CSV.error("x\n1e999\n")?.help?.hasPrefix("numbers reach about 1.8e308") == true)
        #expect(CSV.error("x\n1e-999\n")?.help?.hasPrefix("it is too close to zero") == true)
        #expect(CSV.column("x\n2.5e-324\n")?.doubles == [.leastNonzeroMagnitude])
        #expect(CSV.error("x\n2.4e-324\n")?.message == "number 2.4e-324 is out of range")
    }

    @Test func integerBeyondInt64IsText() {
        #expect(CSV.column("x\n12345678901234567890\n1\n")?.texts == ["12345678901234567890", "1"])
        #expect(CSV.column("x\n1.5\n-9223372036854775809\n")?.texts == ["1.5", "-9223372036854775809"])
        #expect(CSV.column("x\n1e3\n9223372036854775808\n")?.texts == ["1e3", "9223372036854775808"])
    }

    @Test func wideIdsStayDistinct() {
        // Equal as doubles: a double column would have merged them.
        let column = CSV.column("id\n123456789012345678901\n123456789012345678902\n")
        #expect(column?.texts == ["123456789012345678901", "123456789012345678902"])
    }

    @Test func leadingZerosDoNotMakeANumberWide() {
        #expect(CSV.column("x\n0000000000000000000000042\n")?.integers == [42])
    }

    @Test func int64MinIsNotTheNullSentinel() {
        // Int64.min marks null in integer storage, so integers stop one short of it; it is text like a wider one.
        #expect(CSV.column("x\n-9223372036854775808\n")?.texts == ["-9223372036854775808"])
    }

    @Test func wholeNumbersWithAPointOrExponentStayFloatingPoint() {
        #expect(CSV.column("x\n123456789012345678901.0\n")?.doubles == [123_456_789_012_345_678_901.0])
        #expect(CSV.column("x\n1.23456789012345678901e20\n")?.doubles == [123_456_789_012_345_678_901.0])
    }

    @Test func scaledMantissaOverflowBecomesDouble() {
        // 922337203685477580.7 scaled to 2 digits is 92233720368547758070, beyond Int64.
        let column = CSV.column("x\n922337203685477580.7\n1.25\n")
        #expect(column?.doubles == [922_337_203_685_477_580.7, 1.25])
    }

    @Test func dates() {
        let column = CSV.column("d\n2024-03-05\n\n1969-12-31\n2024-02-29\n")
        #expect(column?.type == .date)
        #expect(column?.dates == [19787, nil, -1, 19782])
    }

    @Test func invalidDateMakesText() {
        let column = CSV.column("d\n2024-03-05\n2024-02-30\n")
        #expect(column?.texts == ["2024-03-05", "2024-02-30"])
    }

    @Test func timestamps() {
        let column = CSV.column("t\n2024-03-05T10:20:30Z\n\n2024-03-01T00:30:00+02:00\n2024-03-05 10:20:30.25\n")
        #expect(column?.type == .timestamp)
        #expect(column?.timestamps == [1_709_634_030_000_000, nil, 1_709_245_800_000_000, 1_709_634_030_250_000])
    }

    @Test func datesAmongTimestampsMeanMidnightUTC() {
        let column = CSV.column("t\n2024-03-05\n2024-03-05T10:20:30Z\n")
        #expect(column?.timestamps == [1_709_596_800_000_000, 1_709_634_030_000_000])
    }

    @Test func textIsDictionaryEncodedInOrderOfFirstAppearance() {
        guard case .text(let codes, let dictionary) = CSV.column("plan\npro\nfree\n\npro\nteam\n")?.storage else {
            Issue.record("not text")
            return
        }
        #expect(dictionary == ["pro", "free", "team"])
        #expect(codes == [0, 1, -1, 0, 2])
    }

    @Test func allNullColumnIsText() {
        let column = CSV.column("a,b\n,1\n\"\",2\n")
        #expect(column?.type == .text)
        #expect(column?.texts == [nil, nil])
    }

    @Test(arguments: [
        "x\ntrue\n1\n", "x\n2024-03-05\n7\n", "x\nyes\nno\n", "x\n.5\n", "x\n5.\n", "x\n1e\n",
        "x\n\"1\"\"2\"\n", "x\n 1\n", "x\n1 \n", "x\ninf\n", "x\nNaN\n", "x\n--1\n", "x\n0x10\n", "x\ntruth\n",
        "x\n2024-03-05T10:2\n",
    ])
    func thingsThatAreText(_ text: String) {
        #expect(CSV.column(text)?.type == .text)
    }

    @Test func escapedQuoteIsText() {
        #expect(CSV.column("x\n\"1\"\"2\"\n")?.texts == ["1\"2"])
    }

    @Test func nullsInEveryType() throws {
        let load = try CSV.load("b,i,d,f,day,ts,t\n,,,,,,\ntrue,1,1.5,1e2,2024-01-01,2024-01-01T00:00:00Z,x\n")
        let c = load.dataset.columns
        #expect(c.map(\.type) == [.boolean, .integer, .decimal, .decimal, .date, .timestamp, .text])
        #expect(c[0].booleans == [nil, true])
        #expect(c[1].integers == [nil, 1])
        #expect(c[2].decimals?.mantissas == [nil, 15])
        #expect(c[3].doubles == [nil, 100.0])
        #expect(c[4].dates == [nil, 19723])
        #expect(c[5].timestamps == [nil, 1_704_067_200_000_000])
        #expect(c[6].texts == [nil, "x"])
        #expect((0..<7).allSatisfy { c[$0].isNull(0) && !c[$0].isNull(1) })
    }
}
