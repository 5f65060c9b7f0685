// The column cache must never change an answer: every read through it is compared, value by value, with a
// read of the same file without it, after a first read, a partial read, a changed file, damaged cache files,
// concurrent writers and a cache folder that cannot be created.

import Foundation
import Testing

@testable import TallyData

@Suite struct ColumnCacheTests {
    // MARK: Round trip

    @Test func roundTripGivesTheParsedColumns() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV()
        let cache = ColumnCache(folder: folder.path + "/cache")

        let plain = try CSVFile(path: csv).read()
        #expect(Self.kinds(plain) == Self.expectedKinds)
        #expect(plain.rowCount > 10_000)
        #expect(plain.columns[7].texts?.contains { $0?.contains(", ") == true } == true)
        #expect(plain.columns[2].doubles?.contains(1e300) == true)
        #expect(plain.columns[2].doubles?.contains(0.1234567891234) == true)
        for column in plain.columns {
            #expect((0..<plain.rowCount).contains { column.isNull($0) }, "\(column.name) has nulls")
        }

        let first = try CSVFile(path: csv, cache: cache).read()
        #expect(Self.differences(first, plain) == [])
        let entries = folder.entries(of: cache)
        #expect(entries.count == 1)
        #expect(Set(folder.files(in: entries.first ?? "")) == Set(["rows"] + (0..<8).map { "c\($0)" }))

        let second = try CSVFile(path: csv, cache: cache).read()
        #expect(Self.differences(second, plain) == [])
        #expect(folder.entries(of: cache) == entries)
    }

    @Test func rowCountAndEmptyReadsThroughTheCache() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV()
        let cache = ColumnCache(folder: folder.path + "/cache")
        let rows = try CSVFile(path: csv).read(columns: []).rowCount

        let first = try CSVFile(path: csv, cache: cache).read(columns: [])
        #expect(first.rowCount == rows && first.columns.isEmpty)
        let second = try CSVFile(path: csv, cache: cache).read(columns: ["missing", "id"])
        #expect(second.rowCount == rows)
        #expect(second.columns.map(\.name) == ["id"])
        #expect(Self.differences(second, try CSVFile(path: csv).read(columns: ["id"])) == [])
    }

    // MARK: Partial reads

    @Test func subsetThenWiderReadMatchesPlainReads() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV()
        let cache = ColumnCache(folder: folder.path + "/cache")

        let subset = ["note", "id", "at"]
        let some = try CSVFile(path: csv, cache: cache).read(columns: subset)
        #expect(Self.differences(some, try CSVFile(path: csv).read(columns: subset)) == [])
        let entry = try #require(folder.entries(of: cache).first)
        #expect(Set(folder.files(in: entry)) == ["rows", "c0", "c5", "c7"])

        // Three columns from the cache, five parsed, in an order of its own.
        let wider = ["kind", "at", "amount", "note", "flag", "id", "day", "ratio"]
        let all = try CSVFile(path: csv, cache: cache).read(columns: wider)
        #expect(Self.differences(all, try CSVFile(path: csv).read(columns: wider)) == [])
        #expect(Set(folder.files(in: entry)) == Set(["rows"] + (0..<8).map { "c\($0)" }))
        #expect(folder.entries(of: cache) == [entry])

        let again = try CSVFile(path: csv, cache: cache).read()
        #expect(Self.differences(again, try CSVFile(path: csv).read()) == [])
    }

    // MARK: The cache is used, and follows the file

    @Test func secondReadDoesNotRewriteTheCache() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV()
        let cache = ColumnCache(folder: folder.path + "/cache")
        _ = try CSVFile(path: csv, cache: cache).read()
        let entry = try #require(folder.entries(of: cache).first)
        let before = folder.stamps(in: entry)
        #expect(before.count == 9)

        let plain = try CSVFile(path: csv).read()
        #expect(Self.differences(try CSVFile(path: csv, cache: cache).read(), plain) == [])
        #expect(
            Self.differences(
                try CSVFile(path: csv, cache: cache).read(columns: ["day", "kind"]),
                try CSVFile(path: csv).read(columns: ["day", "kind"])) == [])
        #expect(folder.stamps(in: entry) == before)
    }

    @Test func readsComeFromTheCacheWhileTheFileIsUnchanged() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV()
        let cache = ColumnCache(folder: folder.path + "/cache")
        let rows = try CSVFile(path: csv, cache: cache).read().rowCount

        // A different but whole copy of column 0, written by the cache itself: a read that returns it
        // proves the values come from the cache and not from the CSV.
        let marker = (0..<rows).map { Int64($0) * 3 + 11 }
        let entry = cache.entry(for: try FileBytes(path: csv), options: .init())
        cache.store([(index: 0, storage: .integer(Integers(marker)), firstNonNumber: nil)], rows: rows, in: entry)
        let read = try CSVFile(path: csv, cache: cache).read(columns: ["id", "kind"])
        #expect(read.columns[0].integers == marker.map { Optional($0) })
        #expect(Self.differences(Self.subset(read, 1), try CSVFile(path: csv).read(columns: ["kind"])) == [])
    }

    @Test func changedFileInPlaceGivesNewValuesAndOneEntry() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV(variant: 0)
        let cache = ColumnCache(folder: folder.path + "/cache")
        let old = try CSVFile(path: csv, cache: cache).read()
        let oldEntries = folder.entries(of: cache)
        #expect(oldEntries.count == 1)
        let before = try folder.stamp(csv)

        // Same size, same inode: only the modification time tells the versions apart.
        try folder.overwriteInPlace(csv, with: TestFolder.csvText(variant: 1))
        try folder.setModified(csv, seconds: before.modified.seconds + 10, nanoseconds: 0)
        let after = try folder.stamp(csv)
        try #require(after.size == before.size && after.inode == before.inode)

        let plain = try CSVFile(path: csv).read()
        #expect(Self.differences(plain, old) != [])
        #expect(Self.differences(try CSVFile(path: csv, cache: cache).read(), plain) == [])
        let entries = folder.entries(of: cache)
        #expect(entries.count == 1)
        #expect(entries != oldEntries)
        #expect(Self.differences(try CSVFile(path: csv, cache: cache).read(), plain) == [])
    }

    @Test func replacedFileWithSameSizeAndTimeGivesNewValues() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV(variant: 0)
        let cache = ColumnCache(folder: folder.path + "/cache")
        _ = try CSVFile(path: csv, cache: cache).read()
        let before = try folder.stamp(csv)

        // Another file renamed over it, with the same size and modification time: only the inode differs.
        let other = try folder.writeCSV(name: "other.csv", variant: 1)
        try folder.setModified(other, seconds: before.modified.seconds, nanoseconds: before.modified.nanoseconds)
        try #require(rename(other, csv) == 0)
        let after = try folder.stamp(csv)
        try #require(after.size == before.size && after.modified == before.modified && after.inode != before.inode)

        let plain = try CSVFile(path: csv).read()
        #expect(Self.differences(try CSVFile(path: csv, cache: cache).read(), plain) == [])
        #expect(folder.entries(of: cache).count == 1)
    }

    // MARK: What made a text column text

    /// Numbers for over a megabyte, then one value that is not a number; the file's path and that value's place.
    static func writeMixedCSV(in folder: TestFolder) throws -> (path: String, rows: Int, first: FirstNonNumber) {
        var lines = ["id,amount"]
        var size = 10
        while size <= ColumnCache.minimumFileSize {
            lines.append("\(lines.count),\(lines.count % 1000).25")
            size += lines[lines.count - 1].utf8.count + 1
        }
        let prefix = "\(lines.count),"
        lines.append(prefix + "N/A")
        let path = folder.path + "/mixed.csv"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return (
            path, lines.count - 1,
            FirstNonNumber(line: lines.count, column: prefix.count + 1, value: "N/A", kind: .notANumber)
        )
    }

    @Test func firstNonNumberIsKeptInTheCache() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (csv, rows, expected) = try Self.writeMixedCSV(in: folder)
        let cache = ColumnCache(folder: folder.path + "/cache")
        #expect(try CSVFile(path: csv).read().columns[1].firstNonNumber == expected)
        #expect(try CSVFile(path: csv, cache: cache).read().columns[1].firstNonNumber == expected)
        let entry = folder.path + "/cache/" + (try #require(folder.entries(of: cache).first))
        #expect(cache.column(1, in: entry, rows: rows)?.firstNonNumber == expected)
        #expect(cache.column(0, in: entry, rows: rows).map { $0.firstNonNumber == nil } == true)
        #expect(try CSVFile(path: csv, cache: cache).read(columns: ["amount"]).columns[0].firstNonNumber == expected)

        // A copy with another value, written by the cache itself: reading it back proves it is read from there.
        let marker = FirstNonNumber(line: 7, column: 9, value: "é \"x\"", kind: .tooLarge)
        let storage = try CSVFile(path: csv).read(columns: ["amount"]).columns[0].storage
        cache.store(
            [(index: 1, storage: storage, firstNonNumber: marker)], rows: rows,
            in: cache.entry(for: try FileBytes(path: csv), options: .init()))
        #expect(try CSVFile(path: csv, cache: cache).read(columns: ["amount"]).columns[0].firstNonNumber == marker)
    }

    @Test func damagedFirstNonNumberIsAMiss() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (csv, rows, expected) = try Self.writeMixedCSV(in: folder)
        let cache = ColumnCache(folder: folder.path + "/cache")
        _ = try CSVFile(path: csv, cache: cache).read()
        let entry = folder.path + "/cache/" + (try #require(folder.entries(of: cache).first))
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: entry + "/c1")))
        bytes[bytes.count - 1] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: entry + "/c1"))
        #expect(cache.column(1, in: entry, rows: rows) == nil)
        #expect(try CSVFile(path: csv, cache: cache).read().columns[1].firstNonNumber == expected)
        #expect(cache.column(1, in: entry, rows: rows)?.firstNonNumber == expected)
    }

    @Test func copiesInTheEarlierLayoutAreMisses() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let (csv, rows, _) = try Self.writeMixedCSV(in: folder)
        let cache = ColumnCache(folder: folder.path + "/cache")
        let plain = try CSVFile(path: csv).read()
        _ = try CSVFile(path: csv, cache: cache).read()
        let entry = folder.path + "/cache/" + (try #require(folder.entries(of: cache).first))
        for index in 0..<2 {
            let path = entry + "/c\(index)"
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            bytes.replaceSubrange(0..<8, with: Array("TLYCOL03".utf8))
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(cache.column(index, in: entry, rows: rows) == nil)
        }
        #expect(Self.differences(try CSVFile(path: csv, cache: cache).read(), plain) == [])
    }

    // MARK: Damage

    /// Ways a cache file can be damaged; each must make a miss, never a wrong answer or a crash.
    enum Damage: String, CaseIterable, Codable, Sendable {
        case flipByteInIntegers, flipByteInText, flipByteInDictionary, flipScale
        case flipHighByteOfCount, flipHighByteOfDictionaryCount, hugeRowsAndCount
        case truncateColumn, truncateToHeader, emptyColumn, removeColumn
        case garbageOfSameLength, garbageAfterHeader, zeroesOfSameLength
        case rowsPlusOne, rowsMinusOne, rowsZero, rowsNegative, rowsHuge, rowsShort
    }

    /// Run in a process of its own, so a crash fails this case instead of ending the whole run; the folder
    /// belongs to this process, so it is removed even then.
    @Test(arguments: Damage.allCases)
    func damageIsAMiss(_ damage: Damage) async throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        await #expect(processExitsWith: .success) { [damage, path = folder.path as String] in
            let problems = ColumnCacheTests.damagedReadProblems(damage, in: TestFolder(existing: path))
            if !problems.isEmpty {
                FileHandle.standardError.write(Data((problems.joined(separator: "\n") + "\n").utf8))
                exit(2)
            }
        }
    }

    /// What goes wrong when a cache file is damaged as described and the file read again; empty when nothing.
    static func damagedReadProblems(_ damage: Damage, in folder: TestFolder) -> [String] {
        do {
            let csv = try folder.writeCSV()
            let cache = ColumnCache(folder: folder.path + "/cache")
            let plain = try CSVFile(path: csv).read()
            _ = try CSVFile(path: csv, cache: cache).read()
            guard let entry = folder.entries(of: cache).first else { return ["no cache entry"] }
            let path = folder.path + "/cache/" + entry
            try apply(damage, in: path, rows: plain.rowCount)

            var problems: [String] = []
            let damaged = try CSVFile(path: csv, cache: cache).read()
            problems += differences(damaged, plain).map { "after damage: \($0)" }
            let subset = try CSVFile(path: csv, cache: cache).read(columns: ["note", "amount"])
            problems += differences(subset, try CSVFile(path: csv).read(columns: ["note", "amount"])).map {
                "subset: \($0)"
            }
            let again = try CSVFile(path: csv, cache: cache).read()
            problems += differences(again, plain).map { "read again: \($0)" }
            // The damaged file was replaced by a whole copy.
            for index in 0..<8 where cache.column(index, in: path, rows: plain.rowCount) == nil {
                problems.append("c\(index) is not a whole copy after the reads")
            }
            return problems
        } catch {
            return ["error: \(error)"]
        }
    }

    static func apply(_ damage: Damage, in entry: String, rows: Int) throws {
        func column(_ index: Int) -> String { entry + "/c\(index)" }
        func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
        func put(_ bytes: [UInt8], _ path: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }
        func flip(_ path: String, with mask: UInt8 = 0x5A, at offset: (Int) -> Int) throws {
            var b = try bytes(path)
            b[offset(b.count)] ^= mask
            try put(b, path)
        }
        func garbage(_ count: Int) -> [UInt8] {
            var random = SplitMix(seed: 42)
            return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
        func rowsFile(_ value: Int64) throws {
            try put(withUnsafeBytes(of: value) { Array($0) }, entry + "/rows")
        }
        let header = 64
        switch damage {
        case .flipByteInIntegers: try flip(column(0)) { $0 / 2 }
        case .flipByteInText: try flip(column(6)) { _ in header + rows * 2 }  // within the codes
        case .flipByteInDictionary: try flip(column(7)) { $0 - 3 }
        case .flipScale: try flip(column(1)) { _ in 9 }
        case .flipHighByteOfCount: try flip(column(0), with: 0x80) { _ in 23 }  // header word 2: the row count
        case .flipHighByteOfDictionaryCount: try flip(column(6)) { _ in 39 }  // header word 4: dictionary strings
        case .hugeRowsAndCount:
            // A row count and a column header that agree with each other, but on no real file.
            let huge = Int64(1) << 61
            try rowsFile(huge)
            var b = try bytes(column(0))
            withUnsafeBytes(of: huge) { b.replaceSubrange(16..<24, with: $0) }
            try put(b, column(0))
        case .truncateColumn: try put(Array(try bytes(column(1)).dropLast(5)), column(1))
        case .truncateToHeader: try put(Array(try bytes(column(6)).prefix(header)), column(6))
        case .emptyColumn: try put([], column(3))
        case .removeColumn: try FileManager.default.removeItem(atPath: column(4))
        case .garbageOfSameLength: try put(garbage(try bytes(column(2)).count), column(2))
        case .garbageAfterHeader:
            let b = try bytes(column(5))
            try put(Array(b.prefix(header)) + garbage(b.count - header), column(5))
        case .zeroesOfSameLength: try put([UInt8](repeating: 0, count: try bytes(column(0)).count), column(0))
        case .rowsPlusOne: try rowsFile(Int64(rows + 1))
        case .rowsMinusOne: try rowsFile(Int64(rows - 1))
        case .rowsZero: try rowsFile(0)
        case .rowsNegative: try rowsFile(-1)
        case .rowsHuge: try rowsFile(Int64.max)
        case .rowsShort: try put([1, 2, 3], entry + "/rows")
        }
    }

    // MARK: Concurrent writers

    @Test func concurrentReadersIntoOneFolderAgree() async throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV()
        let plain = try CSVFile(path: csv).read()
        for round in 0..<3 {
            let cache = ColumnCache(folder: folder.path + "/cache\(round)")
            let results = try await withThrowingTaskGroup(of: CSVColumns.self) { group in
                for reader in 0..<4 {
                    group.addTask {
                        // Half read everything, half a subset first, so writers overlap on some columns.
                        let file = try CSVFile(path: csv, cache: cache)
                        if reader % 2 == 1 { _ = try file.read(columns: ["kind", "amount"]) }
                        return try file.read()
                    }
                }
                var all: [CSVColumns] = []
                for try await result in group { all.append(result) }
                return all
            }
            #expect(results.count == 4)
            for result in results { #expect(Self.differences(result, plain) == [], "round \(round)") }
            let entries = folder.entries(of: ColumnCache(folder: folder.path + "/cache\(round)"))
            #expect(entries.count == 1, "round \(round)")
            let entry = folder.path + "/cache\(round)/" + (entries.first ?? "")
            #expect(Set(folder.files(in: entry)) == Set(["rows"] + (0..<8).map { "c\($0)" }), "round \(round)")
            #expect(cache.rowCount(in: entry) == plain.rowCount)
            for index in 0..<8 {
                #expect(cache.column(index, in: entry, rows: plain.rowCount) != nil, "round \(round) c\(index)")
            }
            let third = try CSVFile(path: csv, cache: cache).read()
            #expect(Self.differences(third, plain) == [], "round \(round)")
        }
    }

    @Test func concurrentProcessesIntoOneFolderAgree() async throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV()
        let cacheFolder = folder.path + "/cache"
        // Two exit tests at once: separate processes writing the same entry.
        async let one: Void = Self.readInChildProcess(csv: csv, cacheFolder: cacheFolder)
        async let two: Void = Self.readInChildProcess(csv: csv, cacheFolder: cacheFolder)
        _ = await (one, two)
        let plain = try CSVFile(path: csv).read()
        let cache = ColumnCache(folder: cacheFolder)
        #expect(folder.entries(of: cache).count == 1)
        #expect(Self.differences(try CSVFile(path: csv, cache: cache).read(), plain) == [])
    }

    static func readInChildProcess(csv: String, cacheFolder: String) async {
        await #expect(processExitsWith: .success) { [csv, cacheFolder] in
            let plain = try CSVFile(path: csv).read()
            let cached = try CSVFile(path: csv, cache: ColumnCache(folder: cacheFolder)).read()
            if !ColumnCacheTests.differences(cached, plain).isEmpty { exit(2) }
        }
    }

    // MARK: Where the cache lives

    @Test func standardFolderFollowsTheEnvironment() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let home = folder.path + "/home"
        let xdg = folder.path + "/xdg"
        #expect(ColumnCache.standard(environment: ["XDG_CACHE_HOME": xdg, "HOME": home])?.folder == xdg + "/tally")
        #expect(ColumnCache.standard(environment: ["XDG_CACHE_HOME": xdg])?.folder == xdg + "/tally")
        #expect(ColumnCache.standard(environment: ["HOME": home])?.folder == home + "/.cache/tally")
        // A relative or empty XDG_CACHE_HOME is ignored, as the XDG specification asks.
        #expect(
            ColumnCache.standard(environment: ["XDG_CACHE_HOME": "cache", "HOME": home])?.folder == home
                + "/.cache/tally")
        #expect(
            ColumnCache.standard(environment: ["XDG_CACHE_HOME": "", "HOME": home])?.folder == home + "/.cache/tally")
        #expect(ColumnCache.standard(environment: ["TALLY_CACHE": "off", "XDG_CACHE_HOME": xdg, "HOME": home]) == nil)
        #expect(ColumnCache.standard(environment: ["TALLY_CACHE": "off", "HOME": home]) == nil)
        #expect(
            ColumnCache.standard(environment: ["TALLY_CACHE": "on", "HOME": home])?.folder == home + "/.cache/tally")
        #expect(ColumnCache.standard(environment: [:]) == nil)
        #expect(ColumnCache.standard(environment: ["HOME": ""]) == nil)
        #expect(ColumnCache.standard(environment: ["XDG_CACHE_HOME": "cache"]) == nil)
    }

    @Test func standardFolderIsCreatedOnFirstStore() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV()
        let cache = try #require(ColumnCache.standard(environment: ["HOME": folder.path + "/home"]))
        #expect(Self.differences(try CSVFile(path: csv, cache: cache).read(), try CSVFile(path: csv).read()) == [])
        #expect(folder.entries(of: cache).count == 1)
    }

    // MARK: Unusable cache folders

    @Test(arguments: ["file", "file/cache", "file/a/b"])
    func uncreatableCacheFolderIsIgnored(_ relative: String) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV()
        let blocker = folder.path + "/file"
        try Data("not a folder\n".utf8).write(to: URL(fileURLWithPath: blocker))
        let cache = ColumnCache(folder: folder.path + "/" + relative)
        let plain = try CSVFile(path: csv).read()
        #expect(Self.differences(try CSVFile(path: csv, cache: cache).read(), plain) == [])
        #expect(
            Self.differences(
                try CSVFile(path: csv, cache: cache).read(columns: ["flag"]),
                try CSVFile(path: csv).read(columns: ["flag"])) == [])
        #expect(Self.differences(try CSVFile(path: csv, cache: cache).read(), plain) == [])
        #expect(try String(contentsOfFile: blocker, encoding: .utf8) == "not a folder\n")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["data.csv", "file"])
    }

    // MARK: Files not cached

    @Test func smallFilesAreNotCached() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let cache = ColumnCache(folder: folder.path + "/cache")
        let tiny = folder.path + "/tiny.csv"
        try Data("id,name\n1,a\n2,\"b, c\"\n,\n".utf8).write(to: URL(fileURLWithPath: tiny))
        let read = try CSVFile(path: tiny, cache: cache).read()
        #expect(read.rowCount == 3)
        #expect(read.columns[1].texts == ["a", "b, c", nil])

        let justUnder = try folder.writeCSV(name: "under.csv", exactSize: ColumnCache.minimumFileSize - 1)
        #expect(
            Self.differences(try CSVFile(path: justUnder, cache: cache).read(), try CSVFile(path: justUnder).read())
                == [])
        #expect(folder.entries(of: cache).isEmpty)

        let exact = try folder.writeCSV(name: "exact.csv", exactSize: ColumnCache.minimumFileSize)
        #expect(Self.differences(try CSVFile(path: exact, cache: cache).read(), try CSVFile(path: exact).read()) == [])
        #expect(folder.entries(of: cache).count == 1)
    }

    @Test func skippingBadRowsIsNotCached() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV()
        let cache = ColumnCache(folder: folder.path + "/cache")
        let options = CSVOptions(skipBadRows: true)
        let read = try CSVFile(path: csv, options: options, cache: cache).read()
        #expect(Self.differences(read, try CSVFile(path: csv).read()) == [])
        #expect(folder.entries(of: cache).isEmpty)
    }

    @Test func renamesReadTheSameValuesUnderTheirNames() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV()
        let cache = ColumnCache(folder: folder.path + "/cache")
        let options = CSVOptions(renames: [(column: "identifier", header: "id")])
        let plain = try CSVFile(path: csv, options: options).read()
        #expect(plain.columns[0].name == "identifier")
        for _ in 0..<2 {
            #expect(Self.differences(try CSVFile(path: csv, options: options, cache: cache).read(), plain) == [])
            #expect(Self.differences(try CSVFile(path: csv, cache: cache).read(), try CSVFile(path: csv).read()) == [])
        }
    }

    // MARK: Comparing reads

    static let expectedKinds = [
        "id integer", "amount decimal(2)", "ratio double", "flag boolean", "day date", "at timestamp", "kind text",
        "note text",
    ]

    static func kinds(_ read: CSVColumns) -> [String] {
        read.columns.map { "\($0.name) \(kind($0.storage))" }
    }

    static func kind(_ storage: ColumnStorage) -> String {
        switch storage {
        case .integer: "integer"
        case .decimal(_, let scale): "decimal(\(scale))"
        case .double: "double"
        case .boolean: "boolean"
        case .date: "date"
        case .timestamp: "timestamp"
        case .text: "text"
        }
    }

    static func subset(_ read: CSVColumns, _ index: Int) -> CSVColumns {
        CSVColumns(columns: [read.columns[index]], rowCount: read.rowCount, skippedRows: read.skippedRows)
    }

    /// How two reads differ, briefly: row counts, names, types, scales, values, dictionaries.
    static func differences(_ a: CSVColumns, _ b: CSVColumns) -> [String] {
        var out: [String] = []
        if a.rowCount != b.rowCount { out.append("rows \(a.rowCount) vs \(b.rowCount)") }
        if a.skippedRows != b.skippedRows { out.append("skipped rows differ") }
        if a.columns.map(\.name) != b.columns.map(\.name) {
            out.append("names \(a.columns.map(\.name)) vs \(b.columns.map(\.name))")
        }
        for (x, y) in zip(a.columns, b.columns) {
            if let problem = difference(x.storage, y.storage) { out.append("\(x.name): \(problem)") }
        }
        return out
    }

    static func difference(_ a: ColumnStorage, _ b: ColumnStorage) -> String? {
        func compare<T: Equatable>(_ x: [T], _ y: [T]) -> String? {
            if x.count != y.count { return "\(x.count) values vs \(y.count)" }
            guard let row = x.indices.first(where: { x[$0] != y[$0] }) else { return nil }
            return "row \(row): \(x[row]) vs \(y[row])"
        }
        func compare(_ x: Integers, _ y: Integers) -> String? {
            x.isNarrow != y.isNarrow ? "widths differ (\(x.isNarrow ? 32 : 64) vs \(y.isNarrow ? 32 : 64) bits)" : compare(x.widened, y.widened)
        }
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return compare(x, y)
        case (.timestamp(let x), .timestamp(let y)): return compare(x, y)
        case (.decimal(let x, let s), .decimal(let y, let t)): return s != t ? "scale \(s) vs \(t)" : compare(x, y)
        case (.double(let x), .double(let y)): return compare(x.map(\.bitPattern), y.map(\.bitPattern))
        case (.boolean(let x), .boolean(let y)): return compare(x, y)
        case (.date(let x), .date(let y)): return compare(x, y)
        case (.text(let c, let d), .text(let e, let f)):
            if d != f { return "dictionaries differ (\(d.count) vs \(f.count) strings)" }
            return compare(c, e)
        default: return "\(kind(a)) vs \(kind(b))"
        }
    }
}

/// A folder of one test's own, with the CSV files it writes; `remove()` deletes it all.
struct TestFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.path + "/tally-column-cache-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    init(existing path: String) { self.path = path }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// The generated CSV (just over the size the cache starts at) written under `name`; its path.
    func writeCSV(name: String = "data.csv", variant: Int = 0) throws -> String {
        let file = path + "/" + name
        try Data(Self.csvText(variant: variant).utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// A two-column CSV of exactly `exactSize` bytes.
    func writeCSV(name: String, exactSize: Int) throws -> String {
        var text = "id,pad\n"
        var i = 0
        while exactSize - text.utf8.count > 64 {
            text += "\(i),abcdefgh\n"
            i += 1
        }
        let prefix = "\(i),"
        text += prefix + String(repeating: "z", count: exactSize - text.utf8.count - prefix.utf8.count - 1) + "\n"
        precondition(text.utf8.count == exactSize)
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Eight columns, one of each type, with nulls in each: integer, decimal (2 places), double, boolean,
    /// date, timestamp, text with few distinct values, and quoted text holding commas and quotes. Variants
    /// differ in values but have the same size.
    static func csvText(variant: Int = 0) -> String {
        let kinds = ["north", "south", "east", "west", ""]
        let doubles = ["1e300", "0.1234567891234", "-2.5e-7", "", "3.14159265358979"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var lines = ["id,amount,ratio,flag,day,at,kind,note"]
        var size = lines[0].utf8.count + 1
        var i = 0
        while size <= ColumnCache.minimumFileSize + 10_000 {
            let id = i % 101 == 5 ? "" : "\(1_000_000 * (variant + 1) + i * 7)"
            let cents = (i * 7919) % 100_000 - 30_000
            let amount = i % 103 == 7 ? "" : "\(cents < 0 ? "-" : "")\(abs(cents) / 100).\(two(abs(cents) % 100))"
            let ratio = doubles[i % doubles.count]
            let flag = i % 97 == 3 ? "" : i % 3 == 0 ? "true" : "false"
            let date = "\(2000 + i % 25)-\(two(1 + i % 12))-\(two(1 + (i + variant) % 28))"
            let day = i % 89 == 1 ? "" : date
            let at = i % 83 == 2 ? "" : "\(date)T\(two(i % 24)):\(two(i % 60)):\(two((i * 7) % 60))Z"
            let kind = variant == 0 ? kinds[i % kinds.count] : kinds[i % kinds.count].uppercased()
            let note = i % 79 == 3 ? "" : "\"\(kinds[i % 4]), item \(two(i % 13 + variant)), \"\"q\"\"\""
            let line = [id, amount, ratio, flag, day, at, kind, note].joined(separator: ",")
            lines.append(line)
            size += line.utf8.count + 1
            i += 1
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Entry folders under a cache's folder, sorted; empty when it does not exist.
    func entries(of cache: ColumnCache) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.folder)) ?? []).sorted()
    }

    /// Files in an entry (a name under `cache` or a full path).
    func files(in entry: String) -> [String] {
        let full = entry.hasPrefix(path) ? entry : path + "/cache/" + entry
        return ((try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []).sorted()
    }

    struct Stamp: Equatable {
        var size: Int
        var modified: Time
        var inode: UInt64
    }

    struct Time: Equatable {
        var seconds: Int
        var nanoseconds: Int
    }

    func stamp(_ file: String) throws -> Stamp {
        var info = stat()
        guard stat(file, &info) == 0 else { throw CocoaError(.fileReadNoSuchFile) }
        return Stamp(
            size: Int(info.st_size), modified: Time(seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino))
    }

    /// Name, size, modification time and inode of every file in an entry.
    func stamps(in entry: String) -> [String: Stamp] {
        let full = path + "/cache/" + entry
        var out: [String: Stamp] = [:]
        for name in files(in: entry) { out[name] = try? stamp(full + "/" + name) }
        return out
    }

    /// Rewrites a file's bytes without replacing the file (its inode stays).
    func overwriteInPlace(_ file: String, with text: String) throws {
        let fd = open(file, O_WRONLY | O_TRUNC)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let wrote = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard wrote > 0 else { throw CocoaError(.fileWriteUnknown) }
            done += wrote
        }
    }

    func setModified(_ file: String, seconds: Int, nanoseconds: Int) throws {
        var times = [
            timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds),
        ]
        guard utimensat(AT_FDCWD, file, &times, 0) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
