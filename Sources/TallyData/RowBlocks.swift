// Rows read a block at a time: how data larger than memory reaches an engine.

import TallyDiagnostics

/// A dataset's rows in consecutive blocks, each a small dataset of the same columns with the same
/// types (the file's agreed types, so a block of an integer column is never decimal). Text columns
/// may have another dictionary in every block: their values are compared by text, not code.
public protocol RowBlocks: Sendable {
    /// Calls `body` with every block in row order, each holding the named columns; at least once, with
    /// an empty block when there are no rows, so a consumer always sees the columns' types.
    func forEachBlock(columns: [String], _ body: (Dataset) throws(Diagnostic) -> Void) throws(Diagnostic)
}

/// An in-memory dataset cut into blocks of at most `rows` rows: streaming over data already loaded,
/// so the streamed path can be checked against the in-memory one on the same rows.
public struct SlicedBlocks: RowBlocks {
    public let dataset: Dataset
    public let rows: Int

    public init(_ dataset: Dataset, rows: Int) {
        self.dataset = dataset
        self.rows = max(1, rows)
    }

    public func forEachBlock(columns: [String], _ body: (Dataset) throws(Diagnostic) -> Void) throws(Diagnostic) {
        let wanted = columns.compactMap { dataset.column(named: $0) }
        var start = 0
        repeat {
            let range = start..<min(start + rows, dataset.rowCount)
            try body(
                Dataset(
                    name: dataset.name, columns: wanted.map { $0.slice(range) }, rowCount: range.count,
                    source: dataset.source))
            start += rows
        } while start < dataset.rowCount
    }
}

extension Column {
    /// The rows in `range`, with the same type, scale and dictionary.
    public func slice(_ range: Range<Int>) -> Column {
        let storage: ColumnStorage =
            switch self.storage {
            case .integer(let v): .integer(Array(v[range]))
            case .decimal(let v, let scale): .decimal(Array(v[range]), scale: scale)
            case .double(let v): .double(Array(v[range]))
            case .boolean(let v): .boolean(Array(v[range]))
            case .date(let v): .date(Array(v[range]))
            case .timestamp(let v): .timestamp(Array(v[range]))
            case .text(let codes, let dictionary): .text(codes: Array(codes[range]), dictionary: dictionary)
            }
        return Column(name: name, storage: storage, firstNonNumber: firstNonNumber)
    }
}
