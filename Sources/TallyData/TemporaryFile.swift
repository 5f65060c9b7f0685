// Files written whole or not at all: under a temporary name that says which process writes it, then
// renamed into place. A temporary file whose process is gone (killed while writing) is recognised by
// its name and removed by the next run.

import Foundation

/// Told of each temporary file while it exists, so that a signal handler can remove it before the
/// process dies of SIGTERM or SIGHUP (the command line provides one; without it, a later run sweeps).
public protocol TemporaryFileTracker: Sendable {
    /// A temporary file may now exist at `path`; the token is handed back to `ended`.
    func began(_ path: String) -> Int32
    /// The file was renamed into place or removed.
    func ended(_ token: Int32)
}

/// Why reading or writing failed: the errno of the call that failed (`ENOSPC`, `EFBIG`, `EISDIR`, ...).
public struct IOError: Error, Sendable {
    public let code: Int32
    public init(code: Int32) { self.code = code }
    /// `File too large`, `No space left on device`.
    public var reason: String { String(cString: strerror(code)) }
}

public enum TemporaryFile {
    /// Set once at start, before any file is written.
    nonisolated(unsafe) public static var tracker: (any TemporaryFileTracker)?

    /// What marks a temporary name: `c3.partial-4242-1f0a9c` is column 3 being written by process 4242.
    static let marker = ".partial-"
    /// A temporary file this old is a leftover even if a process of its id runs (the id was reused).
    static let abandonedAfter: TimeInterval = 3600

    /// Writes `data` to `path`, replacing what was there only once every byte is written: a reader
    /// sees the old file or the new one, never part of one. On failure nothing is left behind.
    public static func write(_ data: Data, to path: String) throws(IOError) {
        try replace(path) { temporary in
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return errno }
            let failure = data.withUnsafeBytes { Descriptor.writeAll(fd, $0) }
            // Some file systems (NFS) report a failed write only when the file is closed.
            return close(fd) != 0 && failure == nil ? errno : failure
        }
    }

    /// Replaces `path` with the file `write` makes at the temporary path it is handed (nil when it
    /// succeeded, else an errno), then renamed into place: for a library that writes files by name,
    /// such as libedit's history, as for `write(_:to:)`.
    public static func replace(_ path: String, by write: (String) -> Int32?) throws(IOError) {
        let temporary = path + marker + "\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
        let token = tracker?.began(temporary)
        defer { if let token { tracker?.ended(token) } }
        var failure = write(temporary)
        if failure == nil, rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw IOError(code: failure)
        }
    }

    /// Whether `name`, a file in a folder Tally writes, is a temporary file nobody will finish: one
    /// whose process has ended, one older than an hour, or one left by Foundation's atomic write
    /// (`.dat.nosync…`), which earlier versions wrote the cache with.
    static func isLeftover(_ name: String, modified: Date) -> Bool {
        if name.hasPrefix(".dat.nosync") { return true }
        guard let range = name.range(of: marker) else { return false }
        if Date().timeIntervalSince(modified) > abandonedAfter { return true }
        guard let pid = name[range.upperBound...].split(separator: "-").first.flatMap({ Int32($0) }), pid > 0 else {
            return true
        }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Removes the leftovers among a folder's files; returns how many.
    @discardableResult
    public static func sweep(folder: String) -> Int {
        let manager = FileManager.default
        var removed = 0
        for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] {
            guard name.hasPrefix(".dat.nosync") || name.contains(marker) else { continue }
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
            if isLeftover(name, modified: modified), unlink(path) == 0 { removed += 1 }
        }
        return removed
    }
}

/// Writing to a file descriptor without losing an error.
public enum Descriptor {
    /// Writes every byte of `buffer` to `fd`, retrying interrupted and partial writes; nil when all
    /// were written, else the errno that stopped it (`ENOSPC`, `EFBIG` once SIGXFSZ is ignored, `EBADF`).
    public static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32? {
        guard var next = buffer.baseAddress else { return nil }
        var left = buffer.count
        while left > 0 {
            let n = write(fd, next, left)
            if n < 0, errno == EINTR { continue }
            // write(2) returns 0 only for an empty buffer; stop rather than spin should it not.
            guard n > 0 else { return n < 0 ? errno : EIO }
            next += n
            left -= n
        }
        return nil
    }
}
