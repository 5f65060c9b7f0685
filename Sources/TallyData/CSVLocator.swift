// Turns file offsets into the physical lines and character columns that people see, by reading from the start.

/// Locates offsets in a file. Only errors and skipped rows need this, so it rescans rather than having
/// the chunk scanners count lines.
struct CSVLocator {
    let source: any ByteSource
    private static let block = 1 << 20

    /// 1-based line and character (Unicode scalar) column of `offset`; a byte order mark is not a column.
    func location(of offset: Int) throws(CSVError) -> (line: Int, column: Int) {
        try locations(of: [offset])[0]
    }

    /// The line and column of each offset (in any order), in one pass up to the last of them.
    func locations(of offsets: [Int]) throws(CSVError) -> [(line: Int, column: Int)] {
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var found = [(line: Int, column: Int)](repeating: (1, 1), count: offsets.count)
        var (line, column, next) = (1, 1, 0)
        var target = order.first.map { offsets[$0] } ?? Int.max
        let markEnd = try isByteOrderMark() ? 3 : 0
        func reach(_ at: Int) {
            while at >= target {
                found[order[next]] = (line, column)
                next += 1
                target = next < order.count ? offsets[order[next]] : Int.max
            }
        }
        try forEachBlock(upTo: offsets.max() ?? 0) { start, bytes in
            for i in 0..<bytes.count {
                reach(start + i)
                if bytes[i] == CSVScanner.lf {
                    line += 1
                    column = 1
                } else if bytes[i] & 0xC0 != 0x80, start + i >= markEnd {
                    column += 1
                }
            }
        }
        reach(Int.max - 1)
        return found
    }

    /// The lines of several offsets (ascending), in one pass.
    func lines(of offsets: [Int]) throws(CSVError) -> [Int] {
        var lines: [Int] = []
        lines.reserveCapacity(offsets.count)
        var line = 1
        var next = 0
        try forEachBlock(upTo: offsets.last ?? 0) { start, bytes in
            for i in 0..<bytes.count {
                while next < offsets.count, offsets[next] <= start + i {
                    lines.append(line)
                    next += 1
                }
                if bytes[i] == CSVScanner.lf { line += 1 }
            }
        }
        while lines.count < offsets.count { lines.append(line) }
        return lines
    }

    /// The offset just after the first line break at or after `offset - 1` (so `offset` itself when a
    /// line starts there), or `limit` if there is none before it.
    func lineStart(atOrAfter offset: Int, limit: Int) throws(CSVError) -> Int {
        var start = max(0, offset - 1)
        while start < limit {
            let block = try source.bytes(offset: start, count: min(1 << 16, limit - start))
            guard !block.isEmpty else { break }
            if let i = block.firstIndex(of: CSVScanner.lf) { return min(start + i + 1, limit) }
            start += block.count
        }
        return limit
    }

    private func isByteOrderMark() throws(CSVError) -> Bool {
        try source.bytes(offset: 0, count: 3) == [0xEF, 0xBB, 0xBF]
    }

    /// Calls `body` with consecutive blocks of bytes `0..<upTo`.
    private func forEachBlock(
        upTo end: Int, _ body: (Int, UnsafeBufferPointer<UInt8>) throws(CSVError) -> Void
    ) throws(CSVError) {
        var start = 0
        let end = min(end, source.size)
        while start < end {
            let block = try source.bytes(offset: start, count: min(Self.block, end - start))
            guard !block.isEmpty else { return }
            let result = block.withUnsafeBufferPointer { b in Result { () throws(CSVError) in try body(start, b) } }
            try result.get()
            start += block.count
        }
    }
}
