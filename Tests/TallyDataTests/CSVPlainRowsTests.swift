// The 64-byte masks and the plain-row fast path must find exactly what scanning field by field finds:
// the same fields, rows, end, skipped rows and problems, on any bytes and wherever a buffer ends.

import Testing

@testable import TallyData

@Suite struct CSVPlainRowsTests {
    /// Bytes that shape CSV text, a multibyte character's bytes and plain letters, drawn often enough
    /// that every mix turns up in a few hundred blocks.
    static let alphabet: [UInt8] = Array(",;\t|\"\r\n ab7.-".utf8) + Array("é€".utf8) + [0x00, 0x7F, 0xFF]

    @Test(arguments: [",", ";", "\t", "|"])
    func masksMatchTheBytes(_ delimiter: String) {
        let d = Array(delimiter.utf8)[0]
        var random = SplitMix(seed: 11)
        for _ in 0..<2000 {
            let block = (0..<64).map { _ in Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))] }
            let masks = block.withUnsafeBytes { raw in
                raw.baseAddress.map { CSVBlockMasks($0, delimiter: d) } ?? .none
            }
            var ends: UInt64 = 0
            for (i, c) in block.enumerated() where c == d || c == CSVByte.lf { ends |= 1 << UInt64(i) }
            let special = block.contains(CSVByte.quote) || block.contains(CSVByte.cr)
            #expect(masks.ends == ends, "\(block)")
            #expect(masks.specials == (special ? ~0 : 0), "\(block)")
        }
    }

    @Test(arguments: [",", ";", "\t"])
    func randomBytesScanAsFieldByField(_ delimiter: String) {
        var random = SplitMix(seed: 5)
        for _ in 0..<2000 {
            let text = Self.randomText(&random)
            let columns = 1 + Int(random.next() % 4)
            Self.expectSameScan(text, columns: columns, delimiter: Array(delimiter.utf8)[0], random: &random)
        }
    }

    @Test func generatedRowsScanAsFieldByField() {
        var random = SplitMix(seed: 9)
        for _ in 0..<1500 {
            let columns = 1 + Int(random.next() % 5)
            let text = Self.generateRows(&random, columns: columns)
            Self.expectSameScan(text, columns: columns, random: &random)
        }
    }

    @Test(arguments: [
        // Plain rows, then a quoted one, a CRLF one, a blank line, a short and a long row.
        "1,22,333\n4444,55555,666666\n7,8,9\n\"q\",b,c\nx,y,z\r\n\n1,2\n1,2,3,4\nlast,row,here\n",
        // Fields longer than a block, and a row whose line feed is the block's last byte.
        String(repeating: "a", count: 70) + ",b,c\n" + String(repeating: "c", count: 59) + ",d,e\n" + "f,g,h\n",
        // A quote past the line feed belongs to the next row only.
        "1,2,3\n\"a\",b,c\n" + String(repeating: "x,y,z\n", count: 20),
        // Multibyte text and a stray quote inside a plain field.
        "é,€,ü\n" + String(repeating: "€€,éé,üü\n", count: 12) + "a,b\"c,d\n",
    ])
    func knownShapesScanAsFieldByField(_ text: String) {
        var random = SplitMix(seed: 3)
        for _ in 0..<20 { Self.expectSameScan(text, columns: 3, random: &random) }
    }

    /// Whole files through the reader, with chunks small enough to put chunk ends anywhere in rows the
    /// fast path scans: the values must be the same as in one chunk.
    @Test func chunkBoundariesInsidePlainRows() throws {
        var random = SplitMix(seed: 21)
        for _ in 0..<30 {
            let text = "a,b,c\n" + Self.generateRows(&random, columns: 3, quoted: false)
            let whole = CSV.outcome(Array(text.utf8), chunkSize: 1 << 30)
            for size in [1, 17, 64, 65, 100] {
                #expect(CSV.outcome(Array(text.utf8), chunkSize: size) == whole, "chunk size \(size) of:\n\(text)")
            }
        }
    }

    // MARK: Helpers

    /// Scans `text` with and without the fast path, over a few buffer ends (as when more of the file
    /// follows), column subsets and both ways of treating bad rows, and expects the same outcome.
    static func expectSameScan(_ text: String, columns: Int, delimiter: UInt8 = CSVByte.comma, random: inout SplitMix) {
        let bytes = Array(text.utf8)
        let slotOf = (0..<columns).map { _ in random.next() % 3 == 0 ? -1 : 0 }
        var slot = 0
        let slots = slotOf.map { wanted -> Int in
            guard wanted == 0 else { return -1 }
            defer { slot += 1 }
            return slot
        }
        let lengths = [bytes.count, Int(random.next() % UInt64(bytes.count + 1))]
        for length in lengths {
            for skipBadRows in [false, true] {
                let atEOF = length == bytes.count
                let limit = Int(random.next() % UInt64(length + 1))
                let fast = scan(bytes[..<length], atEOF, limit, columns, slots, skipBadRows, delimiter, plainRows: true)
                let plain = scan(
                    bytes[..<length], atEOF, limit, columns, slots, skipBadRows, delimiter, plainRows: false)
                #expect(
                    fast == plain,
                    "length \(length) of \(bytes.count), limit \(limit), columns \(columns): \(text.debugDescription)")
            }
        }
    }

    /// What scanning found, as text: rows, end, skipped rows and every wanted field, or the problem.
    static func scan(
        _ bytes: ArraySlice<UInt8>, _ atEOF: Bool, _ limit: Int, _ columns: Int, _ slotOf: [Int], _ skipBadRows: Bool,
        _ delimiter: UInt8, plainRows: Bool
    ) -> String {
        if delimiter != CSVByte.comma {
            return scan(bytes, atEOF, limit, columns, slotOf, skipBadRows, OtherDelimiter(byte: delimiter), plainRows)
        }
        return scan(bytes, atEOF, limit, columns, slotOf, skipBadRows, Comma(), plainRows)
    }

    static func scan<Delimiter: FieldDelimiter>(
        _ bytes: ArraySlice<UInt8>, _ atEOF: Bool, _ limit: Int, _ columns: Int, _ slotOf: [Int], _ skipBadRows: Bool,
        _ delimiter: Delimiter, _ plainRows: Bool
    ) -> String {
        let wanted = slotOf.filter { $0 >= 0 }.count
        let fields = CSVFieldBuffers()
        return Array(bytes).withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(buffer, base: 0, atEOF: atEOF, delimiter: delimiter)
            do throws(CSVScanStop) {
                let rows = try CSVRows.scan(
                    &scanner, from: 0, before: limit, columnCount: columns, slotOf: slotOf, into: fields,
                    wantedCount: wanted, skipBadRows: skipBadRows, plainRows: plainRows)
                var out = "rows \(rows.rowCount) end \(rows.end) skipped \(rows.skipped)"
                for slot in 0..<wanted {
                    out +=
                        "\n"
                        + fields.fields(slot, rows: rows.rowCount).map { "\($0.start):\($0.length):\($0.escaped)" }
                        .joined(separator: " ")
                }
                return out
            } catch {
                return "stopped: \(error)"
            }
        }
    }

    static func randomText(_ random: inout SplitMix) -> String {
        let length = Int(random.next() % 300)
        let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Rows of mostly plain fields with a few quoted fields, CRLF endings, blank lines, rows of the wrong
    /// width and long fields.
    static func generateRows(_ random: inout SplitMix, columns: Int, quoted: Bool = true) -> String {
        let values = [
            "", "1", "22.5", "-7", "2024-03-05", "pro", "é", "€uro", "x y", String(repeating: "w", count: 80),
        ]
        var text = ""
        for _ in 0..<Int(random.next() % 40) {
            var width = columns
            if quoted, random.next() % 20 == 0 { width += random.next() % 2 == 0 ? 1 : -1 }
            var row: [String] = []
            for _ in 0..<max(0, width) {
                var value = values[Int(random.next() % UInt64(values.count))]
                if quoted, random.next() % 15 == 0 { value = "\"a,\"\"b\"\"\nc\"" }
                row.append(value)
            }
            text += row.joined(separator: ",")
            text += quoted && random.next() % 10 == 0 ? "\r\n" : "\n"
            if quoted, random.next() % 25 == 0 { text += "\n" }
        }
        return text
    }
}
