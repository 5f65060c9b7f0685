// A problem loading a CSV file, located by file, physical line and character column.

import TallyDiagnostics

/// Why a CSV file could not be loaded.
///
/// `line` counts physical lines from 1 (a newline inside a quoted field starts a new line); 0 means the
/// problem is with the file itself (missing, unreadable). `column` is the 1-based character (Unicode scalar)
/// column on that line: of the start of the offending field (its opening quote when quoted), or of the
/// offending character for stray quotes, or just past the row's last field when a row has too few fields.
/// A UTF-8 byte order mark does not count as a column.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path or file name the data came from, as the caller named it.
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var help: String?

    /// Creates an error; prefer the reader's own errors, this is public for callers that wrap loading.
    public init(file: String, line: Int, column: Int, message: String, help: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.help = help
    }

    /// `file:line:column: message`, or `file: message` when the problem has no line (line 0).
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }

    /// The error as a diagnostic for the session to render: message is `description`, help carried over.
    public func diagnostic() -> Diagnostic {
        Diagnostic(description, help: help)
    }
}
