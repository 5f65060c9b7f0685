// Points from a value that does not exist (shown —) to the command that says why.

import TallyData
import TallySemantics

/// After a table with a missing metric value, one line naming the `explain` that works it out.
enum NullHint {
    static func hint(for table: ResultTable, query: BoundQuery, catalog: Catalog) -> String? {
        guard !query.pivot else { return nil }
        let timeColumn = query.dimensions.firstIndex { if case .time = $0.kind { true } else { false } }
        for row in table.rows {
            for (c, column) in table.columns.enumerated() where row[c] == .null {
                guard case .measure = column.role, catalog.metrics[column.name] != nil else { continue }
                var command = "explain \(column.name)"
                if let t = timeColumn, case .period(let period) = row[t] { command += " for \(period.label)" }
                return "— marks a value that does not exist here (such as a ratio over nothing); `\(command)` shows why."
            }
        }
        return nil
    }
}
