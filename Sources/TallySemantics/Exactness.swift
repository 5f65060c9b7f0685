// Which results are exact decimals and which are floating point: one rule, which every engine follows.
//
// Counts, and sums, minimums and maximums of integer and decimal columns, are exact; so are the sums,
// differences and products of exact values, their negations, `previous`, `year_ago` and `cumulative`
// of them, and constants written with a few decimals (`0.3`). Division, averages, percentiles,
// `rolling` and `share` are floating point. (An engine may still fall back to floating point where an
// exact value would overflow its representation; the native engine does past 64 bits.)

import TallyData

extension RowExpr {
    /// Whether rows give exact numbers: an integer or decimal column (a decimal column whose values
    /// are stored as doubles excepted, which only the data tells), its negation, or a duration between
    /// two dates or times (whole microseconds). Other row arithmetic is floating point.
    public var isExactNumber: Bool {
        switch self {
        case .column(let c): c.type == .integer || c.type == .decimal
        case .negate(let x): x.isExactNumber
        default: isDuration
        }
    }

    /// `a - b` of two date or timestamp columns (or their dates): a duration in whole microseconds.
    public var isDuration: Bool {
        guard case .arithmetic(.subtract, let a, let b) = self else { return false }
        return a.isMoment && b.isMoment
    }

    private var isMoment: Bool {
        switch self {
        case .column(let c): c.type == .date || c.type == .timestamp
        case .call(.date, let x): x.isMoment
        default: false
        }
    }
}

extension RowFunction {
    /// Microseconds in the unit a duration function gives; nil for the other functions.
    public var microsecondsPerUnit: Double? {
        switch self {
        case .seconds: 1e6
        case .minutes: 60e6
        case .hours: 3600e6
        case .days: 86_400e6
        default: nil
        }
    }
}

extension BoundAggregate {
    /// Whether its value in each cell is an exact number.
    public var isExact: Bool {
        switch function {
        case .count, .countDistinct: true
        case .sum, .min, .max: value?.isExactNumber ?? false
        case .avg, .median, .percentile: false
        }
    }
}

extension MetricExpr {
    /// Whether the expression's value is an exact number, given the query's aggregates.
    public func isExact(_ aggregates: [BoundAggregate]) -> Bool {
        switch self {
        case .aggregate(let i): return i < aggregates.count && aggregates[i].isExact
        case .constant(let c): return Self.exactConstant(c) != nil
        case .negate(let x): return x.isExact(aggregates)
        case .arithmetic(let op, let l, let r): return op != .divide && l.isExact(aggregates) && r.isExact(aggregates)
        case .window(let f, let x):
            switch f {
            case .previous, .yearAgo, .cumulative: return x.isExact(aggregates)
            case .rolling, .share: return false
            }
        }
    }

    /// Whether the groups' values add up to the whole period's: counts and sums, and sums,
    /// differences and multiples of them (a distinct count too, though a value counted in two groups
    /// makes their shares add up to more than one). Ratios, averages, percentiles, minimums and
    /// maximums do not.
    /// `functions` are the aggregate functions, by aggregate index.
    public func adds(_ functions: [AggregateFunction]) -> Bool {
        switch self {
        case .aggregate(let i):
            guard i < functions.count else { return false }
            switch functions[i] {
            case .count, .countDistinct, .sum: return true
            default: return false
            }
        case .constant: return true
        case .negate(let x): return x.adds(functions)
        case .arithmetic(.add, let l, let r), .arithmetic(.subtract, let l, let r): return l.adds(functions) && r.adds(functions)
        case .arithmetic(.multiply, let l, let r):
            // A multiple of a sum adds up; a product of two sums does not.
            return (l.adds(functions) && r.isConstantFactor) || (l.isConstantFactor && r.adds(functions))
        case .arithmetic: return false
        case .window(let f, let x):
            switch f {
            case .previous, .yearAgo, .cumulative: return x.adds(functions)
            case .rolling, .share: return false
            }
        }
    }

    private var isConstantFactor: Bool {
        switch self {
        case .constant: return true
        case .negate(let x): return x.isConstantFactor
        default: return false
        }
    }

    /// A constant as written, exact: its units at the fewest decimal places (up to 9) that give the same
    /// double (`0.3` is 3 at scale 1); nil when none does.
    public static func exactConstant(_ c: Double) -> (units: Int64, scale: Int)? {
        for scale in 0...9 {
            let scaled = (c * DecimalScale.factor(scale)).rounded()
            guard abs(scaled) < 0x1p53 else { return nil }
            if scaled / DecimalScale.factor(scale) == c { return (Int64(scaled), scale) }
        }
        return nil
    }
}
