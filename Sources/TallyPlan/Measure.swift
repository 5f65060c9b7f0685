// A metric's values over the result cells, kept exact while the arithmetic allows.

import TallyData
import TallySemantics

/// One value per result cell. Counts, sums of integer and decimal columns, and their sums,
/// differences and products stay exact scaled integers, so `revenue - previous(revenue)` is
/// -29.8, never -29.799999999999997, and a count beyond 2^53 keeps every digit. Division,
/// averages and percentiles are floating point; so is anything an exact form would overflow.
public enum Measure: Sendable {
    /// Cell value × 10^scale; nil is null.
    case exact([Int64?], scale: Int)
    case approximate([Double?])

    /// The largest scale kept exact: a product of two money values has scale 4, and past 18 no
    /// non-zero Int64 value has an integer part.
    private static let maxScale = 18

    /// Exact cells none of which is null (counts and sums).
    public static func exactCells(_ v: [Int64], scale: Int) -> Measure {
        .exact(v.map { $0 }, scale: scale)
    }

    /// Every cell as a double. Exact up to 2^53 units of the last place, and for every money
    /// amount below 90 trillion: one correctly rounded division gives the nearest double.
    public var doubles: [Double?] {
        switch self {
        case .exact(let v, let s):
            let f = DecimalScale.factor(s)
            return v.map { $0.map { Double($0) / f } }
        case .approximate(let v): return v
        }
    }

    /// The cell as a result value: a whole number as an integer, an exact fraction as a decimal.
    public func value(at cell: Int) -> Value {
        switch self {
        case .exact(let v, let s):
            guard let m = v[cell] else { return .null }
            return s == 0 ? .integer(m) : .decimal(m, scale: s)
        case .approximate(let v):
            return v[cell].map(Value.number) ?? .null
        }
    }

    /// A constant as written: exact at the fewest decimal places that give the same double
    /// (`0.3` is 3 at scale 1), or floating point when no scale up to 9 does.
    public static func constant(_ c: Double, count: Int) -> Measure {
        guard let (units, scale) = MetricExpr.exactConstant(c) else {
            return .approximate([Double?](repeating: c, count: count))
        }
        return .exact([Int64?](repeating: units, count: count), scale: scale)
    }

    /// `a op b` cell by cell, when both are exact and no cell overflows: sums and differences at
    /// the larger scale, products at the sum of the scales. Nil otherwise, and always for division.
    public static func exactResult(of op: ArithmeticOperator, _ a: Measure, _ b: Measure) -> Measure? {
        guard case .exact(let x, let sx) = a, case .exact(let y, let sy) = b else { return nil }
        switch op {
        case .add, .subtract:
            let scale = max(sx, sy)
            guard let p = rescaled(x, by: scale - sx), let q = rescaled(y, by: scale - sy),
                let r = zipExact(
                    p, q, op == .add ? { $0.addingReportingOverflow($1) } : { $0.subtractingReportingOverflow($1) })
            else { return nil }
            return .exact(r, scale: scale)
        case .multiply:
            guard sx + sy <= maxScale, let r = zipExact(x, y, { $0.multipliedReportingOverflow(by: $1) }) else {
                return nil
            }
            return .exact(r, scale: sx + sy)
        case .divide:
            return nil
        }
    }

    /// `-a`, when `a` is exact and no cell is the one value without a negation.
    public var exactNegation: Measure? {
        guard case .exact(let x, let s) = self else { return nil }
        return Self.zipExact(x, x, { a, _ in Int64(0).subtractingReportingOverflow(a) }).map { .exact($0, scale: s) }
    }

    private static func rescaled(_ v: [Int64?], by places: Int) -> [Int64?]? {
        if places == 0 { return v }
        guard let f = DecimalScale.integerFactor(places) else { return nil }
        var out = [Int64?](repeating: nil, count: v.count)
        for (i, x) in v.enumerated() {
            guard let x else { continue }
            let (p, overflow) = x.multipliedReportingOverflow(by: f)
            if overflow { return nil }
            out[i] = p
        }
        return out
    }

    /// Applies `op` to each pair of non-null cells; nil when any cell overflows, so the caller
    /// falls back to floating point for the whole measure rather than mixing kinds.
    private static func zipExact(
        _ a: [Int64?], _ b: [Int64?], _ op: (Int64, Int64) -> (partialValue: Int64, overflow: Bool)
    ) -> [Int64?]? {
        var out = [Int64?](repeating: nil, count: a.count)
        for i in a.indices {
            guard let x = a[i], let y = b[i] else { continue }
            let (r, overflow) = op(x, y)
            if overflow { return nil }
            out[i] = r
        }
        return out
    }
}
