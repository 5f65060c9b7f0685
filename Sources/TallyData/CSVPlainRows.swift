// The fast path for rows of plain fields: field ends found 64 bytes at a time, by bit scans.

extension CSVScanner {
    /// Scans rows from `p` while they are plain: `columnCount` fields, none holding a quote or a
    /// carriage return, ended by a line feed, in 64-byte blocks that lie inside the buffer. Such rows
    /// read the same field by field, so this records the same fields (into rows `firstRow...` of
    /// `columns`, for the columns `slotOf` gives a slot) and leaves `p` after the last one's line feed.
    /// It scans rows that start before `stop`, up to row `capacity`; at the first row that is not
    /// plain (quoted, CRLF, the wrong width, near the buffer's end) it stops with `p` at that row's
    /// start, for the field-by-field scan, which also reports its problems. Gives how many rows it
    /// scanned. With `everyColumn` (every column wanted, in order: `slotOf[i] == i`), the slot is the
    /// column's index, which spares a load and a test per field; the two call sites get a copy each.
    ///
    /// Each block's field ends are taken in turn, across rows, so a row costs no more than its fields:
    /// looking for each row's ends afresh took half as many instructions again.
    @inline(__always)
    mutating func plainRows(
        columnCount: Int, slotOf: UnsafeBufferPointer<Int>, everyColumn: Bool, firstRow: Int, capacity: Int,
        stop: Int, into columns: UnsafeMutablePointer<UnsafeMutablePointer<CSVFieldRef>>
    ) -> Int {
        // Fields of a smaller buffer are always short enough for `CSVFieldRef`.
        guard let base = b.baseAddress, b.count <= CSVFieldRef.maxLength, firstRow < capacity else { return 0 }
        let n = b.count
        let last = columnCount &- 1
        var row = firstRow
        var rowStart = p
        var fieldStart = p
        var column = 0
        var blockStart = p
        // Wrapping arithmetic: positions stay within the buffer, so the checks Swift adds for overflow
        // would only cost time here.
        blocks: while n &- blockStart >= 64 {
            let masks = CSVBlockMasks(UnsafeRawPointer(base + blockStart), delimiter: delimiter.byte)
            if masks.specials != 0 { break }
            var ends = masks.ends
            while ends != 0 {
                let end = blockStart &+ ends.trailingZeroBitCount
                ends &= ends &- 1
                let slot = everyColumn ? column : slotOf[column]
                if everyColumn || slot >= 0 {
                    columns[slot][row] = CSVFieldRef(start: fieldStart, length: end &- fieldStart, escaped: false)
                }
                fieldStart = end &+ 1
                if base[end] == CSVByte.lf {
                    guard column == last else { break blocks }
                    row &+= 1
                    rowStart = fieldStart
                    column = 0
                    if row == capacity || rowStart >= stop { break blocks }
                } else {
                    column &+= 1
                    guard column < columnCount else { break blocks }
                }
            }
            blockStart &+= 64
        }
        p = rowStart
        return row &- firstRow
    }
}
