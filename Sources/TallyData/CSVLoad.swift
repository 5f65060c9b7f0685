// The outcome of loading a CSV file: the dataset and what was skipped on the way.

/// A loaded dataset plus the rows that `skipBadRows` left out, so the caller can say how many.
public struct CSVLoad: Sendable {
    public var dataset: Dataset
    /// 1-based physical line numbers where skipped rows start, in file order; empty unless `skipBadRows`.
    public var skippedRows: [Int]

    /// Wraps a dataset and its skipped rows.
    public init(dataset: Dataset, skippedRows: [Int]) {
        self.dataset = dataset
        self.skippedRows = skippedRows
    }
}
