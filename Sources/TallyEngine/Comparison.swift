// Row-wise comparisons between evaluated vectors, with Tally's null rules.

import TallyData
import TallyPlan
import TallySemantics

/// Compares two vectors row by row. `=`, `<` and friends never hold when a side is null;
/// `!=` holds when exactly one side is null (IS DISTINCT FROM).
enum Comparison {
    /// Values brought to a common representation for comparing.
    private enum Keys {
        case ints(Integers)
        case doubles([Double])
        case texts([Int32], [String])
        case int(Int64)
        case double(Double)
        case text(String)
        case null

        var isNull: Bool {
            if case .null = self { return true }
            return false
        }

        var isInexact: Bool {
            switch self {
            case .doubles, .double: true
            default: false
            }
        }
    }

    static func compare(_ op: ComparisonOperator, _ l: Vector, _ r: Vector, count: Int) -> [UInt8] {
        let (a, b) = keys(l, r)
        switch (a, b) {
        case (.null, _), (_, .null):
            let other = a.isNull ? r : l
            if op != .notEqual { return [UInt8](repeating: 0, count: count) }
            if case .scalar(.null) = other { return [UInt8](repeating: 0, count: count) }
            return other.nullMask(count: count).map { $0 ^ 1 }
        case (.ints(let x), .int(let y)):
            return against(x, op, y)
        case (.int(let x), .ints(let y)):
            return against(y, op.flipped, x)
        case (.ints(let x), .ints(let y)):
            return zip(x.widened, y.widened).map { p, q in
                test(op, p == NullSentinel.int64, q == NullSentinel.int64, p < q ? -1 : p == q ? 0 : 1)
            }
        case (.int(let x), .int(let y)):
            return [UInt8](repeating: test(op, false, false, x < y ? -1 : x == y ? 0 : 1), count: count)
        case (.texts(let codes, let dict), .text(let s)):
            return against(codes, dict.map { test(op, false, false, ValueOrder.compareText($0, s)) }, null: test(op, true, false, 0))
        case (.text(let s), .texts(let codes, let dict)):
            return against(codes, dict.map { test(op, false, false, ValueOrder.compareText(s, $0)) }, null: test(op, false, true, 0))
        case (.texts(let c1, let d1), .texts(let c2, let d2)):
            return zip(c1, c2).map { p, q in
                p < 0 || q < 0 ? test(op, p < 0, q < 0, 0) : test(op, false, false, ValueOrder.compareText(d1[Int(p)], d2[Int(q)]))
            }
        case (.text(let s), .text(let t)):
            return [UInt8](repeating: test(op, false, false, ValueOrder.compareText(s, t)), count: count)
        default:
            let x = doubles(a, count: count)
            let y = doubles(b, count: count)
            return zip(x, y).map { p, q in test(op, p.isNaN, q.isNaN, p < q ? -1 : p == q ? 0 : 1) }
        }
    }

    /// Each value of a column against one value (`score >= 9`), the operator chosen once rather than
    /// per row: the loop a filter on a number runs most. A null value never equals, never orders.
    private static func against(_ x: Integers, _ op: ComparisonOperator, _ y: Int64) -> [UInt8] {
        switch x {
        case .narrow(let v): against(v, op, y)
        case .wide(let v): against(v, op, y)
        }
    }

    private static func against<T: StoredInteger>(_ x: [T], _ op: ComparisonOperator, _ y: Int64) -> [UInt8] {
        // Every value of either width compares with `y` in 64 bits; null is the width's lowest value.
        switch op {
        case .equal: return x.map { Int64($0) == y && !$0.isNull ? 1 : 0 }
        case .notEqual: return x.map { Int64($0) != y || $0.isNull ? 1 : 0 }
        case .less: return x.map { Int64($0) < y && !$0.isNull ? 1 : 0 }
        case .lessEqual: return x.map { Int64($0) <= y && !$0.isNull ? 1 : 0 }
        case .greater: return x.map { Int64($0) > y && !$0.isNull ? 1 : 0 }
        case .greaterEqual: return x.map { Int64($0) >= y && !$0.isNull ? 1 : 0 }
        }
    }

    /// Dictionary codes against one text: the answer for each dictionary entry is worked out once,
    /// and each row looks its code's up (`null` for a null row).
    private static func against(_ codes: [Int32], _ answers: [UInt8], null: UInt8) -> [UInt8] {
        answers.withUnsafeBufferPointer { answers in
            codes.map { $0 < 0 ? null : answers[Int($0)] }
        }
    }

    /// Applies an operator to a three-way comparison result, with the null rules.
    @inline(__always)
    private static func test(_ op: ComparisonOperator, _ leftNull: Bool, _ rightNull: Bool, _ c: Int) -> UInt8 {
        if leftNull || rightNull {
            return op == .notEqual && leftNull != rightNull ? 1 : 0
        }
        let holds: Bool =
            switch op {
            case .equal: c == 0
            case .notEqual: c != 0
            case .less: c < 0
            case .lessEqual: c <= 0
            case .greater: c > 0
            case .greaterEqual: c >= 0
            }
        return holds ? 1 : 0
    }

    // MARK: Common representation

    private static func keys(_ l: Vector, _ r: Vector) -> (Keys, Keys) {
        // Exact numbers compare exactly at a common scale; a timestamp against a date compares at midnight.
        let scale = max(decimalScale(l), decimalScale(r))
        let mixesTime = isTimestamp(l) || isTimestamp(r)
        let a = key(l, scale: scale, timestamps: mixesTime)
        let b = key(r, scale: scale, timestamps: mixesTime)
        // Once one side is inexact, both compare as doubles at their true magnitude.
        if a.isInexact || b.isInexact {
            return (inexact(l), inexact(r))
        }
        return (a, b)
    }

    private static func inexact(_ v: Vector) -> Keys {
        if case .scalar(let lit) = v {
            return lit == .null ? .null : .double(lit.doubleValue ?? .nan)
        }
        return .doubles(v.doubles(count: 0))
    }

    private static func decimalScale(_ v: Vector) -> Int {
        switch v {
        case .decimal(_, let s), .scalar(.decimal(_, let s)): s
        default: 0
        }
    }

    private static func isTimestamp(_ v: Vector) -> Bool {
        if case .timestamp = v { return true }
        return false
    }

    private static func key(_ v: Vector, scale: Int, timestamps: Bool) -> Keys {
        switch v {
        case .int(let x): return rescaled(x, from: 0, to: scale)
        case .decimal(let x, let s): return rescaled(x, from: s, to: scale)
        case .double(let x): return .doubles(x)
        case .bool(let x): return .ints(.wide(x.map { $0 == NullSentinel.boolean ? NullSentinel.int64 : Int64($0) }))
        case .date(let x):
            let f: Int64 = timestamps ? 86_400_000_000 : 1
            return .ints(.wide(x.map { $0 == NullSentinel.int32 ? NullSentinel.int64 : Int64($0) * f }))
        case .timestamp(let x), .duration(let x): return .ints(.wide(x))
        case .text(let codes, let dict): return .texts(codes, dict)
        case .scalar(let lit):
            switch lit {
            case .null: return .null
            case .integer(let i): return scaledScalar(i, from: 0, to: scale)
            case .decimal(let m, let s): return scaledScalar(m, from: s, to: scale)
            case .double(let d): return .double(d)
            case .text(let s): return .text(s)
            case .bool(let b): return .int(b ? 1 : 0)
            case .date(let d): return .int(Int64(d) * (timestamps ? 86_400_000_000 : 1))
            }
        }
    }

    private static func rescaled(_ x: Integers, from: Int, to: Int) -> Keys {
        if let scaled = x.rescaled(by: to - from) { return .ints(scaled) }
        return .doubles(x.map { $0 == NullSentinel.int64 ? .nan : DecimalScale.double($0, scale: from) })
    }

    private static func scaledScalar(_ m: Int64, from: Int, to: Int) -> Keys {
        guard let f = DecimalScale.integerFactor(to - from) else { return .double(DecimalScale.double(m, scale: from)) }
        let (p, overflow) = m.multipliedReportingOverflow(by: f)
        return overflow ? .double(DecimalScale.double(m, scale: from)) : .int(p)
    }

    private static func doubles(_ k: Keys, count: Int) -> [Double] {
        switch k {
        case .ints(let x): x.map { $0 == NullSentinel.int64 ? .nan : Double($0) }
        case .doubles(let x): x
        case .int(let i): [Double](repeating: Double(i), count: count)
        case .double(let d): [Double](repeating: d, count: count)
        default: [Double](repeating: .nan, count: count)
        }
    }
}

extension ComparisonOperator {
    /// The operator with its sides swapped: `9 <= score` is `score >= 9`.
    fileprivate var flipped: ComparisonOperator {
        switch self {
        case .equal, .notEqual: self
        case .less: .greater
        case .lessEqual: .greaterEqual
        case .greater: .less
        case .greaterEqual: .lessEqual
        }
    }
}
