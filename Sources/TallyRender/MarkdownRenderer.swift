// Markdown output: a GitHub pipe table with values formatted for people, for pasting into docs and tickets.

import TallyData
import TallyDiagnostics

/// Renders a result as a GitHub-flavoured Markdown table.
public enum MarkdownRenderer {
    /// A pipe table padded to equal column widths:
    ///
    ///     | month   |    revenue | churn |
    ///     | :------ | ---------: | ----: |
    ///     | 2024-01 | $12,345.67 |  5.0% |
    ///     | 2024-02 |          — |  4.8% |
    ///
    /// Measures use `NumberText.human` with their unit; null is "—"; numeric columns are
    /// right-aligned (`---:`), the rest left (`:---`); `|` in text is written `\|` and control
    /// characters are spelled out (`\n`). A result with no columns renders as the empty string,
    /// since a Markdown table needs at least one.
    public static func render(_ table: ResultTable) -> String {
        guard !table.columns.isEmpty else { return "" }
        let columnIndices = table.columns.indices
        let headers = table.columns.map { escaped(DisplayCell.visible($0.name)) }
        let cells = table.rows.map { row in
            columnIndices.map { escaped(DisplayCell.text(DisplayCell.value(row, $0), in: table.columns[$0]).text) }
        }
        let right = columnIndices.map { DisplayCell.isRightAligned($0, in: table) }
        // Three is the narrowest delimiter that still holds an alignment colon and a dash.
        let widths = columnIndices.map { index in
            max(3, DisplayWidth.of(headers[index]), cells.map { DisplayWidth.of($0[index]) }.max() ?? 0)
        }

        func line(_ texts: [String]) -> String {
            let padded = columnIndices.map { DisplayCell.pad(texts[$0], to: widths[$0], right: right[$0]) }
            return "| " + padded.joined(separator: " | ") + " |\n"
        }
        let delimiters = columnIndices.map { index in
            right[index] ? String(repeating: "-", count: widths[index] - 1) + ":"
                         : ":" + String(repeating: "-", count: widths[index] - 1)
        }
        var out = line(headers) + line(delimiters)
        for row in cells { out += line(row) }
        return out
    }

    /// A pipe would end the cell early.
    private static func escaped(_ s: String) -> String {
        s.contains("|") ? s.replacing("|", with: "\\|") : s
    }
}
