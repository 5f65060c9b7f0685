// Delimiters: told from the header line outside quotes, declared, or tabs for a `.tsv` name; fields split on
// that byte only, and row-width help worded for it.

import Testing

@testable import TallyData

struct CSVDelimiterTests {
    static func file(_ text: String, name: String = "t.csv", delimiter: UInt8? = nil) throws -> CSVFile {
        try CSVFile(
            source: MemoryBytes(bytes: Array(text.utf8)), file: name, options: CSVOptions(delimiter: delimiter),
            chunkSize: CSVFile.defaultChunkSize)
    }

    static func texts(_ text: String, name: String = "t.csv", delimiter: UInt8? = nil) throws -> [[String?]] {
        try file(text, name: name, delimiter: delimiter).read().columns.map { $0.texts ?? [] }
    }

    // MARK: Told from the header

    @Test(arguments: [
        ("a;b;c\n1;2;3\n", ";", ["a", "b", "c"]), ("a\tb\n1\t2\n", "\t", ["a", "b"]), ("a|b\n1|2\n", "|", ["a", "b"]),
        ("a,b\n1,2\n", ",", ["a", "b"]), ("a\n1\n", ",", ["a"]), ("a b\n1\n", ",", ["a b"]),
        // Delimiters inside quotes are part of a name, even across a line break.
        ("\"a;b\",c\n1,2\n", ",", ["a;b", "c"]), ("\"x,y\";z\n1;2\n", ";", ["x,y", "z"]), ("\"a\nb,c\";d\n1;2\n", ";", ["a\nb,c", "d"]),
        ("\"a\"\"|\"\"\"\tb\n1\t2\n", "\t", ["a\"|\"", "b"]),
        // The header line alone decides: commas in the rows do not count.
        ("a;b\n1,5;2,5\n", ";", ["a", "b"]), ("\u{FEFF}a;b\n1;2\n", ";", ["a", "b"]), ("a;b\r\n1;2\r\n", ";", ["a", "b"]),
        ("only\n1;2\n", ",", ["only"]),
    ] as [(String, Character, [String])])
    func detected(_ text: String, _ delimiter: Character, _ names: [String]) throws {
        let file = try Self.file(text)
        #expect(file.delimiter == delimiter.asciiValue)
        #expect(file.columnNames == names)
    }

    @Test func valuesSplitOnTheDetectedDelimiterOnly() throws {
        #expect(try Self.texts("a;b\n1,5;x\n") == [["1,5"], ["x"]])
        #expect(try Self.texts("a\tb\nsemi;colon, and comma\tx|y\n") == [["semi;colon, and comma"], ["x|y"]])
        #expect(try Self.texts("a|b\n\"p|q\"|\"r\"\"s\"\n") == [["p|q"], ["r\"s"]])
        // Long fields, so the eight-bytes-at-a-time scan meets the delimiter, quotes, UTF-8 and control characters.
        #expect(try Self.texts("a;b\nééééé, more text here;ü\n") == [["ééééé, more text here"], ["ü"]])
        #expect(try Self.texts("a;b\nx\u{0B}y\u{0C}z and more\u{1};long enough\tvalue\n")
            == [["x\u{0B}y\u{0C}z and more\u{1}"], ["long enough\tvalue"]])
        #expect(try Self.texts("a\tb\r\nabcdefghij\tklmnopqrst\r\n\"quoted\ttab\r\nand break\"\tz\r\n")
            == [["abcdefghij", "quoted\ttab\r\nand break"], ["klmnopqrst", "z"]])
    }

    @Test func semicolonFileWithDecimalCommasReadsNumbersAsDeclared() throws {
        let options = CSVOptions(formats: ["amount": .number(try NumberFormat(example: "1.234,56"))])
        let load = try CSV.load("id;amount\n1;1.234,56 €\n2;-0,5 €\n3;\n", options: options)
        #expect(load.dataset.columns[0].integers == [1, 2, 3])
        #expect(load.dataset.columns[1].decimals?.mantissas == [123_456, -50, nil])
        #expect(load.dataset.columns[1].decimals?.scale == 2)
    }

    @Test(arguments: [
        ("a;b,c\n", "1 comma and 1 semicolon", "delimiter \",\" or delimiter \";\""),
        ("a,b,c;d\te\n", "2 commas and 1 semicolon and 1 tab", "delimiter \",\" or delimiter \";\" or delimiter \"\\t\""),
        ("a\tb\tc|d|e\n1\n", "2 tabs and 2 '|' characters", "delimiter \"\\t\" or delimiter \"|\""),
        ("\"q\";a,b\n", "1 comma and 1 semicolon", "delimiter \",\" or delimiter \";\""),
        ("\u{FEFF}a|b;c\n", "1 semicolon and 1 '|'", "delimiter \";\" or delimiter \"|\""),
    ])
    func twoKindsAreNotGuessed(_ text: String, _ found: String, _ options: String) {
        let error = CSV.error(text, file: "data/orders.csv")
        #expect(error?.file == "data/orders.csv")
        #expect(error?.line == 1 && error?.column == 1)
        #expect(error?.message == "cannot tell which character separates the fields: the header has \(found)")
        #expect(error?.help == "declare it when loading: load \"data/orders.csv\" \(options)")
    }

    // MARK: Declared, or by name

    @Test func declaredDelimiterWins() throws {
        #expect(try Self.file("a;b,c\n1;2,3\n", delimiter: UInt8(ascii: ";")).columnNames == ["a", "b,c"])
        #expect(try Self.file("a;b,c\n1;2,3\n", delimiter: UInt8(ascii: ",")).columnNames == ["a;b", "c"])
        #expect(try Self.texts("a,b\n1,2\n", delimiter: UInt8(ascii: ";")) == [["1,2"]])
        #expect(try Self.file("a;b\n1;2\n", name: "t.tsv", delimiter: UInt8(ascii: ";")).columnNames == ["a", "b"])
    }

    @Test(arguments: [
        ("data.tsv", true), ("DATA.TSV", true), ("x/orders.tsv.gz", true), ("orders.Tsv.GZ", true), ("data.csv", false),
        ("data.csv.gz", false), ("data.tsv.bak", false), ("tsv", false),
    ])
    func tsvNamesAreReadWithTabs(_ name: String, _ tabs: Bool) {
        #expect(DataFileName.delimiter(of: name) == (tabs ? UInt8(ascii: "\t") : nil))
    }

    @Test func tsvFileIgnoresCommasAndSemicolonsInItsHeader() throws {
        let file = try Self.file("a,b\tc;d\n1,2\t3;4\n", name: "data.tsv")
        #expect(file.delimiter == UInt8(ascii: "\t"))
        #expect(file.columnNames == ["a,b", "c;d"])
        #expect(try file.read().columns.map(\.texts) == [["1,2"], ["3;4"]])
        #expect(CSV.error("a,b\tc;d\n", file: "data.csv")?.message.hasPrefix("cannot tell which character") == true)
    }

    // MARK: Errors worded for the delimiter

    @Test(arguments: [
        ("a;b;c\n1;2\n", 2, 4, "expected 3 fields, found 2",
         "the header has 3 columns; write an empty value as nothing between two semicolons"),
        ("a;b\n1;2;3\n", 2, 5, "expected 2 fields, found 3", "the header has 2 columns; quote a value that contains a semicolon: \"a; b\""),
        ("a\tb\tc\n1\t2\n", 2, 4, "expected 3 fields, found 2",
         "the header has 3 columns; write an empty value as nothing between two tabs"),
        ("a\tb\n1\t2\t3\n", 2, 5, "expected 2 fields, found 3", "the header has 2 columns; quote a value that contains a tab: \"a<tab>b\""),
        ("a|b|c\n1|2\n", 2, 4, "expected 3 fields, found 2",
         "the header has 3 columns; write an empty value as nothing between two '|' characters"),
        ("a|b\n1|2|3\n", 2, 5, "expected 2 fields, found 3", "the header has 2 columns; quote a value that contains '|': \"a| b\""),
        ("a;b\n1;2\n\n3;4\n", 3, 1, "expected 2 fields, found 1", "the header has 2 columns; remove the blank line or fill in the row"),
        ("a;b\n1;x\"y\n", 2, 4, "unexpected '\"' inside an unquoted field",
         "quote the whole field and double the quotes inside it: \"say \"\"hi\"\"\""),
        ("a;b\n\"x\",2\n", 2, 4, "unexpected character after a closing quote",
         "a quoted field ends at its closing quote; write a quote inside it as \"\""),
    ] as [(String, Int, Int, String, String)])
    func rowErrorsNameTheDelimiter(_ text: String, _ line: Int, _ column: Int, _ message: String, _ help: String) {
        let error = CSV.error(text)
        #expect(error?.line == line && error?.column == column)
        #expect(error?.message == message)
        #expect(error?.help == help)
    }
}
