// Scans the rows of one buffer into the fields of the columns asked for, checking every row's width.

/// Growable per-column field storage that a worker reuses from chunk to chunk, so scanning a large file
/// allocates (and page-faults) once per worker rather than once per chunk.
final class CSVFieldBuffers {
    private var storage: [UnsafeMutablePointer<CSVFieldRef>] = []
    private var capacity = 0
    private(set) var count = 0

    deinit { for p in storage { p.deallocate() } }

    /// Empties the buffers and sets how many columns they hold.
    func reset(columns: Int) {
        count = 0
        if capacity == 0 { capacity = 1 << 14 }
        while storage.count < columns { storage.append(.allocate(capacity: capacity)) }
    }

    /// The fields of column `slot`.
    func fields(_ slot: Int) -> UnsafeBufferPointer<CSVFieldRef> {
        UnsafeBufferPointer(start: storage[slot], count: count)
    }

    /// Appends one row's fields (one per column).
    @inline(__always)
    func append(_ row: UnsafeBufferPointer<CSVFieldRef>) {
        if count == capacity { grow() }
        for i in 0..<row.count { storage[i][count] = row[i] }
        count += 1
    }

    private func grow() {
        let bigger = capacity * 2
        for i in storage.indices {
            let p = UnsafeMutablePointer<CSVFieldRef>.allocate(capacity: bigger)
            p.moveInitialize(from: storage[i], count: count)
            storage[i].deallocate()
            storage[i] = p
        }
        capacity = bigger
    }
}

/// What scanning one stretch of rows found besides the fields.
struct CSVRows {
    var rowCount = 0
    /// Buffer position just after the last row scanned.
    var end = 0
    /// File offsets where skipped rows start (only with `skipBadRows`).
    var skipped: [Int] = []

    /// Scans rows that start at `begin` and before `limit` (buffer positions), recording the fields of
    /// the wanted columns into `fields` (`slotOf` maps a column index to its slot, -1 for the others).
    /// A row may run past `limit`.
    static func scan(
        _ scanner: inout CSVScanner, from begin: Int, before limit: Int, columnCount: Int, slotOf: [Int],
        into fields: CSVFieldBuffers, wantedCount: Int, skipBadRows: Bool
    ) throws(CSVScanStop) -> CSVRows {
        var rows = CSVRows()
        fields.reset(columns: wantedCount)
        let row = UnsafeMutableBufferPointer<CSVFieldRef>.allocate(capacity: max(1, wantedCount))
        defer { row.deallocate() }
        row.initialize(repeating: CSVFieldRef(start: 0, length: 0, escaped: false))
        scanner.p = begin
        try slotOf.withUnsafeBufferPointer { (slotOf) throws(CSVScanStop) in
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
                    fields.append(UnsafeBufferPointer(rebasing: row[0..<wantedCount]))
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
