// The fast path for rows of plain fields: field ends found 64 bytes at a time, by bit scans.

/// The block the plain-row path is looking at, kept from row to row (a block holds a row and a half
/// of a typical file).
struct CSVBlockCursor {
    /// Buffer position of the block's first byte; the masks are for `start..<start + 64` (none yet at first).
    var start = -64
    var masks = CSVBlockMasks.none
    let delimiter: UInt8

    init(delimiter: UInt8) {
        self.delimiter = delimiter
    }
}

extension CSVScanner {
    /// Scans the row at `p` when it is plain: `columnCount` fields, none holding a quote or a carriage
    /// return, ended by a line feed that lies, with the 64 bytes from every position looked at, inside
    /// the buffer. Such a row reads the same field by field, so this records the same fields (into row
    /// `row` of `columns`, for the columns `slotOf` gives a slot) and leaves `p` after the line feed.
    /// Any other row (quoted, CRLF, the wrong width, near the buffer's end) gives false, with `p`
    /// unchanged, and is scanned field by field from its start, which also reports its problems.
    /// With `everyColumn` (every column wanted, in order: `slotOf[i] == i`), the slot is the column's
    /// index, which spares a load and a test per field; the two call sites get a copy each.
    @inline(__always)
    mutating func plainRow(
        columnCount: Int, slotOf: UnsafeBufferPointer<Int>, everyColumn: Bool, row: Int,
        into columns: UnsafeMutablePointer<UnsafeMutablePointer<CSVFieldRef>>, cursor: inout CSVBlockCursor
    ) -> Bool {
        guard let base = b.baseAddress else { return false }
        let n = b.count
        // Locals, not the cursor's fields: the stores into `columns` could otherwise alias them, and
        // every field would reload them from memory.
        var blockStart = cursor.start
        var masks = cursor.masks
        defer { (cursor.start, cursor.masks) = (blockStart, masks) }
        var fieldStart = p
        var position = p
        var count = 0
        // Wrapping arithmetic and masking shifts: positions stay within the buffer and shifts below 64,
        // so the checks Swift adds for overflow and overshifting would only cost time here.
        while true {
            if position < blockStart || position &- blockStart >= 64 {
                guard n &- position >= 64 else { return false }
                blockStart = position
                masks = CSVBlockMasks(UnsafeRawPointer(base + position), delimiter: cursor.delimiter)
            }
            if masks.specials != 0 { return false }
            let ends = masks.ends &>> UInt64(position &- blockStart)
            if ends == 0 {
                // The field goes on past this block.
                position = blockStart &+ 64
                continue
            }
            // Inside the block, so inside the buffer.
            let end = position &+ ends.trailingZeroBitCount
            let length = end &- fieldStart
            guard count < columnCount, length <= CSVFieldRef.maxLength else { return false }
            let slot = everyColumn ? count : slotOf[count]
            if everyColumn || slot >= 0 { columns[slot][row] = CSVFieldRef(start: fieldStart, length: length, escaped: false) }
            count &+= 1
            if base[end] == CSVByte.lf {
                guard count == columnCount else { return false }
                p = end &+ 1
                return true
            }
            fieldStart = end &+ 1
            position = end &+ 1
        }
    }
}
