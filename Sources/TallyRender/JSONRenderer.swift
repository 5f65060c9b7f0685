// JSON output (contract): an array of one-line objects keyed by column name, in column order.

import TallyData

/// Renders a result as JSON.
public enum JSONRenderer {
    /// One object per row, one row per line, keys in column order:
    ///
    ///     [
    ///       {"month": "2024-01", "revenue": 1234.5},
    ///       {"month": "2024-02", "revenue": null}
    ///     ]
    ///
    /// and `[]` for no rows; always followed by a newline. Values are `ValueText.json`.
    public static func render(_ table: ResultTable) -> String {
        guard !table.rows.isEmpty else { return "[]\n" }
        // Keys are the same on every row: escape them once.
        let keys = table.columns.map { ValueText.jsonString($0.name) + ": " }
        let objects = table.rows.map { row -> String in
            let members = keys.indices.map { index in
                keys[index] + ValueText.json(DisplayCell.value(row, index))
            }
            return "  {" + members.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}
