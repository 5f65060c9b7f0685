// A large gzip file is sized from its trailer and decompressed once; whatever the trailer says, the
// answer (columns or error) is the one the whole-stream check gives.

import Foundation
import Synchronization
import Testing

@testable import TallyData

struct GzipTrailerTests {
    /// What reading `bytes` gives with the trailer trusted from `trailerFrom` bytes on.
    static func outcome(_ bytes: [UInt8], trailerFrom: Int, chunkSize: Int = 1 << 30) -> String {
        do {
            let load = try CSVReader.parse(
                bytes: bytes, fileName: "t.csv.gz", name: "t", options: .init(), chunkSize: chunkSize,
                gzipTrailerFrom: trailerFrom)
            return CSV.render(load.dataset)
        } catch {
            return "error \(error.description)\nhelp \(error.help ?? "-")"
        }
    }

    static let texts = GzipTests.texts + [
        "a,b\n1,2\n\n\n", "a\n1\n\n\n", "a\n\n1\n", "a\r\n1\r\n\r\n", "a,b\n1,2\r", "a\n1\n" + String(repeating: "\n", count: 100),
        "a,b\n1,2\n\n3,4\n", "a,b\n",
    ]

    @Test(arguments: texts.indices)
    func readsAsThePlainBytes(_ index: Int) {
        let plain = Array(Self.texts[index].utf8)
        let expected = Self.outcome(plain, trailerFrom: 0)
        for chunkSize in [3, 1 << 30] {
            #expect(Self.outcome(Gzip.compress(plain), trailerFrom: 0, chunkSize: chunkSize) == expected, "\(chunkSize)")
        }
    }

    /// Cases where the trailer's claim is wrong or the data is damaged: several members (the last one's
    /// length only), data after the stream, truncation, corruption. Each gives what the checked read gives.
    @Test func aWrongClaimGivesTheCheckedAnswer() {
        let text = String(repeating: "id,name\n1,alpha\n2,beta\n", count: 50)
        let member = Gzip.compress(Array(text.utf8))
        var corrupt = member
        corrupt[member.count - 8] ^= 0xFF
        let cases: [[UInt8]] = [
            Gzip.compress("a,b\n1,") + Gzip.compress([]) + Gzip.compress("2\n3,4\n"),
            Gzip.compress("a,b\n1,2\n3,4\n5,6\n") + Gzip.compress("7,8\n"),
            Gzip.compress("a,b\n") + Gzip.compress("1,2\n3,4\n5,6\n7,8\n9,10\n"),
            member + [1, 2, 3], member + [0, 0, 0, 0], Array(member[..<(member.count / 2)]), Array(member.dropLast(1)),
            corrupt,
        ]
        for (i, bytes) in cases.enumerated() {
            #expect(Self.outcome(bytes, trailerFrom: 0) == Self.outcome(bytes, trailerFrom: Int.max), "case \(i)")
        }
        #expect(Self.outcome(cases[1], trailerFrom: 0).contains("[1, 3, 5, 7]"))
    }

    /// A stream large enough to be decompressed on a thread of its own, whose members the readers
    /// check: a wrong CRC (in the last member, or in an earlier one), a wrong length or a cut gives the
    /// error the checked read gives, in zlib's words; whole, the same rows.
    @Test func damageInALargeStreamFailsAsTheCheckedReadDoes() {
        var random = SplitMix(seed: 11)
        func lines(_ bytes: Int) -> String {
            var text = ""
            while text.utf8.count < bytes { text += "\(random.next() % 1_000_000),\(random.next() % 10_000).\(random.next() % 90 + 10)\n" }
            return text
        }
        let (head, tail) = ("id,amount\n" + lines(3 << 20), lines(9 << 20))
        let whole = Gzip.compress(Array((head + tail).utf8))
        let (first, second) = (Gzip.compress(Array(head.utf8)), Gzip.compress(Array(tail.utf8)))
        func flipped(_ bytes: [UInt8], fromEnd: Int) -> [UInt8] {
            var damaged = bytes
            damaged[bytes.count - fromEnd] ^= 0x01
            return damaged
        }
        let cases = [
            whole, first + second, flipped(whole, fromEnd: 8), flipped(whole, fromEnd: 4), flipped(first, fromEnd: 7) + second,
            Array(whole.dropLast(3)),
        ]
        for (i, bytes) in cases.enumerated() {
            let trusted = Self.outcome(bytes, trailerFrom: 0)
            #expect(trusted == Self.outcome(bytes, trailerFrom: Int.max), "case \(i)")
            #expect(trusted.hasPrefix("error") == (i >= 2), "case \(i): \(trusted.prefix(200))")
        }
        #expect(Self.outcome(cases[2], trailerFrom: 0).contains("(incorrect data check)"))
        #expect(Self.outcome(cases[4], trailerFrom: 0).contains("(incorrect data check)"))
    }

    /// Sized from the trailer, the compressed bytes are read once; checked first, twice.
    @Test func largeFilesAreDecompressedOnce() throws {
        var text = "id,amount\n"
        var random = SplitMix(seed: 5)
        while text.utf8.count < 2 << 20 { text += "\(random.next() % 1_000_000),\(random.next() % 10_000).\(random.next() % 90 + 10)\n" }
        let compressed = Gzip.compress(Array(text.utf8))
        for (trailerFrom, passes) in [(0, 1), (Int.max, 2)] {
            let counting = CountingBytes(bytes: compressed)
            let file = try CSVFile(
                source: try CSVFile.bytes(of: counting, file: "t.csv.gz", options: .init(), gzipTrailerFrom: trailerFrom),
                file: "t.csv.gz", options: .init(), chunkSize: 1 << 18)
            let read = try file.read()
            #expect(read.rowCount == text.utf8.count(where: { $0 == UInt8(ascii: "\n") }) - 1)
            let fullReads = Double(counting.total) / Double(compressed.count)
            #expect(fullReads > Double(passes) - 0.01 && fullReads < Double(passes) + 0.1, "\(trailerFrom): \(fullReads)")
        }
    }
}

extension GzipTrailerTests {
    /// From 8 MiB on, a file is sized from its trailer by default: its compressed bytes are read once.
    @Test func filesOfEightMiBAreDecompressedOnceByDefault() throws {
        var text = "id,amount\n"
        var random = SplitMix(seed: 7)
        while text.utf8.count < 9 << 20 { text += "\(random.next() % 1_000_000),\(random.next() % 10_000).\(random.next() % 90 + 10)\n" }
        let compressed = Gzip.compress(Array(text.utf8))
        let counting = CountingBytes(bytes: compressed)
        let file = try CSVFile(
            source: try CSVFile.bytes(of: counting, file: "t.csv.gz", options: .init()), file: "t.csv.gz",
            options: .init(), chunkSize: CSVFile.defaultChunkSize)
        #expect(try file.read().rowCount == text.utf8.count(where: { $0 == UInt8(ascii: "\n") }) - 1)
        let fullReads = Double(counting.total) / Double(compressed.count)
        #expect(fullReads > 0.99 && fullReads < 1.1, "\(fullReads)")
    }
}

/// Bytes in memory that count how many are read.
final class CountingBytes: ByteSource, Sendable {
    let bytes: [UInt8]
    private let read = Mutex(0)
    var size: Int { bytes.count }
    var total: Int { read.withLock { $0 } }

    init(bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawPointer, offset: Int, count: Int) throws(CSVError) -> Int {
        let got = try MemoryBytes(bytes: bytes).read(into: buffer, offset: offset, count: count)
        read.withLock { $0 += got }
        return got
    }
}
