// `explain METRIC for PERIOD [where ...]`: the metric's formula with the period's numbers in it,
// each part in words, and, when there is no value, why.

import TallyData
import TallyDiagnostics
import TallyRender
import TallySemantics
import TallySyntax

/// Works a metric out for one period, part by part.
struct WorkedExample {
    let catalog: Catalog
    /// Runs a query in the session (the same engine and rules as any query).
    let run: (Query) throws(Diagnostic) -> (ResultTable, BoundQuery)

    /// The period and filter the numbers are for, and every number shown, by the text of its expression.
    private struct Setting {
        var query: Query
        var period: String
        /// First day of the range, and the day after its last: the period's boundaries.
        var start: Int32
        var end: Int32
        var values: [String: Double?]
    }

    func explain(_ metric: MetricDefinitionEntry, query: Query, querySource: SourceFile) throws(Diagnostic) -> String {
        // Every number is an item of one query: one plan, one pass over the rows, the same cells.
        let numbered = partsToShow(metric)
        var all = query
        all.items = [query.items[0]] + numbered.enumerated().map { i, part in
            QueryItem(expr: part.expr, alias: Name("part\(i)", part.expr.span), span: part.expr.span)
        }
        all.dimensions = []
        all.comparison = nil
        all.pivot = nil
        let (table, bound) = try run(all)
        guard let since = bound.range?.since, let until = bound.range?.until else {
            throw Diagnostic(
                "worked numbers need a whole period", at: query.range?.span ?? query.span,
                help: "give both ends, e.g. explain \(metric.name) for 2024-03")
        }
        let row = table.rows.first ?? []
        var values: [String: Double?] = [:]
        for (i, part) in numbered.enumerated() { values[part.key] = i + 1 < row.count ? row[i + 1].double : nil }
        let setting = Setting(
            query: query, period: period(query, since: since, until: until), start: since, end: until + 1, values: values)
        let result = row.first?.double
        var lines: [String] = []
        let filter = query.filter.map { " where \(querySource.slice($0.span))" } ?? ""
        lines.append("\(metric.name) for \(setting.period)\(filter)")
        if let d = metric.description { lines.append("  \(d)") }
        lines.append("")
        let formula = metric.source.slice(metric.expr.span)
        lines.append("  \(metric.name) = \(formula)")
        let substituted = try render(metric.expr, metric.source, setting, top: true)
        let indent = String(repeating: " ", count: metric.name.count + 3)
        let shown = show(result, unit: metric.unit)
        if substituted != formula, substituted != plain(result) { lines.append(indent + "= \(substituted)") }
        lines.append(indent + "= \(shown)")

        let parts = try self.parts(of: metric.expr, metric.source, setting)
        if !parts.isEmpty {
            lines.append("")
            lines.append("  where")
            for part in parts {
                lines.append("    \(part.text) = \(show(part.value, unit: part.unit))")
                if let words = part.words { lines.append("      \(words)") }
            }
        }
        if let sentence = try summary(metric, setting, result: result) {
            lines.append("")
            lines.append("  \(sentence)")
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Parts

    private struct Part {
        var text: String
        var value: Double?
        var unit: MetricUnit?
        var words: String?
    }

    /// The metrics and aggregates a formula is made of, each with its value and meaning, in the
    /// order they are written (a metric's own parts follow it, indented by nothing: flat is easier to read).
    private func parts(of e: Expr, _ source: SourceFile, _ s: Setting) throws(Diagnostic) -> [Part] {
        var parts: [Part] = []
        var seen: Set<String> = []
        func visit(_ e: Expr, _ source: SourceFile) throws(Diagnostic) {
            switch e.kind {
            case .name(let n):
                guard let m = catalog.metrics[n.text], seen.insert(n.text).inserted else { return }
                let definition = m.source.slice(m.expr.span)
                var words = "= \(definition)"
                if case .call = m.expr.kind { words += ": " + (try describe(m.expr, m.source, s) ?? "") }
                parts.append(Part(text: n.text, value: value(e, source, s), unit: m.unit, words: words))
                if case .call = m.expr.kind { return }
                try visit(m.expr, m.source)
            case .call:
                let text = source.slice(e.span)
                guard seen.insert(text).inserted else { return }
                parts.append(Part(text: text, value: value(e, source, s), unit: nil, words: try describe(e, source, s)))
            case .unary(_, let x):
                try visit(x, source)
            case .binary(_, let l, let r):
                try visit(l, source)
                try visit(r, source)
            default:
                return
            }
        }
        // The metric's own top level is the formula itself; list what it is made of.
        switch e.kind {
        case .binary(_, let l, let r):
            try visit(l, source)
            try visit(r, source)
        case .unary(_, let x):
            try visit(x, source)
        case .name, .call:
            try visit(e, source)
        default:
            break
        }
        return parts
    }

    /// The value of a metric name, an aggregate or a side of the formula's ratio, for the setting's
    /// period and filter: an item of the query that computed them all.
    private func value(_ e: Expr, _ source: SourceFile, _ s: Setting) -> Double? {
        s.values[source.slice(e.span)] ?? nil
    }

    /// What the example shows a number for: each metric and aggregate the formula names, through
    /// the metrics it builds on, and both sides of a ratio; each once, by its text.
    private func partsToShow(_ metric: MetricDefinitionEntry) -> [(expr: Expr, key: String)] {
        var parts: [(expr: Expr, key: String)] = []
        func add(_ e: Expr, _ source: SourceFile) {
            let key = source.slice(e.span)
            if !parts.contains(where: { $0.key == key }) { parts.append((e, key)) }
        }
        func visit(_ e: Expr, _ source: SourceFile) {
            switch e.kind {
            case .name(let n):
                guard let m = catalog.metrics[n.text] else { return }
                add(e, source)
                visit(m.expr, m.source)
            case .call:
                add(e, source)
            case .unary(_, let x):
                visit(x, source)
            case .binary(_, let l, let r):
                visit(l, source)
                visit(r, source)
            default:
                return
            }
        }
        if case .binary(.divide, let l, let r) = metric.expr.kind {
            add(l, metric.source)
            add(r, metric.source)
        }
        visit(metric.expr, metric.source)
        return parts
    }

    /// The formula with each metric and aggregate replaced by its value.
    private func render(_ e: Expr, _ source: SourceFile, _ s: Setting, top: Bool = false) throws(Diagnostic) -> String {
        switch e.kind {
        case .name, .call:
            if top, case .name(let n) = e.kind, let m = catalog.metrics[n.text] {
                return try render(m.expr, m.source, s, top: true)
            }
            return plain(value(e, source, s))
        case .number(let text):
            return text
        case .unary(.negate, let x):
            return "-" + (try render(x, source, s))
        case .binary(let op, let l, let r):
            let left = try render(l, source, s)
            let right = try render(r, source, s)
            return "\(wrap(left, l, under: op, right: false)) \(op.rawValue) \(wrap(right, r, under: op, right: true))"
        default:
            return source.slice(e.span)
        }
    }

    /// Keeps the parentheses the structure needs once names become numbers.
    private func wrap(_ text: String, _ e: Expr, under op: BinaryOperator, right: Bool) -> String {
        guard case .binary(let inner, _, _) = e.kind else { return text }
        let weak: Set<BinaryOperator> = [.add, .subtract]
        let strong: Set<BinaryOperator> = [.multiply, .divide]
        let needs = (strong.contains(op) && weak.contains(inner)) || (right && (op == .subtract || op == .divide))
        return needs ? "(\(text))" : text
    }

    // MARK: Words

    /// An aggregate in words: which rows, in which period.
    private func describe(_ e: Expr, _ source: SourceFile, _ s: Setting) throws(Diagnostic) -> String? {
        guard case .call(let call) = e.kind, let first = call.arguments.first else { return nil }
        let dataset: String
        var what: String
        switch first.kind {
        case .name(let n) where catalog.datasets[n.text] != nil:
            dataset = n.text
            what = n.text
        case _:
            guard let d = Self.dataset(in: first) else { return nil }
            dataset = d
            let x = source.slice(first.span)
            var function = AggregateFunction.named(call.function.text)
            if case .percentile? = function, let p = call.arguments.dropFirst().first.flatMap({ Double(source.slice($0.span)) }) {
                function = .percentile(p)
            }
            what = function?.words(of: x, in: dataset) ?? "\(call.function.text) of \(x) over \(dataset)"
        }
        let lifespan = catalog.lifespans[dataset]
        var conditions: [String] = []
        if let boundary = call.activeAt.flatMap({ Boundary(rawValue: $0.text) }) {
            let day = CivilDate.format(boundary == .start ? s.start : s.end)
            conditions.append(call.startedBefore ? "that started before \(day)" : "active on \(day)")
        }
        let anchor = call.anchor?.text ?? (call.activeAt == nil ? catalog.anchors[dataset] : nil)
        if let anchor {
            if anchor == lifespan?.end {
                conditions.append("that ended during \(s.period) (\(anchor))")
            } else if anchor == lifespan?.start {
                conditions.append("that started during \(s.period) (\(anchor))")
            } else {
                conditions.append("with \(anchor) during \(s.period)")
            }
        }
        if let filter = call.filter { conditions.append("where \(source.slice(filter.span))") }
        return ([what] + conditions).joined(separator: " ")
    }

    /// The dataset of the first `dataset.column` in an expression.
    private static func dataset(in e: Expr) -> String? {
        switch e.kind {
        case .qualified(let d, _): return d.text
        case .unary(_, let x): return dataset(in: x)
        case .binary(_, let l, let r): return dataset(in: l) ?? dataset(in: r)
        case .call(let c): return c.arguments.lazy.compactMap { dataset(in: $0) }.first
        default: return nil
        }
    }

    /// For a ratio of counts: "of the 240 customers active on 2024-03-01, 12 ... : 12 / 240 = 5.0%",
    /// or, when there is no value, why.
    private func summary(_ metric: MetricDefinitionEntry, _ s: Setting, result: Double?) throws(Diagnostic) -> String? {
        guard case .binary(.divide, let l, let r) = metric.expr.kind else {
            return result == nil ? "\(metric.name) has no value for \(s.period)." : nil
        }
        let a = value(l, metric.source, s)
        let b = value(r, metric.source, s)
        let aWords = try words(of: l, metric.source, s)
        let bWords = try words(of: r, metric.source, s)
        if result == nil {
            guard b == 0 || b == nil else { return "\(metric.name) has no value for \(s.period)." }
            let reason = bWords.map { "there are no \($0)" } ?? "\(metric.source.slice(r.span)) is \(plain(b))"
            return "No value: \(reason), and a ratio over nothing does not exist."
        }
        guard let aWords, let bWords, let a, let b, aWords.hasPrefix(bWords) else { return nil }
        let rest = aWords.dropFirst(bWords.count).trimmingPrefix(" ").trimmingPrefix("that ")
        let shown = result.map { NumberText.human($0, unit: metric.unit) } ?? "null"
        return "Of the \(plain(b)) \(bWords), \(plain(a)) \(rest): \(plain(a)) / \(plain(b)) = \(shown)."
    }

    /// The words of a count, directly or through the metric that is one.
    private func words(of e: Expr, _ source: SourceFile, _ s: Setting) throws(Diagnostic) -> String? {
        if case .name(let n) = e.kind, let m = catalog.metrics[n.text] { return try words(of: m.expr, m.source, s) }
        guard case .call(let c) = e.kind, c.function.text == "count" else { return nil }
        return try describe(e, source, s)
    }

    // MARK: Numbers and periods

    private func plain(_ x: Double?) -> String { x.map(NumberText.plain) ?? "null" }

    private func show(_ x: Double?, unit: MetricUnit?) -> String {
        guard let x else { return "null (no value)" }
        let plain = NumberText.plain(x)
        let human = NumberText.human(x, unit: unit)
        return human == plain ? plain : "\(plain) (\(human))"
    }

    /// The period as the query named it (`2024-03`), else its first and last days.
    private func period(_ q: Query, since: Int32, until: Int32) -> String {
        if case .period? = q.range?.kind {
            for grain in [Grain.day, .week, .month, .quarter, .year] {
                let i = grain.index(ofDay: since)
                if grain.startDay(ofIndex: i) == since, grain.startDay(ofIndex: i + 1) - 1 == until {
                    return grain.label(ofIndex: i)
                }
            }
        }
        return "\(CivilDate.format(since)) to \(CivilDate.format(until))"
    }
}

extension Substring {
    fileprivate func trimmingPrefix(_ prefix: String) -> Substring {
        hasPrefix(prefix) ? dropFirst(prefix.count) : self
    }
}
