// `having` and `nonzero`: which result rows are kept, decided on the rows' values after evaluation.

import TallyData
import TallySemantics

extension ResultCondition {
    /// Whether a result row passes. Comparisons with null are false, except `!=`, which holds when
    /// exactly one side is null; numbers compare by value, text by code point.
    public func holds(_ row: [Value]) -> Bool {
        switch self {
        case .compare(let op, let a, let b):
            let (x, y) = (a.value(in: row), b.value(in: row))
            if x == .null || y == .null { return op == .notEqual && (x == .null) != (y == .null) }
            let less = ValueOrder.less(x, y)
            let greater = ValueOrder.less(y, x)
            switch op {
            case .equal: return !less && !greater
            case .notEqual: return less || greater
            case .less: return less
            case .lessEqual: return !greater
            case .greater: return greater
            case .greaterEqual: return !less
            }
        case .isNull(let a, let negated):
            return (a.value(in: row) == .null) != negated
        case .logical(.and, let l, let r): return l.holds(row) && r.holds(row)
        case .logical(.or, let l, let r): return l.holds(row) || r.holds(row)
        case .not(let x): return !x.holds(row)
        }
    }
}

extension ResultOperand {
    func value(in row: [Value]) -> Value {
        switch self {
        case .column(let i): return i < row.count ? row[i] : .null
        case .value(let v): return v
        }
    }
}

extension Value {
    /// Zero or null: what `nonzero` leaves out when every item of a row is.
    var isZeroOrNull: Bool {
        switch self {
        case .null: true
        case .integer(let i): i == 0
        case .decimal(let m, _): m == 0
        case .number(let d): d == 0
        default: false
        }
    }
}
