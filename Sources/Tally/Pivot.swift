// `pivot`: turns the last dimension's values into columns, for tables such as a cohort triangle.

import TallyData
import TallyRender

/// Reshapes a result of dimensions d1…dn and one measure into rows by d1…dn-1 and one column per
/// value of dn, in the order the values first appear (the result's own order, so periods stay in
/// time order). A missing combination is null.
enum Pivot {
    static func apply(_ table: ResultTable, dimensions: Int) -> ResultTable {
        guard dimensions >= 1, table.columns.count == dimensions + 1 else { return table }
        let across = dimensions - 1
        var headers: [Value] = []
        var headerIndex: [Value: Int] = [:]
        var rowKeys: [[Value]] = []
        var rowIndex: [[Value]: Int] = [:]
        var cells: [[Int: Value]] = []
        for row in table.rows {
            let header = row[across]
            let key = Array(row[..<across])
            if headerIndex[header] == nil {
                headerIndex[header] = headers.count
                headers.append(header)
            }
            if rowIndex[key] == nil {
                rowIndex[key] = rowKeys.count
                rowKeys.append(key)
                cells.append([:])
            }
            if let r = rowIndex[key], let c = headerIndex[header] { cells[r][c] = row[dimensions] }
        }
        let unit: MetricUnit? =
            if case .measure(let u) = table.columns[dimensions].role { u } else { nil }
        let columns =
            Array(table.columns[..<across])
            + headers.map { ResultColumn(name: label($0), role: .measure(unit: unit)) }
        let rows = rowKeys.indices.map { r in rowKeys[r] + headers.indices.map { cells[r][$0] ?? .null } }
        return ResultTable(columns: columns, rows: rows)
    }

    private static func label(_ v: Value) -> String {
        switch v {
        case .null: "—"
        case .text(let s): s
        case .integer(let i): String(i)
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .decimal(let m, let s): NumberText.plain(m, scale: s)
        case .bool(let b): b ? "true" : "false"
        case .date(let d): CivilDate.format(d)
        case .timestamp(let t): CivilDate.formatTimestamp(t)
        case .period(let p): p.label
        }
    }
}
