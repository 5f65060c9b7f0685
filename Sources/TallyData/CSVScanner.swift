// Splits CSV bytes (RFC 4180) into fields, one buffer at a time, recording only the columns asked for.

/// Where one field's content lies in a buffer, packed into 8 bytes: start (32 bits), an escaped flag,
/// length (31 bits). `escaped` means doubled quotes must be collapsed before use. Length 0 is null:
/// both an empty field and a quoted empty field `""`.
struct CSVFieldRef {
    let packed: UInt64
    static let maxLength = Int(UInt32.max >> 1)

    init(start: Int, length: Int, escaped: Bool) {
        packed = UInt64(start) << 32 | (escaped ? 1 << 31 : 0) | UInt64(length)
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

    /// The located problem; nil for `needMore`.
    var problem: CSVProblem? {
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
                    ? "the header has \(expected) columns; write an empty value as nothing between two commas"
                    : "the header has \(expected) columns; quote a value that contains a comma: \"a, b\""
            return CSVProblem(offset: offset, message: "expected \(expected) fields, found \(found)", help: help)
        }
    }
}

/// Scans rows of one buffer. Works on an unsafe buffer because it runs over every byte of large files.
struct CSVScanner {
    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    let b: UnsafeBufferPointer<UInt8>
    /// File offset of `b[0]`.
    let base: Int
    /// Whether the buffer ends where the file ends (else reaching its end means `needMore`).
    let atEOF: Bool
    var p: Int

    init(_ b: UnsafeBufferPointer<UInt8>, base: Int, atEOF: Bool, at p: Int = 0) {
        self.b = b
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
            p = Self.skipPlain(b, from: p)
            guard p < n else { break }
            let c = b[p]
            // Separate tests, commas first: a jump table here mispredicts on nearly every field.
            if _fastPath(c == Self.comma) { break }
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

    /// The first position at or after `p` holding a byte at most ','. The four bytes that end or break a
    /// field (`,` `"` CR LF) are all below 0x2D, so one test rejects most bytes; eight are tested at once.
    @inline(__always)
    static func skipPlain(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
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
        while p < n, b[p] > comma { p += 1 }
        return p
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
            if c != Self.comma && !endsLine {
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

    /// Whether `p` is at a comma (and steps over it).
    @inline(__always)
    mutating func skipComma() -> Bool {
        guard p < b.count, b[p] == Self.comma else { return false }
        p += 1
        return true
    }
}
