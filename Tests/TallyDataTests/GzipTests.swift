// Gzip-compressed CSV reads exactly as the plain bytes would; damaged compressed data is an error naming the
// file before any row is read, never a partial dataset.

import Foundation
import Synchronization
import Testing

@testable import TallyData

struct GzipTests {
    static let texts = [
        "id,amount,when\n1,2.50,2024-03-05\n2,,2024-03-06 10:20\n3,\"x,y\",\n",
        "\u{FEFF}a;b\r\n1;\"two\r\nlines\"\r\n\r\n",
        "a\tb\n1\t2\n3\t4",
        "a,b\n1,2\n3\n",
    ]

    static func error(_ bytes: [UInt8], file: String = "t.csv.gz") -> CSVError? {
        do {
            _ = try CSVReader.parse(bytes: bytes, fileName: file, name: "t")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: texts.indices)
    func readsAsThePlainBytes(_ index: Int) {
        let plain = Array(Self.texts[index].utf8)
        let compressed = Gzip.compress(plain)
        #expect(compressed.starts(with: [0x1F, 0x8B]))
        #expect(CSV.outcome(compressed, file: "t", chunkSize: 1 << 30) == CSV.outcome(plain, file: "t", chunkSize: 1 << 30))
    }

    @Test func concatenatedMembersReadAsOneFile() throws {
        // Split inside a row, with an empty member between, as `cat a.gz b.gz` or `gzip --rsyncable` leave them.
        let bytes = Gzip.compress("a,b\n1,") + Gzip.compress([]) + Gzip.compress("2\n3,4\n")
        let load = try CSV.load(bytes: bytes)
        #expect(load.dataset.columns.map(\.integers) == [[1, 3], [2, 4]])
    }

    @Test(arguments: [1, 4, 70_000])
    func trailingZerosArePadding(_ zeros: Int) throws {
        let bytes = Gzip.compress("a,b\n1,2\n") + [UInt8](repeating: 0, count: zeros)
        #expect(try CSV.load(bytes: bytes).dataset.columns.map(\.integers) == [[1], [2]])
    }

    static let help = "check the file with `gzip -t`, or compress it again"

    @Test func dataAfterTheStreamIsAnError() {
        for tail: [UInt8] in [[1, 2, 3], [0, 0, 7], [0x1F]] {
            let error = Self.error(Gzip.compress("a,b\n1,2\n") + tail)
            #expect(error?.description == "t.csv.gz: the file has data after the end of its compressed stream")
            #expect(error?.help == Self.help)
        }
    }

    @Test func truncatedDataIsAnError() {
        let full = Gzip.compress(Array(String(repeating: "id,name\n1,alpha\n2,beta\n", count: 50).utf8))
        // In the header, in the compressed blocks, and in the trailer (no CRC, or no length).
        for length in [2, 5, 10, 11, full.count / 2, full.count - 8, full.count - 4, full.count - 1] {
            let error = Self.error(Array(full[..<length]), file: "data/orders.csv.gz")
            #expect(error?.description == "data/orders.csv.gz: the compressed data ends early: the file is truncated", "\(length)")
            #expect(error?.help == Self.help)
        }
    }

    @Test func corruptDataIsAnError() {
        let text = "id,name\n1,alpha\n2,beta\n"
        let member = Gzip.compress(text)
        func damaged(_ bytes: [UInt8], at offset: Int, _ change: (UInt8) -> UInt8) -> [UInt8] {
            var bytes = bytes
            bytes[offset] = change(bytes[offset])
            return bytes
        }
        // The middle member's first block claims the reserved block type 3.
        let badBlock = member + damaged(member, at: 10) { $0 | 0b111 } + member
        let cases: [([UInt8], String)] = [
            (damaged(member, at: member.count - 8) { $0 ^ 0xFF }, "incorrect data check"),
            (damaged(member, at: member.count - 4) { $0 ^ 0x01 }, "incorrect length check"),
            (badBlock, "invalid block type"),
            (damaged(member, at: 2) { _ in 7 }, "unknown compression method"),
            // Plain bytes that merely start as gzip does.
            ([0x1F, 0x8B] + Array(text.utf8), "unknown compression method"),
        ]
        for (bytes, detail) in cases {
            let error = Self.error(bytes)
            #expect(error?.description == "t.csv.gz: the file is not valid gzip data (\(detail))")
            #expect(error?.line == 0)
            #expect(error?.help == Self.help)
        }
    }

    @Test func emptyStreamIsAnEmptyFile() {
        for text in ["", "\n\r\n"] {
            let error = Self.error(Gzip.compress(text))
            #expect(error?.description == "t.csv.gz:1:1: file is empty: a header row is required")
        }
    }

    @Test func errorsInTheDataAreLocatedInTheDecompressedText() {
        let error = Self.error(Gzip.compress("a,b\n1,2\n\"x\ny\",3\n4\n"))
        #expect(error?.description == "t.csv.gz:5:2: expected 2 fields, found 1")
    }

    /// Reads forward, backward (which starts the stream over) and across the 1 MiB steps it decompresses by.
    @Test func rangesReadAsThePlainBytes() throws {
        var plain: [UInt8] = []
        var random = SplitMix(seed: 11)
        while plain.count < 3 << 20 {
            plain += Array("\(random.next() % 100_000),\(random.next() % 7 == 0 ? "" : "v\(random.next() % 1000)")\n".utf8)
        }
        plain += [0x0A, 0x0D, 0x0A]
        let bytes = try GzipBytes(MemoryBytes(bytes: Gzip.compress(plain)), name: "t.csv.gz")
        #expect(bytes.size == plain.count)
        #expect(try bytes.contentEnd() == plain.count - 4)
        let ranges = [
            (0, 100), (50, 2 << 20), (3 << 20, 9), ((1 << 20) - 3, 7), (10, 10), (plain.count - 5, 100), (plain.count, 10),
            (2 << 20, 1 << 20), (1, (3 << 20) - 1),
        ]
        for (offset, count) in ranges {
            let expected = Array(plain[min(offset, plain.count)..<min(offset + count, plain.count)])
            #expect(try bytes.bytes(offset: offset, count: count) == expected, "\(offset) +\(count)")
        }
    }

    /// Workers reading chunks side by side, as the CSV reader's do, while the window is filled ahead of
    /// them on a thread of its own (10 MiB) or by the readers themselves (3 MiB); one of them now and then
    /// reads before the window (the stream starts over).
    @Test(arguments: [3 << 20, 10 << 20])
    func concurrentReadersSeeThePlainBytes(_ size: Int) throws {
        var plain: [UInt8] = []
        var random = SplitMix(seed: 23)
        while plain.count < size { plain += Array("\(random.next() % 1_000_000),v\(random.next() % 977)\n".utf8) }
        let text = plain
        for trailerFrom in [0, Int.max] {
            let bytes = try GzipBytes(MemoryBytes(bytes: Gzip.compress(text)), name: "t.csv.gz", trailerFrom: trailerFrom)
            let chunk = 300_000
            let mismatches = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: 4) { worker in
                var offset = worker * chunk
                var step = 0
                while offset < text.count {
                    let start = step % 7 == 6 ? offset / 3 : offset
                    let got = (try? bytes.bytes(offset: start, count: chunk)) ?? []
                    if got != Array(text[start..<min(start + chunk, text.count)]) { mismatches.withLock { $0 += 1 } }
                    offset += 4 * chunk
                    step += 1
                }
            }
            #expect(mismatches.withLock { $0 } == 0)
        }
    }

    @Test func compressedFilesOnDiskAreReadByName() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = folder.path + "/orders.csv.gz"
        let tsv = folder.path + "/orders.tsv.gz"
        try Data(Gzip.compress("id,amount\n1,2.5\n2,\n")).write(to: URL(fileURLWithPath: csv))
        try Data(Gzip.compress("id\tnote\n1\ta,b;c\n")).write(to: URL(fileURLWithPath: tsv))
        let orders = try CSVReader.load(path: csv, name: "orders").dataset
        #expect(orders.columns[1].decimals?.mantissas == [25, nil])
        let notes = try CSVFile(path: tsv)
        #expect(notes.delimiter == UInt8(ascii: "\t"))
        #expect(try notes.read().columns[1].texts == ["a,b;c"])

        let broken = folder.path + "/broken.csv.gz"
        try Data(Array(Gzip.compress("a\n1\n").dropLast(3))).write(to: URL(fileURLWithPath: broken))
        #expect(throws: CSVError(
            file: broken, line: 0, column: 0, message: "the compressed data ends early: the file is truncated", help: Self.help)
        ) { try CSVReader.load(path: broken, name: "broken") }
    }
}
