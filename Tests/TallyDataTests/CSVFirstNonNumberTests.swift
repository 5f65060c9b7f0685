// A text column with numbers in it keeps its first value that is not a number, located by line and column.

import Testing

@testable import TallyData

@Suite struct CSVFirstNonNumberTests {
    private func first(_ text: String, _ index: Int = 0) -> FirstNonNumber? {
        CSV.column(text, index)?.firstNonNumber
    }

    @Test func numbersThenText() {
        #expect(first("id,amount\n1,12.50\n2,N/A\n3,7\n4,n/a\n", 1) == FirstNonNumber(line: 3, column: 3, value: "N/A", kind: .notANumber))
        #expect(first("x\n1\n1e5\ntrue\n") == FirstNonNumber(line: 4, column: 1, value: "true", kind: .notANumber))
    }

    @Test func textBeforeTheNumbers() {
        #expect(first("x\n\nN/A\n5\n") == FirstNonNumber(line: 3, column: 1, value: "N/A", kind: .notANumber))
    }

    @Test(arguments: ["x\ntrue\n1\n", "x\n2024-01-05\n5\n", "x\n2024-01-05T10:00:00Z\n-5\n"])
    func otherTypesWithNumbers(_ text: String) {
        let value = text.split(separator: "\n")[1]
        #expect(first(text) == FirstNonNumber(line: 2, column: 1, value: String(value), kind: .notANumber))
    }

    @Test(arguments: [
        "x\nabc\ndef\n", "x\n1\n2.5\n", "x\n1e5\n3\n", "x\ntrue\nfalse\n", "x\n2024-01-05\n", "x\n\n\n", "x\n",
        "x\n-\n+\n.5\n", "x\n1-2\n2024-01\n",
    ])
    func noneWithoutNumbersOrWithoutText(_ text: String) {
        #expect(CSV.column(text) != nil)
        #expect(first(text) == nil)
    }

    @Test func wideIntegersAreTooLarge() {
        #expect(first("x\n1\n123456789012345678901\nabc\n") == FirstNonNumber(line: 3, column: 1, value: "123456789012345678901", kind: .tooLarge))
        #expect(first("x\n\"-9223372036854775808\"\n") == FirstNonNumber(line: 2, column: 1, value: "-9223372036854775808", kind: .tooLarge))
    }

    @Test func quotedValueIsShownUnquotedAndLocatedAtItsQuote() {
        #expect(first("a,x\nq,1\nr,\"say \"\"no\"\"\"\n", 1) == FirstNonNumber(line: 3, column: 3, value: "say \"no\"", kind: .notANumber))
    }

    @Test func columnsCountCharactersAfterAByteOrderMark() {
        #expect(first("\u{FEFF}name,x\né,1\n日本,ab\n", 1) == FirstNonNumber(line: 3, column: 4, value: "ab", kind: .notANumber))
    }

    @Test func linesCountBreaksInsideQuotes() {
        #expect(first("note,x\n\"a\nb\",1\nc,?\n", 1) == FirstNonNumber(line: 4, column: 3, value: "?", kind: .notANumber))
    }

    @Test func longValuesAreCut() {
        let long = String(repeating: "é", count: 100)
        let shown = String(repeating: "é", count: 39) + "…"
        #expect(first("x\n1\n\(long)\n")?.value == shown)
        #expect(first("x\n1\n\"\(long)\"\"\"\n")?.value == shown)
        #expect(first("x\n1\n" + String(repeating: "a", count: 40) + "\n")?.value == String(repeating: "a", count: 40))
    }

    @Test func notesNameTheFileTheColumnAndTheValue() {
        let plain = FirstNonNumber(line: 57, column: 12, value: "N/A", kind: .notANumber)
        #expect(plain.note(file: "orders.csv", column: "amount") == "orders.csv:57:12: \"N/A\" is the first value in amount that is not a number")
        let wide = FirstNonNumber(line: 3, column: 1, value: "123456789012345678901", kind: .tooLarge)
        #expect(wide.note(file: "a/ids.csv", column: "id") == "a/ids.csv:3:1: \"123456789012345678901\" in id is too large for a 64-bit integer")
        let quoted = FirstNonNumber(line: 2, column: 1, value: "a \"b\" \\c", kind: .notANumber)
        #expect(quoted.note(file: "f.csv", column: "x") == "f.csv:2:1: \"a \\\"b\\\" \\\\c\" is the first value in x that is not a number")
        let lines = FirstNonNumber(line: 2, column: 1, value: "a\nb\r\n\tc", kind: .notANumber)
        #expect(lines.note(file: "f.csv", column: "x") == #"f.csv:2:1: "a\nb\r\n\tc" is the first value in x that is not a number"#)
    }

    @Test func locationsOfSeveralOffsetsInOnePass() throws {
        let text = "\u{FEFF}ab\ncé\n\nd"
        let locator = CSVLocator(source: MemoryBytes(bytes: Array(text.utf8)))
        let offsets = [12, 3, 7, 0, 9, 4, 99]
        let found = try locator.locations(of: offsets).map { "\($0.line):\($0.column)" }
        #expect(found == ["4:2", "1:1", "2:2", "1:1", "2:3", "1:2", "4:2"])
        #expect(try offsets.map { try locator.location(of: $0) }.map { "\($0.line):\($0.column)" } == found)
    }

    @Test func locationsAcrossBlocksAgreeWithCountingEveryByte() throws {
        // Over two of the locator's 1 MiB blocks, with line breaks, runs without any and multi-byte characters.
        var random = SplitMix(seed: 11)
        var bytes = Array("\u{FEFF}".utf8)
        let pieces = ["a", "é", "日", "😀", "\n", "\r\n", String(repeating: "x", count: 5000)].map { Array($0.utf8) }
        while bytes.count < 2_300_000 { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
        var offsets = (0..<60).map { _ in Int(random.next() % UInt64(bytes.count + 10)) }
        offsets += [0, 1, 3, 1 << 20, (1 << 20) - 1, 2 << 20, bytes.count]
        var expected: [(Int, Int)] = []
        for offset in offsets {
            var (line, column) = (1, 1)
            for i in 0..<min(offset, bytes.count) {
                if bytes[i] == 0x0A {
                    (line, column) = (line + 1, 1)
                } else if bytes[i] & 0xC0 != 0x80, i >= 3 {
                    column += 1
                }
            }
            expected.append((line, column))
        }
        let found = try CSVLocator(source: MemoryBytes(bytes: bytes)).locations(of: offsets)
        #expect(found.map { "\($0.line):\($0.column)" } == expected.map { "\($0.0):\($0.1)" })
    }
}
