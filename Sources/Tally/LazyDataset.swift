// A dataset of a data folder: its file is open and its header known; columns are read when first needed.

import TallyData
import TallyDiagnostics

/// Reads columns on demand, each read one parallel pass over the file for all the columns missing.
/// Columns that do not fit in the memory left are not read whole: their types are agreed in one pass
/// and engines read the file in blocks of rows (`Dataset.blocks`).
final class LazyDataset {
    let name: String
    let file: CSVFile
    private var columns: [String: Column] = [:]
    private var rowCount: Int?
    /// Columns known by type only, read in blocks when a query runs; nil while every column read is whole.
    private var streamed: [String: Column]?
    private var blocks: CSVBlocks?

    init(name: String, file: CSVFile) {
        self.name = name
        self.file = file
    }

    var columnNames: [String] { file.columnNames }

    /// Reads those of `names` not read yet (and counts the rows on the first call). A read stopped by
    /// `isCancelled` keeps nothing of itself: the columns read before it stay, and no others.
    func read(_ names: Set<String>, isCancelled: @escaping @Sendable () -> Bool) throws(Diagnostic) {
        let missing = file.columnNames.filter { names.contains($0) && columns[$0] == nil && streamed?[$0] == nil }
        guard !missing.isEmpty || rowCount == nil else { return }
        // A read of every column copies the dataset (describe, export): blocks cannot serve it.
        if streamed != nil || (!file.fitsInMemory(columns: missing.count) && names.count < file.columnNames.count) {
            return try stream(missing, isCancelled: isCancelled)
        }
        do {
            let read = try file.read(columns: missing, isCancelled: isCancelled)
            rowCount = read.rowCount
            for column in read.columns { columns[column.name] = column }
        } catch {
            throw error.diagnostic()
        }
    }

    /// Agrees the types of `missing` without keeping their values; queries then read them in blocks.
    private func stream(_ missing: [String], isCancelled: @escaping @Sendable () -> Bool) throws(Diagnostic) {
        let (typed, rows, added) = try file.streamed(
            missing, alongside: Array(columns.values), dataset: name, isCancelled: isCancelled)
        var streamed = self.streamed ?? [:]
        for column in typed { streamed[column.name] = column }
        (self.streamed, blocks, rowCount) = (streamed, blocks.map { $0.adding(added) } ?? added, rows)
    }

    /// The columns read so far, in file order: whole ones, and when streaming the others by type only.
    /// Whole columns can be cut into blocks too, for a query whose work over them does not fit.
    var dataset: Dataset {
        let read = file.columnNames.compactMap { columns[$0] ?? streamed?[$0] }
        let whole = Dataset(name: name, columns: read, rowCount: rowCount ?? 0, source: file.file)
        return Dataset(
            name: name, columns: read, rowCount: whole.rowCount, source: file.file,
            blocks: blocks ?? SlicedBlocks(whole, rows: Self.fallbackBlockRows, isFallback: true))
    }

    /// Rows a block when whole columns are cut into blocks.
    private static let fallbackBlockRows = 1 << 16
}
