// The shared evaluator: metric arithmetic, comparisons, null rules, order and limit, over the cells
// an engine computed. Every engine's answer passes through here, so they cannot differ.

import TallyData
import TallyDiagnostics
import TallySemantics

/// Evaluates a plan's items over the result grid (combination × shown period, period fastest) and
/// lays out the rows. Division by zero and non-finite results are null, never NaN or infinity;
/// exact values stay exact while the arithmetic allows (`Measure`).
struct CellEvaluator {
    let plan: QueryPlan
    let axis: TimeAxis
    let grid: CellGrid
    let cancellation: Cancellation

    private var shownCount: Int { axis.shown.count }
    private var cellCount: Int { grid.combos.count * shownCount }

    func table() throws(Diagnostic) -> ResultTable {
        var measures: [Measure] = []
        for item in plan.items { measures.append(try evaluate(item.expr)) }
        return try ResultLayout(plan: plan, axis: axis, combos: grid.combos, measures: measures, cancellation: cancellation)
            .table()
    }

    /// Each node is one pass over the cells; Ctrl-C is honoured between them.
    func evaluate(_ e: CellExpr) throws(Diagnostic) -> Measure {
        try cancellation.check()
        switch e {
        case .cell(let a, let shift, let whole):
            return read(a, shift, whole)
        case .constant(let c):
            return Measure.constant(c, count: cellCount)
        case .negate(let x):
            return try evaluate(x).negated
        case .arithmetic(let op, let l, let r):
            return Measure.combine(op, try evaluate(l), try evaluate(r))
        case .mean(let members):
            var values: [[Double?]] = []
            for member in members { values.append(try evaluate(member).doubles) }
            return Measure.finite(
                (0..<cellCount).map { c in
                    let present = values.compactMap { $0[c] }
                    return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
                })
        case .runningTotal(let x):
            let v = try evaluate(x)
            if case .exact(let cells, let scale) = v,
                let sums = runningTotals(
                    cells,
                    { a, b in
                        let (sum, overflow) = a.addingReportingOverflow(b)
                        return overflow ? nil : sum
                    })
            {
                return .exact(sums, scale: scale)
            }
            return Measure.finite(runningTotals(v.doubles) { $0 + $1 } ?? [])
        }
    }

    /// An aggregate's value for each result cell: its computation's cell at the slot the shift reads.
    private func read(_ aggregate: Int, _ shift: Shift, _ whole: Bool) -> Measure {
        guard let computation = plan.computations.firstIndex(of: Computation(aggregate: aggregate, whole: whole)),
            let slots = axis.slotOf[shift]
        else { return Measure.finite([Double?](repeating: nil, count: cellCount)) }
        let slotCount = axis.slots.count
        var sources = [Int](repeating: -1, count: cellCount)
        for combo in grid.combos.indices {
            let base = (whole ? 0 : combo) * slotCount
            for (k, slot) in slots.enumerated() {
                if let slot { sources[combo * shownCount + k] = base + slot }
            }
        }
        switch grid.values[computation] {
        case .exact(let v, let scale): return .exact(sources.map { $0 < 0 ? nil : v[$0] }, scale: scale)
        case .approximate(let v): return Measure.finite(sources.map { $0 < 0 ? nil : v[$0] })
        }
    }

    /// Running totals over each combination's shown periods; nil when `combine` refuses (an exact
    /// total overflows), so the caller falls back to floating point for the whole measure.
    private func runningTotals<T: AdditiveArithmetic>(_ x: [T?], _ combine: (T, T) -> T?) -> [T?]? {
        var out = [T?](repeating: nil, count: x.count)
        for base in stride(from: 0, to: x.count, by: max(1, shownCount)) {
            var total: T?
            for k in 0..<shownCount {
                if let v = x[base + k] {
                    guard let next = combine(total ?? .zero, v) else { return nil }
                    total = next
                }
                out[base + k] = total
            }
        }
        return out
    }
}

extension Measure {
    /// Floating-point cells with NaN and infinity as null, and no negative zero.
    static func finite(_ v: [Double?]) -> Measure {
        .approximate(
            v.map { x in
                guard let x, x.isFinite else { return nil }
                return x == 0 ? 0 : x
            })
    }

    /// `-a`, exact when it can be.
    var negated: Measure { exactNegation ?? Measure.finite(doubles.map { $0.map { -$0 } }) }

    /// `a op b` cell by cell: exact when both are and nothing overflows, else floating point;
    /// division by zero is null.
    static func combine(_ op: ArithmeticOperator, _ a: Measure, _ b: Measure) -> Measure {
        if let exact = exactResult(of: op, a, b) { return exact }
        return finite(
            zip(a.doubles, b.doubles).map { x, y in
                guard let x, let y else { return nil }
                switch op {
                case .add: return x + y
                case .subtract: return x - y
                case .multiply: return x * y
                case .divide: return y == 0 ? nil : x / y
                }
            })
    }
}

extension CellExpr {
    /// The value of an expression that reads no cell, as the evaluator computes it (so an engine may
    /// write it as a constant: `1 / 2` is 0.5, never integer division); nil when it reads cells or
    /// varies by period.
    public var constantValue: Value? {
        constantMeasure.map { $0.value(at: 0) }
    }

    private var constantMeasure: Measure? {
        switch self {
        case .cell, .runningTotal: return nil
        case .constant(let c): return Measure.constant(c, count: 1)
        case .negate(let x): return x.constantMeasure?.negated
        case .arithmetic(let op, let l, let r):
            guard let a = l.constantMeasure, let b = r.constantMeasure else { return nil }
            return Measure.combine(op, a, b)
        case .mean(let members):
            let values = members.map { $0.constantMeasure?.doubles.first ?? nil }
            guard members.allSatisfy({ $0.constantMeasure != nil }) else { return nil }
            let present = values.compactMap { $0 }
            return Measure.finite([present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)])
        }
    }
}
