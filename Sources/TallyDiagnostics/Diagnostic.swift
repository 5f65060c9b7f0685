// A message about the user's input, located by span, with an optional help line.

/// An error or note addressed to the user. Every stage reports problems as diagnostics.
public struct Diagnostic: Error, Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    public var message: String
    /// Where in `source` the problem is; nil when it concerns no text (a missing file given on the command line).
    public var span: Span?
    /// Extra located remarks ("defined here").
    public var labels: [Label]
    /// Extra remarks about things outside the text, such as a place in a data file, which they name themselves.
    public var notes: [String]
    public var help: String?
    /// The text the span points into. Set by whoever knows it (the session), so stages need not carry it.
    public var source: SourceFile?

    public struct Label: Sendable, Equatable {
        public var span: Span
        public var message: String
        public init(span: Span, message: String) {
            self.span = span
            self.message = message
        }
    }

    public init(
        _ message: String, at span: Span? = nil, help: String? = nil, labels: [Label] = [], notes: [String] = [],
        severity: Severity = .error, source: SourceFile? = nil
    ) {
        self.severity = severity
        self.message = message
        self.span = span
        self.help = help
        self.labels = labels
        self.notes = notes
        self.source = source
    }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.severity == b.severity && a.message == b.message && a.span == b.span && a.help == b.help
            && a.labels == b.labels && a.notes == b.notes
    }

    /// The same diagnostic pointing into `source`, unless it already points somewhere.
    public func inSource(_ file: SourceFile) -> Diagnostic {
        var copy = self
        if copy.source == nil { copy.source = file }
        return copy
    }
}

extension Diagnostic: CustomStringConvertible {
    public var description: String { DiagnosticRenderer(color: false).render(self) }
}
