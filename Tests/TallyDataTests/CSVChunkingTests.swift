// Reading by chunks must not change a single value, type or error: every file here is read whole and with
// chunk sizes small enough to split rows, quoted fields and line breaks anywhere.

import Testing

@testable import TallyData

@Suite struct CSVChunkingTests {
    /// The line feeds counted eight bytes at a time, among bytes one bit away from a line feed, zeros
    /// and bytes with the high bit set, at every length and alignment, are the ones counted one by one.
    @Test func lineFeedsAreCountedEightBytesAtATime() {
        let alphabet: [UInt8] = [0x0A, 0x0A, 0x0B, 0x08, 0x8A, 0x00, 0xFF, 0x0D, UInt8(ascii: "a")]
        var random = SplitMix(seed: 31)
        let bytes = (0..<4_000).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
        for start in 0..<9 {
            for length in Array(0..<40) + [1_000, 3_991 - start] {
                let slice = Array(bytes[start..<start + length])
                let counted = slice.withUnsafeBufferPointer(CSVFile.lineFeeds)
                #expect(counted == slice.count(where: { $0 == 0x0A }), "\(start), \(length)")
            }
        }
    }

    /// Files whose columns change type part-way, hold quoted line breaks, CRLF, nulls and blank trailing lines.
    static let files: [(name: String, text: String)] = [
        ("ints then decimals", "a,b\n1,x\n2,y\n3,z\n4.5,w\n5,v\n"),
        ("decimal scales widen", "a\n1.5\n2.25\n3\n4.125\n"),
        ("ints then text", "a,b\n1,2\n2,3\n3,4\nfour,5\n"),
        ("dates then timestamps", "d\n2024-01-01\n2024-01-02\n2024-01-03T10:00:00Z\n2024-01-04\n"),
        ("decimals overflow into double", "a\n1.5\n2.5\n99999999999999999.5\n3.5\n"),
        ("nulls then values", "a,b\n,1\n,2\n,3\n7,4\n"),
        ("all null", "a,b\n,1\n,2\n"),
        ("booleans then text", "a\ntrue\nfalse\nTRUE\nmaybe\n"),
        ("quoted line breaks", "id,note\n1,\"a\nb\"\n2,\"c,\"\"d\"\"\n\ne\"\n3,plain\n4,\"\"\n5,\"x\r\ny\"\n"),
        ("crlf", "id,v\r\n1,a\r\n2,b\r\n3,\"c\r\nd\"\r\n\r\n\r\n"),
        ("no trailing newline", "id,v\n1,a\n2,b"),
        ("bom", "\u{FEFF}id,v\n1,a\n2,b\n"),
        ("text repeats across chunks", "k\nb\na\nb\nc\na\nd\nb\n"),
        ("a wide integer after numbers", "a\n1\n2.5\n3\n123456789012345678901\n4\n"),
        ("text before numbers", "a,b\n,1\nN/A,2\nx,3\n4,4\n5.5,5\n"),
        ("numbers then text", "a\n1\n2\n3\n\"n/a\"\nx\n4\n"),
        ("booleans and dates then numbers", "a,b\ntrue,2024-01-01\nfalse,2024-01-02\n1,3\n"),
        ("only wide integers", "id\n123456789012345678901\n123456789012345678902\n"),
        ("out-of-range numbers in a text column", "x,y\n1e999,1\n2,2\n-1e400,3\nabc,4\n1e-400,5\n"),
    ]

    static let chunkSizes = [1, 2, 3, 5, 8, 13, 64]

    @Test(arguments: files.map(\.name))
    func sameAsWhole(_ name: String) throws {
        let text = try #require(Self.files.first { $0.name == name }).text
        let whole = try CSV.render(read(text, chunkSize: 1 << 30))
        for size in Self.chunkSizes {
            #expect(try CSV.render(read(text, chunkSize: size)) == whole, "chunk size \(size)")
        }
    }

    @Test func generatedFilesMatch() throws {
        var random = SplitMix(seed: 7)
        for _ in 0..<40 {
            let text = Self.generate(&random)
            let whole = try CSV.render(read(text, chunkSize: 1 << 30))
            for size in [1, 7, 31, 97] {
                #expect(try CSV.render(read(text, chunkSize: size)) == whole, "chunk size \(size) of:\n\(text)")
            }
        }
    }

    @Test(arguments: [
        "a,b\n1,2\n3,4\n5\n7,8\n",
        "a,b\n1,2\n3,4\n5,6,7\n",
        "a,b\n1,\"x\ny\n2,3\n",
        "a,b\n1,2\n3,x\"y\n",
        "a,b\n1,\"x\"y,2\n",
        "a\nok\nok\n\u{FF}\n",
        "a,b\n1,2\n3,1e999\n4,1e-999\n",
        "a,b\n1,2.5\n1e999,x\n4,1e-999\n",
        "a\n1\n2\n3e5\n1" + String(repeating: "0", count: 320) + ".5\n",
    ])
    func sameErrorAsWhole(_ text: String) throws {
        let bytes = text.utf8.map { $0 == 0xC3 ? 0xFF : $0 }
        let whole = error(bytes, chunkSize: 1 << 30)
        #expect(whole != nil)
        for size in Self.chunkSizes {
            #expect(error(bytes, chunkSize: size) == whole, "chunk size \(size)")
        }
    }

    @Test func skippedRowsSameAsWhole() throws {
        let text = "a,b\n1,2\n3\n4,5\n\"6\n\",7,8\n9,10\n"
        var options = CSVOptions()
        options.skipBadRows = true
        let whole = try CSVReader.parse(bytes: Array(text.utf8), fileName: "t.csv", name: "t", options: options, chunkSize: 1 << 30)
        #expect(whole.skippedRows == [3, 5])
        for size in Self.chunkSizes {
            let chunked = try CSVReader.parse(bytes: Array(text.utf8), fileName: "t.csv", name: "t", options: options, chunkSize: size)
            #expect(chunked.skippedRows == whole.skippedRows)
            #expect(CSV.render(chunked.dataset) == CSV.render(whole.dataset))
        }
    }

    @Test func someColumnsOnly() throws {
        let text = "id,when,amount,kind\n1,2024-01-01,1.50,new\n2,2024-01-02,2.25,old\n3,,3,new\n"
        let file = try CSVFile(source: MemoryBytes(bytes: Array(text.utf8)), file: "t.csv", options: .init(), chunkSize: 9)
        #expect(file.columnNames == ["id", "when", "amount", "kind"])
        let some = try file.read(columns: ["kind", "amount"])
        #expect(some.rowCount == 3)
        #expect(some.columns.map(\.name) == ["kind", "amount"])
        #expect(some.columns[0].texts == ["new", "old", "new"])
        #expect(some.columns[1].decimals?.mantissas == [150, 225, 300])
        let none = try file.read(columns: [])
        #expect(none.rowCount == 3 && none.columns.isEmpty)
    }

    // MARK: Helpers

    private func read(_ text: String, chunkSize: Int) throws -> Dataset {
        try CSVReader.parse(bytes: Array(text.utf8), fileName: "t.csv", name: "t", chunkSize: chunkSize).dataset
    }

    private func error(_ bytes: [UInt8], chunkSize: Int) -> CSVError? {
        do {
            _ = try CSVReader.parse(bytes: bytes, fileName: "t.csv", name: "t", chunkSize: chunkSize)
            return nil
        } catch {
            return error
        }
    }

    /// A random file of five columns whose values mix numbers, dates, text, quotes and line breaks.
    static func generate(_ random: inout SplitMix) -> String {
        let pools: [[String]] = [
            ["1", "22", "-3", "", "4.5", "0.125"],
            ["2024-01-31", "", "2024-02-29", "2024-03-01T12:00:00Z"],
            ["a", "b", "\"c,d\"", "\"e\nf\"", "\"g\"\"h\"", "", "a"],
            ["true", "false", "", "1"],
            ["7", "", "N/A", "2.5", "123456789012345678901", "\"x\ny\"", "-1"],
        ]
        var lines = ["n,d,t,b,m"]
        let rows = Int(random.next() % 12)
        for _ in 0..<rows {
            lines.append(pools.map { pool in pool[Int(random.next() % UInt64(pool.count))] }.joined(separator: ","))
        }
        return lines.joined(separator: random.next() % 2 == 0 ? "\n" : "\r\n") + "\n"
    }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
