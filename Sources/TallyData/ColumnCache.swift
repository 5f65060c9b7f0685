// A binary copy of columns already read from CSV files, so re-opening a folder costs a copy, not a parse.

import Foundation

/// Column files under a cache folder (`$XDG_CACHE_HOME/tally`, else `~/.cache/tally`).
///
/// Each CSV file gets a folder named for its path and, after a dash, for its size, modification time,
/// status change time, inode and the options it was read with, so a changed file never matches an old
/// copy: a file edited in place to the same size with its modification time put back (`touch -r`)
/// still has a new status change time, which no one can set. Each column is one file: a header, the
/// values as stored in memory, for text the dictionary and the first value that is not a number (when
/// kept); a checksum covers it all. Files are written whole under a temporary name that names the
/// writing process, then renamed into place (`TemporaryFile`), so a reader sees a whole file or none,
/// concurrent runs each rename a complete copy, and what a killed run leaves is swept by the next.
/// Anything unreadable, short or inconsistent is a miss. A write that fails (a full disk, a file size
/// limit) stops writing for the rest of the process, with one warning. The cache never changes an
/// answer: deleting it only costs the next parse.
public struct ColumnCache: Sendable {
    let folder: String
    /// Told once, in words, when the cache cannot be written (the command line prints it as a warning).
    public var warn: (@Sendable (String) -> Void)?
    private let writes = WriteState()
    /// Files smaller than this are parsed every time: their copy would save little.
    static let minimumFileSize = 1 << 20
    /// Nor are files with less than this per column: a file per column costs more to write and open
    /// than parsing so little (a file of 100,000 columns would take seconds to cache and to read back).
    static let minimumBytesPerColumn = 64 << 10

    /// Whether a file of this size and number of columns is worth caching.
    static func caches(size: Int, columns: Int) -> Bool {
        size >= minimumFileSize && size / max(1, columns) >= minimumBytesPerColumn
    }
    /// Changed whenever the layout does, so copies in an older layout are misses.
    private static let magic: UInt64 = 0x3430_4C4F_4359_4C54  // "TLYCOL04"
    private static let headerSize = 64
    /// Line, column and kind of a first value that is not a number, before its text.
    private static let noteHead = 24

    public init(folder: String) { self.folder = folder }

    /// The cache folder for this user, or nil when disabled (`TALLY_CACHE=off`) or without a home.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ColumnCache? {
        if environment["TALLY_CACHE"] == "off" { return nil }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return ColumnCache(folder: xdg + "/tally") }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return ColumnCache(folder: home + "/.cache/tally")
    }

    /// The folder holding one file's columns, and its siblings' common prefix (older copies of the same path).
    func entry(for file: FileBytes, options: CSVOptions) -> (folder: String, prefix: String) {
        let path = URL(fileURLWithPath: file.path).standardizedFileURL.path
        let prefix = Self.hex(Self.hash(Array(path.utf8)))
        let version = Self.hex(
            Self.hash(Array("\(file.size)|\(file.modified)|\(file.changed)|\(file.inode)|\(options.fingerprint)".utf8)))
        return (folder + "/" + prefix + "-" + version, prefix)
    }

    // MARK: Reading

    /// The cached row count of an entry. The first look into the cache also sweeps it of temporary
    /// files that killed runs left.
    func rowCount(in entry: String) -> Int? {
        writes.sweepOnce(folder)
        guard let bytes = FileManager.default.contents(atPath: entry + "/rows"), bytes.count == 8 else { return nil }
        let count = bytes.withUnsafeBytes { $0.loadUnaligned(as: Int64.self) }
        return count >= 0 ? Int(count) : nil
    }

    /// Column `index` of an entry, when present and whole.
    func column(_ index: Int, in entry: String, rows: Int) -> (storage: ColumnStorage, firstNonNumber: FirstNonNumber?)?
    {
        let path = entry + "/c\(index)"
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) >= Self.headerSize else { return nil }
        var header = [UInt64](repeating: 0, count: Self.headerSize / 8)
        guard header.withUnsafeMutableBytes({ readFully(fd, $0.baseAddress, $0.count, 0) }) else { return nil }
        let (kind, scale) = (Int(header[1] & 0xFF), Int(header[1] >> 8 & 0xFF))
        let size = Int(info.st_size)
        // Every length must fit in the file before any arithmetic or allocation trusts it.
        guard header[0] == Self.magic, let width = Self.width(kind),
            let count = Int(exactly: header[2]), count == rows, let valueBytes = Int(exactly: header[3]),
            let dictCount = Int(exactly: header[4]), let dictBytes = Int(exactly: header[5]),
            let noteBytes = Int(exactly: header[6]),
            count <= size, valueBytes <= size, dictCount < size, dictBytes <= size, noteBytes <= size,
            valueBytes == count * width, noteBytes == 0 || kind == 6 && noteBytes >= Self.noteHead,
            size == Self.headerSize + valueBytes + (kind == 6 ? (dictCount + 1) * 8 + dictBytes : 0) + noteBytes
        else { return nil }
        let checksum = header[7]
        var sum = Self.mix(0, header[1] ^ header[2])
        let storage: ColumnStorage?
        switch kind {
        case 0: storage = values(Int64.self, fd, count, &sum).map { .integer(.wide($0)) }
        case 1: storage = values(Int64.self, fd, count, &sum).map { .decimal(.wide($0), scale: scale) }
        case 7: storage = values(Int32.self, fd, count, &sum).map { .integer(.narrow($0)) }
        case 8: storage = values(Int32.self, fd, count, &sum).map { .decimal(.narrow($0), scale: scale) }
        case 2: storage = values(Double.self, fd, count, &sum).map { .double($0) }
        case 3: storage = values(UInt8.self, fd, count, &sum).map { .boolean($0) }
        case 4: storage = values(Int32.self, fd, count, &sum).map { .date($0) }
        case 5: storage = values(Int64.self, fd, count, &sum).map { .timestamp($0) }
        default: storage = text(fd, count, dictCount, dictBytes, &sum)
        }
        var firstNonNumber: FirstNonNumber?
        if noteBytes > 0 {
            guard let note = note(fd, at: size - noteBytes, bytes: noteBytes, &sum) else { return nil }
            firstNonNumber = note
        }
        guard sum == checksum, let storage else { return nil }
        return (storage, firstNonNumber)
    }

    private func note(_ fd: Int32, at offset: Int, bytes count: Int, _ sum: inout UInt64) -> FirstNonNumber? {
        var bytes = [UInt8](repeating: 0, count: count)
        guard bytes.withUnsafeMutableBytes({ readFully(fd, $0.baseAddress, $0.count, offset) }) else { return nil }
        bytes.withUnsafeBytes { sum = Self.checksum($0, sum) }
        let (line, column, kind) = bytes.withUnsafeBytes { raw in
            (
                raw.loadUnaligned(as: Int64.self), raw.loadUnaligned(fromByteOffset: 8, as: Int64.self),
                raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
            )
        }
        let text = bytes[Self.noteHead...]
        guard line > 0, column > 0, let kind = UInt8(exactly: kind).flatMap(FirstNonNumber.Kind.init(rawValue:)),
            text.withUnsafeBufferPointer(UTF8Validation.isValid)
        else { return nil }
        return FirstNonNumber(
            line: Int(line), column: Int(column), value: String(decoding: text, as: UTF8.self), kind: kind)
    }

    private func values<T>(_: T.Type, _ fd: Int32, _ count: Int, _ sum: inout UInt64) -> [T]? {
        var ok = true
        let array = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            HugePages.advise(raw)
            ok = readFully(fd, raw.baseAddress, raw.count, Self.headerSize)
            initialized = ok ? count : 0
        }
        guard ok else { return nil }
        array.withUnsafeBytes { sum = Self.checksum($0, sum) }
        return array
    }

    private func text(_ fd: Int32, _ count: Int, _ dictCount: Int, _ dictBytes: Int, _ sum: inout UInt64)
        -> ColumnStorage?
    {
        guard let codes = values(Int32.self, fd, count, &sum) else { return nil }
        var offsets = [Int64](repeating: 0, count: dictCount + 1)
        var bytes = [UInt8](repeating: 0, count: dictBytes)
        let at = Self.headerSize + count * 4
        guard offsets.withUnsafeMutableBytes({ readFully(fd, $0.baseAddress, $0.count, at) }),
            bytes.withUnsafeMutableBytes({ readFully(fd, $0.baseAddress, $0.count, at + (dictCount + 1) * 8) })
        else { return nil }
        offsets.withUnsafeBytes { sum = Self.checksum($0, sum) }
        bytes.withUnsafeBytes { sum = Self.checksum($0, sum) }
        // A damaged copy must not put an out-of-range code or offset in front of the engine.
        guard offsets.first == 0, offsets.last == Int64(dictBytes),
            zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
            codes.allSatisfy({ $0 >= -1 && $0 < dictCount })
        else { return nil }
        let dictionary = (0..<dictCount).map { i in
            String(decoding: bytes[Int(offsets[i])..<Int(offsets[i + 1])], as: UTF8.self)
        }
        return .text(codes: codes, dictionary: dictionary)
    }

    // MARK: Writing

    /// Stores columns (by index) and the row count of an entry. A failure stops writing to the cache for
    /// the rest of the process and is told once to `warn`; it is only a cache, so reading goes on.
    func store(
        _ columns: [(index: Int, storage: ColumnStorage, firstNonNumber: FirstNonNumber?)], rows: Int,
        in entry: (folder: String, prefix: String)
    ) {
        guard writes.allowed else { return }
        let manager = FileManager.default
        do throws(IOError) {
            if !manager.fileExists(atPath: entry.folder) {
                if let failure = Self.makeFolder(entry.folder) { throw IOError(code: failure) }
                // Copies of earlier versions of the same file are dead weight now.
                for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? []
                where name.hasPrefix(entry.prefix + "-") && folder + "/" + name != entry.folder {
                    try? manager.removeItem(atPath: folder + "/" + name)
                }
            }
            var rowBytes = Int64(rows)
            try TemporaryFile.write(Data(bytes: &rowBytes, count: 8), to: entry.folder + "/rows")
            for (index, storage, firstNonNumber) in columns {
                try TemporaryFile.write(encode(storage, firstNonNumber, rows: rows), to: entry.folder + "/c\(index)")
            }
        } catch {
            if writes.stop() {
                warn?("cannot write the column cache in \(folder): \(error.reason); going on without it")
            }
        }
    }

    private func encode(_ storage: ColumnStorage, _ firstNonNumber: FirstNonNumber?, rows: Int) -> Data {
        var kind: UInt64
        var scale: UInt64 = 0
        var body = Data()
        var dictionary: [String] = []
        switch storage {
        case .integer(.wide(let v)): (kind, body) = (0, v.withUnsafeBytes { Data($0) })
        case .decimal(.wide(let v), let s): (kind, scale, body) = (1, UInt64(s), v.withUnsafeBytes { Data($0) })
        case .integer(.narrow(let v)): (kind, body) = (7, v.withUnsafeBytes { Data($0) })
        case .decimal(.narrow(let v), let s): (kind, scale, body) = (8, UInt64(s), v.withUnsafeBytes { Data($0) })
        case .double(let v): (kind, body) = (2, v.withUnsafeBytes { Data($0) })
        case .boolean(let v): (kind, body) = (3, v.withUnsafeBytes { Data($0) })
        case .date(let v): (kind, body) = (4, v.withUnsafeBytes { Data($0) })
        case .timestamp(let v): (kind, body) = (5, v.withUnsafeBytes { Data($0) })
        case .text(let codes, let dict): (kind, body, dictionary) = (6, codes.withUnsafeBytes { Data($0) }, dict)
        }
        let typeWord = kind | scale << 8
        var sum = Self.mix(0, typeWord ^ UInt64(rows))
        body.withUnsafeBytes { sum = Self.checksum($0, sum) }
        var tail = Data()
        var dictBytes = 0
        if kind == 6 {
            var offsets: [Int64] = [0]
            var bytes: [UInt8] = []
            for s in dictionary {
                bytes.append(contentsOf: s.utf8)
                offsets.append(Int64(bytes.count))
            }
            offsets.withUnsafeBytes {
                sum = Self.checksum($0, sum)
                tail.append(contentsOf: $0)
            }
            bytes.withUnsafeBytes {
                sum = Self.checksum($0, sum)
                tail.append(contentsOf: $0)
            }
            dictBytes = bytes.count
        }
        var note = Data()
        if kind == 6, let first = firstNonNumber {
            let head = [Int64(first.line), Int64(first.column), Int64(first.kind.rawValue)]
            note = head.withUnsafeBytes { Data($0) } + Data(first.value.utf8)
            note.withUnsafeBytes { sum = Self.checksum($0, sum) }
        }
        let header: [UInt64] = [
            Self.magic, typeWord, UInt64(rows), UInt64(body.count), UInt64(dictionary.count), UInt64(dictBytes),
            UInt64(note.count), sum,
        ]
        var out = header.withUnsafeBytes { Data($0) }
        out.append(body)
        out.append(tail)
        out.append(note)
        return out
    }

    // MARK: Helpers

    /// Creates `path` and its missing parents; the errno that stopped it otherwise.
    private static func makeFolder(_ path: String) -> Int32? {
        if mkdir(path, 0o755) == 0 { return nil }
        switch errno {
        case EEXIST:
            var info = stat()
            return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR ? nil : ENOTDIR
        case ENOENT:
            let parent = (path as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != path else { return ENOENT }
            if let failure = makeFolder(parent) { return failure }
            return mkdir(path, 0o755) == 0 || errno == EEXIST ? nil : errno
        default:
            return errno
        }
    }

    private static func width(_ kind: Int) -> Int? {
        switch kind {
        case 0, 1, 2, 5: 8
        case 3: 1
        case 4, 6, 7, 8: 4
        default: nil
        }
    }

    private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        var x = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 31
        return x
    }

    /// Eight bytes at a time in four independent lanes, so the multiplies overlap instead of waiting on
    /// each other: it runs at memory speed, and verifying a copy costs little next to reading it.
    private static func checksum(_ bytes: UnsafeRawBufferPointer, _ seed: UInt64) -> UInt64 {
        var h = mix(seed, UInt64(bytes.count))
        var lanes = (h, h ^ 1, h ^ 2, h ^ 3)
        var i = 0
        while i + 32 <= bytes.count {
            lanes.0 = mix(lanes.0, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            lanes.1 = mix(lanes.1, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        h = mix(mix(mix(mix(h, lanes.0), lanes.1), lanes.2), lanes.3)
        while i + 8 <= bytes.count {
            h = mix(h, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        while i < bytes.count {
            tail = tail << 8 | UInt64(bytes[i])
            i += 1
        }
        return mix(h, tail)
    }

    private static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { checksum($0, 0x5441_4C4C_59) }
    }

    private static func hex(_ v: UInt64) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Reads exactly `count` bytes at `offset`, or reports false.
private func readFully(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int, _ offset: Int) -> Bool {
    guard count > 0 else { return true }
    guard let buffer else { return false }
    var done = 0
    while done < count {
        let got = pread(fd, buffer + done, count - done, off_t(offset + done))
        if got < 0, errno == EINTR { continue }
        if got <= 0 { return false }
        done += got
    }
    return true
}

/// Whether this cache may still be written, and whether it has been swept, shared by every copy of it.
private final class WriteState: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var swept = false

    var allowed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !stopped
    }

    /// Stops writes; true for the first caller only, so the failure is told once.
    func stop() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        defer { stopped = true }
        return !stopped
    }

    /// Removes temporary files that killed runs left in the cache's entries, once per process.
    func sweepOnce(_ folder: String) {
        lock.lock()
        let first = !swept
        swept = true
        lock.unlock()
        guard first else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            TemporaryFile.sweep(folder: folder + "/" + name)
        }
    }
}
