// The terminal table for people: box-drawn, units applied, numbers right-aligned, with a row count footer.

import TallyData
import TallyDiagnostics

/// Options for the terminal table.
public struct TableOptions: Sendable {
    /// Bold header names and dim null markers, with ANSI escapes. Off for pipes and files.
    public var color: Bool = false
    /// How long the query took, already formatted ("12 ms"); shown after the row count.
    public var timing: String? = nil
    /// The result's row count when the table holds only its first rows (the footer then says both).
    public var totalRows: Int? = nil

    /// Options with the given settings; the defaults give plain text with no timing.
    public init(color: Bool = false, timing: String? = nil, totalRows: Int? = nil) {
        self.color = color
        self.timing = timing
        self.totalRows = totalRows
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
    /// column's alignment; null is "—". Widths are terminal cells (`DisplayWidth`: wide East Asian
    /// characters and emoji take two, combining marks none). Control characters in text are spelled
    /// out (`\n`) so a value cannot break the layout. Lines carry no trailing spaces, and the rule
    /// under the header is exactly as wide as the widest line. The footer is "N rows" ("1 row"),
    /// or "N rows (M shown)" when `totalRows` says the table holds only the first M of N, followed
    /// by the timing when given; a result with no columns is just the footer.
    public static func render(_ table: ResultTable, options: TableOptions = .init()) -> String {
        let footer = footerLine(shown: table.rows.count, total: options.totalRows, timing: options.timing)
        guard !table.columns.isEmpty else { return footer }

        let columnIndices = table.columns.indices
        let headers = table.columns.map { DisplayCell.visible($0.name) }
        let cells = table.rows.map { row in
            columnIndices.map { DisplayCell.text(DisplayCell.value(row, $0), in: table.columns[$0]) }
        }
        let right = columnIndices.map { DisplayCell.isRightAligned($0, in: table) }
        let widths = columnWidths(headers: headers, cells: cells.map { $0.map(\.text) })
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
        // The last column's line has no right padding, so neither has its stretch of the rule.
        out += columnIndices.map { String(repeating: "─", count: widths[$0] + ($0 == lastIndex ? 1 : 2)) }.joined(separator: "┼") + "\n"
        for row in cells {
            out += line(row.map(\.text)) { options.color && row[$0].isNull ? dim : nil }
        }
        return out + footer
    }

    /// Each column's width in terminal cells: its widest cell or header. A table's widest line (and
    /// its rule) takes the sum of these plus 3 per column, less 2.
    static func columnWidths(_ table: ResultTable) -> [Int] {
        columnWidths(
            headers: table.columns.map { DisplayCell.visible($0.name) },
            cells: table.rows.map { row in
                table.columns.indices.map { DisplayCell.text(DisplayCell.value(row, $0), in: table.columns[$0]).text }
            })
    }

    private static func columnWidths(headers: [String], cells: [[String]]) -> [Int] {
        headers.indices.map { index in
            max(DisplayWidth.of(headers[index]), cells.map { DisplayWidth.of($0[index]) }.max() ?? 0)
        }
    }

    private static let bold = "\u{1B}[1m"
    private static let dim = "\u{1B}[2m"
    private static let reset = "\u{1B}[0m"

    private static func footerLine(shown: Int, total: Int?, timing: String?) -> String {
        let rows = total ?? shown
        var footer = rows == 1 ? "1 row" : "\(rows) rows"
        var notes: [String] = []
        if rows != shown { notes.append("\(shown) shown") }
        if let timing { notes.append(timing) }
        if !notes.isEmpty { footer += " (" + notes.joined(separator: ", ") + ")" }
        return footer + "\n"
    }
}
