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
        var out = paint("\(d.severity.rawValue):", d.severity == .error ? "1;31" : "1;33") + " " + paint(d.message, "1")
        guard let source = d.source, let span = d.span else {
            if let help = d.help { out += "\n  = help: \(help)" }
            return out
        }
        let (line, column) = source.location(of: span.start)
        let gutter = String(repeating: " ", count: String(line).count)
        let place = source.name.map { "\($0):\(line):\(column)" } ?? "\(line):\(column)"
        out += "\n\(gutter)\(paint("-->", "34")) \(place)"
        out += "\n\(gutter) \(paint("|", "34"))"
        out += "\n\(paint(String(line), "34")) \(paint("|", "34")) \(source.line(line))"
        out += "\n\(gutter) \(paint("|", "34")) " + caretLine(source, span: span, line: line, column: column)
        for label in d.labels {
            let (l, c) = source.location(of: label.span.start)
            out += "\n\(gutter) = note: \(label.message) (\(l):\(c))"
        }
        if let help = d.help { out += "\n\(gutter) = help: \(help)" }
        return out
    }

    /// Carets under the span, clipped to the first line it covers.
    private func caretLine(_ source: SourceFile, span: Span, line: Int, column: Int) -> String {
        let endOffset = min(span.end, source.utf8.count)
        let (endLine, endColumn) = source.location(of: endOffset)
        let lineLength = source.line(line).unicodeScalars.count
        let width: Int
        if endLine == line {
            width = max(1, endColumn - column)
        } else {
            width = max(1, lineLength + 1 - column)
        }
        return String(repeating: " ", count: column - 1) + paint(String(repeating: "^", count: width), "1;31")
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
