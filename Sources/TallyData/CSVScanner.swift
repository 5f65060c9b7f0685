// Splits CSV bytes (RFC 4180) into fields, one buffer at a time, recording only the columns asked for.

/// Where one field's content lies in a buffer, packed into 8 bytes: start (32 bits), an escaped flag,
/// length (31 bits). `escaped` means doubled quotes must be collapsed before use. Length 0 is null:
/// both an empty field and a quoted empty field `""`.
struct CSVFieldRef {
    let packed: UInt64
    static let maxLength = Int(UInt32.max >> 1)

    init(start: Int, length: Int, escaped: Bool) {
        packed = UInt64(truncatingIfNeeded: start) << 32 | (escaped ? 1 << 31 : 0) | UInt64(truncatingIfNeeded: length)
    }

    var start: Int { Int(packed >> 32) }
    var length: Int { Int(packed & 0x7FFF_FFFF) }
    var escaped: Bool { packed & (1 << 31) != 0 }
}

/// A problem in the bytes, located by file offset; the line and column are worked out only when reported.
struct CSVProblem: Error {
    /// File offset of the character the column points at.
    var offset: Int
    var message: String
    var help: String?
    /// A number out of range is a problem only in a column that is numeric as a whole; where the column
    /// turns out text, the same field is just text. So it waits until the column's type is agreed.
    var onlyInNumericColumn = false
}

/// Why scanning stopped early. Plain values only (offsets, counts), so that throwing it costs the hot
/// loop nothing; `problem` writes the message once scanning has stopped.
enum CSVScanStop: Error {
    /// The buffer ended inside a row and more of the file follows.
    case needMore
    case strayQuote(at: Int)
    case unterminated(at: Int)
    case afterClosingQuote(at: Int)
    case fieldTooLarge(at: Int)
    case rowWidth(at: Int, found: Int, expected: Int, blank: Bool)

    /// The located problem, worded for the file's delimiter; nil for `needMore`.
    func problem(delimiter: UInt8) -> CSVProblem? {
        switch self {
        case .needMore:
            return nil
        case .strayQuote(let offset):
            return CSVProblem(
                offset: offset, message: "unexpected '\"' inside an unquoted field",
                help: "quote the whole field and double the quotes inside it: \"say \"\"hi\"\"\"")
        case .unterminated(let offset):
            return CSVProblem(
                offset: offset, message: "unterminated quoted field starting here",
                help: "a field that starts with '\"' must end with '\"'; write a quote inside it as \"\"")
        case .afterClosingQuote(let offset):
            return CSVProblem(
                offset: offset, message: "unexpected character after a closing quote",
                help: "a quoted field ends at its closing quote; write a quote inside it as \"\"")
        case .fieldTooLarge(let offset):
            return CSVProblem(offset: offset, message: "field is too large (over 2 GiB)")
        case .rowWidth(let offset, let found, let expected, let blank):
            let help =
                blank
                ? "the header has \(expected) columns; remove the blank line or fill in the row"
                : found < expected
                    ? "the header has \(expected) columns; write an empty value as nothing between two \(Delimiter.plural(delimiter))"
                    : "the header has \(expected) columns; quote a value that contains \(Delimiter.singular(delimiter)): \(Delimiter.example(delimiter))"
            return CSVProblem(offset: offset, message: "expected \(expected) fields, found \(found)", help: help)
        }
    }
}

/// How messages name a delimiter.
enum Delimiter {
    /// `3 commas`, `1 semicolon`.
    static func count(_ n: Int, _ d: UInt8) -> String {
        guard n == 1 else { return "\(n) \(plural(d))" }
        let one = singular(d)
        return "1 " + (one.hasPrefix("a ") ? String(one.dropFirst(2)) : one)
    }

    static func plural(_ d: UInt8) -> String {
        switch d {
        case UInt8(ascii: ","): "commas"
        case UInt8(ascii: ";"): "semicolons"
        case UInt8(ascii: "\t"): "tabs"
        case UInt8(ascii: "|"): "'|' characters"
        default: "'\(UnicodeScalar(d))' characters"
        }
    }

    static func singular(_ d: UInt8) -> String {
        switch d {
        case UInt8(ascii: ","): "a comma"
        case UInt8(ascii: ";"): "a semicolon"
        case UInt8(ascii: "\t"): "a tab"
        default: "'\(UnicodeScalar(d))'"
        }
    }

    /// A quoted field holding the delimiter, as the help shows it.
    static func example(_ d: UInt8) -> String {
        d == UInt8(ascii: "\t") ? "\"a<tab>b\"" : "\"a\(UnicodeScalar(d)) b\""
    }
}

/// The bytes that shape CSV text.
enum CSVByte {
    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")
}

/// The byte between fields, as a type: scanning is specialised for each, so the common comma is a
/// constant in the loop that runs over every byte, not a value loaded per field.
protocol FieldDelimiter {
    var byte: UInt8 { get }
    /// The first position at or after `start` holding a byte that may end or break a field.
    func skipPlain(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int
}

/// A comma: the four bytes that end or break a field (`,` `"` CR LF) are all below 0x2D, so one test
/// rejects most bytes; eight are tested at once.
struct Comma: FieldDelimiter {
    var byte: UInt8 { CSVByte.comma }

    @inline(__always)
    func skipPlain(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var p = start
        let n = b.count
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while p + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
                // High bit set in each byte below 0x2D (exact for the lowest such byte, which is all we use).
                let low = (w &- 0x2D2D_2D2D_2D2D_2D2D) & ~w & 0x8080_8080_8080_8080
                if low != 0 { return p + low.trailingZeroBitCount >> 3 }
                p += 8
            }
        }
        while p < n, b[p] > CSVByte.comma { p += 1 }
        return p
    }
}

/// Any other delimiter (`;`, tab, `|`): stops at a control character (tab, CR, LF), a quote or the
/// delimiter. Each test is exact at the lowest matching byte, so their union is too.
struct OtherDelimiter: FieldDelimiter {
    let byte: UInt8

    @inline(__always)
    func skipPlain(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var p = start
        let n = b.count
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let high: UInt64 = 0x8080_8080_8080_8080
            let quotes = ones &* UInt64(CSVByte.quote)
            let delimiters = ones &* UInt64(byte)
            while p + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
                let control = (w &- 0x0E0E_0E0E_0E0E_0E0E) & ~w & high
                let q = w ^ quotes
                let d = w ^ delimiters
                let found = control | ((q &- ones) & ~q & high) | ((d &- ones) & ~d & high)
                if found != 0 { return p + found.trailingZeroBitCount >> 3 }
                p += 8
            }
        }
        while p < n, b[p] >= 0x0E, b[p] != CSVByte.quote, b[p] != byte { p += 1 }
        return p
    }
}

/// Scans rows of one buffer. Works on an unsafe buffer because it runs over every byte of large files.
struct CSVScanner<Delimiter: FieldDelimiter> {
    static var quote: UInt8 { CSVByte.quote }
    static var lf: UInt8 { CSVByte.lf }
    static var cr: UInt8 { CSVByte.cr }

    let b: UnsafeBufferPointer<UInt8>
    /// The byte between fields: a comma, or what the file declares or shows (`;`, tab).
    let delimiter: Delimiter
    /// File offset of `b[0]`.
    let base: Int
    /// Whether the buffer ends where the file ends (else reaching its end means `needMore`).
    let atEOF: Bool
    var p: Int

    init(_ b: UnsafeBufferPointer<UInt8>, base: Int, atEOF: Bool, at p: Int = 0, delimiter: Delimiter) {
        self.b = b
        self.delimiter = delimiter
        self.base = base
        self.atEOF = atEOF
        self.p = p
    }

    /// Scans one field starting at `p`, leaving `p` at the comma, line break or end of data after it.
    @inline(__always)
    mutating func scanField() throws(CSVScanStop) -> CSVFieldRef {
        let n = b.count
        if p < n, b[p] == Self.quote { return try scanQuotedField() }
        let start = p
        while true {
            p = delimiter.skipPlain(b, from: p)
            guard p < n else { break }
            let c = b[p]
            // Separate tests, delimiters first: a jump table here mispredicts on nearly every field.
            if _fastPath(c == delimiter.byte) { break }
            if c == Self.lf { break }
            if c == Self.cr {
                if p + 1 < n {
                    if b[p + 1] == Self.lf { break }
                } else if atEOF {
                    break
                } else {
                    throw .needMore
                }
            }
            if c == Self.quote {
                throw .strayQuote(at: base + p)
            }
            p += 1
        }
        if p == n, !atEOF { throw .needMore }
        return try ref(start, p - start, escaped: false)
    }

    private mutating func scanQuotedField() throws(CSVScanStop) -> CSVFieldRef {
        let n = b.count
        let open = p
        p += 1
        let start = p
        var escaped = false
        while true {
            guard p < n else {
                guard atEOF else { throw .needMore }
                throw .unterminated(at: base + open)
            }
            if b[p] == Self.quote {
                if p + 1 < n {
                    if b[p + 1] == Self.quote {
                        escaped = true
                        p += 2
                        continue
                    }
                } else if !atEOF {
                    throw .needMore
                }
                break
            }
            p += 1
        }
        let field = try ref(start, p - start, escaped: escaped)
        p += 1
        if p < n {
            let c = b[p]
            var endsLine = c == Self.lf
            if c == Self.cr {
                if p + 1 < n {
                    endsLine = b[p + 1] == Self.lf
                } else if atEOF {
                    endsLine = true
                } else {
                    throw .needMore
                }
            }
            if c != delimiter.byte && !endsLine {
                throw .afterClosingQuote(at: base + p)
            }
        } else if !atEOF {
            throw .needMore
        }
        return field
    }

    @inline(__always)
    private func ref(_ start: Int, _ length: Int, escaped: Bool) throws(CSVScanStop) -> CSVFieldRef {
        guard length <= CSVFieldRef.maxLength else {
            throw .fieldTooLarge(at: base + start)
        }
        return CSVFieldRef(start: start, length: length, escaped: escaped)
    }

    /// Consumes the line break (LF, CRLF, or a lone CR at the end of the file) that ends a row, if any.
    @inline(__always)
    mutating func endLine() {
        let n = b.count
        guard p < n else { return }
        if b[p] == Self.cr { p += 1 }
        if p < n, b[p] == Self.lf { p += 1 }
    }

    /// Where the line breaks that end the buffer start (its end when it ends otherwise): from a row
    /// start before it, more than line breaks remain.
    var trailingLineBreaksStart: Int {
        var i = b.count
        while i > 0, b[i - 1] == Self.lf || b[i - 1] == Self.cr { i -= 1 }
        return i
    }

    /// Whether the bytes from `p` to the buffer's end are line breaks (at least one).
    @inline(__always)
    func onlyLineBreaksRemain() -> Bool {
        guard b[p] == Self.lf || b[p] == Self.cr else { return false }
        return b[p...].allSatisfy { $0 == Self.lf || $0 == Self.cr }
    }

    /// Whether `p` is at the delimiter (and steps over it).
    @inline(__always)
    mutating func skipDelimiter() -> Bool {
        guard p < b.count, b[p] == delimiter.byte else { return false }
        p += 1
        return true
    }
}
