// How to load one CSV file: column renames and layouts, the delimiter, bad-row handling.

/// Options for `CSVReader`.
public struct CSVOptions: Sendable {
    /// Load the file's header `header` as the column `column` (`signup_date = "Create Date"`).
    /// Every named header must exist in the file.
    public var renames: [(column: String, header: String)]
    /// How named columns (after renaming) are written, where inference must not guess:
    /// `signup_date format "%m/%d/%Y"`, `amount as number`.
    public var formats: [String: ColumnFormat]
    /// The byte between fields; nil to tell it from the header line (a `.tsv` file is read with tabs).
    public var delimiter: UInt8?
    /// Skip rows whose field count differs from the header's and report their line numbers,
    /// instead of failing. Other problems (bad quoting, invalid UTF-8) still fail.
    public var skipBadRows: Bool

    /// Options with no renames that fail on the first bad row, unless told otherwise.
    public init(
        renames: [(column: String, header: String)] = [], formats: [String: ColumnFormat] = [:], delimiter: UInt8? = nil,
        skipBadRows: Bool = false
    ) {
        self.renames = renames
        self.formats = formats
        self.delimiter = delimiter
        self.skipBadRows = skipBadRows
    }

    /// Everything that changes what is read, for keying stored copies of columns.
    var fingerprint: String {
        let renamed = renames.map { "\($0.column)=\($0.header)" }
        let declared = formats.keys.sorted().map { "\($0):\(formats[$0].map { "\($0)" } ?? "")" }
        return (renamed + declared + [delimiter.map { "d\($0)" } ?? "d?"]).joined(separator: "\u{1}")
    }
}

/// A column's declared layout: read as this type, each value required to match.
public enum ColumnFormat: Sendable, Equatable, CustomStringConvertible {
    /// Kept as written, even where values look like numbers or dates (`zip as text`).
    case text
    /// Numbers as spreadsheets and billing systems export them: `$1,234.50`, `1.234,50 €`, `(12.00)`.
    case number(NumberFormat)
    /// Dates in a declared layout, or ISO `YYYY-MM-DD` when nil.
    case date(DateFormat?)
    /// Timestamps in a declared layout, or ISO 8601 when nil.
    case timestamp(DateFormat?)

    public var description: String {
        switch self {
        case .text: "text"
        case .number(let f): "number \(f)"
        case .date(let f): "date \(f.map(\.pattern) ?? "")"
        case .timestamp(let f): "timestamp \(f.map(\.pattern) ?? "")"
        }
    }
}
