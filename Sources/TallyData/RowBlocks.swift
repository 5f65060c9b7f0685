// Rows read a block at a time: how data larger than memory reaches an engine.

import TallyDiagnostics

/// A dataset's rows in consecutive blocks, each a small dataset of the same columns with the same
/// types (the file's agreed types, so a block of an integer column is never decimal). Text columns
/// may have another dictionary in every block: their values are compared by text, not code.
public protocol RowBlocks: Sendable {
    /// Calls `body` with every block in row order, each holding the named columns; at least once, with
    /// an empty block when there are no rows, so a consumer always sees the columns' types.
    func forEachBlock(columns: [String], _ body: (Dataset) throws(Diagnostic) -> Void) throws(Diagnostic)

    /// True when the dataset's columns are held whole and blocks are only a way out when a query's work
    /// over them does not fit in memory; false when the rows are only in the blocks.
    var isFallback: Bool { get }

    /// The earliest and latest day of a date or timestamp column (`ColumnStorage.dayRange`), when it is
    /// known without reading the blocks; nil otherwise.
    func dayRange(of column: String) -> ClosedRange<Int32>?
}

/// An in-memory dataset cut into blocks of at most `rows` rows: for a query whose per-row work over
/// whole columns would not fit (a fallback), and to check the streamed path against the in-memory one.
public struct SlicedBlocks: RowBlocks {
    public let dataset: Dataset
    public let rows: Int
    public let isFallback: Bool

    public init(_ dataset: Dataset, rows: Int, isFallback: Bool = false) {
        self.dataset = dataset
        self.rows = max(1, rows)
        self.isFallback = isFallback
    }

    public func dayRange(of column: String) -> ClosedRange<Int32>? { dataset.column(named: column)?.storage.dayRange }

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
            case .integer(let v): .integer(v.slice(range))
            case .decimal(let v, let scale): .decimal(v.slice(range), scale: scale)
            case .double(let v): .double(Array(v[range]))
            case .boolean(let v): .boolean(Array(v[range]))
            case .date(let v): .date(Array(v[range]))
            case .timestamp(let v): .timestamp(Array(v[range]))
            case .text(let codes, let dictionary): .text(codes: Array(codes[range]), dictionary: dictionary)
            }
        return Column(name: name, storage: storage, firstNonNumber: firstNonNumber)
    }
}

extension RowBlocks {
    public func dayRange(of column: String) -> ClosedRange<Int32>? { nil }
}

extension ColumnStorage {
    /// The earliest and latest day of a date or timestamp column's values (a timestamp's UTC day); nil
    /// for other columns and for one without values.
    public var dayRange: ClosedRange<Int32>? {
        var lo = Int32.max
        var hi = Int32.min
        switch self {
        case .date(let days):
            for d in days where d != NullSentinel.int32 { (lo, hi) = (min(lo, d), max(hi, d)) }
        case .timestamp(let micros):
            for t in micros where t != NullSentinel.int64 {
                let d = CivilDate.day(ofTimestamp: t)
                (lo, hi) = (min(lo, d), max(hi, d))
            }
        default:
            return nil
        }
        return lo <= hi ? lo...hi : nil
    }
}

extension ClosedRange<Int32> {
    /// The smallest range holding both.
    public func spanning(_ other: ClosedRange<Int32>?) -> ClosedRange<Int32> {
        guard let other else { return self }
        return Swift.min(lowerBound, other.lowerBound)...Swift.max(upperBound, other.upperBound)
    }
}
