// Turns computed cells into the result table: dense rows, sorted, ordered and limited.

import TallyData
import TallySemantics

/// Lays out one row per (combination, period), in the order DESIGN §4 specifies.
struct ResultBuilder {
    let query: BoundQuery
    let domains: [DimensionDomain]
    let combos: Combinations
    let periods: Periods
    /// Per item, per cell.
    let measures: [Measure]

    func table() -> ResultTable {
        let columns = query.resultColumns

        let ranks = domains.map { $0.ranks() }
        // Look-back periods are computed for comparisons, not shown.
        var cells = Array(0..<(combos.count * periods.count)).filter { $0 % max(1, periods.count) >= periods.shownFrom }
        // Rows go by the dimensions in the order given, ascending, nulls last.
        func key(_ cell: Int) -> [Int] {
            let combo = cell / max(1, periods.count)
            let period = cell % max(1, periods.count)
            return query.dimensions.map { d in
                switch d.kind {
                case .time: return period
                case .column(let k): return ranks[k][Int(combos.tuples[combo][k])]
                }
            }
        }
        let keys = Dictionary(uniqueKeysWithValues: cells.map { ($0, key($0)) })
        cells.sort { (keys[$0] ?? []).lexicographicallyPrecedes(keys[$1] ?? []) }

        var rows = cells.map { cell -> [Value] in
            let combo = cell / max(1, periods.count)
            let period = cell % max(1, periods.count)
            let dims = query.dimensions.map { d -> Value in
                switch d.kind {
                case .time: return .text(periods.label(period))
                case .column(let k): return domains[k].values[Int(combos.tuples[combo][k])]
                }
            }
            return dims + measures.map { $0.value(at: cell) }
        }
        if !query.order.isEmpty {
            rows = stableSorted(rows)
        }
        if let limit = query.limit, rows.count > limit { rows = Array(rows.prefix(limit)) }
        return ResultTable(columns: columns, rows: rows)
    }

    /// `order by` keys, stable over the default order; nulls last whichever the direction.
    private func stableSorted(_ rows: [[Value]]) -> [[Value]] {
        let indexed = rows.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { a, b in
            for key in query.order {
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
