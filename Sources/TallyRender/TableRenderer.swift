// The terminal table for people: box-drawn, units applied, numbers right-aligned, with a row count footer.

import TallyData

/// Options for the terminal table.
public struct TableOptions: Sendable {
    /// Bold header names and dim null markers, with ANSI escapes. Off for pipes and files.
    public var color: Bool = false
    /// How long the query took, already formatted ("12 ms"); shown after the row count.
    public var timing: String? = nil

    /// Options with the given settings; the defaults give plain text with no timing.
    public init(color: Bool = false, timing: String? = nil) {
        self.color = color
        self.timing = timing
    }
}

/// Renders a result as a table for a terminal.
public enum TableRenderer {
    /// A table like
    ///
    ///      month   │    revenue │ churn
    ///     ─────────┼────────────┼───────
    ///      2024-01 │ $12,345.67 │  5.0%
    ///      2024-02 │          — │  4.8%
    ///     2 rows
    ///
    /// Measures use `NumberText.human` with their unit and are right-aligned; dimension values
    /// are `ValueText.plain`, right-aligned when the column is all numbers; headers follow their
    /// column's alignment; null is "—". Widths count Characters (East Asian wide characters are
    /// counted as one). Control characters in text are spelled out (`\n`) so a value cannot
    /// break the layout. Lines carry no trailing spaces. The footer is "N rows" ("1 row"),
    /// followed by " (timing)" when given; a result with no columns is just the footer.
    public static func render(_ table: ResultTable, options: TableOptions = .init()) -> String {
        let footer = footerLine(rowCount: table.rows.count, timing: options.timing)
        guard !table.columns.isEmpty else { return footer }

        let columnIndices = table.columns.indices
        let headers = table.columns.map { DisplayCell.visible($0.name) }
        let cells = table.rows.map { row in
            columnIndices.map { DisplayCell.text(DisplayCell.value(row, $0), in: table.columns[$0]) }
        }
        let right = columnIndices.map { DisplayCell.isRightAligned($0, in: table) }
        let widths = columnIndices.map { index in
            max(headers[index].count, cells.map { $0[index].text.count }.max() ?? 0)
        }
        let lastIndex = table.columns.count - 1

        // Styling wraps the padded text so escape codes never count toward a width.
        func line(_ texts: [String], style: (Int) -> String?) -> String {
            var out = ""
            for index in columnIndices {
                if index > 0 { out += "│" }
                // The last column of a line gets no right padding: trailing spaces are noise.
                var text = index == lastIndex && !right[index]
                    ? texts[index]
                    : DisplayCell.pad(texts[index], to: widths[index], right: right[index])
                if let code = style(index) { text = code + text + reset }
                out += " " + text + (index == lastIndex ? "" : " ")
            }
            return out + "\n"
        }

        var out = line(headers) { _ in options.color ? bold : nil }
        out += columnIndices.map { String(repeating: "─", count: widths[$0] + 2) }.joined(separator: "┼") + "\n"
        for row in cells {
            out += line(row.map(\.text)) { options.color && row[$0].isNull ? dim : nil }
        }
        return out + footer
    }

    private static let bold = "\u{1B}[1m"
    private static let dim = "\u{1B}[2m"
    private static let reset = "\u{1B}[0m"

    private static func footerLine(rowCount: Int, timing: String?) -> String {
        var footer = rowCount == 1 ? "1 row" : "\(rowCount) rows"
        if let timing { footer += " (\(timing))" }
        return footer + "\n"
    }
}
