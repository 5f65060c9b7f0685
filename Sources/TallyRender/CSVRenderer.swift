// CSV output (contract): a header row, then one line per row, RFC 4180 quoting, plain full-precision values.

import TallyData

/// Renders a result as CSV.
public enum CSVRenderer {
    /// A header row of column names, then one line per row, each ending in LF.
    ///
    /// Values are `ValueText.csv` (null is an empty field). A field is quoted, with quotes
    /// doubled, when it contains a comma, quote, CR or LF, or starts or ends with a space or tab.
    /// An empty text value is written `""` so it reads back differently from null. A row whose only
    /// field is empty is written `""` too (as Python's csv writer does): a blank line is skipped by
    /// CSV readers, so the row would be lost. A result with no columns renders as the empty string.
    public static func render(_ table: ResultTable) -> String {
        guard !table.columns.isEmpty else { return "" }
        var out = line(table.columns.map { quoted($0.name) })
        for row in table.rows {
            let fields = table.columns.indices.map { index -> String in
                let value = DisplayCell.value(row, index)
                if case .text(let s) = value, s.isEmpty { return "\"\"" }
                return quoted(ValueText.csv(value))
            }
            out += fields == [""] ? "\"\"\n" : line(fields)
        }
        return out
    }

    /// `field` as RFC 4180 requires: quoted only when needed.
    public static func quoted(_ field: String) -> String {
        guard needsQuotes(field) else { return field }
        var out = "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }

    private static func needsQuotes(_ field: String) -> Bool {
        let scalars = field.unicodeScalars
        if scalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) { return true }
        // Many readers trim unquoted edge whitespace; quoting keeps it.
        let edges: Set<Unicode.Scalar> = [" ", "\t"]
        if let first = scalars.first, edges.contains(first) { return true }
        if let last = scalars.last, edges.contains(last) { return true }
        return false
    }

    private static func line(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\n"
    }
}
