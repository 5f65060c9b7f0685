// Half-open ranges of UTF-8 offsets into a SourceFile.

/// A half-open range `start..<end` of UTF-8 offsets into the source text.
public struct Span: Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// A span that covers nothing, for values that come from no text (the standard library's defaults).
    public static let none = Span(0, 0)

    /// The smallest span covering both.
    public func union(_ other: Span) -> Span { Span(min(start, other.start), max(end, other.end)) }

    public var description: String { "\(start)..<\(end)" }
}
