// The whole query as one SQL statement, for `sql QUERY`: the cells statement, then the plan's item
// expressions mapped node by node onto SQL, so it gives the result's rows when pasted into the database.

import TallyData
import TallyPlan
import TallySemantics

/// Extends the cells with:
/// - `shown`: one row per shown period (`pos`, `label`), with the slot each shift reads (`s0`, `s1`, ...);
/// - `joined`: every combination × shown period, with the cells each shift reads (`x<j>_c<i>`);
/// - `r1`, `r2`, ...: one per running total, as a window function over the shown periods;
/// - the body: the dimensions and items, in the result's order, limited; then, as the cells end,
///   one `d<k>_integer` flag per dimension of mixed number types.
/// Nothing here decides a rule: each node of `CellExpr` has one SQL form.
public struct SQLResultCompiler {
    let compiler: SQLCompiler
    let axis: TimeAxis
    private let shifts: [Shift]
    private var layers: [SQLCommonTable] = []
    private var known: [CellExpr: String] = [:]

    public init(_ compiler: SQLCompiler, axis: TimeAxis) {
        self.compiler = compiler
        self.axis = axis
        shifts = axis.slotOf.keys.sorted()
    }

    private var plan: QueryPlan { compiler.plan }
    private var dimensionColumns: [String] { (0..<plan.columnDimensionCount).map { "d\($0)" } }

    /// Whether dimension `k` holds text (it then sorts and compares by code point).
    private func isTextDimension(_ k: Int) -> Bool {
        guard let a = plan.aggregates.first, k < a.dimensions.count else { return false }
        return a.dimensions[k].type == .text
    }

    public mutating func compile() -> SQLStatement {
        var ctes = compiler.cellTables(over: axis)
        ctes.append(SQLCommonTable(name: "shown", select: shown()))
        ctes.append(SQLCommonTable(name: "joined", select: joined()))
        var items = plan.items.map { expression($0.expr) }
        ctes += layers
        var from = layers.last?.name ?? "joined"
        if plan.having != nil || plan.nonzero {
            // The items computed first, as columns `i0`, `i1`, ..., so a condition can read them.
            var keep = SQLSelect(items: [SQLSelectItem(.own(from, "*"))], from: .named(from, alias: nil))
            keep.items += items.enumerated().map { SQLSelectItem($1, as: .own("i\($0)")) }
            ctes.append(SQLCommonTable(name: "evaluated", select: keep))
            from = "evaluated"
            items = items.indices.map { .own(nil, "i\($0)") }
        }
        var body = result(items: items, from: from)
        body.filter = kept(items)
        return SQLStatement(ctes: ctes, body: body)
    }

    /// `nonzero` and `having` as a WHERE over the evaluated columns; nil when the query has neither.
    private func kept(_ items: [SQLExpr]) -> SQLExpr? {
        var parts: [SQLExpr] = []
        if plan.nonzero {
            // Never null: each part is true when its item is null.
            let zero = items.map { SQLExpr.binary(.or, .isNull($0, negated: false), .binary(.equal, $0, .integer(0))) }
            if let all = SQLExpr.and(zero) { parts.append(.not(all)) }
        }
        if let having = plan.having { parts.append(condition(having, items)) }
        return SQLExpr.and(parts)
    }

    /// A result condition with Tally's two-valued null rules, as `where` conditions are compiled.
    private func condition(_ c: ResultCondition, _ items: [SQLExpr]) -> SQLExpr {
        switch c {
        case .compare(let op, let a, let b):
            let (x, y) = (operand(a, items), operand(b, items))
            let text = isText(a) || isText(b)
            func ordered(_ e: SQLExpr) -> SQLExpr { text ? .binaryCollation(e) : e }
            switch op {
            case .equal: return .binary(.equal, x, y)
            case .notEqual: return .binary(.distinctFrom, x, y)
            case .less: return .binary(.less, ordered(x), y)
            case .lessEqual: return .binary(.lessEqual, ordered(x), y)
            case .greater: return .binary(.greater, ordered(x), y)
            case .greaterEqual: return .binary(.greaterEqual, ordered(x), y)
            }
        case .isNull(let a, let negated): return .isNull(operand(a, items), negated: negated)
        case .logical(let op, let l, let r):
            return .binary(op == .and ? .and : .or, condition(l, items), condition(r, items))
        case .not(let x): return .not(.coalesce(condition(x, items), .bool(false)))
        }
    }

    private func operand(_ o: ResultOperand, _ items: [SQLExpr]) -> SQLExpr {
        switch o {
        case .column(let i):
            guard i < plan.dimensions.count else { return items[i - plan.dimensions.count] }
            if case .column(let k) = plan.dimensions[i].kind { return .own(nil, "d\(k)") }
            return .own(nil, "label")
        case .value(let v):
            switch v {
            case .null: return .null
            case .integer(let n): return .value(.integer(n))
            case .decimal(let m, let scale): return .decimal(SQLValue.decimalText(m, scale: scale))
            case .number(let d): return .number(d)
            case .bool(let b): return .bool(b)
            case .text(let t): return .value(.text(t))
            case .date(let d): return .value(.date(d))
            case .period(let p): return .value(.text(p.label))
            case .timestamp: return .null
            }
        }
    }

    private func isText(_ o: ResultOperand) -> Bool {
        switch o {
        case .value(.text): return true
        case .column(let i) where i < plan.dimensions.count:
            if case .column(let k) = plan.dimensions[i].kind { return isTextDimension(k) }
            return true
        default: return false
        }
    }

    // MARK: Shown periods and their cells

    private func shown() -> SQLSelect {
        let rows = axis.shown.indices.map { k in
            SQLSelect(
                items: [
                    SQLSelectItem(.integer(k), as: .own("pos")),
                    SQLSelectItem(.value(.text(axis.label(k))), as: .own("label")),
                ]
                    + shifts.enumerated().map { j, shift in
                        SQLSelectItem(
                            axis.slotOf[shift]?[k].map { .integer($0) } ?? .cast(.null, .numeric), as: .own("s\(j)"))
                    })
        }
        guard var first = rows.first else {
            // No period to show: the same columns, no row.
            var none = SQLSelect(
                items: [
                    SQLSelectItem(.integer(0), as: .own("pos")), SQLSelectItem(.value(.text("")), as: .own("label")),
                ]
                    + shifts.indices.map { SQLSelectItem(.integer(0), as: .own("s\($0)")) })
            none.filter = .bool(false)
            return none
        }
        first.unions = Array(rows.dropFirst())
        first.unionAll = true
        return first
    }

    private func joined() -> SQLSelect {
        let dims = dimensionColumns
        var items: [SQLSelectItem] = [
            SQLSelectItem(.own("sh", "pos"), as: .own("pos")), SQLSelectItem(.own("sh", "label"), as: .own("label")),
        ]
        items += dims.map { SQLSelectItem(.own("k", $0), as: .own($0)) }
        for j in shifts.indices {
            items += plan.computations.indices.map { SQLSelectItem(.own("x\(j)", "c\($0)"), as: .own("x\(j)_c\($0)")) }
        }
        var s = SQLSelect(items: items, from: .named("shown", alias: "sh"))
        if !dims.isEmpty { s.joins.append(SQLJoin(kind: .cross, source: .named("combos", alias: "k"), on: nil)) }
        for j in shifts.indices {
            let on: [SQLExpr] =
                [.binary(.equal, .own("x\(j)", "slot"), .own("sh", "s\(j)"))]
                + dims.map { .binary(.notDistinctFrom, .own("x\(j)", $0), .own("k", $0)) }
            s.joins.append(SQLJoin(kind: .left, source: .named("cells", alias: "x\(j)"), on: SQLExpr.and(on)))
        }
        return s
    }

    // MARK: Items

    /// The expression over the current layer's columns: exact decimals when the plan says the value
    /// is exact, else double precision.
    private mutating func expression(_ e: CellExpr) -> SQLExpr {
        e.isExact(plan.aggregates) ? exact(e) : double(e)
    }

    private mutating func exact(_ e: CellExpr) -> SQLExpr {
        switch e {
        case .cell(let a, let shift, let whole): return cell(a, shift, whole)
        case .constant(let c):
            guard let (units, scale) = MetricExpr.exactConstant(c) else { return .number(c) }
            return .decimal(SQLValue.decimalText(units, scale: scale))
        case .negate(let x): return .negate(exact(x))
        case .arithmetic(let op, let l, let r): return .binary(SQLBinary(op), exact(l), exact(r))
        case .runningTotal: return runningTotal(e)
        case .mean: return double(e)
        }
    }

    /// Double precision; an exact part is turned to a double first, as the evaluator does.
    private mutating func double(_ e: CellExpr) -> SQLExpr {
        // Written as the evaluator computes it, so `1 / 2` is 0.5, never integer division.
        if let value = e.constantValue { return value.double.map(SQLExpr.number) ?? .cast(.null, .double) }
        if e.isExact(plan.aggregates) { return .cast(exact(e), .double) }
        switch e {
        case .cell(let a, let shift, let whole): return cell(a, shift, whole)
        case .constant(let c): return .number(c)
        case .negate(let x): return .negate(double(x))
        case .arithmetic(let op, let l, let r):
            let (a, b) = (double(l), double(r))
            // Division by zero is null.
            return op == .divide
                ? .binary(.divide, a, .function("NULLIF", [b, .number(0)])) : .binary(SQLBinary(op), a, b)
        case .mean(let members):
            // The members present, added in order, over how many they are.
            let values = members.map { double($0) }
            let sum = values.dropFirst().reduce(SQLExpr.coalesce(values[0], .number(0))) {
                .binary(.add, $0, .coalesce($1, .number(0)))
            }
            let present = values.map {
                SQLExpr.caseWhen(
                    [SQLWhen(condition: .isNull($0, negated: true), result: .integer(1))], otherwise: .integer(0))
            }
            let count = present.dropFirst().reduce(present[0]) { .binary(.add, $0, $1) }
            return .binary(.divide, sum, .function("NULLIF", [count, .integer(0)]))
        case .runningTotal: return runningTotal(e)
        }
    }

    private func cell(_ aggregate: Int, _ shift: Shift, _ whole: Bool) -> SQLExpr {
        let j = shifts.firstIndex(of: shift) ?? 0
        let i = plan.computations.firstIndex(of: Computation(aggregate: aggregate, whole: whole)) ?? 0
        return .own(nil, "x\(j)_c\(i)")
    }

    /// A running total's column, added by a layer of its own (window functions cannot nest).
    private mutating func runningTotal(_ e: CellExpr) -> SQLExpr {
        guard case .runningTotal(let x) = e else { return expression(e) }
        if let name = known[e] { return .own(nil, name) }
        let argument = expression(x)
        let name = "r\(layers.count + 1)"
        let previous = layers.last?.name ?? "joined"
        let call = SQLWindowCall(
            function: .sum(argument), partition: dimensionColumns.map { .own(nil, $0) },
            order: [SQLOrderItem(expr: .own(nil, "pos"))],
            frame: SQLFrame(unit: .rows, start: nil, end: nil))
        var s = SQLSelect(items: [SQLSelectItem(.own(previous, "*")), SQLSelectItem(.window(call), as: .own(name))])
        s.from = .named(previous, alias: nil)
        layers.append(SQLCommonTable(name: name, select: s))
        known[e] = name
        return .own(nil, name)
    }

    // MARK: The result

    /// Dimensions in the order given, then the items; ordered and limited.
    private func result(items: [SQLExpr], from: String) -> SQLSelect {
        var columns: [SQLSelectItem] = []
        var dimensionKeys: [SQLExpr] = []
        for d in plan.dimensions {
            switch d.kind {
            case .time:
                columns.append(SQLSelectItem(.own(nil, "label"), as: .user(d.name)))
                dimensionKeys.append(.own(nil, "pos"))
            case .column(let k):
                columns.append(SQLSelectItem(.own(nil, "d\(k)"), as: .user(d.name)))
                // Text sorts by code point; nulls come last.
                dimensionKeys.append(
                    isTextDimension(k) ? .binaryCollation(.own(nil, "d\(k)")) : .own(nil, "d\(k)"))
            }
        }
        for (item, e) in zip(plan.items, items) { columns.append(SQLSelectItem(e, as: .user(item.name))) }
        var s = SQLSelect(items: columns, from: .named(from, alias: nil))
        let explicit = plan.order.map { key -> SQLOrderItem in
            let e: SQLExpr = key.column < dimensionKeys.count ? dimensionKeys[key.column] : .integer(key.column + 1)
            return SQLOrderItem(expr: e, descending: key.descending, nullsLast: true)
        }
        // `order by` keys first; the default order breaks ties, as a stable sort would.
        s.orderBy = explicit + dimensionKeys.map { SQLOrderItem(expr: $0, nullsLast: true) }
        s.limit = plan.limit
        // As in the cells: which dimension values came first from an integer column.
        for k in SQLCompiler.mixedNumberDimensions(plan) {
            let first: SQLExpr = .own("kinds\(k)", "first")
            let integers = compiler.integerSources(k).map { SQLExpr.integer($0) }
            s.items.append(
                SQLSelectItem(
                    .coalesce(.inList(first, integers, negated: false), .bool(false)), as: .own("d\(k)_integer")))
            s.joins.append(
                SQLJoin(
                    kind: .left, source: .named("kinds\(k)", alias: nil),
                    on: .binary(.notDistinctFrom, .own("kinds\(k)", "v"), .own(from, "d\(k)"))))
        }
        return s
    }
}
