// The column cache under faults: a file edited in place with its modification time put back, the
// leftovers of writers that were killed, and writes that fail (a file size limit). In each the
// answer must be the file's, as if there were no cache.

import Foundation
import Testing

@testable import TallyData

@Suite struct ColumnCacheFaultTests {
    @Test func sameSizeEditWithTheModificationTimePutBackIsNotServedFromTheCache() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV(variant: 0)
        let cache = ColumnCache(folder: folder.path + "/cache")
        let old = try CSVFile(path: csv, cache: cache).read()
        let before = try folder.stamp(csv)

        // What `touch -r` does after an edit: same size, same inode, same modification time. Only the
        // status change time, which nobody can set, tells the versions apart.
        try folder.overwriteInPlace(csv, with: TestFolder.csvText(variant: 1))
        try folder.setModified(csv, seconds: before.modified.seconds, nanoseconds: before.modified.nanoseconds)
        try #require(try folder.stamp(csv) == before)

        let plain = try CSVFile(path: csv).read()
        #expect(ColumnCacheTests.differences(plain, old) != [])
        #expect(ColumnCacheTests.differences(try CSVFile(path: csv, cache: cache).read(), plain) == [])
        #expect(folder.entries(of: cache).count == 1)
    }

    @Test func leftoversOfKilledWritersAreSweptAndLiveOnesKept() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV()
        let plain = try CSVFile(path: csv).read()
        _ = try CSVFile(path: csv, cache: ColumnCache(folder: folder.path + "/cache")).read()
        let entry = try #require(folder.entries(of: ColumnCache(folder: folder.path + "/cache")).first)
        let full = folder.path + "/cache/" + entry

        // A process that has ended (a child already reaped), the Foundation name earlier versions left,
        // and a writer that is alive (this process) whose file must not be taken from under it.
        let ended = try Self.endedProcessID()
        let dead = [
            "c3" + TemporaryFile.marker + "\(ended)-9f", "rows" + TemporaryFile.marker + "\(ended)-1",
            ".dat.nosyncA1B2.xYz",
        ]
        let alive = "c4" + TemporaryFile.marker + "\(getpid())-77"
        for name in dead + [alive] { try Data("partial".utf8).write(to: URL(fileURLWithPath: full + "/" + name)) }

        let cache = ColumnCache(folder: folder.path + "/cache")
        #expect(ColumnCacheTests.differences(try CSVFile(path: csv, cache: cache).read(), plain) == [])
        #expect(Set(folder.files(in: entry)) == Set(["rows", alive] + (0..<8).map { "c\($0)" }))
    }

    @Test func aTemporaryFileOverAnHourOldIsALeftoverWhateverItsProcess() {
        let name = "c0" + TemporaryFile.marker + "\(getpid())-5"
        #expect(!TemporaryFile.isLeftover(name, modified: Date()))
        #expect(TemporaryFile.isLeftover(name, modified: Date(timeIntervalSinceNow: -2 * TemporaryFile.abandonedAfter)))
        #expect(!TemporaryFile.isLeftover("c0", modified: .distantPast))
    }

    /// Under a file size limit the cache cannot be written: the answer is still the file's, the
    /// failure is told once, and no partial file is left. In a child process, since the limit and
    /// SIGXFSZ's disposition are the whole process's.
    @Test func aFailingWriteStopsTheCacheWithOneWarningAndLeavesNothing() async throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let csv = try folder.writeCSV()
        let cacheFolder = folder.path + "/cache"
        await Self.readUnderAFileSizeLimit(csv: csv, cacheFolder: cacheFolder)
    }

    static func readUnderAFileSizeLimit(csv: String, cacheFolder: String) async {
        await #expect(processExitsWith: .success) { [csv, cacheFolder] in
            exit(try ColumnCacheFaultTests.problemUnderAFileSizeLimit(csv: csv, cacheFolder: cacheFolder))
        }
    }

    /// 0 when reads under a 64 KiB file size limit give the file's values with one warning and no
    /// partial file left; else a number saying what went wrong.
    static func problemUnderAFileSizeLimit(csv: String, cacheFolder: String) throws -> Int32 {
        signal(SIGXFSZ, SIG_IGN)
        var limit = rlimit(rlim_cur: 64 << 10, rlim_max: 64 << 10)
        guard setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0 else { return 3 }
        let warnings = Warnings()
        var cache = ColumnCache(folder: cacheFolder)
        cache.warn = { warnings.add($0) }
        let plain = try CSVFile(path: csv).read()
        for _ in 0..<2 {
            if !ColumnCacheTests.differences(try CSVFile(path: csv, cache: cache).read(), plain).isEmpty { return 4 }
        }
        let told = warnings.all
        guard told.count == 1, told[0].hasSuffix(": File too large; going on without it") else { return 5 }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: cacheFolder)) ?? [] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: cacheFolder + "/" + entry)) ?? []
            if files.contains(where: { $0.contains(TemporaryFile.marker) }) { return 6 }
        }
        return 0
    }

    /// The id of a process that has ended and been reaped.
    static func endedProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

/// Warnings told by the cache, from whichever thread.
private final class Warnings: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ warning: String) {
        lock.lock()
        list.append(warning)
        lock.unlock()
    }
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}
