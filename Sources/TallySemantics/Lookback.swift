// How many periods before the first shown one a metric expression reads: what every engine computes
// but does not show, so that the first shown row's `previous` or `vs last year` is real data.

import TallyData

extension MetricExpr {
    public func lookback(grain: Grain?) -> Int {
        switch self {
        case .aggregate, .constant: return 0
        case .negate(let x): return x.lookback(grain: grain)
        case .arithmetic(_, let l, let r): return max(l.lookback(grain: grain), r.lookback(grain: grain))
        case .window(let f, let x):
            let own: Int
            switch f {
            case .previous: own = 1
            case .yearAgo: own = Self.periodsInYear(grain)
            case .rolling(let n): own = n - 1
            case .cumulative, .share: own = 0
            }
            return own + x.lookback(grain: grain)
        }
    }

    /// Look-back periods `vs last year` needs at most, by grain.
    static func periodsInYear(_ grain: Grain?) -> Int {
        switch grain {
        case .year: 1
        case .quarter: 4
        case .month: 12
        case .week: 53
        case .day: 366
        case nil: 0
        }
    }
}
