// Turns file offsets into the physical lines and character columns that people see, by reading from the start.

/// Locates offsets in a file. Only errors, skipped rows and the first value that made a column text need
/// this, so it rescans rather than having the chunk scanners count lines.
struct CSVLocator {
    let source: any ByteSource
    private static let block = 1 << 20

    /// 1-based line and character (Unicode scalar) column of `offset`; a byte order mark is not a column.
    func location(of offset: Int) throws(CSVError) -> (line: Int, column: Int) {
        try locations(of: [offset])[0]
    }

    /// The lines of several offsets.
    func lines(of offsets: [Int]) throws(CSVError) -> [Int] {
        try locations(of: offsets).map(\.line)
    }

    /// The line and column of each offset (in any order), in one pass up to the last of them. Between
    /// offsets only line breaks are counted, in a loop the compiler vectorises; characters are counted
    /// on the last line before each offset.
    func locations(of offsets: [Int]) throws(CSVError) -> [(line: Int, column: Int)] {
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var found = [(line: Int, column: Int)](repeating: (1, 1), count: offsets.count)
        var (line, column, next) = (1, 1, 0)
        let markEnd = try isByteOrderMark() ? 3 : 0
        try forEachBlock(upTo: offsets.max() ?? 0) { start, bytes in
            var i = 0
            while i < bytes.count {
                let stop = next < order.count ? min(bytes.count, offsets[order[next]] - start) : bytes.count
                if stop > i {
                    let lastBreak = bytes[i..<stop].lastIndex(of: CSVByte.lf)
                    if let lastBreak {
                        let before = UnsafeBufferPointer(rebasing: bytes[i..<lastBreak])
                        line += before.reduce(1) { $0 &+ ($1 == CSVByte.lf ? 1 : 0) }
                        column = 1
                    }
                    for j in (lastBreak.map { $0 + 1 } ?? i)..<stop where bytes[j] & 0xC0 != 0x80 && start + j >= markEnd {
                        column += 1
                    }
                    i = stop
                }
                while next < order.count, offsets[order[next]] <= start + i {
                    found[order[next]] = (line, column)
                    next += 1
                }
            }
        }
        // Offsets at or past the end of the file.
        while next < order.count {
            found[order[next]] = (line, column)
            next += 1
        }
        return found
    }

    /// The offset just after the first line break at or after `offset - 1` (so `offset` itself when a
    /// line starts there), or `limit` if there is none before it. Reads 4 KiB first, doubling up to
    /// 64 KiB: a line ends within a few hundred bytes in most files, and a load asks this once per
    /// chunk, before the chunk's worker can start.
    func lineStart(atOrAfter offset: Int, limit: Int) throws(CSVError) -> Int {
        var start = max(0, offset - 1)
        var size = 1 << 12
        while start < limit {
            let block = try source.bytes(offset: start, count: min(size, limit - start))
            guard !block.isEmpty else { break }
            if let i = block.firstIndex(of: CSVByte.lf) { return min(start + i + 1, limit) }
            start += block.count
            size = min(size * 2, 1 << 16)
        }
        return limit
    }

    private func isByteOrderMark() throws(CSVError) -> Bool {
        try source.bytes(offset: 0, count: 3) == [0xEF, 0xBB, 0xBF]
    }

    /// Calls `body` with consecutive blocks of bytes `0..<upTo`, read into one buffer.
    private func forEachBlock(
        upTo end: Int, _ body: (Int, UnsafeBufferPointer<UInt8>) throws(CSVError) -> Void
    ) throws(CSVError) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.block)
        defer { buffer.deallocate() }
        var start = 0
        let end = min(end, source.size)
        while start < end {
            let got = try source.read(into: UnsafeMutableRawBufferPointer(buffer), offset: start, count: min(Self.block, end - start))
            guard got > 0 else { return }
            try body(start, UnsafeBufferPointer(rebasing: buffer[0..<got]))
            start += got
        }
    }
}
