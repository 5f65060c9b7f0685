// What `load ... with` says, as reader options: renames, declared types and layouts, the delimiter.

import TallyData
import TallyDiagnostics
import TallySyntax

extension CSVOptions {
    /// The options a `load` statement asks for; a layout that cannot be read is an error at its string.
    init(_ load: Load) throws(Diagnostic) {
        self.init(renames: load.renames.map { (column: $0.column.text, header: $0.header) }, skipBadRows: load.skipBadRows)
        delimiter = load.delimiter?.text.utf8.first
        for spec in load.columns where spec.kind != nil || spec.format != nil {
            guard formats[spec.column.text] == nil else {
                throw Diagnostic("column '\(spec.column.text)' is declared twice", at: spec.column.span, help: "declare each column once")
            }
            formats[spec.column.text] = try Self.format(of: spec)
        }
    }

    private static func format(of spec: ColumnSpec) throws(Diagnostic) -> ColumnFormat {
        let kind = spec.kind?.text
        guard let written = spec.format else {
            switch kind {
            case "number", "money": return .number(.standard)
            case "date": return .date(nil)
            case "timestamp": return .timestamp(nil)
            default: return .text
            }
        }
        switch kind {
        case "number", "money":
            do { return .number(try NumberFormat(example: written.text)) } catch { throw Diagnostic(error.message, at: written.span) }
        case "text":
            throw Diagnostic("a text column takes no format", at: written.span, help: "leave out 'format', or declare another type")
        default:
            let layout: DateFormat
            do { layout = try DateFormat(pattern: written.text) } catch { throw Diagnostic(error.message, at: written.span) }
            if kind == "date", layout.hasTime {
                throw Diagnostic(
                    "this layout has a time of day, so its values are timestamps", at: written.span,
                    help: "declare '\(spec.column.text) as timestamp', or leave out 'as date'")
            }
            return kind == "timestamp" || layout.hasTime ? .timestamp(layout) : .date(layout)
        }
    }
}
