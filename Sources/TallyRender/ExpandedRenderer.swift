// Expanded display (psql's \x): each row as a block of `column │ value` lines, for results too wide
// for the screen or of a single row.

import TallyData
import TallyDiagnostics

/// Renders a result one row at a time, a line per column.
public enum ExpandedRenderer {
    /// Blocks like
    ///
    ///     ─[ 1 ]─────────────
    ///      month   │ 2024-01
    ///      revenue │ $1,234.50
    ///     1 row
    ///
    /// Values as the table shows them (units applied, `—` for null); the footer as the table's.
    public static func render(_ table: ResultTable, options: TableOptions = .init()) -> String {
        let names = table.columns.map { DisplayCell.visible($0.name) }
        let nameWidth = names.map(DisplayWidth.of).max() ?? 0
        var out = ""
        for (number, row) in table.rows.enumerated() {
            let values = table.columns.indices.map {
                DisplayCell.text(DisplayCell.value(row, $0), in: table.columns[$0]).text
            }
            let width = nameWidth + 3 + (values.map(DisplayWidth.of).max() ?? 0)
            let title = "─[ \(number + 1) ]"
            out += title + String(repeating: "─", count: max(0, width + 1 - DisplayWidth.of(title))) + "\n"
            for (name, value) in zip(names, values) {
                let label =
                    options.color
                    ? bold + DisplayCell.pad(name, to: nameWidth, right: false) + reset
                    : DisplayCell.pad(name, to: nameWidth, right: false)
                out += " " + label + " │ " + value + "\n"
            }
        }
        let rows = table.rows.count == 1 ? "1 row" : "\(table.rows.count) rows"
        return out + rows + (options.timing.map { " (\($0))" } ?? "") + "\n"
    }

    /// Whether `auto` shows `table` expanded on a screen `columns` wide: when its table would be
    /// wider, or when it is one row of four or more columns (easier read down than across).
    public static func suits(_ table: ResultTable, columns: Int) -> Bool {
        if table.rows.count == 1, table.columns.count >= 4 { return true }
        let widths = TableRenderer.columnWidths(table)
        return widths.reduce(0, +) + 3 * widths.count - 2 > columns
    }

    private static let bold = "\u{1B}[1m"
    private static let reset = "\u{1B}[0m"
}
