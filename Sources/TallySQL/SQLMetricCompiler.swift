// Metric arithmetic over the cells, and comparisons over time as window functions, one layer each.

import TallyData
import TallySemantics

/// Compiles metric expressions over the `cells` columns `a0`, `a1`, ... Each comparison becomes a
/// window function in its own named subquery (`w1`, `w2`, ...) that adds one column, since window
/// functions cannot nest; a comparison of a comparison reads the column of the layer before.
/// An expression that is exact (`MetricExpr.isExact`) is computed in the database's exact decimals, so
/// `change(revenue)` is 2549.6 as natively, never 2549.5999999999985; the rest in double precision.
struct SQLMetricCompiler {
    let query: BoundQuery
    let lookback: Int
    let dimensionColumns: [String]
    private(set) var layers: [SQLCommonTable] = []
    private(set) var needsYearKey = false
    /// Arithmetic and running sums done exactly and brought back in range (SQLCompiler.overflowSafe).
    var overflowSafe = false
    private var known: [MetricExpr: String] = [:]

    init(query: BoundQuery, lookback: Int, dimensionColumns: [String]) {
        self.query = query
        self.lookback = lookback
        self.dimensionColumns = dimensionColumns
    }

    /// The expression over the last layer's columns: exact decimals when the expression is exact,
    /// else double precision; division by zero is null.
    mutating func expression(_ e: MetricExpr) -> SQLExpr {
        e.isExact(query.aggregates) ? exact(e) : approximate(e)
    }

    /// An exact expression in the database's exact decimals (sums, differences, products; never division).
    private mutating func exact(_ e: MetricExpr) -> SQLExpr {
        switch e {
        case .aggregate(let i):
            return .own(nil, "a\(i)")
        case .constant(let c):
            guard let (units, scale) = MetricExpr.exactConstant(c) else { return .number(c) }
            return .decimal(SQLValue.decimalText(units, scale: scale))
        case .negate(let x):
            return .negate(exact(x))
        case .arithmetic(let op, let l, let r):
            return .binary(SQLBinary(op), exact(l), exact(r))
        case .window:
            return layer(e)
        }
    }

    /// A floating-point expression: exact parts turned to doubles first, as the native engine does.
    private mutating func approximate(_ e: MetricExpr) -> SQLExpr {
        if case .value(let c) = Self.fold(e) { return c.map(SQLExpr.number) ?? .cast(.null, .double) }
        switch e {
        case .aggregate(let i):
            return .own(nil, "a\(i)")
        case .constant(let c):
            return .number(c)
        case .negate(let x):
            return .negate(double(x))
        case .arithmetic(let op, let l, let r):
            let (a, b) = (double(l), double(r))
            if overflowSafe { return .safeArithmetic(SQLBinary(op), a, b) }
            switch op {
            case .add: return .binary(.add, a, b)
            case .subtract: return .binary(.subtract, a, b)
            case .multiply: return .binary(.multiply, a, b)
            case .divide: return .binary(.divide, a, .function("NULLIF", [b, .integer(0)]))
            }
        case .window:
            return layer(e)
        }
    }

    /// The expression as a double, whichever it is.
    private mutating func double(_ e: MetricExpr) -> SQLExpr {
        guard e.isExact(query.aggregates), !e.isConstant else { return approximate(e) }
        let x = exact(e)
        return overflowSafe ? .inDoubleRange(x) : .cast(x, .double)
    }

    /// A comparison's column, added by a layer of its own (once per distinct comparison).
    private mutating func layer(_ e: MetricExpr) -> SQLExpr {
        guard case .window(let f, let x) = e else { return expression(e) }
        if let name = known[e] { return .own(nil, name) }
        let argument = f.keepsExactness ? expression(x) : double(x)
        let exactArgument = f.keepsExactness && x.isExact(query.aggregates)
        let name = "w\(layers.count + 1)"
        let previous = layers.last?.name ?? "cells"
        var s = SQLSelect(items: [SQLSelectItem(.own(previous, "*")), SQLSelectItem(window(f, argument, exact: exactArgument), as: .own(name))])
        s.from = .named(previous, alias: nil)
        layers.append(SQLCommonTable(name: name, select: s))
        known[e] = name
        return .own(nil, name)
    }

    enum Folded {
        /// It reads aggregates.
        case varies
        /// Its value; nil when it divides by zero.
        case value(Double?)
    }

    /// The value of an expression without aggregates, computed as the native engine computes it,
    /// so `1 / 2` is never integer division in SQL.
    static func fold(_ e: MetricExpr) -> Folded {
        switch e {
        case .aggregate, .window: return .varies
        case .constant(let c): return .value(c)
        case .negate(let x):
            guard case .value(let v) = fold(x) else { return .varies }
            return .value(v.map { -$0 })
        case .arithmetic(let op, let l, let r):
            guard case .value(let a) = fold(l), case .value(let b) = fold(r) else { return .varies }
            guard let x = a, let y = b else { return .value(nil) }
            let v: Double? =
                switch op {
                case .add: x + y
                case .subtract: x - y
                case .multiply: x * y
                case .divide: y == 0 ? nil : x / y
                }
            return .value(v.flatMap { $0.isFinite ? $0 : nil })
        }
    }

    private var partition: [SQLExpr] { dimensionColumns.map { .own(nil, $0) } }
    private var byPeriod: [SQLOrderItem] { [SQLOrderItem(expr: .own(nil, "idx"))] }

    /// A window's argument, exact when overflow-safe.
    private func wide(_ x: SQLExpr) -> SQLExpr { overflowSafe ? .cast(x, .numeric) : x }

    /// A window call over doubles, brought back in the doubles' range when overflow-safe.
    private func inRange(_ call: SQLWindowCall) -> SQLExpr { overflowSafe ? .inDoubleRange(.window(call)) : .window(call) }

    /// The comparison `f` of `x`; `exact` when `x` is in exact decimals (then a running sum stays exact).
    private mutating func window(_ f: WindowFunction, _ x: SQLExpr, exact: Bool) -> SQLExpr {
        switch f {
        case .previous:
            return .window(SQLWindowCall(function: .lag(x), partition: partition, order: byPeriod))
        case .yearAgo:
            // The same month (quarter, ISO week, day) a year earlier, when it exists among the
            // computed periods: a frame of exactly one key value, empty when there is none.
            needsYearKey = true
            let step = query.grain?.yearStep ?? 1
            return .window(
                SQLWindowCall(
                    function: .firstValue(x), partition: partition, order: [SQLOrderItem(expr: .own(nil, "year_key"))],
                    frame: SQLFrame(unit: .range, start: step, end: step)))
        case .rolling(let n):
            // Only where n periods have been computed, as the native engine does.
            let mean = inRange(
                SQLWindowCall(function: .avg(wide(x)), partition: partition, order: byPeriod, frame: SQLFrame(unit: .rows, start: n - 1, end: nil)))
            return .caseWhen([SQLWhen(condition: .binary(.greaterEqual, .own(nil, "idx"), .integer(n - 1)), result: mean)], otherwise: nil)
        case .cumulative:
            // From the first period shown; look-back periods are not summed.
            let shown = SQLExpr.binary(.greaterEqual, .own(nil, "idx"), .integer(lookback))
            let call = SQLWindowCall(
                function: .sum(.caseWhen([SQLWhen(condition: shown, result: exact ? x : wide(x))], otherwise: nil)), partition: partition,
                order: byPeriod, frame: SQLFrame(unit: .rows, start: nil, end: nil))
            let running = exact ? .window(call) : inRange(call)
            return lookback > 0 ? .caseWhen([SQLWhen(condition: shown, result: running)], otherwise: nil) : running
        case .share:
            let total = inRange(SQLWindowCall(function: .sum(wide(x)), partition: [.own(nil, "idx")], order: []))
            if overflowSafe { return .safeArithmetic(.divide, x, total) }
            return .binary(.divide, x, .function("NULLIF", [total, .integer(0)]))
        }
    }
}

extension WindowFunction {
    /// Whether the comparison of an exact value is exact: it picks a value or adds values up.
    var keepsExactness: Bool {
        switch self {
        case .previous, .yearAgo, .cumulative: true
        case .rolling, .share: false
        }
    }
}

extension MetricExpr {
    /// Whether it reads no aggregate, so that its value is known before any row is read.
    fileprivate var isConstant: Bool {
        if case .value = SQLMetricCompiler.fold(self) { return true }
        return false
    }
}
