// How to load one CSV file: column renames and bad-row handling.

/// Options for `CSVReader`.
public struct CSVOptions: Sendable {
    /// Load the file's header `header` as the column `column` (`signup_date = "Create Date"`).
    /// Every named header must exist in the file.
    public var renames: [(column: String, header: String)]
    /// Skip rows whose field count differs from the header's and report their line numbers,
    /// instead of failing. Other problems (bad quoting, invalid UTF-8) still fail.
    public var skipBadRows: Bool

    /// Options with no renames that fail on the first bad row, unless told otherwise.
    public init(renames: [(column: String, header: String)] = [], skipBadRows: Bool = false) {
        self.renames = renames
        self.skipBadRows = skipBadRows
    }
}
