// A gzip-compressed file read as the bytes it holds, decompressed as a stream: no copy on disk, and in
// memory only a window around what is being read.

import CZlib
import Foundation

/// The decompressed bytes of gzip data (one member or several concatenated, as `gzip` writes them).
///
/// A large file is sized from its trailer, which records the length of the last member's data (modulo
/// 4 GiB): it is then decompressed once, as it is read. That size is a claim until a read reaches it and
/// finds the stream ending exactly there (`isConfirmed`); several members, data over 4 GiB or damage
/// make a read fail instead, and the reader reads again from `confirmed()`. A small file, or one read
/// that way, is decompressed whole once when opened, which finds its size and where its last line
/// ends, and checks it: truncated or corrupt data is an error naming the file before any row is read.
/// Either way no partial dataset is ever made.
///
/// Reads take their bytes from a window that a thread of its own fills ahead of them (`GzipWindow`);
/// the CSV reader asks for nearly sequential ranges (a few chunks in parallel), and a range before
/// the window (rare: locating an error, reading a chunk again) starts the stream over.
final class GzipBytes: ByteSource, @unchecked Sendable {
    let compressed: any ByteSource
    let size: Int
    private let name: String
    private let end: Int
    private let window: GzipWindow
    private let lock = NSLock()
    /// The copy opened by checking the whole stream, once asked for.
    private var checked: GzipBytes?
    /// Files whose trailer claims at least this many bytes are sized from it: those the window
    /// decompresses on a thread of its own. A smaller one is checked whole first, which costs little,
    /// and its trailer is not trusted at all. (Checking whole up to 64 MiB made a 60 MB file take 1.6
    /// times as long to load.)
    static let sizedFromTrailerAbove = GzipWindow.threadFrom

    /// Whether `source` starts as gzip data does.
    static func isGzip(_ source: any ByteSource) throws(CSVError) -> Bool {
        guard source.size >= 2 else { return false }
        return try source.bytes(offset: 0, count: 2) == [0x1F, 0x8B]
    }

    /// Opens gzip data; `name` is the file errors name. Sized from the trailer when it claims at least
    /// `trailerFrom` bytes, else by checking the whole stream.
    init(_ compressed: any ByteSource, name: String, trailerFrom: Int = sizedFromTrailerAbove) throws(CSVError) {
        self.compressed = compressed
        self.name = name
        let confirmed: Bool
        // Deflate shrinks data at most about 1032 times: a larger claim is no gzip trailer's.
        if let claimed = try Self.trailerSize(compressed), claimed >= trailerFrom,
            claimed / 1032 <= compressed.size
        {
            (size, end, confirmed) = (claimed, claimed, false)
        } else {
            (size, end) = try Self.measure(compressed, name: name)
            confirmed = true
        }
        window = GzipWindow(compressed, name: name, size: size, confirmed: confirmed)
    }

    deinit { window.stop() }

    /// The length the last member's trailer records (ISIZE), nil when there is no room for one.
    private static func trailerSize(_ compressed: any ByteSource) throws(CSVError) -> Int? {
        // A member is at least a 10-byte header, an empty block and an 8-byte trailer.
        guard compressed.size >= 20 else { return nil }
        let tail = try compressed.bytes(offset: compressed.size - 4, count: 4)
        guard tail.count == 4 else { return nil }
        return tail.reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// Decompresses the whole stream without keeping it: its size and where its last line ends.
    private static func measure(_ compressed: any ByteSource, name: String) throws(CSVError) -> (size: Int, end: Int) {
        let counting = try Inflater(compressed, name: name)
        let block = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
        defer { block.deallocate() }
        var total = 0
        var lastContent = 0
        while true {
            let got = try counting.inflate(into: block, count: 1 << 20)
            if got == 0 { break }
            var i = got
            while i > 0, block[i - 1] == CSVByte.lf || block[i - 1] == CSVByte.cr { i -= 1 }
            if i > 0 { lastContent = total + i }
            total += got
        }
        return (total, lastContent)
    }

    /// Whether the size is known to be right (see the type's comment).
    var isConfirmed: Bool { window.isConfirmed }

    /// These bytes opened by checking the whole stream (itself when its size is confirmed).
    func confirmed() throws(CSVError) -> GzipBytes {
        lock.lock()
        defer { lock.unlock() }
        if window.isConfirmed { return self }
        if let checked { return checked }
        let copy = try GzipBytes(compressed, name: name, trailerFrom: Int.max)
        checked = copy
        return copy
    }

    var origin: FileBytes? { compressed.origin }

    /// Where the last line ends; the size itself while it comes from the trailer (the CSV reader then
    /// leaves the trailing line breaks out as it meets them).
    func contentEnd() throws(CSVError) -> Int { end }

    func read(into buffer: UnsafeMutableRawPointer, offset: Int, count: Int) throws(CSVError) -> Int {
        let wanted = max(0, min(count, size - offset))
        guard wanted > 0 else { return 0 }
        try window.read(into: buffer, offset: offset, count: wanted)
        return wanted
    }
}

/// One pass of zlib's inflate over gzip data, member after member.
final class Inflater {
    private var stream = z_stream()
    private let source: any ByteSource
    private let name: String
    private var input: UnsafeMutablePointer<UInt8>
    private static let inputSize = 256 << 10
    /// Where the next compressed block is read from.
    private var inputOffset = 0
    private var finished = false

    init(_ source: any ByteSource, name: String) throws(CSVError) {
        self.source = source
        self.name = name
        input = .allocate(capacity: Self.inputSize)
        // 31: a gzip header and trailer (15 bits of window, +16).
        guard inflateInit2_(&stream, 31, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            input.deallocate()
            throw CSVError(file: name, line: 0, column: 0, message: "cannot start decompressing the file (out of memory)")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    /// Decompresses up to `count` bytes into `out`; 0 only at the end of the data.
    func inflate(into out: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) -> Int {
        guard !finished else { return 0 }
        stream.next_out = out
        stream.avail_out = UInt32(min(count, Int(UInt32.max)))
        while stream.avail_out > 0 {
            if stream.avail_in == 0 {
                guard inputOffset < source.size else {
                    // The input ran out inside a member: `gzip -t` calls this "unexpected end of file".
                    throw problem("the compressed data ends early: the file is truncated")
                }
                let got = try source.read(into: UnsafeMutableRawPointer(input), offset: inputOffset, count: Self.inputSize)
                inputOffset += got
                stream.next_in = input
                stream.avail_in = UInt32(got)
            }
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                if try !nextMember() {
                    finished = true
                    return count - Int(stream.avail_out)
                }
            case Z_MEM_ERROR:
                throw problem("not enough memory to decompress the file")
            default:
                let detail = stream.msg.map { String(cString: $0) } ?? "invalid data"
                throw problem("the file is not valid gzip data (\(detail))")
            }
        }
        return count
    }

    /// After a member's end: starts the next member if one follows; trailing zero bytes (padding some
    /// tools write) end the data too; anything else is an error.
    private func nextMember() throws(CSVError) -> Bool {
        var rest = [UInt8](UnsafeBufferPointer(start: stream.next_in, count: Int(stream.avail_in)))
        if rest.count < 2, inputOffset < source.size {
            let more = try source.bytes(offset: inputOffset, count: 2)
            rest += more
        }
        if rest.isEmpty && inputOffset >= source.size { return false }
        if rest.starts(with: [0x1F, 0x8B]) {
            guard inflateReset(&stream) == Z_OK else { throw problem("the file is not valid gzip data") }
            return true
        }
        if rest.allSatisfy({ $0 == 0 }), try isZeroToEnd() { return false }
        throw problem("the file has data after the end of its compressed stream")
    }

    private func isZeroToEnd() throws(CSVError) -> Bool {
        var at = inputOffset
        while at < source.size {
            let block = try source.bytes(offset: at, count: 1 << 16)
            guard block.allSatisfy({ $0 == 0 }) else { return false }
            at += block.count
        }
        return true
    }

    private func problem(_ message: String) -> CSVError {
        CSVError(file: name, line: 0, column: 0, message: message, help: "check the file with `gzip -t`, or compress it again")
    }
}
