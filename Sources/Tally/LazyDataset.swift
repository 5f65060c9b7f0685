// A dataset of a data folder: its file is open and its header known; columns are read when first needed.

import TallyData
import TallyDiagnostics

/// Reads columns on demand, each read one parallel pass over the file for all the columns missing.
final class LazyDataset {
    let name: String
    let file: CSVFile
    private var columns: [String: Column] = [:]
    private var rowCount: Int?

    init(name: String, file: CSVFile) {
        self.name = name
        self.file = file
    }

    var columnNames: [String] { file.columnNames }

    /// Reads those of `names` not read yet (and counts the rows on the first call). A read stopped by
    /// `isCancelled` keeps nothing of itself: the columns read before it stay, and no others.
    func read(_ names: Set<String>, isCancelled: @escaping @Sendable () -> Bool) throws(Diagnostic) {
        let missing = file.columnNames.filter { names.contains($0) && columns[$0] == nil }
        guard !missing.isEmpty || rowCount == nil else { return }
        do {
            let read = try file.read(columns: missing, isCancelled: isCancelled)
            rowCount = read.rowCount
            for column in read.columns { columns[column.name] = column }
        } catch {
            throw error.diagnostic()
        }
    }

    /// The columns read so far, in file order.
    var dataset: Dataset {
        Dataset(name: name, columns: file.columnNames.compactMap { columns[$0] }, rowCount: rowCount ?? 0, source: file.file)
    }
}
