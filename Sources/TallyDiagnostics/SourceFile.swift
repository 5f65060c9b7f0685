// The text of one input (a script, an -e argument, a REPL line) and line/column lookup.

/// A named piece of source text. Spans are UTF-8 offsets into `text`.
public struct SourceFile: Sendable {
    /// Shown in diagnostics (`model.tally:3:5`); nil for -e and REPL input, which show `3:5`.
    public let name: String?
    public let text: String
    public let utf8: [UInt8]
    private let lineStarts: [Int]
    /// The line number of the text's first line: 1, unless the text is a part of a longer input
    /// that starts at a later line (a long script is parsed and run a part at a time).
    public let firstLine: Int

    public init(name: String?, text: String) {
        self.init(name: name, text: text, firstLine: 1)
    }

    /// A part of a longer input whose first line is line `firstLine` of that input.
    public init(name: String?, text: String, firstLine: Int) {
        self.name = name
        self.text = text
        self.utf8 = Array(text.utf8)
        var starts = [0]
        for (i, byte) in utf8.enumerated() where byte == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.lineStarts = starts
        self.firstLine = firstLine
    }

    /// How many lines the text has (a text that ends with a line break has an empty last line).
    public var lineCount: Int { lineStarts.count }

    /// 1-based line and column (in Unicode scalars) of a UTF-8 offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, utf8.count))
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        let column = scalarCount(from: start, to: clamped) + 1
        return (firstLine + lo, column)
    }

    /// The text of a 1-based line (counted from the start of the whole input), without its line terminator.
    public func line(_ number: Int) -> String {
        let index = number - firstLine
        guard index >= 0, index < lineStarts.count else { return "" }
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : utf8.count
        if end > start, utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text covered by a span.
    public func slice(_ span: Span) -> String {
        let lo = max(0, min(span.start, utf8.count))
        let hi = max(lo, min(span.end, utf8.count))
        return String(decoding: utf8[lo..<hi], as: UTF8.self)
    }

    /// Counts scalars (not continuation bytes) so carets line up under non-ASCII text.
    func scalarCount(from start: Int, to end: Int) -> Int {
        var count = 0
        var i = start
        while i < end {
            if utf8[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }
}
