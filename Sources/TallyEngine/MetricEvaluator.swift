// Evaluates metric expressions over all result cells at once, including comparisons across cells.

import TallyData
import TallySemantics

/// Evaluates metric expressions over the grid of cells (combination × period, period fastest).
/// Division by zero and non-finite results are null, never NaN or infinity.
struct MetricEvaluator {
    /// Per aggregate, per cell.
    let aggregates: [Measure]
    let periods: Periods
    let cellCount: Int

    func evaluate(_ e: MetricExpr) -> Measure {
        switch e {
        case .aggregate(let i):
            if case .approximate(let v) = aggregates[i] { return approximate(v) }
            return aggregates[i]
        case .constant(let c):
            return Measure.constant(c, count: cellCount)
        case .negate(let x):
            let v = evaluate(x)
            return v.exactNegation ?? approximate(v.doubles.map { $0.map { -$0 } })
        case .arithmetic(let op, let l, let r):
            let a = evaluate(l)
            let b = evaluate(r)
            if let exact = Measure.exactResult(of: op, a, b) { return exact }
            return approximate(
                zip(a.doubles, b.doubles).map { x, y in
                    guard let x, let y else { return nil }
                    switch op {
                    case .add: return x + y
                    case .subtract: return x - y
                    case .multiply: return x * y
                    case .divide: return y == 0 ? nil : x / y
                    }
                })
        case .window(let f, let x):
            return window(f, evaluate(x))
        }
    }

    private func window(_ f: WindowFunction, _ x: Measure) -> Measure {
        let p = periods.count
        guard p > 0 else { return x }
        switch (f, x) {
        case (.previous, .exact(let v, let s)), (.yearAgo, .exact(let v, let s)):
            return .exact(shifted(f, v), scale: s)
        case (.previous, .approximate(let v)), (.yearAgo, .approximate(let v)):
            return .approximate(shifted(f, v))
        case (.cumulative, .exact(let v, let s)):
            let sums = runningSums(v) { a, b in
                let (sum, overflow) = a.addingReportingOverflow(b)
                return overflow ? nil : sum
            }
            if let sums { return .exact(sums, scale: s) }
            return approximate(runningSums(x.doubles) { $0 + $1 } ?? [])
        case (.cumulative, .approximate(let v)):
            return approximate(runningSums(v) { $0 + $1 } ?? [])
        case (.rolling(let n), _):
            return approximate(rollingMeans(x.doubles, n))
        case (.share, _):
            return approximate(shares(x.doubles))
        }
    }

    /// The value `previous` or `year_ago` reads for each cell: another period of its combination.
    private func shifted<T>(_ f: WindowFunction, _ x: [T?]) -> [T?] {
        let p = periods.count
        var out = [T?](repeating: nil, count: x.count)
        for base in stride(from: 0, to: x.count, by: p) {
            for k in 0..<p {
                let source = f == .previous ? (k > 0 ? k - 1 : nil) : periods.yearAgo(k)
                out[base + k] = source.flatMap { x[base + $0] }
            }
        }
        return out
    }

    /// Running totals from the first period shown; nil when `combine` refuses (an exact total overflows).
    private func runningSums<T: AdditiveArithmetic>(_ x: [T?], combine: (T, T) -> T?) -> [T?]? {
        let p = periods.count
        var out = [T?](repeating: nil, count: x.count)
        for base in stride(from: 0, to: x.count, by: p) {
            var total: T?
            for k in periods.shownFrom..<p {
                if let v = x[base + k] {
                    guard let next = combine(total ?? .zero, v) else { return nil }
                    total = next
                }
                out[base + k] = total
            }
        }
        return out
    }

    private func rollingMeans(_ x: [Double?], _ n: Int) -> [Double?] {
        let p = periods.count
        var out = [Double?](repeating: nil, count: x.count)
        for base in stride(from: 0, to: x.count, by: p) {
            for k in (n - 1)..<max(n - 1, p) {
                let window = x[(base + k - n + 1)...(base + k)].compactMap { $0 }
                out[base + k] = window.isEmpty ? nil : window.reduce(0, +) / Double(window.count)
            }
        }
        return out
    }

    private func shares(_ x: [Double?]) -> [Double?] {
        let p = periods.count
        var out = [Double?](repeating: nil, count: x.count)
        for k in 0..<p {
            let cells = stride(from: k, to: x.count, by: p)
            let total = cells.compactMap { x[$0] }.reduce(0, +)
            for c in cells { out[c] = total == 0 ? nil : x[c].map { $0 / total } }
        }
        return out
    }

    /// Floating-point cells with NaN and infinity as null, and no negative zero.
    private func approximate(_ v: [Double?]) -> Measure {
        .approximate(
            v.map { x in
                guard let x, x.isFinite else { return nil }
                return x == 0 ? 0 : x
            })
    }
}
