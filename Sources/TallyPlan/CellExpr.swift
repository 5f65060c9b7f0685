// Metric expressions lowered onto cells: every comparison already turned into the cells it reads.

import TallySemantics

/// An item's value in each (combination, shown period) cell. Comparisons are gone: `previous(x)`
/// is `x` read one period back, `rolling` a mean of shifted reads, `share` a division by the
/// metric over the whole period; so evaluating needs no knowledge of what a comparison means.
public indirect enum CellExpr: Hashable, Sendable {
    /// Aggregate `aggregate` over the span `shift` earlier than the cell's period, for the cell's
    /// combination, or over every combination together (`whole`).
    case cell(aggregate: Int, shift: Shift, whole: Bool)
    case constant(Double)
    case negate(CellExpr)
    case arithmetic(ArithmeticOperator, CellExpr, CellExpr)
    /// The mean of the members' values, nulls left out; null when every member is null.
    case mean([CellExpr])
    /// The sum over the shown periods up to the cell's, from the first shown (nulls count as nothing;
    /// null until a value is met).
    case runningTotal(CellExpr)

    /// Whether every cell is an exact number (DESIGN §3; the rule is `MetricExpr.isExact`'s).
    public func isExact(_ aggregates: [PlannedAggregate]) -> Bool {
        switch self {
        case .cell(let a, _, _): return aggregates[a].isExact
        case .constant(let c): return MetricExpr.exactConstant(c) != nil
        case .negate(let x), .runningTotal(let x): return x.isExact(aggregates)
        case .arithmetic(let op, let l, let r): return op != .divide && l.isExact(aggregates) && r.isExact(aggregates)
        case .mean: return false
        }
    }

    /// Each aggregate read and how, once.
    func collect(into reads: inout [CellRead]) {
        switch self {
        case .cell(let a, let shift, let whole):
            let read = CellRead(aggregate: a, shift: shift, whole: whole)
            if !reads.contains(read) { reads.append(read) }
        case .constant: break
        case .negate(let x), .runningTotal(let x): x.collect(into: &reads)
        case .arithmetic(_, let l, let r):
            l.collect(into: &reads)
            r.collect(into: &reads)
        case .mean(let xs): for x in xs { x.collect(into: &reads) }
        }
    }
}

/// One `.cell` of an expression.
public struct CellRead: Hashable, Sendable {
    public var aggregate: Int
    public var shift: Shift
    public var whole: Bool
}
