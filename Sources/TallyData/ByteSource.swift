// Where CSV bytes come from: a file read with pread, or bytes already in memory.

import Foundation

/// Random-access bytes. Reading a file by ranges (not mapping it) keeps memory bounded by the
/// buffers in use, and a file truncated while it is read gives an error rather than a bus fault.
protocol ByteSource: Sendable {
    var size: Int { get }
    /// Copies bytes `offset..<offset+count` (clamped to the end) into `buffer`; returns how many.
    func read(into buffer: UnsafeMutableRawPointer, offset: Int, count: Int) throws(CSVError) -> Int
    /// The file on disk whose identity (size, time, inode) stands for these bytes; nil for bytes in memory.
    var origin: FileBytes? { get }
    /// Where the bytes end once the final run of line breaks is left out.
    func contentEnd() throws(CSVError) -> Int
}

extension ByteSource {
    var origin: FileBytes? { nil }

    func contentEnd() throws(CSVError) -> Int {
        var end = size
        while end > 0 {
            let start = max(0, end - 4096)
            let block = try bytes(offset: start, count: end - start)
            var i = block.count
            while i > 0, block[i - 1] == CSVByte.lf || block[i - 1] == CSVByte.cr { i -= 1 }
            if i > 0 { return start + i }
            end = start
        }
        return 0
    }

    /// Fills as much of `buffer` as the bytes from `offset` allow; returns how many.
    func read(into buffer: UnsafeMutableRawBufferPointer, offset: Int, count: Int) throws(CSVError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        return try read(into: base, offset: offset, count: min(count, buffer.count))
    }

    /// Bytes `offset..<offset+count`, fewer at the end of the data.
    func bytes(offset: Int, count: Int) throws(CSVError) -> [UInt8] {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, count), alignment: 8)
        defer { buffer.deallocate() }
        let got = try read(into: buffer, offset: offset, count: count)
        return Array(buffer.bindMemory(to: UInt8.self)[0..<got])
    }
}

/// A file opened for reading; closed when the last reference goes.
final class FileBytes: ByteSource {
    let path: String
    let size: Int
    /// Modification time in nanoseconds since 1970, to tell when the file changed.
    let modified: Int64
    /// Status change time in nanoseconds: it moves on every write and cannot be set back, so a file
    /// edited in place to the same size with its modification time restored is still told apart.
    let changed: Int64
    /// Device and inode, so a file replaced by another of the same size and time is still told apart.
    let inode: String
    private let descriptor: Int32

    /// Opens a regular file. Anything else is refused at once: a named pipe or a device could block
    /// forever or never end, and opening never waits (O_NONBLOCK, which reads of a regular file ignore).
    init(path: String) throws(CSVError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw Self.openFailure(path, errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw Self.openFailure(path, code)
        }
        if let kind = Self.kind(notRegular: info.st_mode) {
            close(fd)
            let message = kind == "a directory" ? "is a directory, not a CSV file" : "is \(kind), not a regular file"
            throw CSVError(file: path, line: 0, column: 0, message: message)
        }
        self.path = path
        self.descriptor = fd
        self.size = Int(info.st_size)
        self.modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        self.changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        self.inode = "\(info.st_dev):\(info.st_ino)"
    }

    /// What a file that is not a regular one is, in words; nil for a regular file.
    private static func kind(notRegular mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a named pipe"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }

    /// Why a file cannot be opened, in the system's words (a link loop says so, not "no such file").
    private static func openFailure(_ path: String, _ code: Int32) -> CSVError {
        switch code {
        case ENOENT: return CSVError(file: path, line: 0, column: 0, message: "no such file")
        case EACCES, EPERM:
            return CSVError(
                file: path, line: 0, column: 0, message: "cannot read the file",
                help: "check that it is readable: \(String(cString: strerror(code)))")
        default:
            return CSVError(file: path, line: 0, column: 0, message: String(cString: strerror(code)).lowercased())
        }
    }

    deinit { close(descriptor) }

    var origin: FileBytes? { self }

    func read(into buffer: UnsafeMutableRawPointer, offset: Int, count: Int) throws(CSVError) -> Int {
        let wanted = max(0, min(count, size - offset))
        var done = 0
        while done < wanted {
            let got = pread(descriptor, buffer + done, wanted - done, off_t(offset + done))
            if got < 0 {
                if errno == EINTR { continue }
                throw CSVError(
                    file: path, line: 0, column: 0, message: "cannot read the file",
                    help: String(cString: strerror(errno)))
            }
            if got == 0 {
                throw CSVError(
                    file: path, line: 0, column: 0, message: "the file got shorter while it was read",
                    help: "load it again once it is no longer being written")
            }
            done += got
        }
        return wanted
    }
}

/// Bytes held in memory (tests, data from a pipe).
struct MemoryBytes: ByteSource {
    let bytes: [UInt8]
    var size: Int { bytes.count }

    func read(into buffer: UnsafeMutableRawPointer, offset: Int, count: Int) throws(CSVError) -> Int {
        let wanted = max(0, min(count, bytes.count - offset))
        bytes.withUnsafeBytes { raw in
            if wanted > 0, let base = raw.baseAddress { buffer.copyMemory(from: base + offset, byteCount: wanted) }
        }
        return wanted
    }
}
