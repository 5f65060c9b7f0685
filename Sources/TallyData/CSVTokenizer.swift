// Splits CSV bytes (RFC 4180) into header fields and per-column field slices, tracking physical lines.

/// A header field with where it starts, for errors about names.
struct CSVHeaderField {
    var slice: CSVFieldSlice
    var line: Int
    /// Byte offsets of the field's line and of the field itself (its opening quote when quoted).
    var lineStart: Int
    var offset: Int
}

/// The tokenized file: header fields, then each column's fields for every accepted row.
struct CSVFields {
    var header: [CSVHeaderField]
    var columns: [CSVFieldColumn]
    var rowCount: Int
    var skippedRows: [Int]
    /// Bytes of the UTF-8 byte order mark skipped at the start (0 or 3).
    var bomLength: Int
}

/// One pass over the bytes. Works on an unsafe buffer because it runs over every byte of large files.
struct CSVTokenizer {
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    private let b: UnsafeBufferPointer<UInt8>
    private let n: Int
    private let file: String
    private var p = 0
    private var line = 1
    private var lineStart = 0

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.b = bytes
        self.n = bytes.count
        self.file = file
    }

    /// Tokenizes the whole file. Throws on malformed quoting, a missing header, or (unless `skipBadRows`)
    /// a row whose field count differs from the header's.
    mutating func run(skipBadRows: Bool) throws(CSVError) -> CSVFields {
        guard n < CSVFieldColumn.maxFileSize else {
            throw CSVError(file: file, line: 0, column: 0, message: "file is too large (over 1 TiB)")
        }
        var bomLength = 0
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { bomLength = 3 }
        p = bomLength
        lineStart = bomLength

        // Trailing blank lines are ignored: rows start only before the final run of line-break bytes.
        var dataEnd = n
        while dataEnd > p, b[dataEnd - 1] == Self.lf || b[dataEnd - 1] == Self.cr { dataEnd -= 1 }
        guard p < dataEnd else {
            throw CSVError(
                file: file, line: 1, column: 1, message: "file is empty: a header row is required",
                help: "the first line must name the columns, separated by commas")
        }

        var header: [CSVHeaderField] = []
        while true {
            let (fieldLine, fieldLineStart, fieldStart) = (line, lineStart, p)
            let slice = try scanField()
            header.append(CSVHeaderField(slice: slice, line: fieldLine, lineStart: fieldLineStart, offset: fieldStart))
            if p < n, b[p] == Self.comma {
                p += 1
                continue
            }
            endLine()
            break
        }
        let columnCount = header.count

        var columns: [CSVFieldColumn] = []
        // A rough guess at the row count keeps appends from reallocating many times on big files.
        let estimatedRows = max(16, (dataEnd - p) / max(8, columnCount * 8))
        for _ in 0..<columnCount { columns.append(CSVFieldColumn(reservingCapacity: min(estimatedRows, 1 << 24))) }
        var row = [CSVFieldSlice](repeating: CSVFieldSlice(start: 0, length: 0, escaped: false), count: columnCount)
        var rowCount = 0
        var skipped: [Int] = []

        while p < dataEnd {
            let (rowLine, rowStart) = (line, p)
            var count = 0
            // Where the first surplus field starts, for "too many fields" errors.
            var extra = (line: 0, lineStart: 0, offset: 0)
            while true {
                if count == columnCount { extra = (line, lineStart, p) }
                let slice = try scanField()
                if count < columnCount { row[count] = slice }
                count += 1
                if p < n, b[p] == Self.comma {
                    p += 1
                    continue
                }
                break
            }
            if count == columnCount {
                for c in 0..<columnCount { columns[c].append(row[c]) }
                rowCount += 1
            } else if skipBadRows {
                skipped.append(rowLine)
            } else {
                let place = count > columnCount ? extra : (line, lineStart, p)
                throw CSVError(
                    file: file, line: place.line,
                    column: Self.scalarColumn(b, from: place.lineStart, to: place.offset),
                    message: "expected \(columnCount) fields, found \(count)",
                    help: fieldCountHelp(found: count, expected: columnCount, blank: p == rowStart))
            }
            endLine()
        }
        return CSVFields(
            header: header, columns: columns, rowCount: rowCount, skippedRows: skipped, bomLength: bomLength)
    }

    private func fieldCountHelp(found: Int, expected: Int, blank: Bool) -> String {
        if blank {
            return "the header has \(expected) columns; remove the blank line or fill in the row"
        }
        return found < expected
            ? "the header has \(expected) columns; write an empty value as nothing between two commas"
            : "the header has \(expected) columns; quote a value that contains a comma: \"a, b\""
    }

    /// Scans one field starting at `p`, leaving `p` at the comma, line break or end of file after it.
    @inline(__always)
    private mutating func scanField() throws(CSVError) -> CSVFieldSlice {
        if p < n, b[p] == Self.quote {
            return try scanQuotedField()
        }
        let start = p
        while p < n {
            let c = b[p]
            if c == Self.comma || c == Self.lf { break }
            if c == Self.cr, p + 1 == n || b[p + 1] == Self.lf { break }
            if c == Self.quote {
                throw CSVError(
                    file: file, line: line, column: columnNumber(of: p),
                    message: "unexpected '\"' inside an unquoted field",
                    help: "quote the whole field and double the quotes inside it: \"say \"\"hi\"\"\"")
            }
            p += 1
        }
        return CSVFieldSlice(start: start, length: p - start, escaped: false)
    }

    private mutating func scanQuotedField() throws(CSVError) -> CSVFieldSlice {
        let (openLine, openLineStart, openOffset) = (line, lineStart, p)
        p += 1
        let start = p
        var escaped = false
        while true {
            guard p < n else {
                throw CSVError(
                    file: file, line: openLine, column: Self.scalarColumn(b, from: openLineStart, to: openOffset),
                    message: "unterminated quoted field starting here",
                    help: "a field that starts with '\"' must end with '\"'; write a quote inside it as \"\"")
            }
            let c = b[p]
            if c == Self.quote {
                if p + 1 < n, b[p + 1] == Self.quote {
                    escaped = true
                    p += 2
                    continue
                }
                break
            }
            if c == Self.lf {
                line += 1
                lineStart = p + 1
            }
            p += 1
        }
        let slice = CSVFieldSlice(start: start, length: p - start, escaped: escaped)
        p += 1
        if p < n {
            let c = b[p]
            let endsLine = c == Self.lf || (c == Self.cr && (p + 1 == n || b[p + 1] == Self.lf))
            if c != Self.comma && !endsLine {
                throw CSVError(
                    file: file, line: line, column: columnNumber(of: p),
                    message: "unexpected character after a closing quote",
                    help: "a quoted field ends at its closing quote; write a quote inside it as \"\"")
            }
        }
        return slice
    }

    /// Consumes the line break (LF, CRLF, or a lone CR at the end of the file) that ends a row, if any.
    @inline(__always)
    private mutating func endLine() {
        guard p < n else { return }
        if b[p] == Self.cr { p += 1 }
        if p < n, b[p] == Self.lf { p += 1 }
        line += 1
        lineStart = p
    }

    /// 1-based character column of byte `offset` on the current line.
    private func columnNumber(of offset: Int) -> Int {
        CSVTokenizer.scalarColumn(b, from: lineStart, to: offset)
    }

    /// Counts scalars (bytes that are not UTF-8 continuation bytes) so columns match what editors show.
    static func scalarColumn(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 1
        var i = start
        while i < end {
            if b[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// Line and column of a byte offset, found by scanning from the start; for rare errors found after
    /// tokenizing, so the tokenizer need not remember every field's line.
    static func location(
        of offset: Int, in b: UnsafeBufferPointer<UInt8>, bomLength: Int
    ) -> (line: Int, column: Int) {
        var line = 1
        var start = bomLength
        var i = bomLength
        while i < offset && i < b.count {
            if b[i] == lf {
                line += 1
                start = i + 1
            }
            i += 1
        }
        return (line, scalarColumn(b, from: start, to: offset))
    }
}
