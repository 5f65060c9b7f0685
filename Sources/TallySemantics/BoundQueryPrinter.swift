// A stable, readable rendering of a bound query: for tests and for seeing what the binder decided.

import TallyData

/// Prints a bound query, one fact per line:
///
///     dimension month: time month
///     aggregate #0: sum(orders.amount) where plan = "pro" [plan: orders.customer_id→customers.plan] anchor date
///     item revenue (currency) = #0
public enum BoundQueryPrinter {
    public static func print(_ q: BoundQuery) -> String {
        var lines: [String] = []
        for d in q.dimensions {
            switch d.kind {
            case .time(let g): lines.append("dimension \(d.name): time \(g.rawValue)")
            case .column(let k): lines.append("dimension \(d.name): column \(k)")
            }
        }
        for (i, a) in q.aggregates.enumerated() {
            var s = "aggregate #\(i): \(function(a.function))(\(a.value.map(row) ?? a.dataset))"
            if let f = a.filter { s += " filter \(row(f))" }
            if let w = a.queryFilter { s += " where \(row(w))" }
            if !a.dimensions.isEmpty { s += " by [" + a.dimensions.map(row).joined(separator: ", ") + "]" }
            if let anchor = a.anchor { s += " on \(column(anchor))" }
            lines.append(s)
        }
        for item in q.items {
            lines.append("item \(item.name)\(item.unit.map { " (\($0.rawValue))" } ?? "") = \(metric(item.expr))")
        }
        if let r = q.range {
            lines.append("range \(r.since.map(CivilDate.format) ?? "…")..\(r.until.map(CivilDate.format) ?? "…")")
        }
        for o in q.order { lines.append("order column \(o.column)\(o.descending ? " desc" : "")") }
        if let l = q.limit { lines.append("limit \(l)") }
        return lines.joined(separator: "\n")
    }

    public static func function(_ f: AggregateFunction) -> String {
        if case .percentile(let p) = f { return "percentile[\(p)]" }
        return f.name
    }

    public static func column(_ c: BoundColumn) -> String {
        guard let via = c.via else { return "\(c.dataset).\(c.column)" }
        return "\(via.fromDataset).\(via.fromColumn)→\(c.dataset).\(c.column)"
    }

    public static func row(_ e: RowExpr) -> String {
        switch e {
        case .column(let c): return column(c)
        case .literal(let l): return literal(l)
        case .negate(let x): return "-\(row(x))"
        case .arithmetic(let op, let l, let r): return "(\(row(l)) \(op.rawValue) \(row(r)))"
        case .compare(let op, let l, let r): return "(\(row(l)) \(op.rawValue) \(row(r)))"
        case .logical(let op, let l, let r): return "(\(row(l)) \(op.rawValue) \(row(r)))"
        case .not(let x): return "not \(row(x))"
        case .inList(let x, let items, let negated):
            return "(\(row(x)) \(negated ? "not in" : "in") (\(items.map(literal).joined(separator: ", "))))"
        case .isNull(let x, let negated): return "(\(row(x)) is \(negated ? "not null" : "null"))"
        case .call(let f, let x): return "\(f.rawValue)(\(row(x)))"
        }
    }

    static func literal(_ l: Literal) -> String {
        switch l {
        case .null: "null"
        case .integer(let i): "\(i)"
        case .decimal(let m, let s): "\(m)e-\(s)"
        case .double(let d): "\(d)"
        case .text(let t): "\"\(t)\""
        case .bool(let b): "\(b)"
        case .date(let d): CivilDate.format(d)
        }
    }

    static func metric(_ e: MetricExpr) -> String {
        switch e {
        case .aggregate(let i): "#\(i)"
        case .constant(let c): "\(c)"
        case .negate(let x): "-\(metric(x))"
        case .arithmetic(let op, let l, let r): "(\(metric(l)) \(op.rawValue) \(metric(r)))"
        case .window(let f, let x): "\(window(f))(\(metric(x)))"
        }
    }

    static func window(_ f: WindowFunction) -> String {
        switch f {
        case .previous: "previous"
        case .yearAgo: "year_ago"
        case .rolling(let n): "rolling[\(n)]"
        case .cumulative: "cumulative"
        case .share: "share"
        }
    }
}
