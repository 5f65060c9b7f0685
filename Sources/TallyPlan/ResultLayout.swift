// Turns evaluated cells into the result table: dense rows, sorted, ordered and limited.

import TallyData
import TallyDiagnostics
import TallySemantics

/// Lays out one row per (combination, shown period), in the order DESIGN §4 specifies: by the
/// dimensions in the order given, ascending, nulls last; then `order by`, stable; then `limit`.
/// `nonzero` and `having` leave rows out first.
///
/// Cells are ordered as numbers, and only the rows returned are built: with `limit N` the N first
/// cells are kept while the cells are scanned (a top-N), so `order by revenue desc limit 10` over a
/// million mostly empty cells builds ten rows.
struct ResultLayout {
    let plan: QueryPlan
    let axis: TimeAxis
    let combos: [[Value]]
    /// Per item, per cell.
    let measures: [Measure]
    let cancellation: Cancellation

    func table() throws(Diagnostic) -> ResultTable {
        let order = CellOrder(layout: self)
        var kept: [Int] = []
        var top = plan.limit.map { TopCells(limit: $0, precedes: order.precedes) }
        for block in Cancellation.blocks(combos.count * axis.shown.count) {
            try cancellation.check()
            for cell in block where passes(cell) {
                if top != nil { top?.offer(cell) } else { kept.append(cell) }
            }
        }
        let cells = top?.sorted() ?? kept.sorted(by: order.precedes)
        return ResultTable(columns: plan.resultColumns, rows: cells.map(row))
    }

    /// `nonzero` and `having`, on the cell's row.
    private func passes(_ cell: Int) -> Bool {
        if plan.nonzero, measures.allSatisfy({ $0.value(at: cell).isZeroOrNull }) { return false }
        if let having = plan.having, !having.holds(row(cell)) { return false }
        return true
    }

    func row(_ cell: Int) -> [Value] {
        plan.dimensions.indices.map { dimension(cell, $0) } + measures.map { $0.value(at: cell) }
    }

    /// A result column's value in a cell: a dimension, then the items.
    func value(_ cell: Int, column: Int) -> Value {
        column < plan.dimensions.count ? dimension(cell, column) : measures[column - plan.dimensions.count].value(at: cell)
    }

    private func dimension(_ cell: Int, _ index: Int) -> Value {
        let shown = axis.shown.count
        switch plan.dimensions[index].kind {
        case .time: return axis.shown[cell % shown].map(Value.period) ?? .null
        case .column(let k): return combos[cell / shown][k]
        }
    }
}

/// The order of result cells: `order by` keys (nulls last whichever the direction), then the
/// dimensions in the order given, ascending, nulls last. Every cell has its own place, so any
/// sort gives the same rows.
private struct CellOrder {
    let layout: ResultLayout
    /// Per column dimension, each combination's rank among its values.
    let ranks: [[Int]]

    init(layout: ResultLayout) {
        self.layout = layout
        ranks = (0..<layout.plan.columnDimensionCount).map { k in Self.ranks(layout.combos.map { $0[k] }) }
    }

    func precedes(_ a: Int, _ b: Int) -> Bool {
        for key in layout.plan.order {
            let x = layout.value(a, column: key.column)
            let y = layout.value(b, column: key.column)
            if !ValueOrder.less(x, y) && !ValueOrder.less(y, x) { continue }
            if x == .null { return false }
            if y == .null { return true }
            return key.descending ? ValueOrder.less(y, x) : ValueOrder.less(x, y)
        }
        let shown = layout.axis.shown.count
        for d in layout.plan.dimensions {
            let (x, y): (Int, Int)
            switch d.kind {
            case .time: (x, y) = (a % shown, b % shown)
            case .column(let k): (x, y) = (ranks[k][a / shown], ranks[k][b / shown])
            }
            if x != y { return x < y }
        }
        return a < b
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
}

/// The first `limit` cells offered, in an order, kept as a heap whose root is the last of them:
/// a later cell replaces the root when it comes first. O(cells × log limit) time, O(limit) memory.
struct TopCells {
    let limit: Int
    let precedes: (Int, Int) -> Bool
    private var heap: [Int] = []

    init(limit: Int, precedes: @escaping (Int, Int) -> Bool) {
        self.limit = limit
        self.precedes = precedes
    }

    mutating func offer(_ cell: Int) {
        guard limit > 0 else { return }
        if heap.count < limit {
            heap.append(cell)
            siftUp(heap.count - 1)
        } else if precedes(cell, heap[0]) {
            heap[0] = cell
            siftDown(0)
        }
    }

    func sorted() -> [Int] { heap.sorted(by: precedes) }

    /// The heap puts the cell that comes last at the root.
    private func above(_ i: Int, _ j: Int) -> Bool { precedes(heap[j], heap[i]) }

    private mutating func siftUp(_ start: Int) {
        var i = start
        while i > 0, above(i, (i - 1) / 2) {
            heap.swapAt(i, (i - 1) / 2)
            i = (i - 1) / 2
        }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            var first = i
            for child in (2 * i + 1)...(2 * i + 2) where child < heap.count && above(child, first) { first = child }
            if first == i { return }
            heap.swapAt(i, first)
            i = first
        }
    }
}
