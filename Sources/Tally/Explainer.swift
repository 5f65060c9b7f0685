// `explain METRIC`: a metric's definition in words and symbols, what it reads and builds on.

import TallyData
import TallyDiagnostics
import TallySemantics
import TallySyntax

struct Explainer {
    let catalog: Catalog

    /// The metric an `explain` names: one metric, no dimensions (a period and a filter are for
    /// the worked numbers).
    func metric(of query: Query) throws(Diagnostic) -> MetricDefinitionEntry {
        guard query.items.count == 1, case .name(let name) = query.items[0].expr.kind, query.dimensions.isEmpty else {
            throw Diagnostic(
                "explain takes one metric name, and a period for its numbers", at: query.span,
                help: "for example: explain churn, or explain churn for 2024-03 where plan = \"pro\"")
        }
        guard let metric = catalog.metrics[name.text] else {
            throw Diagnostic(
                "unknown metric '\(name.text)'", at: name.span,
                help: Suggestions.closest(to: name.text, in: catalog.metricNames).map { "did you mean '\($0)'?" }
                    ?? "show metrics lists the metrics defined")
        }
        return metric
    }

    /// The definition in words and symbols, what it reads and what it builds on.
    func definition(_ metric: MetricDefinitionEntry) -> String {
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
        let reach = Reach(catalog: catalog)
        let datasets = reach.datasets(of: [metric.expr])
        if datasets.allSatisfy({ catalog.datasets[$0] != nil }), !datasets.isEmpty {
            lines += Self.wrapped(reach.breakdowns(from: datasets), lead: "  by: ")
        }
        return lines.joined(separator: "\n")
    }

    /// `names` after `lead`, comma-separated, in lines of at most 100 characters, later lines
    /// indented under the first name.
    static func wrapped(_ names: [String], lead: String) -> [String] {
        var lines: [String] = []
        var line = lead
        for (i, name) in names.enumerated() {
            let piece = name + (i < names.count - 1 ? "," : "")
            if line.count > lead.count, line.count + 1 + piece.count > 100 {
                lines.append(line)
                line = String(repeating: " ", count: lead.count)
            } else if line.count > lead.count {
                line += " "
            }
            line += piece
        }
        return lines + [line]
    }

    /// What `describe NAME` says of a name that is not a dataset: a metric's definition (as `explain`
    /// gives it), a named dimension, a time grain, a column and the datasets holding it. Nil for a
    /// name that is none of these.
    func describe(_ name: String) -> String? {
        if let metric = catalog.metrics[name] {
            return "'\(name)' is a metric; describe is for datasets. `explain \(name)` says:\n\n" + definition(metric)
        }
        if let dimension = catalog.dimensions[name] {
            return "'\(name)' is a dimension" + (dimension.description.map { ": \($0)" } ?? ".") + "\n\n"
                + "  \(name) = \(dimension.source.slice(dimension.expr.span))\n"
                + "  e.g. " + example(by: name)
        }
        if Grain.parse(name) != nil { return "'\(name)' is a time grain; e.g. " + example(by: name) }
        let holders = catalog.datasetNames.filter { catalog.datasets[$0]?.hasColumn(name) == true }
        guard let first = holders.first else { return nil }
        return "'\(name)' is a column of \(holders.joined(separator: ", ")); `describe \(first)` lists its columns, "
            + "`show dimensions` what metrics can be broken down by"
    }

    /// `revenue by month`, with a metric that can be broken down by it when there is one.
    private func example(by dimension: String) -> String {
        let reach = Reach(catalog: catalog)
        let metric = (["revenue"] + catalog.metricNames).first { name in
            guard let m = catalog.metrics[name] else { return false }
            let datasets = reach.datasets(of: [m.expr])
            return !datasets.isEmpty && reach.breakdowns(from: datasets).contains(dimension)
        }
        return "`\(metric ?? "revenue") by \(dimension)`"
    }
}

/// The metrics and dataset columns a metric's expression names, directly or through the metrics
/// it uses, in the order they are written.
private struct References {
    var metrics: [String] = []
    var columns: [String] = []
    let catalog: Catalog

    init(catalog: Catalog, expr: Expr) {
        self.catalog = catalog
        visit(expr)
    }

    private mutating func visit(_ e: Expr) {
        switch e.kind {
        case .name(let n):
            if let m = catalog.metrics[n.text] {
                guard !metrics.contains(n.text) else { return }
                metrics.append(n.text)
                visit(m.expr)
            } else {
                // A dataset (`count(orders)`) or a column of the aggregate's dataset.
                note(n.text)
            }
        case .qualified(let d, let c): note("\(d.text).\(c.text)")
        case .unary(_, let x), .isNull(let x, _): visit(x)
        case .binary(_, let l, let r):
            visit(l)
            visit(r)
        case .call(let c):
            c.arguments.forEach { visit($0) }
            if let f = c.filter { visit(f) }
            // The dates that place rows in time are read too: the anchor, or both ends of a lifespan.
            if case .name(let d)? = c.arguments.first?.kind, catalog.datasets[d.text] != nil || catalog.lifespans[d.text] != nil {
                if let anchor = c.anchor { note("\(d.text).\(anchor.text)") }
                if c.activeAt != nil, let l = catalog.lifespans[d.text] {
                    note("\(d.text).\(l.start)")
                    note("\(d.text).\(l.end)")
                }
            }
        case .inList(let x, let xs, _): ([x] + xs).forEach { visit($0) }
        case .between(let x, let lo, let hi, _): [x, lo, hi].forEach { visit($0) }
        default: break
        }
    }

    private mutating func note(_ column: String) {
        if !columns.contains(column) { columns.append(column) }
    }
}
