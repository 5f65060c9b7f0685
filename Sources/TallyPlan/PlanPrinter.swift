// `explain plan QUERY`: the lowered plan as it runs, for people and for golden tests.

import TallyData
import TallySemantics

/// Prints a plan over its axis, one fact per line: the time axis and what each shown period and
/// each comparison reads, the aggregates and where their rows count, and each item's cells.
///
///     time: month, Gregorian calendar (UTC), 2025-03-01 … 2025-03-15
///       2025-03  2025-03-01 … 2025-03-15  slot 0
///         1 year earlier  2024-03-01 … 2024-03-15  slot 1
///     slots: 2 in 1 layer
///     aggregate a0: sum(orders.amount) over orders, in the slot of orders.date (exact)
///     item revenue = a0
///     item revenue_last_year = a0 [1 year earlier]
public enum PlanPrinter {
    public static func print(_ plan: QueryPlan, axis: TimeAxis) -> String {
        var lines: [String] = []
        let range = "\(axis.since.map(CivilDate.format) ?? "…") … \(axis.until.map(CivilDate.format) ?? "…")"
        lines.append("time: \(axis.grain?.rawValue ?? "none"), Gregorian calendar (UTC), \(range)")
        let shifts = axis.slotOf.keys.sorted()
        for k in axis.shown.indices {
            for shift in shifts {
                let slot = axis.slotOf[shift]?[k] ?? nil
                let days = slot.map { span(axis.slots[$0]) + "  slot \($0)" } ?? "none"
                if shift == .none {
                    lines.append("  \(axis.grain == nil ? "all" : axis.label(k))  \(days)")
                } else {
                    lines.append("    \(describe(shift))  \(days)")
                }
            }
        }
        lines.append("slots: \(axis.slots.count) in \(axis.layers.count) layer\(axis.layers.count == 1 ? "" : "s")")
        for (i, a) in plan.aggregates.enumerated() {
            var s =
                "aggregate a\(i): \(BoundQueryPrinter.function(a.function))(\(a.value.map(BoundQueryPrinter.row) ?? a.dataset))"
            s += " over \(a.dataset)"
            if let f = a.filter { s += " filtered by \(BoundQueryPrinter.row(f))" }
            if let w = a.queryFilter { s += " where \(BoundQueryPrinter.row(w))" }
            if !a.dimensions.isEmpty { s += " by " + a.dimensions.map(BoundQueryPrinter.row).joined(separator: ", ") }
            s += ", \(placement(a.placement)) (\(a.isExact ? "exact" : "floating point"))"
            lines.append(s)
        }
        for c in plan.computations where c.whole {
            lines.append("aggregate a\(c.aggregate) also over all groups together")
        }
        for item in plan.items {
            lines.append("item \(item.name) = \(expression(item.expr))")
        }
        for o in plan.order { lines.append("order by column \(o.column + 1)\(o.descending ? " descending" : "")") }
        if let l = plan.limit { lines.append("limit \(l)") }
        return lines.joined(separator: "\n")
    }

    private static func span(_ s: DaySpan) -> String {
        s.isEmpty ? "no days" : "\(CivilDate.format(s.lo)) … \(CivilDate.format(s.hi - 1))"
    }

    private static func describe(_ shift: Shift) -> String {
        var parts: [String] = []
        if shift.periods > 0 { parts.append("\(shift.periods) period\(shift.periods == 1 ? "" : "s")") }
        if shift.years > 0 { parts.append("\(shift.years) year\(shift.years == 1 ? "" : "s")") }
        return parts.joined(separator: " and ") + " earlier"
    }

    private static func placement(_ p: Placement) -> String {
        func activity(_ a: Activity) -> String {
            let at = a.boundary == .start ? "start" : "end"
            guard let end = a.end else {
                return "begun by \(BoundQueryPrinter.column(a.start)) before the slot's \(at)"
            }
            return
                "active at the slot's \(at) from \(BoundQueryPrinter.column(a.start)) to \(BoundQueryPrinter.column(end))"
        }
        switch p {
        case .everywhere: return "in every slot"
        case .anchored(let c): return "in the slot of \(BoundQueryPrinter.column(c))"
        case .active(let a): return activity(a)
        case .anchoredActive(let c, let a): return "in the slot of \(BoundQueryPrinter.column(c)), \(activity(a))"
        }
    }

    private static func expression(_ e: CellExpr) -> String {
        switch e {
        case .cell(let a, let shift, let whole):
            var notes: [String] = []
            if shift != .none { notes.append(describe(shift)) }
            if whole { notes.append("all groups") }
            return "a\(a)" + (notes.isEmpty ? "" : " [\(notes.joined(separator: ", "))]")
        case .constant(let c): return c.rounded() == c && abs(c) < 1e15 ? String(Int64(c)) : "\(c)"
        case .negate(let x): return "-\(operand(x))"
        case .arithmetic(let op, let l, let r): return "\(operand(l)) \(op.rawValue) \(operand(r))"
        case .mean(let xs): return "mean(" + xs.map(expression).joined(separator: ", ") + ")"
        case .runningTotal(let x): return "running_total(\(expression(x)))"
        }
    }

    private static func operand(_ e: CellExpr) -> String {
        if case .arithmetic = e { return "(\(expression(e)))" }
        return expression(e)
    }
}
