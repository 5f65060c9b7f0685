// Columns with a declared layout: read as declared whatever inference would say, every value required to
// match, and a value that does not match an error naming it and the format at its line and column.

import Testing

@testable import TallyData

struct CSVDeclaredColumnTests {
    static func date(_ pattern: String) -> ColumnFormat { .date(try! DateFormat(pattern: pattern)) }
    static func timestamp(_ pattern: String) -> ColumnFormat { .timestamp(try! DateFormat(pattern: pattern)) }
    static func number(_ example: String) -> ColumnFormat { .number(try! NumberFormat(example: example)) }

    static func columns(_ text: String, _ formats: [String: ColumnFormat]) throws -> [Column] {
        try CSV.load(text, options: CSVOptions(formats: formats)).dataset.columns
    }

    static let march5 = 19787 * CivilDate.microsPerDay
    static let hour = 3600 * CivilDate.microsPerSecond
    static let minute = 60 * CivilDate.microsPerSecond

    // MARK: Values

    @Test func datesInADeclaredLayout() throws {
        let columns = try Self.columns("id,d\n1,3/5/2024\n2,\n3,\"12/31/1999\"\n", ["d": Self.date("%m/%d/%Y")])
        #expect(columns[0].integers == [1, 2, 3])
        #expect(columns[1].dates == [19787, nil, 10956])
    }

    @Test func timestampsInADeclaredLayout() throws {
        let columns = try Self.columns("t\n3/5/2024 12:00 AM\n\n3/5/2024 1:15 pm\n", ["t": Self.timestamp("%m/%d/%Y %I:%M %p")])
        #expect(columns[0].timestamps == [Self.march5, nil, Self.march5 + 13 * Self.hour + 15 * Self.minute])
        // A date-only layout declared as timestamps means midnight UTC.
        #expect(try Self.columns("t\n05.03.2024\n", ["t": Self.timestamp("%d.%m.%Y")])[0].timestamps == [Self.march5])
    }

    @Test func isoLayoutsWhenNoneIsDeclared() throws {
        #expect(try Self.columns("d\n2024-03-05\n\n", [:])[0].dates == [19787])
        #expect(try Self.columns("d\n2024-03-05\n\n", ["d": .date(nil)])[0].dates == [19787])
        let text = "t\n2024-03-05 10:20:30\n2024-03-05\n2024-03-05 10:20 UTC\n2024-03-05T10:20:30.5+01\n"
        #expect(try Self.columns(text, ["t": .timestamp(nil)])[0].timestamps == [
            Self.march5 + 10 * Self.hour + 20 * Self.minute + 30_000_000, Self.march5, Self.march5 + 10 * Self.hour + 20 * Self.minute,
            Self.march5 + 9 * Self.hour + 20 * Self.minute + 30_500_000,
        ])
    }

    @Test func exportedNumbersAreExactDecimals() throws {
        let amounts = try Self.columns("amount\n\"$1,234.56\"\n(12.00)\n\n7\n-0.5 USD\n", ["amount": Self.number("1,234.56")])[0]
        #expect(amounts.decimals?.scale == 2)
        #expect(amounts.decimals?.mantissas == [123_456, -1200, nil, 700, -50])
        // The widest fraction sets the scale; shorter ones are scaled up exactly.
        let scaled = try Self.columns("x\n1\n2.5\n3.125\n", ["x": .number(.standard)])[0]
        #expect(scaled.decimals?.scale == 3)
        #expect(scaled.decimals?.mantissas == [1000, 2500, 3125])
    }

    @Test func exportedNumbersWithoutFractionsAreIntegers() throws {
        #expect(try Self.columns("n\n\"1,234\"\n-5\n(7)\n", ["n": .number(.standard)])[0].integers == [1234, -5, -7])
        #expect(try Self.columns("n\n\"9,223,372,036,854,775,807\"\n", ["n": .number(.standard)])[0].integers == [Int64.max])
        #expect(try Self.columns("n\n1.234.567\n", ["n": Self.number("1.234,56")])[0].integers == [1_234_567])
    }

    @Test func exportedNumbersBeyondExactAreDoubles() throws {
        // More than nine fraction digits: the whole column is double.
        #expect(try Self.columns("x\n1.5\n0.1234567891\n", ["x": .number(.standard)])[0].doubles == [1.5, 0.1234567891])
        // Beyond Int64, and the one value that would be the null marker.
        #expect(try Self.columns("x\n\"92,233,720,368,547,758,070\"\n", ["x": .number(.standard)])[0].doubles == [9.223372036854775807e19])
        #expect(try Self.columns("x\n-9223372036854775808\n", ["x": .number(.standard)])[0].doubles == [-9.223372036854775808e18])
        // Scaling an integer to the column's scale would overflow: doubles too.
        #expect(try Self.columns("x\n9223372036854775807\n0.5\n", ["x": .number(.standard)])[0].doubles == [9.223372036854775807e18, 0.5])
    }

    /// Declared doubles are read from their text, as inferred ones are: a value converted from its exact
    /// decimal first would be rounded twice (771757970383.2308966 would read as ...2308 instead of ...231).
    @Test func exportedDoublesAreRoundedOnce() throws {
        let text = "x\n771757970383.2308966\n0.1234567891\n"
        #expect(try Self.columns(text, ["x": .number(.standard)])[0].doubles == [771_757_970_383.231, 0.1234567891])
        #expect(try Self.columns(text, [:])[0].doubles == [771_757_970_383.231, 0.1234567891])
    }

    @Test func declaredTextKeepsWhatInferenceWouldRead() throws {
        let text = "zip,code\n02134,007\n10001,1e5\n"
        #expect(try CSV.load(text).dataset.columns[0].integers == [2134, 10001])
        let columns = try Self.columns(text, ["zip": .text, "code": .text])
        #expect(columns[0].texts == ["02134", "10001"])
        #expect(columns[1].texts == ["007", "1e5"])
        #expect(columns[1].firstNonNumber == nil)
    }

    @Test func declaredTypeIsKeptWithoutValues() throws {
        let formats: [String: ColumnFormat] = [
            "d": Self.date("%d/%m/%Y"), "t": .timestamp(nil), "n": .number(.standard), "s": .text, "i": .date(nil),
        ]
        let columns = try Self.columns("id,d,t,n,s,i\n1,,,,,\n2,,\"\",,,\n", formats)
        #expect(columns.map(\.type) == [.integer, .date, .timestamp, .integer, .text, .date])
        #expect(columns[1].dates == [nil, nil])
        #expect(columns[2].timestamps == [nil, nil])
        #expect(columns[3].integers == [nil, nil])
        // Undeclared, a column without values is text.
        #expect(try CSV.load("id,d\n1,\n").dataset.columns[1].type == .text)
    }

    @Test func declaredAfterRenaming() throws {
        let options = CSVOptions(renames: [(column: "signup", header: "Create Date")], formats: ["signup": Self.date("%d/%m/%Y")])
        #expect(try CSV.load("id,Create Date\n1,05/03/2024\n", options: options).dataset.columns[1].dates == [19787])
    }

    /// A declared number is held to what inferred ones are: never an infinity, nor a 0 that was not written.
    @Test func exportedNumbersOutOfRange() {
        let tiny = "x\n\"$0." + String(repeating: "0", count: 400) + "1\"\n"
        let error = CSV.error(tiny, options: CSVOptions(formats: ["x": .number(.standard)]))
        #expect(error?.line == 2)
        #expect(error?.column == 1)
        #expect(error?.message.hasSuffix("is out of range") == true)
        #expect(error?.help?.contains("too close to zero") == true)
        let huge = CSV.error("x\n\"1" + String(repeating: ",000", count: 120) + ".5\"\n", options: CSVOptions(formats: ["x": .number(.standard)]))
        #expect(huge?.message.hasSuffix("is out of range") == true)
    }

    @Test func declaringAMissingColumn() {
        let error = CSV.error("id,amount\n1,2\n", options: CSVOptions(formats: ["amout": .text]))
        #expect(error?.description == "t.csv:1:1: no column 'amout' to declare a format for")
        #expect(error?.help == "did you mean 'amount'? the columns are: 'id', 'amount'")
    }

    // MARK: Errors

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var formats: [String: ColumnFormat]
        var line: Int
        var column: Int
        var message: String
        var help: String
        var testDescription: String { name }

        init(
            _ name: String, _ text: String, _ formats: [String: ColumnFormat], _ line: Int, _ column: Int, _ message: String,
            _ help: String
        ) {
            self.init(name, Array(text.utf8), formats, line, column, message, help)
        }

        init(
            _ name: String, _ bytes: [UInt8], _ formats: [String: ColumnFormat], _ line: Int, _ column: Int, _ message: String,
            _ help: String
        ) {
            (self.name, self.bytes, self.formats) = (name, bytes, formats)
            (self.line, self.column, self.message, self.help) = (line, column, message, help)
        }
    }

    static let mustMatch = "every value of a column with a declared format must match it; leave the field empty for null"
    static let numberHelp = "declare the format the file uses, such as `as number format \"1.234,56\"` for a decimal comma"

    static let errors: [ErrorCase] = [
        ErrorCase("date does not match", "id,d\n1,03/05/2024\n2,13/45/2024\n", ["d": date("%m/%d/%Y")], 3, 3,
            "\"13/45/2024\" does not match the format \"%m/%d/%Y\"", mustMatch),
        ErrorCase("no such date", "d\n02/29/2024\n02/30/2024\n", ["d": date("%m/%d/%Y")], 3, 1,
            "\"02/30/2024\" is not a real date (format \"%m/%d/%Y\")", mustMatch),
        ErrorCase("quoted field", "id,d\n1,\"3/5/2024\"\n2,\"March 5\"\n", ["d": date("%m/%d/%Y")], 3, 3,
            "\"March 5\" does not match the format \"%m/%d/%Y\"", mustMatch),
        ErrorCase("after CRLF", "id,d\r\n1,3/5/2024\r\n22,2024-03-05\r\n", ["d": date("%m/%d/%Y")], 3, 4,
            "\"2024-03-05\" does not match the format \"%m/%d/%Y\"", mustMatch),
        ErrorCase("quoted after CRLF", "id,d\r\n1,3/5/2024\r\n22,\"2024-03-05\"\r\n", ["d": date("%m/%d/%Y")], 3, 4,
            "\"2024-03-05\" does not match the format \"%m/%d/%Y\"", mustMatch),
        ErrorCase("after a quoted line break", "note,d\n\"a\r\nb\",3/5/2024\nc,bad\n", ["d": date("%m/%d/%Y")], 4, 3,
            "\"bad\" does not match the format \"%m/%d/%Y\"", mustMatch),
        ErrorCase("columns count characters", "é,d\nàà,x\n", ["d": date("%m/%d/%Y")], 2, 4,
            "\"x\" does not match the format \"%m/%d/%Y\"", mustMatch),
        ErrorCase("semicolon file", "id;d\n1;3/5/2024\n2;3.5.2024\n", ["d": date("%m/%d/%Y")], 3, 3,
            "\"3.5.2024\" does not match the format \"%m/%d/%Y\"", mustMatch),
        ErrorCase("timestamp layout", "t\n3/5/2024 12:00 AM\n3/5/2024 13:00 PM\n", ["t": timestamp("%m/%d/%Y %I:%M %p")], 3, 1,
            "\"3/5/2024 13:00 PM\" does not match the format \"%m/%d/%Y %I:%M %p\"", mustMatch),
        ErrorCase("no such timestamp", "t\n2023-02-29 10:00\n", ["t": timestamp("%Y-%m-%d %H:%M")], 2, 1,
            "\"2023-02-29 10:00\" is not a real date (format \"%Y-%m-%d %H:%M\")", mustMatch),
        ErrorCase("ISO date", "d\n2024-03-05\n3/5/2024\n", ["d": .date(nil)], 3, 1,
            "\"3/5/2024\" is not a date in the form YYYY-MM-DD", "declare the layout the file uses, such as format \"%m/%d/%Y\""),
        ErrorCase("ISO timestamp", "t\n2024-03-05 10:20\nsoon\n", ["t": .timestamp(nil)], 3, 1,
            "\"soon\" is not a timestamp in the form YYYY-MM-DD HH:MM:SS",
            "declare the layout the file uses, such as format \"%m/%d/%Y %H:%M\""),
        ErrorCase("number grouping", "id,amount\n1,\"$1,234.50\"\n2,\"1,23,456\"\n", ["amount": .number(.standard)], 3, 3,
            "\"1,23,456\" is not a number in the format \"1,234.56\"", numberHelp),
        ErrorCase("decimal comma", "a;b\n1;2,5\n2;2.5\n", ["b": number("1.234,56")], 3, 3,
            "\"2.5\" is not a number in the format \"1.234,56\"", numberHelp),
        ErrorCase("quotes in the value shown once", "n\n1\n\"5\"\"\"\n", ["n": .number(.standard)], 3, 1,
            "\"5\\\"\" is not a number in the format \"1,234.56\"", numberHelp),
        ErrorCase("two currencies", "n\r\n$5\r\n\"$5 USD\"\r\n", ["n": .number(.standard)], 3, 1,
            "\"$5 USD\" is not a number in the format \"1,234.56\"", numberHelp),
        ErrorCase("invalid UTF-8 in declared text", Array("s\nok\n".utf8) + [0xFF, 0x0A], ["s": .text], 3, 1, "invalid UTF-8 in field",
            "Tally reads CSV files as UTF-8; re-export or convert the file (iconv -t UTF-8)"),
    ]

    @Test(arguments: errors)
    func error(_ c: ErrorCase) {
        do {
            _ = try CSVReader.parse(bytes: c.bytes, fileName: "t.csv", name: "t", options: CSVOptions(formats: c.formats))
            Issue.record("loaded")
        } catch {
            #expect(error.file == "t.csv")
            #expect(error.line == c.line && error.column == c.column, "\(error.line):\(error.column)")
            #expect(error.message == c.message)
            #expect(error.help == c.help)
        }
    }
}
