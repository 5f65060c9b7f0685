// Recognises UTF-16 and UTF-32 files, which would otherwise fail as invalid UTF-8 or NUL bytes in the header.

/// A Unicode encoding that is not UTF-8, told from the file's first bytes.
enum CSVWideEncoding {
    case utf16(bigEndian: Bool)
    case utf32(bigEndian: Bool)

    /// Fails when the file starts with a UTF-16 or UTF-32 byte order mark, or, for UTF-16 without one,
    /// with two ASCII characters (a zero byte beside each).
    static func check(_ source: any ByteSource, file: String) throws(CSVError) {
        guard let encoding = detect(try source.bytes(offset: 0, count: 4)) else { return }
        let (name, iconv) =
            switch encoding {
            case .utf16(let big): ("UTF-16 (\(big ? "big" : "little")-endian)", big ? "UTF-16BE" : "UTF-16LE")
            case .utf32(let big): ("UTF-32 (\(big ? "big" : "little")-endian)", big ? "UTF-32BE" : "UTF-32LE")
            }
        throw CSVError(
            file: file, line: 0, column: 0, message: "the file is \(name), not UTF-8",
            help: "Tally reads CSV files as UTF-8; save it as UTF-8 or convert it (iconv -f \(iconv) -t UTF-8)")
    }

    static func detect(_ b: [UInt8]) -> CSVWideEncoding? {
        // UTF-32 first: its little-endian mark begins with UTF-16's.
        if b.starts(with: [0xFF, 0xFE, 0, 0]) { return .utf32(bigEndian: false) }
        if b.starts(with: [0, 0, 0xFE, 0xFF]) { return .utf32(bigEndian: true) }
        if b.starts(with: [0xFF, 0xFE]) { return .utf16(bigEndian: false) }
        if b.starts(with: [0xFE, 0xFF]) { return .utf16(bigEndian: true) }
        guard b.count == 4 else { return nil }
        if b[0] != 0, b[1] == 0, b[2] != 0, b[3] == 0 { return .utf16(bigEndian: false) }
        if b[0] == 0, b[1] != 0, b[2] == 0, b[3] != 0 { return .utf16(bigEndian: true) }
        return nil
    }
}
