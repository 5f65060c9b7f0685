// A result as the prompt shows it: no wider than the terminal, and a long one cut to its first rows.

import TallyData
import TallyDiagnostics

/// Lays a result out for a terminal of a given width. Numbers and dimension values are never cut:
/// only free text (descriptions, paths) is shortened, and a table still too wide is shown in bands,
/// the dimension columns repeated in each, as many measure columns in each band as fit.
public struct TerminalTable {
    /// The terminal's width in cells.
    public var columns: Int
    /// Bold headers, dim nulls and notes.
    public var color: Bool

    /// Rows shown before a result is cut (`last` shows it whole).
    public static let rowLimit = 40
    /// A result is cut only when that hides more rows than this: hiding one or two saves no room.
    public static let rowSlack = 10
    /// Free text is not cut shorter than this many cells.
    static let shortestText = 16

    public init(columns: Int, color: Bool) {
        self.columns = columns
        self.color = color
    }

    /// The table (or its bands), then a note for each thing left out: cut text, hidden rows.
    /// `whole` shows every row, as `last` does.
    public func render(_ table: ResultTable, timing: String?, whole: Bool) -> String {
        var shown = table
        var total: Int?
        if !whole, table.rows.count > Self.rowLimit + Self.rowSlack {
            shown.rows = Array(table.rows.prefix(Self.rowLimit))
            total = table.rows.count
        }
        let cut = cutFreeText(&shown)
        var text = bands(shown, timing: timing, total: total)
        if cut {
            text += note("… cut to fit the terminal; `format csv` shows it whole")
        }
        if let total { text += note("`last` shows all \(total) rows") }
        return text
    }

    private func note(_ text: String) -> String {
        (color ? "\u{1B}[2m" + text + "\u{1B}[0m" : text) + "\n"
    }

    /// The widest line of a table with these column widths.
    static func lineWidth(_ widths: [Int]) -> Int {
        widths.reduce(0) { $0 + $1 + 3 } - 2
    }

    /// Shortens the widest free-text column, then the next, until the table fits or none is longer
    /// than `shortestText` (nor its header). Returns whether anything was cut.
    func cutFreeText(_ table: inout ResultTable) -> Bool {
        var widths = TableRenderer.columnWidths(table)
        let floors = table.columns.map { max(Self.shortestText, DisplayWidth.of(DisplayCell.visible($0.name))) }
        var cut = false
        while Self.lineWidth(widths) > columns {
            let candidates = table.columns.indices.filter { table.columns[$0].isFreeText && widths[$0] > floors[$0] }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            let target = max(floors[widest], widths[widest] - (Self.lineWidth(widths) - columns))
            for r in table.rows.indices where widest < table.rows[r].count {
                guard case .text(let s) = table.rows[r][widest] else { continue }
                let visible = DisplayCell.visible(s)
                if DisplayWidth.of(visible) > target {
                    table.rows[r][widest] = .text(DisplayWidth.truncated(visible, to: target))
                    cut = true
                }
            }
            widths[widest] = target
        }
        return cut
    }

    /// The table whole when it fits; else in bands of the dimension columns and as many measure
    /// columns as fit (at least one a band, so a band may still be too wide). Only the last band
    /// carries the timing.
    func bands(_ table: ResultTable, timing: String?, total: Int?) -> String {
        let widths = TableRenderer.columnWidths(table)
        let options = TableOptions(color: color, timing: timing, totalRows: total)
        guard Self.lineWidth(widths) > columns else { return TableRenderer.render(table, options: options) }
        let dimensions = table.columns.indices.filter {
            if case .dimension = table.columns[$0].role { true } else { false }
        }
        let measures = table.columns.indices.filter { !dimensions.contains($0) }
        var parts: [[Int]] = []
        var current: [Int] = []
        for m in measures {
            if !current.isEmpty, Self.lineWidth((dimensions + current + [m]).map { widths[$0] }) > columns {
                parts.append(current)
                current = []
            }
            current.append(m)
        }
        if !current.isEmpty || parts.isEmpty { parts.append(current) }
        return parts.enumerated().map { i, picked in
            let columns = dimensions + picked
            let band = ResultTable(
                columns: columns.map { table.columns[$0] },
                rows: table.rows.map { row in columns.map { DisplayCell.value(row, $0) } })
            var bandOptions = options
            if i < parts.count - 1 { bandOptions.timing = nil }
            return TableRenderer.render(band, options: bandOptions)
        }.joined(separator: "\n")
    }
}
