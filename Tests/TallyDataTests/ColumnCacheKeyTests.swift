// Stored copies of columns are keyed on everything that changes what is read: declared formats and the
// delimiter as well as the file, and for a compressed file on the compressed bytes on disk.

import Foundation
import Testing

@testable import TallyData

@Suite struct ColumnCacheKeyTests {
    static func date(_ pattern: String) -> ColumnFormat { .date(try! DateFormat(pattern: pattern)) }

    static let variants: [CSVOptions] = [
        CSVOptions(),
        CSVOptions(formats: ["a": .text]),
        CSVOptions(formats: ["b": .text]),
        CSVOptions(formats: ["a": .text, "b": .text]),
        CSVOptions(formats: ["a": .number(.standard)]),
        CSVOptions(formats: ["a": .number(try! NumberFormat(example: "1.234,56"))]),
        CSVOptions(formats: ["a": .number(try! NumberFormat(example: "1 234,56"))]),
        CSVOptions(formats: ["a": .date(nil)]),
        CSVOptions(formats: ["a": .timestamp(nil)]),
        CSVOptions(formats: ["a": date("%d/%m/%Y")]),
        CSVOptions(formats: ["a": date("%m/%d/%Y")]),
        CSVOptions(formats: ["a": .timestamp(try! DateFormat(pattern: "%d/%m/%Y"))]),
        CSVOptions(delimiter: UInt8(ascii: ",")),
        CSVOptions(delimiter: UInt8(ascii: ";")),
        CSVOptions(delimiter: UInt8(ascii: "\t")),
        CSVOptions(formats: ["a": .text], delimiter: UInt8(ascii: ";")),
    ]

    @Test func everyOptionThatChangesTheReadChangesTheKey() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let file = try FileBytes(path: try folder.writeCSV(name: "small.csv", exactSize: 100))
        let cache = ColumnCache(folder: folder.path + "/cache")
        #expect(Set(Self.variants.map(\.fingerprint)).count == Self.variants.count)
        #expect(Set(Self.variants.map { cache.entry(for: file, options: $0).folder }).count == Self.variants.count)
        // The order formats were declared in is not part of the key.
        var reversed = CSVOptions()
        reversed.formats["b"] = .number(.standard)
        reversed.formats["a"] = .text
        #expect(reversed.fingerprint == CSVOptions(formats: ["a": .text, "b": .number(.standard)]).fingerprint)
    }

    @Test func readsWithOtherFormatsAreNotServedEachOthersCopies() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV()
        let cache = ColumnCache(folder: folder.path + "/cache")
        let asText = CSVOptions(formats: ["amount": .text])
        for _ in 0..<2 {
            #expect(try CSVFile(path: csv, cache: cache).read(columns: ["amount"]).columns[0].decimals?.mantissas.first == -30_000)
            #expect(try CSVFile(path: csv, options: asText, cache: cache).read(columns: ["amount"]).columns[0].texts?.first == "-300.00")
        }
    }

    @Test func readsWithOtherDelimitersAreNotServedEachOthersCopies() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        // The header shows two delimiters, so each read declares one; either split is a valid file.
        var text = "k;v,w\n"
        var i = 0
        while text.utf8.count <= ColumnCache.minimumFileSize {
            text += "\(i);\(i),\(i % 7)\n"
            i += 1
        }
        let csv = folder.path + "/both.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: csv))
        let cache = ColumnCache(folder: folder.path + "/cache")
        for _ in 0..<2 {
            let semicolons = try CSVFile(path: csv, options: CSVOptions(delimiter: UInt8(ascii: ";")), cache: cache).read()
            #expect(semicolons.columns.map(\.name) == ["k", "v,w"])
            #expect(semicolons.columns[0].integers?.prefix(2) == [0, 1])
            #expect(semicolons.columns[1].texts?.prefix(2) == ["0,0", "1,1"])
            let commas = try CSVFile(path: csv, options: CSVOptions(delimiter: UInt8(ascii: ",")), cache: cache).read()
            #expect(commas.columns.map(\.name) == ["k;v", "w"])
            #expect(commas.columns[0].texts?.prefix(2) == ["0;0", "1;1"])
            #expect(commas.columns[1].integers?.prefix(2) == [0, 1])
        }
    }

    // MARK: Compressed files

    /// A CSV whose gzip copy is over the size the cache starts at: random hex compresses only about by half.
    static func hexCSV(variant: UInt64) -> [UInt8] {
        var random = SplitMix(seed: 5 + variant)
        var text = "id,hex\n"
        var i = 0
        while text.utf8.count < 3 * ColumnCache.minimumFileSize {
            text += "\(i),\(String(random.next(), radix: 16))\n"
            i += 1
        }
        return Array(text.utf8)
    }

    @Test func compressedFileIsCachedKeyedOnTheCompressedFile() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.path + "/hex.csv.gz"
        try Data(Gzip.compress(Self.hexCSV(variant: 0))).write(to: URL(fileURLWithPath: path))
        let compressed = try FileBytes(path: path)
        try #require(compressed.size > ColumnCache.minimumFileSize)
        let cache = ColumnCache(folder: folder.path + "/cache")

        let plain = try CSVReader.parse(bytes: Self.hexCSV(variant: 0), fileName: "hex.csv", name: "hex").dataset
        let first = try CSVFile(path: path, cache: cache).read()
        #expect(first.rowCount == plain.rowCount)
        #expect(first.columns[1].texts == plain.columns[1].texts)
        let entry = cache.entry(for: compressed, options: .init())
        #expect(folder.entries(of: cache) == [String(entry.folder.split(separator: "/").last ?? "")])

        // A copy written by the cache itself with other values: reading them proves the read came from there.
        let marker = (0..<Int64(first.rowCount)).map { $0 * 5 + 3 }
        cache.store([(index: 0, storage: .integer(Integers(marker)), firstNonNumber: nil)], rows: first.rowCount, in: entry)
        #expect(try CSVFile(path: path, cache: cache).read(columns: ["id"]).columns[0].integers == marker.map { Optional($0) })

        // Another compressed file under the same name is a miss: its own values, not the stored ones.
        try Data(Gzip.compress(Self.hexCSV(variant: 1))).write(to: URL(fileURLWithPath: path))
        let changed = try CSVFile(path: path, cache: cache).read()
        #expect(changed.columns[0].integers == (0..<Int64(changed.rowCount)).map { Optional($0) })
        #expect(changed.columns[1].texts != first.columns[1].texts)
        #expect(folder.entries(of: cache).count == 1)
    }
}
