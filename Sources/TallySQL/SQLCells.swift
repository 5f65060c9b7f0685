// Reads the rows of a cells statement back into the grid the shared evaluator takes, the same way
// for every SQL engine: drivers only turn their cells into values.

import TallyData
import TallyDiagnostics
import TallyPlan

public enum SQLCells {
    /// `rows` hold, as `SQLCompiler.cells` lays them out: the dimensions, the slot, one value per
    /// computation, then one flag per dimension of mixed number types (`SQLCompiler.mixedNumberDimensions`).
    public static func grid(_ rows: [[Value]], plan: QueryPlan, axis: TimeAxis) throws(Diagnostic) -> CellGrid {
        let dimensions = plan.columnDimensionCount
        let computations = plan.computations.count
        let mixed = SQLCompiler.mixedNumberDimensions(plan)
        let slotCount = axis.slots.count
        var comboIndex: [[Value]: Int] = [:]
        var combos: [[Value]] = []
        var cells: [[(Int, Value)]] = Array(repeating: [], count: computations)
        for row in rows {
            guard row.count == dimensions + 1 + computations + mixed.count, case .integer(let slot) = row[dimensions],
                slot >= 0, slot < slotCount
            else {
                throw Diagnostic("the database returned a row of cells Tally cannot read: \(row.count) columns")
            }
            var combo = Array(row.prefix(dimensions))
            // A number that came first from an integer column is an integer, as natively.
            for (j, k) in mixed.enumerated() where row[dimensions + 1 + computations + j] == .bool(true) {
                if case .number(let d) = combo[k], let i = Int64(exactly: d) { combo[k] = .integer(i) }
            }
            let c: Int
            if let known = comboIndex[combo] {
                c = known
            } else {
                c = combos.count
                comboIndex[combo] = c
                combos.append(combo)
            }
            for i in 0..<computations {
                let cell = (plan.computations[i].whole ? 0 : c) * slotCount + Int(slot)
                cells[i].append((cell, row[dimensions + 1 + i]))
            }
        }
        if dimensions == 0 && combos.isEmpty { combos = [[]] }
        let values = plan.computations.indices.map { i in
            measure(cells[i], count: (plan.computations[i].whole ? 1 : combos.count) * slotCount)
        }
        return CellGrid(combos: combos, values: values)
    }

    /// Cells as one measure: exact at the largest scale met when every value is exact and fits, else
    /// floating point.
    private static func measure(_ cells: [(Int, Value)], count: Int) -> Measure {
        var scale = 0
        var exact = true
        for (_, v) in cells {
            switch v {
            case .integer, .null: break
            case .decimal(_, let s): scale = max(scale, s)
            default: exact = false
            }
        }
        if exact, DecimalScale.integerFactor(scale) != nil {
            var out = [Int64?](repeating: nil, count: count)
            var fits = true
            for (cell, v) in cells where fits {
                let (m, s): (Int64, Int)
                switch v {
                case .integer(let i): (m, s) = (i, 0)
                case .decimal(let d, let t): (m, s) = (d, t)
                default: continue
                }
                guard let up = DecimalScale.integerFactor(scale - s) else {
                    fits = false
                    break
                }
                let (scaled, overflow) = m.multipliedReportingOverflow(by: up)
                fits = !overflow
                out[cell] = scaled
            }
            if fits { return .exact(out, scale: scale) }
        }
        var out = [Double?](repeating: nil, count: count)
        for (cell, v) in cells { out[cell] = v.double }
        return .approximate(out)
    }
}
