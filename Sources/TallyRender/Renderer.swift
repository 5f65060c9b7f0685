// The single entry point that turns a result into text, plus the cell rules shared by the two people-facing formats.

import TallyData
import TallyDiagnostics

/// The output formats of `--format`.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Box-drawn table for a terminal, numbers formatted for people.
    case table
    /// RFC 4180 CSV, plain full-precision values.
    case csv
    /// A JSON array of objects, plain full-precision values.
    case json
    /// A GitHub pipe table, numbers formatted for people.
    case markdown
    /// A self-contained HTML page (tables, and SVG charts for `plot`), numbers formatted for people.
    case html
}

/// Renders a result in any output format.
public enum Renderer {
    /// `table` in `format`; `options` only affect `.table`. Every format ends with a newline,
    /// except CSV and Markdown of a result with no columns, which are empty.
    public static func render(_ table: ResultTable, format: OutputFormat, options: TableOptions = .init()) -> String {
        switch format {
        case .table: TableRenderer.render(table, options: options)
        case .csv: CSVRenderer.render(table)
        case .json: JSONRenderer.render(table)
        case .markdown: MarkdownRenderer.render(table)
        case .html: HTMLReport.page(of: table)
        }
    }
}

/// How a cell looks to people: shared by the terminal table and Markdown so both agree.
enum DisplayCell {
    /// A cell's text for people, and whether it stands for a missing value.
    static func text(_ value: Value, in column: ResultColumn) -> (text: String, isNull: Bool) {
        switch (value, column.role) {
        case (.null, _):
            return (NumberText.nullMarker, true)
        case (.number(let x), _) where !x.isFinite:
            return (NumberText.nullMarker, true)
        case (.integer(let n), .measure(let unit)):
            return (NumberText.human(n, unit: unit), false)
        case (.number(let x), .measure(let unit)):
            return (NumberText.human(x, unit: unit), false)
        case (.decimal(let m, let s), .measure(let unit)):
            return (NumberText.human(m, scale: s, unit: unit), false)
        default:
            return (visible(ValueText.plain(value) ?? ""), false)
        }
    }

    /// Measures are numbers, so right-aligned; a dimension is right-aligned when every value it
    /// has is a number (an all-null or empty dimension stays left, like text).
    static func isRightAligned(_ index: Int, in table: ResultTable) -> Bool {
        guard index < table.columns.count else { return false }
        if case .measure = table.columns[index].role { return true }
        var sawNumber = false
        for row in table.rows where index < row.count {
            switch row[index] {
            case .null: continue
            case .integer, .number, .decimal: sawNumber = true
            default: return false
            }
        }
        return sawNumber
    }

    /// The value in `row` for column `index`; a short row reads as null rather than trapping.
    static func value(_ row: [Value], _ index: Int) -> Value {
        index < row.count ? row[index] : .null
    }

    /// `s` with control characters spelled out, so data can neither break the layout with a
    /// line break nor drive the terminal with escape sequences.
    static func visible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where isControl(c): out += "\\u{" + String(c.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0, DEL and C1: C1 matters because some terminals read U+009B as an escape sequence.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `s` padded with spaces to `width` terminal cells, on the left when `right` is set.
    static func pad(_ s: String, to width: Int, right: Bool) -> String {
        DisplayWidth.padded(s, to: width, right: right)
    }
}
