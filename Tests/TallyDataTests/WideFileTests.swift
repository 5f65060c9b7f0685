// Files of many thousands of columns are read in passes of `CSVFile.columnsPerPass` columns, with
// the values, order and row count of one pass, and never cached (a file per column would cost more
// than the parse it saves).

import Foundation
import Testing

@testable import TallyData

@Suite struct WideFileTests {
    /// Column k holds k * 10 + row, for three rows.
    static let columns = CSVFile.columnsPerPass * 2 + 7

    static func write(_ folder: TestFolder) throws -> String {
        var text = (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\n"
        for row in 0..<3 { text += (0..<columns).map { String($0 * 10 + row) }.joined(separator: ",") + "\n" }
        let path = folder.path + "/wide.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func everyColumnOfAWideFileReadsInItsPlace() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let read = try CSVFile(path: try Self.write(folder)).read()
        #expect(read.rowCount == 3)
        #expect(read.columns.count == Self.columns)
        let wrong = read.columns.enumerated().first { k, column in
            column.name != "c\(k)" || column.integers != (0..<3).map { Optional(Int64(k * 10 + $0)) }
        }
        #expect(wrong == nil)
    }

    @Test func columnsNamedAcrossPassesComeInTheOrderAsked() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let file = try CSVFile(path: try Self.write(folder))
        let last = Self.columns - 1
        let asked =
            [last, 0, CSVFile.columnsPerPass, CSVFile.columnsPerPass - 1] + (1..<CSVFile.columnsPerPass * 2).map { $0 }
        let read = try file.read(columns: asked.map { "c\($0)" })
        #expect(read.columns.map(\.name) == asked.map { "c\($0)" })
        #expect(read.columns[0].integers == [Int64(last * 10), Int64(last * 10 + 1), Int64(last * 10 + 2)])
    }

    @Test func aFileWithLittlePerColumnIsNotCached() throws {
        #expect(ColumnCache.caches(size: 8 << 20, columns: 100))
        #expect(!ColumnCache.caches(size: 8 << 20, columns: 200))
        #expect(!ColumnCache.caches(size: 2_455_575, columns: 100_000))
        #expect(!ColumnCache.caches(size: (1 << 20) - 1, columns: 1))
    }
}
