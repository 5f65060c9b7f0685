// Metric arithmetic over the cells, and comparisons over time as window functions, one layer each.

import TallyData
import TallySemantics

/// Compiles metric expressions over the `cells` columns `a0`, `a1`, ... Each comparison becomes a
/// window function in its own named subquery (`w1`, `w2`, ...) that adds one column, since window
/// functions cannot nest; a comparison of a comparison reads the column of the layer before.
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

    /// The expression over the last layer's columns, in double precision; division by zero is null.
    mutating func expression(_ e: MetricExpr) -> SQLExpr {
        if case .value(let c) = Self.fold(e) { return c.map(SQLExpr.number) ?? .cast(.null, .double) }
        switch e {
        case .aggregate(let i):
            return .own(nil, "a\(i)")
        case .constant(let c):
            return .number(c)
        case .negate(let x):
            return .negate(expression(x))
        case .arithmetic(let op, let l, let r):
            let (a, b) = (expression(l), expression(r))
            if overflowSafe { return .safeArithmetic(SQLBinary(op), a, b) }
            switch op {
            case .add: return .binary(.add, a, b)
            case .subtract: return .binary(.subtract, a, b)
            case .multiply: return .binary(.multiply, a, b)
            case .divide: return .binary(.divide, a, .function("NULLIF", [b, .integer(0)]))
            }
        case .window(let f, let x):
            if let name = known[e] { return .own(nil, name) }
            let argument = expression(x)
            let name = "w\(layers.count + 1)"
            let previous = layers.last?.name ?? "cells"
            var s = SQLSelect(items: [SQLSelectItem(.own(previous, "*")), SQLSelectItem(window(f, argument), as: .own(name))])
            s.from = .named(previous, alias: nil)
            layers.append(SQLCommonTable(name: name, select: s))
            known[e] = name
            return .own(nil, name)
        }
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

    /// A window call, brought back in the doubles' range when overflow-safe.
    private func exact(_ call: SQLWindowCall) -> SQLExpr { overflowSafe ? .inDoubleRange(.window(call)) : .window(call) }

    private mutating func window(_ f: WindowFunction, _ x: SQLExpr) -> SQLExpr {
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
            let mean = exact(
                SQLWindowCall(function: .avg(wide(x)), partition: partition, order: byPeriod, frame: SQLFrame(unit: .rows, start: n - 1, end: nil)))
            return .caseWhen([SQLWhen(condition: .binary(.greaterEqual, .own(nil, "idx"), .integer(n - 1)), result: mean)], otherwise: nil)
        case .cumulative:
            // From the first period shown; look-back periods are not summed.
            let shown = SQLExpr.binary(.greaterEqual, .own(nil, "idx"), .integer(lookback))
            let running = exact(
                SQLWindowCall(
                    function: .sum(.caseWhen([SQLWhen(condition: shown, result: wide(x))], otherwise: nil)), partition: partition,
                    order: byPeriod, frame: SQLFrame(unit: .rows, start: nil, end: nil)))
            return lookback > 0 ? .caseWhen([SQLWhen(condition: shown, result: running)], otherwise: nil) : running
        case .share:
            let total = exact(SQLWindowCall(function: .sum(wide(x)), partition: [.own(nil, "idx")], order: []))
            if overflowSafe { return .safeArithmetic(.divide, x, total) }
            return .binary(.divide, x, .function("NULLIF", [total, .integer(0)]))
        }
    }
}
