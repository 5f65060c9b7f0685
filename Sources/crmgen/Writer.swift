// Writer.swift — buffered CSV writer that formats numbers, dates and timestamps by hand, byte by byte.
import Foundation
import TallyData

struct GenError: Error {
    let message: String
}

/// Streams one CSV file. Rows are built in a byte buffer and handed to `fwrite` about
/// every megabyte, so memory stays flat however many rows are written. Formatting is
/// done here rather than with Foundation formatters, which are slow per field and
/// depend on the locale. A struct passed `inout` keeps exclusivity checks static.
struct CSVWriter {
    private static let flushThreshold = 1 << 20

    let path: String
    private(set) var rows = 0
    private(set) var bytesWritten = 0
    private var buffer: [UInt8] = []
    private var file: UnsafeMutablePointer<FILE>?
    private var atRowStart = true

    init(path: String, header: [String]) throws {
        guard let handle = fopen(path, "wb") else {
            throw GenError(message: "cannot open \(path) for writing: \(String(cString: strerror(errno)))")
        }
        self.path = path
        file = handle
        buffer.reserveCapacity(Self.flushThreshold + 4096)
        for name in header { text(Array(name.utf8)) }
        buffer.append(10)
        atRowStart = true
    }

    @inline(__always)
    private mutating func separate() {
        if atRowStart { atRowStart = false } else { buffer.append(44) }
    }

    /// Values come from fixed vocabularies without commas or quotes, so no quoting is needed.
    @inline(__always)
    mutating func text(_ bytes: [UInt8]) {
        separate()
        buffer.append(contentsOf: bytes)
    }

    @inline(__always)
    mutating func null() {
        separate()
    }

    @inline(__always)
    mutating func int(_ value: Int) {
        separate()
        appendInt(value)
    }

    @inline(__always)
    mutating func bool(_ value: Bool) {
        separate()
        buffer.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
    }

    /// Money is carried as integer cents so totals are exact and output always has two decimals.
    @inline(__always)
    mutating func money(cents: Int) {
        separate()
        var c = cents
        if c < 0 {
            buffer.append(45)
            c = -c
        }
        appendInt(c / 100)
        buffer.append(46)
        appendTwo(c % 100)
    }

    @inline(__always)
    mutating func date(_ day: Int) {
        separate()
        appendDate(day)
    }

    mutating func date(_ day: Int?) {
        if let day { date(day) } else { null() }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` from seconds since the epoch, always UTC.
    mutating func timestamp(_ seconds: Int) {
        separate()
        // Floored, so instants before 1970 (the window may start in 1900) land on the right day. Not
        // CivilDate.floorDiv: it is generic and runs unspecialised across modules, about 6% of the whole run.
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let s = seconds - day * 86_400
        appendDate(day)
        buffer.append(84)
        appendTwo(s / 3600)
        buffer.append(58)
        appendTwo(s / 60 % 60)
        buffer.append(58)
        appendTwo(s % 60)
        buffer.append(90)
    }

    mutating func timestamp(_ seconds: Int?) {
        if let seconds { timestamp(seconds) } else { null() }
    }

    mutating func endRow() throws {
        buffer.append(10)
        atRowStart = true
        rows += 1
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    mutating func close() throws {
        try flush()
        if let file, fclose(file) != 0 {
            self.file = nil
            throw GenError(message: "cannot finish writing \(path): \(String(cString: strerror(errno)))")
        }
        file = nil
    }

    private mutating func flush() throws {
        guard let file, !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == buffer.count else {
            throw GenError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        bytesWritten += written
        buffer.removeAll(keepingCapacity: true)
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    @inline(__always)
    private mutating func appendTwo(_ v: Int) {
        buffer.append(48 + UInt8(truncatingIfNeeded: v / 10))
        buffer.append(48 + UInt8(truncatingIfNeeded: v % 10))
    }

    @inline(__always)
    private mutating func appendInt(_ value: Int) {
        var n = value
        if n < 0 {
            buffer.append(45)
            n = -n
        }
        if n < 10 {
            buffer.append(48 + UInt8(truncatingIfNeeded: n))
            return
        }
        // Digits come out least significant first; reversing in place avoids a temporary.
        let start = buffer.count
        while n > 0 {
            buffer.append(48 + UInt8(truncatingIfNeeded: n % 10))
            n /= 10
        }
        buffer[start...].reverse()
    }

    @inline(__always)
    private mutating func appendDate(_ day: Int) {
        let c = CivilDate.components(Int32(day))
        appendTwo(c.year / 100)
        appendTwo(c.year % 100)
        buffer.append(45)
        appendTwo(c.month)
        buffer.append(45)
        appendTwo(c.day)
    }
}

/// `mkdir -p` that reports the system's reason on failure (Foundation's messages on
/// Linux are vague, e.g. "NSCocoaErrorDomain error 512").
func makeDirectory(_ path: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
        guard isDirectory.boolValue else { throw GenError(message: "\(path) exists and is not a directory") }
        return
    }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty && parent != path { try makeDirectory(parent) }
    if mkdir(path, 0o755) != 0 && errno != EEXIST {
        throw GenError(message: "cannot create directory \(path): \(String(cString: strerror(errno)))")
    }
}
