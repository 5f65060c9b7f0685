// Fits a table to the terminal: wide text is cut with "…", numbers are kept whole.

import TallyData

enum Fit {
    /// The table with its longest text values shortened until it fits `columns`, if it can.
    static func toWidth(_ table: ResultTable, columns: Int) -> ResultTable {
        guard columns > 20 else { return table }
        var widths = table.columns.indices.map { c in
            table.rows.reduce(table.columns[c].name.count) { max($0, text($1[c])?.count ?? 1) }
        }
        // Cells are padded by one space each side and separated by one character.
        func total() -> Int { widths.reduce(0) { $0 + $1 + 3 } - 1 }
        var result = table
        while total() > columns {
            // Shorten the widest text column (never a number), down to 8 characters.
            let candidates = widths.indices.filter { c in
                widths[c] > 8 && result.rows.contains { if case .text = $0[c] { true } else { false } }
            }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            let target = max(8, widths[widest] - (total() - columns))
            widths[widest] = max(target, result.columns[widest].name.count)
            for r in result.rows.indices {
                if case .text(let s) = result.rows[r][widest], s.count > widths[widest] {
                    result.rows[r][widest] = .text(String(s.prefix(widths[widest] - 1)) + "…")
                }
            }
            if widths[widest] == result.columns[widest].name.count { break }
        }
        return result
    }

    private static func text(_ v: Value) -> String? {
        if case .text(let s) = v { return s }
        return nil
    }
}
