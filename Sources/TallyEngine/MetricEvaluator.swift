// Evaluates metric expressions over all result cells at once, including comparisons across cells.

import TallyData
import TallySemantics

/// Evaluates metric expressions over the grid of cells (combination × period, period fastest).
/// Division by zero and non-finite results are null, never NaN or infinity.
struct MetricEvaluator {
    /// Per aggregate, per cell.
    let aggregates: [[Double?]]
    let periods: Periods
    let cellCount: Int

    func evaluate(_ e: MetricExpr) -> [Double?] {
        switch e {
        case .aggregate(let i):
            return aggregates[i]
        case .constant(let c):
            return [Double?](repeating: c, count: cellCount)
        case .negate(let x):
            return evaluate(x).map { $0.map { -$0 } }.map(finite)
        case .arithmetic(let op, let l, let r):
            let a = evaluate(l)
            let b = evaluate(r)
            return zip(a, b).map { x, y in
                guard let x, let y else { return nil }
                switch op {
                case .add: return finite(x + y)
                case .subtract: return finite(x - y)
                case .multiply: return finite(x * y)
                case .divide: return y == 0 ? nil : finite(x / y)
                }
            }
        case .window(let f, let x):
            return window(f, evaluate(x))
        }
    }

    private func window(_ f: WindowFunction, _ x: [Double?]) -> [Double?] {
        let p = periods.count
        guard p > 0 else { return x }
        var out = [Double?](repeating: nil, count: x.count)
        for combo in 0..<(x.count / p) {
            let base = combo * p
            switch f {
            case .previous:
                for k in 1..<max(1, p) { out[base + k] = x[base + k - 1] }
            case .yearAgo:
                for k in 0..<p { out[base + k] = periods.yearAgo(k).flatMap { x[base + $0] } }
            case .rolling(let n):
                for k in (n - 1)..<max(n - 1, p) {
                    let window = x[(base + k - n + 1)...(base + k)].compactMap { $0 }
                    out[base + k] = window.isEmpty ? nil : window.reduce(0, +) / Double(window.count)
                }
            case .cumulative:
                var total: Double?
                for k in periods.shownFrom..<p {
                    if let v = x[base + k] { total = (total ?? 0) + v }
                    out[base + k] = total
                }
            case .share:
                break
            }
        }
        if case .share = f {
            for k in 0..<p {
                let cells = stride(from: k, to: x.count, by: p)
                let total = cells.compactMap { x[$0] }.reduce(0, +)
                for c in cells { out[c] = total == 0 ? nil : x[c].map { $0 / total } }
            }
        }
        return out.map(finite)
    }

    private func finite(_ v: Double?) -> Double? {
        guard let v, v.isFinite else { return nil }
        return v == 0 ? 0 : v
    }
}
