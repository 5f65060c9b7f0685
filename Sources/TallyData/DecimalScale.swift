// Scaled decimals (a value is its units ÷ 10^scale): the powers of ten and rescaling every stage shares.

public enum DecimalScale {
    /// 10^n as a double, exact for the scales decimals use (n ≤ 22).
    public static func factor(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<max(0, n) { r *= 10 }
        return r
    }

    /// 10^n as an integer, nil when it does not fit.
    public static func integerFactor(_ n: Int) -> Int64? {
        var r: Int64 = 1
        for _ in 0..<max(0, n) {
            let (p, overflow) = r.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            r = p
        }
        return r
    }

    /// `units` ÷ 10^`scale`: the nearest double, exactly so while `units` is below 2^53.
    public static func double(_ units: Int64, scale: Int) -> Double {
        Double(units) / factor(scale)
    }

    /// `values` × 10^`places`, nulls (`NullSentinel.int64`) kept; nil when a value would overflow
    /// or land on the null sentinel.
    public static func rescaled(_ values: [Int64], by places: Int) -> [Int64]? {
        if places == 0 { return values }
        guard let f = integerFactor(places) else { return nil }
        var out = [Int64](repeating: NullSentinel.int64, count: values.count)
        for (i, v) in values.enumerated() where v != NullSentinel.int64 {
            let (m, overflow) = v.multipliedReportingOverflow(by: f)
            if overflow || m == NullSentinel.int64 { return nil }
            out[i] = m
        }
        return out
    }
}
