// Turns evaluated cells into the result table: dense rows, sorted, ordered and limited.

import TallyData
import TallySemantics

/// Lays out one row per (combination, shown period), in the order DESIGN §4 specifies: by the
/// dimensions in the order given, ascending, nulls last; then `order by`, stable; then `limit`.
/// `nonzero` and `having` leave rows out first.
struct ResultLayout {
    let plan: QueryPlan
    let axis: TimeAxis
    let combos: [[Value]]
    /// Per item, per cell.
    let measures: [Measure]

    func table() -> ResultTable {
        let shown = axis.shown.count
        let ranks = (0..<plan.columnDimensionCount).map { k in Self.ranks(combos.map { $0[k] }) }
        func key(_ cell: Int) -> [Int] {
            plan.dimensions.map { d in
                switch d.kind {
                case .time: return cell % shown
                case .column(let k): return ranks[k][cell / shown]
                }
            }
        }
        func row(_ cell: Int) -> [Value] {
            let dims = plan.dimensions.map { d -> Value in
                switch d.kind {
                case .time: return axis.shown[cell % shown].map(Value.period) ?? .null
                case .column(let k): return combos[cell / shown][k]
                }
            }
            return dims + measures.map { $0.value(at: cell) }
        }
        // Rows are left out before they are sorted, so a sparse answer over a large grid sorts little.
        var kept: [(cell: Int, row: [Value])] = []
        for cell in 0..<(combos.count * shown) {
            if plan.nonzero, measures.allSatisfy({ $0.value(at: cell).isZeroOrNull }) { continue }
            let r = row(cell)
            if let having = plan.having, !having.holds(r) { continue }
            kept.append((cell, r))
        }
        let keys = kept.map { key($0.cell) }
        var rows = kept.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }.map { kept[$0].row }
        if !plan.order.isEmpty { rows = stableSorted(rows) }
        if let limit = plan.limit, rows.count > limit { rows = Array(rows.prefix(limit)) }
        return ResultTable(columns: plan.resultColumns, rows: rows)
    }

    /// Each value's position among the values in ascending order, nulls last; equal values share one.
    private static func ranks(_ values: [Value]) -> [Int] {
        let order = values.indices.sorted { ValueOrder.less(values[$0], values[$1]) }
        var rank = [Int](repeating: 0, count: values.count)
        var position = 0
        for (n, i) in order.enumerated() {
            if n > 0, ValueOrder.less(values[order[n - 1]], values[i]) { position += 1 }
            rank[i] = position
        }
        return rank
    }

    /// `order by` keys, stable over the default order; nulls last whichever the direction.
    private func stableSorted(_ rows: [[Value]]) -> [[Value]] {
        let indexed = rows.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { a, b in
            for key in plan.order {
                let x = a.1[key.column]
                let y = b.1[key.column]
                if !ValueOrder.less(x, y) && !ValueOrder.less(y, x) { continue }
                if x == .null { return false }
                if y == .null { return true }
                return key.descending ? ValueOrder.less(y, x) : ValueOrder.less(x, y)
            }
            return a.0 < b.0
        }.map(\.1)
    }
}
