// What made a column with numbers in it text: its first value, in file order, that is not a number.

import TallyDiagnostics

/// The first value of a text column that is not a number, kept when some of the column's values are
/// written as numbers, so that a query using the column as a number can say which value made it text.
public struct FirstNonNumber: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case notANumber = 0
        /// A whole number beyond 64-bit integers: written as a number, but not read as one.
        case tooLarge = 1
    }

    /// 1-based physical line and character column of the field (its opening quote when quoted).
    public var line: Int
    public var column: Int
    /// The value, cut to `shownLength` characters.
    public var value: String
    public var kind: Kind

    /// Longest value kept: the note quotes it, and a field may be megabytes long.
    static let shownLength = 40

    public init(line: Int, column: Int, value: String, kind: Kind) {
        self.line = line
        self.column = column
        self.value = value
        self.kind = kind
    }

    /// The remark for a message about the column `name` of `file`:
    /// `orders.csv:57:12: "N/A" is the first value in amount that is not a number`.
    public func note(file: String, column name: String) -> String {
        // Written as a string of the language, so a quote or a line break in it cannot end the note early.
        let quoted = StringLiteral.quoted(value)
        let what =
            switch kind {
            case .notANumber: "is the first value in \(name) that is not a number"
            case .tooLarge: "in \(name) is too large for a 64-bit integer"
            }
        return "\(file):\(line):\(column): \(quoted) \(what)"
    }

    /// `bytes` as the value to show: at most `shownLength` characters, the last an ellipsis when cut.
    static func shown(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Four bytes a scalar at most: past this prefix the first `shownLength` scalars are whole.
        let limit = 4 * (shownLength + 1)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(limit)), as: UTF8.self)
        guard bytes.count > limit || text.unicodeScalars.count > shownLength else { return text }
        var cut = String.UnicodeScalarView(text.unicodeScalars.prefix(shownLength - 1))
        cut.append("…")
        return String(cut)
    }
}

/// A field of a chunk that is not a number: where it starts in the file (its opening quote when quoted),
/// and what to show of it. Located (lines counted) only if it turns out to be its column's first.
struct NonNumberSpot {
    var offset: Int
    var value: String
    var kind: FirstNonNumber.Kind
}
