// CSV errors with their exact file, line, column and message; renames; skipping bad rows.

import Testing

@testable import TallyData

struct CSVErrorTests {
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ line: Int, _ column: Int, _ message: String) {
            self.init(name, Array(text.utf8), line, column, message)
        }

        init(_ name: String, _ bytes: [UInt8], _ line: Int, _ column: Int, _ message: String) {
            self.name = name
            self.bytes = bytes
            self.line = line
            self.column = column
            self.message = message
        }
    }

    static let cases: [ErrorCase] = [
        ErrorCase("too few fields", "a,b,c\n1,2\n", 2, 4, "expected 3 fields, found 2"),
        ErrorCase("too many fields", "a,b\n1,2,3\n", 2, 5, "expected 2 fields, found 3"),
        ErrorCase("too many, CRLF", "a,b\r\n1,2\r\n3,4,5,6\r\n", 3, 5, "expected 2 fields, found 4"),
        ErrorCase("after a quoted newline", "a,b\n\"x\ny\",1\n1\n", 4, 2, "expected 2 fields, found 1"),
        ErrorCase("too few, row spans lines", "a,b,c\n\"x\ny\",1\n", 3, 5, "expected 3 fields, found 2"),
        ErrorCase("blank line between rows", "a,b\n1,2\n\n3,4\n", 3, 1, "expected 2 fields, found 1"),
        ErrorCase("columns count characters", "a,b\né,1,2\n", 2, 5, "expected 2 fields, found 3"),
        ErrorCase("no trailing newline", "a,b\n1,2\n3", 3, 2, "expected 2 fields, found 1"),
        ErrorCase("unterminated quote", "a,b\n1,\"abc\n", 2, 3, "unterminated quoted field starting here"),
        ErrorCase("unterminated after multi-line field", "a\n\"x\ny\"\n\"open\nmore\n", 4, 1,
            "unterminated quoted field starting here"),
        ErrorCase("quote inside unquoted field", "a,b\n1,ab\"c\n", 2, 5, "unexpected '\"' inside an unquoted field"),
        ErrorCase("text after closing quote", "a\n\"ab\"c\n", 2, 5, "unexpected character after a closing quote"),
        ErrorCase("duplicate header", "id,name,id\n1,2,3\n", 1, 9, "duplicate column name 'id'"),
        ErrorCase("duplicate header after BOM", "\u{FEFF}a,a\n", 1, 3, "duplicate column name 'a'"),
        ErrorCase("empty header", "id,,name\n", 1, 4, "empty column name in the header"),
        ErrorCase("quoted empty header", "id,\"\"\n", 1, 4, "empty column name in the header"),
        ErrorCase("empty file", "", 1, 1, "file is empty: a header row is required"),
        ErrorCase("only a BOM", "\u{FEFF}", 1, 1, "file is empty: a header row is required"),
        ErrorCase("only newlines", "\n\r\n\n", 1, 1, "file is empty: a header row is required"),
        ErrorCase("invalid UTF-8", [UInt8]("a,b\n1,x".utf8) + [0xFF] + [UInt8]("y\n".utf8), 2, 3,
            "invalid UTF-8 in field"),
        ErrorCase("invalid UTF-8 quoted", [UInt8]("a\nok\n\"".utf8) + [0xC3] + [UInt8]("\"\n".utf8), 3, 1,
            "invalid UTF-8 in field"),
        ErrorCase("invalid UTF-8 after multi-line field", [UInt8]("a\n\"p\nq\"\nx".utf8) + [0xFF, 0x0A], 4, 1,
            "invalid UTF-8 in field"),
        ErrorCase("overlong UTF-8", [UInt8]("a\n".utf8) + [0xC0, 0x80, 0x0A], 2, 1, "invalid UTF-8 in field"),
        ErrorCase("UTF-8 surrogate", [UInt8]("a\n".utf8) + [0xED, 0xA0, 0x80, 0x0A], 2, 1, "invalid UTF-8 in field"),
        ErrorCase("truncated UTF-8", [UInt8]("a\n".utf8) + [0xF0, 0x9F, 0x98], 2, 1, "invalid UTF-8 in field"),
        ErrorCase("invalid UTF-8 header", [UInt8]("id,a".utf8) + [0xFF] + [UInt8]("\n1,2\n".utf8), 1, 4,
            "invalid UTF-8 in column name"),
        ErrorCase("number too large", "id,amount\n1,2.5\n2,1e999\n", 3, 3, "number 1e999 is out of range"),
        ErrorCase("negative number too large", "id,amount\n1,-1e400\n2,1e5\n", 2, 3, "number -1e400 is out of range"),
        ErrorCase("quoted number too large", "id,amount\n1,3\n2,\"1E309\"\n", 3, 3, "number 1E309 is out of range"),
        ErrorCase("number too close to zero", "x\n0.5e-3\n1e-400\n", 3, 1, "number 1e-400 is out of range"),
        ErrorCase("long decimal too large", "x\n1.5\n1" + String(repeating: "0", count: 400) + ".5\n", 3, 1,
            "number 1" + String(repeating: "0", count: 400) + ".5 is out of range"),
        ErrorCase("first of two out of range", "x\n1\n1e-999\n1e999\n", 3, 1, "number 1e-999 is out of range"),
    ]

    @Test(arguments: cases)
    func error(_ c: ErrorCase) {
        let error = CSV.error(bytes: c.bytes)
        #expect(error?.file == "t.csv")
        #expect(error?.line == c.line)
        #expect(error?.column == c.column)
        #expect(error?.message == c.message)
        #expect(error?.help != nil)
    }

    @Test func validFourByteUTF8IsText() {
        #expect(CSV.column("a\n😀\n")?.texts == ["😀"])
    }

    @Test func descriptionAndDiagnostic() {
        let error = CSV.error("a,b,c\n1,2\n", file: "orders.csv")
        #expect(error?.description == "orders.csv:2:4: expected 3 fields, found 2")
        #expect(error?.help == "the header has 3 columns; write an empty value as nothing between two commas")
        let diagnostic = error?.diagnostic()
        #expect(diagnostic?.message == "orders.csv:2:4: expected 3 fields, found 2")
        #expect(diagnostic?.help == error?.help)
        #expect(diagnostic?.severity == .error)
    }

    @Test func duplicateHeaderHelpNamesTheFirst() {
        #expect(CSV.error("id,name,id\n")?.help == "column 1 of the header has the same name; rename one of them in the file")
    }

    @Test func missingFile() {
        do {
            _ = try CSVReader.load(path: "/nonexistent/x.csv", name: "x")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.line == 0)
            #expect(error.message == "no such file")
            #expect(error.description == "/nonexistent/x.csv: no such file")
        }
    }

    @Test func directoryIsNotAFile() {
        do {
            _ = try CSVReader.load(path: "/tmp", name: "x")
            Issue.record("loaded a directory")
        } catch {
            #expect(error.line == 0)
            #expect(error.message == "is a directory, not a CSV file")
        }
    }
}

/// Files in another Unicode encoding fail at the file, naming it, rather than as invalid UTF-8 somewhere.
struct CSVEncodingTests {
    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            return bigEndian ? [high, low] : [low, high]
        }
    }

    static func utf32(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.unicodeScalars.flatMap { scalar in
            let bytes = (0..<4).map { UInt8(truncatingIfNeeded: scalar.value >> (8 * $0)) }
            return bigEndian ? bytes.reversed() : bytes
        }
    }

    static let text = "id,amount\n1,2.50\n"

    static let cases: [(name: String, bytes: [UInt8], message: String, iconv: String)] = [
        ("UTF-16 LE with mark", utf16("\u{FEFF}" + text, bigEndian: false), "the file is UTF-16 (little-endian), not UTF-8", "UTF-16LE"),
        ("UTF-16 BE with mark", utf16("\u{FEFF}" + text, bigEndian: true), "the file is UTF-16 (big-endian), not UTF-8", "UTF-16BE"),
        ("UTF-16 LE without mark", utf16(text, bigEndian: false), "the file is UTF-16 (little-endian), not UTF-8", "UTF-16LE"),
        ("UTF-16 BE without mark", utf16(text, bigEndian: true), "the file is UTF-16 (big-endian), not UTF-8", "UTF-16BE"),
        ("UTF-32 LE with mark", utf32("\u{FEFF}" + text, bigEndian: false), "the file is UTF-32 (little-endian), not UTF-8", "UTF-32LE"),
        ("UTF-32 BE with mark", utf32("\u{FEFF}" + text, bigEndian: true), "the file is UTF-32 (big-endian), not UTF-8", "UTF-32BE"),
        ("only a UTF-16 mark", [0xFF, 0xFE], "the file is UTF-16 (little-endian), not UTF-8", "UTF-16LE"),
    ]

    @Test(arguments: cases.indices)
    func wideEncodingIsAnErrorAtTheFile(_ index: Int) {
        let c = Self.cases[index]
        let error = CSV.error(bytes: c.bytes)
        #expect(error?.line == 0, "\(c.name)")
        #expect(error?.description == "t.csv: \(c.message)", "\(c.name)")
        #expect(error?.help == "Tally reads CSV files as UTF-8; save it as UTF-8 or convert it (iconv -f \(c.iconv) -t UTF-8)")
    }

    @Test(arguments: ["a\n1\n", "a,b\n1,2\n", "\u{FEFF}a\n1\n", "x\n\u{0}\n"])
    func utf8IsNotMistakenForAWideEncoding(_ text: String) throws {
        #expect(try CSV.load(text).dataset.rowCount == 1)
    }
}

struct CSVRenameTests {
    @Test func renameLoadsHeaderUnderNewName() throws {
        let options = CSVOptions(renames: [(column: "signup_date", header: "Create Date")])
        let load = try CSV.load("id,Create Date\n1,2024-01-05\n", options: options)
        #expect(load.dataset.columns.map(\.name) == ["id", "signup_date"])
        #expect(load.dataset.column(named: "signup_date")?.dates == [19727])
    }

    @Test func renamesMaySwapNames() throws {
        let options = CSVOptions(renames: [(column: "b", header: "a"), (column: "a", header: "b")])
        let load = try CSV.load("a,b\n1,x\n", options: options)
        #expect(load.dataset.columns.map(\.name) == ["b", "a"])
    }

    @Test func renameOfMissingHeader() {
        let options = CSVOptions(renames: [(column: "signup_date", header: "Create Date")])
        let error = CSV.error("id,Created Date\n1,2\n", file: "data/orders.csv", options: options)
        #expect(error?.file == "data/orders.csv")
        #expect(error?.line == 1 && error?.column == 1)
        #expect(error?.message == "no column 'Create Date' in orders.csv")
        #expect(error?.help == "did you mean 'Created Date'? the columns are: 'id', 'Created Date'")
    }

    @Test func renameOfMissingHeaderWithoutSuggestion() {
        let options = CSVOptions(renames: [(column: "x", header: "zzzzzz")])
        let error = CSV.error("id,Created Date\n", file: "orders.csv", options: options)
        #expect(error?.message == "no column 'zzzzzz' in orders.csv")
        #expect(error?.help == "the columns are: 'id', 'Created Date'")
    }

    @Test func renameClashingWithAnotherColumn() {
        let options = CSVOptions(renames: [(column: "signup_date", header: "Create Date")])
        let error = CSV.error("signup_date,Create Date\n", options: options)
        #expect(error?.line == 1 && error?.column == 1)
        #expect(error?.message == "two columns would be named 'signup_date' after renaming")
    }

    @Test func sameHeaderRenamedTwice() {
        let options = CSVOptions(renames: [(column: "a", header: "x"), (column: "b", header: "x")])
        #expect(CSV.error("x\n", options: options)?.message == "column 'x' is renamed more than once")
    }
}

struct CSVSkipBadRowsTests {
    @Test func skipsRowsWithWrongFieldCounts() throws {
        let load = try CSV.load("a,b\n1,2\n3\n4,5,6\n7,8\n\n9,10\n", options: CSVOptions(skipBadRows: true))
        #expect(load.dataset.rowCount == 3)
        #expect(load.dataset.columns[0].integers == [1, 7, 9])
        #expect(load.dataset.columns[1].integers == [2, 8, 10])
        #expect(load.skippedRows == [3, 4, 6])
    }

    @Test func skippedRowIsNumberedByItsFirstLine() throws {
        let load = try CSV.load("a,b\n\"x\ny\"\n5,6\n", options: CSVOptions(skipBadRows: true))
        #expect(load.skippedRows == [2])
        #expect(load.dataset.columns[0].integers == [5])
    }

    @Test func numbersOutOfRangeStillFail() {
        let error = CSV.error("a,b\n1,2\n3\n1e999,4\n", options: CSVOptions(skipBadRows: true))
        #expect(error?.description == "t.csv:4:1: number 1e999 is out of range")
    }

    @Test func quotingErrorsStillFail() {
        let error = CSV.error("a,b\n1,\"x\n", options: CSVOptions(skipBadRows: true))
        #expect(error?.message == "unterminated quoted field starting here")
    }
}
