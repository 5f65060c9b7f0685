// Loads a whole CSV file into a columnar Dataset.

/// Reads CSV files (RFC 4180, UTF-8, optional BOM, LF or CRLF) into datasets.
///
/// Rules callers rely on:
/// - The first row is the header; names are kept exactly (no trimming) and must be non-empty and distinct.
/// - An empty field and a quoted empty field `""` are both null. Text is otherwise kept exactly.
/// - Each column gets the first type that fits all its non-null values: boolean (`true`/`false`, any case),
///   integer (Int64), decimal (exact, one scale per column, at most 9 fraction digits; otherwise, or
///   with an exponent, stored as double), date (`YYYY-MM-DD`), timestamp (dates in a timestamp column
///   mean midnight UTC), then text (dictionary-encoded in order of first appearance). An all-null
///   column is text.
/// - Numbers need digits on both sides of a point (`.5` and `5.` are text); a quoted number is still a number.
///   A whole number beyond Int64 is not a number (its column is text, keeping its digits); a number
///   beyond the range of doubles, or one that would read as 0 without being 0, is an error where its
///   column is numeric.
/// - Trailing blank lines are ignored; a blank line elsewhere is a row with one empty field.
public enum CSVReader {
    /// Loads the file at `path`; errors name the file as `path`. A missing or unreadable file is a
    /// `CSVError` with line 0.
    /// `isCancelled` is asked as the file is read; when it says so, the load stops (Ctrl-C).
    public static func load(
        path: String, name: String, options: CSVOptions = .init(), cache: ColumnCache? = nil,
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) throws(CSVError) -> CSVLoad {
        try load(CSVFile(path: path, options: options, cache: cache), name: name, isCancelled: isCancelled)
    }

    /// Parses CSV bytes already in memory (gzip-compressed or not); `fileName` is used in errors and as the
    /// dataset's source.
    public static func parse(
        bytes: [UInt8], fileName: String, name: String, options: CSVOptions = .init(),
        chunkSize: Int = CSVFile.defaultChunkSize
    ) throws(CSVError) -> CSVLoad {
        try parse(
            bytes: bytes, fileName: fileName, name: name, options: options, chunkSize: chunkSize,
            gzipTrailerFrom: GzipBytes.sizedFromTrailerAbove)
    }

    /// `parse`, with gzip data sized from its trailer when that claims at least `gzipTrailerFrom` bytes.
    static func parse(
        bytes: [UInt8], fileName: String, name: String, options: CSVOptions, chunkSize: Int, gzipTrailerFrom: Int
    ) throws(CSVError) -> CSVLoad {
        let source = try CSVFile.bytes(
            of: MemoryBytes(bytes: bytes), file: fileName, options: options, gzipTrailerFrom: gzipTrailerFrom)
        return try load(CSVFile(source: source, file: fileName, options: options, chunkSize: chunkSize), name: name)
    }

    private static func load(_ file: CSVFile, name: String, isCancelled: @escaping @Sendable () -> Bool = { false }) throws(CSVError) -> CSVLoad {
        let read = try file.read(isCancelled: isCancelled)
        let dataset = Dataset(name: name, columns: read.columns, rowCount: read.rowCount, source: file.file)
        return CSVLoad(dataset: dataset, skippedRows: read.skippedRows)
    }
}
