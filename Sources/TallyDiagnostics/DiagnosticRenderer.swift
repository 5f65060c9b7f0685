// Prints diagnostics the way rustc and swift-syntax do: message, location, the line, a caret, help.

/// Renders a diagnostic as text, optionally with ANSI colour.
///
///     error: unknown metric 'churnn'
///      --> 1:1
///       |
///     1 | churnn by month
///       | ^^^^^^
///       = help: did you mean 'churn'?
public struct DiagnosticRenderer: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ d: Diagnostic) -> String {
        let message = Self.printable(d.message)
        let help = d.help.map(Self.printable)
        var out = paint("\(d.severity.rawValue):", d.severity == .error ? "1;31" : "1;33") + " " + paint(message, "1")
        let notes = d.notes.map(Self.printable)
        guard let source = d.source, let span = d.span else {
            for note in notes { out += "\n  = note: \(note)" }
            if let help { out += "\n  = help: \(help)" }
            return out
        }
        let (line, column) = source.location(of: span.start)
        let gutter = String(repeating: " ", count: String(line).count)
        let place = source.name.map { "\($0):\(line):\(column)" } ?? "\(line):\(column)"
        let (text, caretColumn, width) = excerpt(source, span: span, line: line, column: column)
        out += "\n\(gutter)\(paint("-->", "34")) \(place)"
        out += "\n\(gutter) \(paint("|", "34"))"
        out += "\n\(paint(String(line), "34")) \(paint("|", "34")) \(text)"
        // The caret lines up by terminal cells, not characters: a wide character before it takes two.
        let scalars = Array(text.unicodeScalars)
        let lead = min(max(0, caretColumn - 1), scalars.count)
        let marked = scalars[lead..<min(scalars.count, lead + width)]
        let indent = DisplayWidth.of(String(String.UnicodeScalarView(scalars[..<lead])))
        // A span may reach past the line's end (a missing token there): those cells count one each.
        let carets = max(1, DisplayWidth.of(String(String.UnicodeScalarView(marked))) + width - marked.count)
        out += "\n\(gutter) \(paint("|", "34")) " + String(repeating: " ", count: indent)
            + paint(String(repeating: "^", count: carets), "1;31")
        for label in d.labels {
            let (l, c) = source.location(of: label.span.start)
            out += "\n\(gutter) = note: \(Self.printable(label.message)) (\(l):\(c))"
        }
        for note in notes { out += "\n\(gutter) = note: \(note)" }
        if let help { out += "\n\(gutter) = help: \(help)" }
        return out
    }

    /// The source line (a window of it around the span when it is very long, so a megabyte
    /// line does not flood the terminal), the caret's column in that text and the caret width.
    private func excerpt(_ source: SourceFile, span: Span, line: Int, column: Int) -> (String, Int, Int) {
        let scalars = source.line(line).unicodeScalars.map(Self.visible)
        let (endLine, endColumn) = source.location(of: min(span.end, source.utf8.count))
        var width = endLine == line ? max(1, endColumn - column) : max(1, scalars.count + 1 - column)
        let limit = 100
        guard scalars.count > limit else { return (String(String.UnicodeScalarView(scalars)), column, width) }
        let start = max(0, min(column - 1 - limit / 2, scalars.count - limit))
        let end = min(scalars.count, start + limit)
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        var caret = column - start
        if start > 0 {
            text = "…" + text
            caret += 1
        }
        if end < scalars.count { text += "…" }
        width = max(1, min(width, end - (column - 1)))
        return (text, caret, width)
    }

    /// Longest word kept whole in a message: names are quoted from the input, which may hold a
    /// megabyte identifier, and the message must stay readable.
    static let wordLimit = 100

    /// A message or help line as it may be printed: over-long words cut, control characters
    /// (which could move the cursor or recolour the terminal) made visible.
    static func printable(_ text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.count > wordLimit ? String(word.prefix(wordLimit - 1)) + "…" : String(word)
        }
        return String(String.UnicodeScalarView(words.joined(separator: " ").unicodeScalars.map(visible)))
    }

    /// One scalar of input as shown: a tab as a space, other control characters as U+FFFD, each one
    /// column wide so the caret below stays aligned.
    private static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09: " "
        case 0x0A: scalar
        case 0x00..<0x20, 0x7F..<0xA0: "\u{FFFD}"
        default: scalar
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
