// Scans the rows of one buffer into the fields of the columns asked for, checking every row's width.

/// Growable per-column field storage that a worker reuses from chunk to chunk, so scanning a large file
/// allocates (and page-faults) once per worker rather than once per chunk. Raw pointers, because the
/// scanner writes every field of every wanted column.
final class CSVFieldBuffers {
    private(set) var columns: UnsafeMutablePointer<UnsafeMutablePointer<CSVFieldRef>>
    private var columnCount = 0
    private(set) var capacity = 1 << 14

    init() { columns = .allocate(capacity: 1) }

    deinit {
        for i in 0..<columnCount { columns[i].deallocate() }
        columns.deallocate()
    }

    /// Makes room for `count` columns (their contents are not kept).
    func reset(columns count: Int) {
        guard count > columnCount else { return }
        let more = UnsafeMutablePointer<UnsafeMutablePointer<CSVFieldRef>>.allocate(capacity: count)
        for i in 0..<count { more[i] = i < columnCount ? columns[i] : .allocate(capacity: capacity) }
        columns.deallocate()
        columns = more
        columnCount = count
    }

    /// The first `rows` fields of column `slot`.
    func fields(_ slot: Int, rows: Int) -> UnsafeBufferPointer<CSVFieldRef> {
        UnsafeBufferPointer(start: columns[slot], count: rows)
    }

    /// Doubles the capacity, keeping the first `rows` fields of every column.
    func grow(keeping rows: Int) {
        let bigger = capacity * 2
        for i in 0..<columnCount {
            let p = UnsafeMutablePointer<CSVFieldRef>.allocate(capacity: bigger)
            p.moveInitialize(from: columns[i], count: rows)
            columns[i].deallocate()
            columns[i] = p
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
    /// A row may run past `limit`. A row of the wrong width leaves its fields past `rowCount`, unused.
    /// Plain rows take the fast path unless `plainRows` is false (the tests compare the two).
    static func scan<Delimiter>(
        _ outer: inout CSVScanner<Delimiter>, from begin: Int, before limit: Int, columnCount: Int, slotOf: [Int],
        into fields: CSVFieldBuffers, wantedCount: Int, skipBadRows: Bool, plainRows: Bool = true
    ) throws(CSVScanStop) -> CSVRows {
        // A local copy keeps the scanner's position in a register rather than behind the inout.
        var scanner = outer
        defer { outer = scanner }
        var rows = CSVRows()
        fields.reset(columns: wantedCount)
        var columns = fields.columns
        var capacity = fields.capacity
        scanner.p = begin
        // Plain rows are scanned up to the line breaks that end the file, which are not rows (below).
        let plainStop = scanner.atEOF ? min(limit, scanner.trailingLineBreaksStart) : limit
        let everyColumn = slotOf.count == columnCount && slotOf.indices.allSatisfy { slotOf[$0] == $0 }
        try slotOf.withUnsafeBufferPointer { (slotOf) throws(CSVScanStop) in
            while scanner.p < limit {
                let rowStart = scanner.p
                let row = rows.rowCount
                if row == capacity {
                    fields.grow(keeping: row)
                    (columns, capacity) = (fields.columns, fields.capacity)
                }
                if scanner.atEOF, scanner.onlyLineBreaksRemain() {
                    // Trailing line breaks are not rows (the data's end excludes them when it is known).
                    scanner.p = scanner.b.count
                    break
                }
                if plainRows {
                    let scanned =
                        everyColumn
                        ? scanner.plainRows(
                            columnCount: columnCount, slotOf: slotOf, everyColumn: true, firstRow: row, capacity: capacity,
                            stop: plainStop, into: columns)
                        : scanner.plainRows(
                            columnCount: columnCount, slotOf: slotOf, everyColumn: false, firstRow: row, capacity: capacity,
                            stop: plainStop, into: columns)
                    if scanned > 0 {
                        rows.rowCount += scanned
                        continue
                    }
                }
                var count = 0
                // Where the first surplus field starts, for "too many fields" errors.
                var extra = 0
                while true {
                    if count == columnCount { extra = scanner.p }
                    let field = try scanner.scanField()
                    if count < columnCount, case let slot = slotOf[count], slot >= 0 { columns[slot][row] = field }
                    count += 1
                    if !scanner.skipDelimiter() { break }
                }
                if count == columnCount {
                    rows.rowCount += 1
                } else if skipBadRows {
                    rows.skipped.append(scanner.base + rowStart)
                } else {
                    throw .rowWidth(
                        at: scanner.base + (count > columnCount ? extra : scanner.p), found: count,
                        expected: columnCount, blank: scanner.p == rowStart)
                }
                scanner.endLine()
            }
        }
        rows.end = scanner.p
        return rows
    }
}
