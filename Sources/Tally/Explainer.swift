// `explain METRIC`: a metric's definition in words and symbols, what it reads and builds on.

import TallyData
import TallyDiagnostics
import TallySemantics
import TallySyntax

struct Explainer {
    let catalog: Catalog

    func explain(_ query: Query, source: SourceFile) throws(Diagnostic) -> String {
        guard query.items.count == 1, case .name(let name) = query.items[0].expr.kind,
            query.dimensions.isEmpty, query.filter == nil, query.range == nil
        else {
            throw Diagnostic(
                "explain takes one metric name", at: query.span, help: "for example: explain avg_order_value")
        }
        guard let metric = catalog.metrics[name.text] else {
            throw Diagnostic(
                "unknown metric '\(name.text)'", at: name.span,
                help: Suggestions.closest(to: name.text, in: catalog.metricNames).map { "did you mean '\($0)'?" }
                    ?? "show metrics lists the metrics defined")
        }
        var lines: [String] = []
        lines.append(metric.description.map { "\(metric.name): \($0)" } ?? metric.name)
        lines.append("")
        lines.append("  \(metric.name) = \(metric.source.slice(metric.expr.span))")
        if let unit = metric.unit { lines.append("  unit: \(unit.rawValue)") }
        let parts = References(catalog: catalog, expr: metric.expr)
        if !parts.metrics.isEmpty {
            lines.append("  builds on: " + parts.metrics.map { m in
                catalog.metrics[m].map { "\(m) = \($0.source.slice($0.expr.span))" } ?? m
            }.joined(separator: "; "))
        }
        if !parts.columns.isEmpty { lines.append("  reads: " + parts.columns.joined(separator: ", ")) }
        let (line, _) = metric.source.location(of: metric.expr.span.start)
        lines.append("  defined in: \(metric.source.name ?? "this session"):\(line)")
        return lines.joined(separator: "\n")
    }
}

/// The metrics and dataset columns a metric's expression names, directly or through the metrics it uses.
private struct References {
    var metrics: [String] = []
    var columns: [String] = []

    init(catalog: Catalog, expr: Expr) {
        var visitedMetrics = Set<String>()
        var stack = [expr]
        while let e = stack.popLast() {
            switch e.kind {
            case .name(let n):
                if let m = catalog.metrics[n.text] {
                    if visitedMetrics.insert(n.text).inserted {
                        metrics.append(n.text)
                        stack.append(m.expr)
                    }
                } else if !columns.contains(n.text) {
                    // A dataset (`count(orders)`) or a column of the aggregate's dataset.
                    columns.append(n.text)
                }
            case .qualified(let d, let c):
                let text = "\(d.text).\(c.text)"
                if !columns.contains(text) { columns.append(text) }
            case .unary(_, let x), .isNull(let x, _): stack.append(x)
            case .binary(_, let l, let r): stack += [r, l]
            case .call(let c):
                stack += c.arguments.reversed()
                if let f = c.filter { stack.append(f) }
            case .inList(let x, let xs, _): stack += [x] + xs
            case .between(let x, let lo, let hi, _): stack += [x, lo, hi]
            default: break
            }
        }
    }
}
