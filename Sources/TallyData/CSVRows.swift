// Scans the rows of one buffer into the fields of the columns asked for, checking every row's width.

/// The fields of the wanted columns for the rows of one stretch of the file.
struct CSVRows {
    /// Per wanted column (in the order asked), its fields in row order.
    var fields: [[CSVFieldRef]]
    var rowCount = 0
    /// Buffer position just after the last row scanned.
    var end = 0
    /// File offsets where skipped rows start (only with `skipBadRows`).
    var skipped: [Int] = []

    /// Scans rows that start at `begin` and before `limit` (buffer positions), recording the fields of
    /// `wanted` (column indexes; -1 in `slotOf` for the others). A row may run past `limit`.
    static func scan(
        _ scanner: inout CSVScanner, from begin: Int, before limit: Int, columnCount: Int, slotOf: [Int],
        wantedCount: Int, skipBadRows: Bool
    ) throws(CSVScanStop) -> CSVRows {
        var rows = CSVRows(fields: Array(repeating: [], count: wantedCount))
        let estimate = max(16, (limit - begin) / max(8, columnCount * 6))
        for i in 0..<wantedCount { rows.fields[i].reserveCapacity(estimate) }
        var row = [CSVFieldRef](repeating: CSVFieldRef(start: 0, length: 0, escaped: false), count: wantedCount)
        scanner.p = begin
        while scanner.p < limit {
            let rowStart = scanner.p
            var count = 0
            // Where the first surplus field starts, for "too many fields" errors.
            var extra = 0
            while true {
                if count == columnCount { extra = scanner.p }
                let field = try scanner.scanField()
                if count < columnCount, case let slot = slotOf[count], slot >= 0 { row[slot] = field }
                count += 1
                if !scanner.skipComma() { break }
            }
            if count == columnCount {
                for i in 0..<wantedCount { rows.fields[i].append(row[i]) }
                rows.rowCount += 1
            } else if skipBadRows {
                rows.skipped.append(scanner.base + rowStart)
            } else {
                throw .problem(CSVProblem(
                    offset: scanner.base + (count > columnCount ? extra : scanner.p),
                    message: "expected \(columnCount) fields, found \(count)",
                    help: fieldCountHelp(found: count, expected: columnCount, blank: scanner.p == rowStart)))
            }
            scanner.endLine()
        }
        rows.end = scanner.p
        return rows
    }

    private static func fieldCountHelp(found: Int, expected: Int, blank: Bool) -> String {
        if blank {
            return "the header has \(expected) columns; remove the blank line or fill in the row"
        }
        return found < expected
            ? "the header has \(expected) columns; write an empty value as nothing between two commas"
            : "the header has \(expected) columns; quote a value that contains a comma: \"a, b\""
    }
}
