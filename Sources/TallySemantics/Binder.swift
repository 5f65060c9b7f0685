// Resolves a parsed query against the catalog: items to aggregates, dimensions and filters to
// columns of each aggregate's dataset, ranges to days. Every name error is found here.

import TallyData
import TallyDiagnostics
import TallySyntax

/// Binds queries and checks metric definitions against a catalog.
public struct Binder {
    public let catalog: Catalog
    /// Day number of "today", for relative ranges (`last 3 months`).
    public let today: Int32

    public init(catalog: Catalog, today: Int32) {
        self.catalog = catalog
        self.today = today
    }

    /// Binds a query written in `source`.
    public func bind(_ query: Query, source: SourceFile) throws(Diagnostic) -> BoundQuery {
        let state = BindingState(catalog: catalog, source: source)
        return try state.bindQuery(query, today: today)
    }

    /// Checks that a metric definition binds (names, types, datasets), as a query of it would.
    public func check(_ definition: MetricDefinition, source: SourceFile) throws(Diagnostic) {
        let state = BindingState(catalog: catalog, source: source)
        state.topContext = definition.name.text
        state.windowsAllowed = true
        _ = try state.bindMetric(definition.expr)
        try state.finishAggregates(dimensions: [], filter: nil, needsTime: false)
    }

    /// The unit a definition declares, checked against the known units.
    public static func unit(of definition: MetricDefinition) throws(Diagnostic) -> MetricUnit? {
        guard let name = definition.unit else { return nil }
        guard let unit = MetricUnit(rawValue: name.text) else {
            throw Diagnostic(
                "unknown unit '\(name.text)'", at: name.span,
                help: "units are " + MetricUnit.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return unit
    }
}

/// Mutable state of one binding: the aggregates found so far and the metrics being expanded.
final class BindingState {
    let catalog: Catalog
    let source: SourceFile
    /// Metrics being expanded, outermost first; guards against cycles and locates errors.
    var stack: [Expansion] = []
    var pending: [PendingAggregate] = []
    var aggregates: [BoundAggregate] = []

    struct Expansion {
        var name: String
        /// Where the outermost reference is written in the query.
        var span: Span
    }

    /// An aggregate whose query-level parts (dimensions, where, anchor) are not resolved yet.
    struct PendingAggregate {
        var function: AggregateFunction
        var dataset: String
        var value: RowExpr?
        var filter: RowExpr?
        var anchor: BoundColumn?
        var activeAt: Boundary?
        var startedBefore: Bool
        /// The metric it belongs to, for messages.
        var context: String
        var span: Span
    }

    init(catalog: Catalog, source: SourceFile) {
        self.catalog = catalog
        self.source = source
    }

    /// What is being bound when no metric is being expanded: a query item's text or a definition's name.
    var topContext = "query"
    /// Whether comparisons over time may be bound: the query has a time dimension (a definition
    /// is checked without one and may use them).
    var windowsAllowed = true

    /// The metric (or query item) currently being bound, for messages.
    var context: String { stack.last?.name ?? topContext }

    /// Where an error found now should point: inside a metric's definition, at the query's
    /// reference to that metric (the user wrote that; the definition may be the library's).
    var referenceSpan: Span? { stack.first?.span }

    /// Messages from inside a metric's definition point at the query's reference to it and name the metric.
    func located(_ d: Diagnostic) -> Diagnostic {
        guard let outer = stack.first, let inner = stack.last else { return d }
        var copy = d
        copy.span = outer.span
        copy.labels = []
        if !copy.message.hasPrefix("metric '") { copy.message = "in metric '\(inner.name)': " + copy.message }
        return copy
    }

    // MARK: Query

    func bindQuery(_ query: Query, today: Int32) throws(Diagnostic) -> BoundQuery {
        var dimensions: [BoundDimension] = []
        var columnDims: [Dimension] = []
        var timeSpan: Span?
        for dim in query.dimensions {
            if dim.qualifier == nil, let grain = Grain(rawValue: dim.name.text) {
                if let first = timeSpan {
                    throw Diagnostic(
                        "a query takes one time dimension", at: dim.span,
                        labels: [.init(span: first, message: "first time dimension")])
                }
                timeSpan = dim.span
                dimensions.append(BoundDimension(name: grain.rawValue, kind: .time(grain), span: dim.span))
            } else {
                dimensions.append(BoundDimension(name: dim.name.text, kind: .column(columnDims.count), span: dim.span))
                columnDims.append(dim)
            }
        }

        windowsAllowed = timeSpan != nil
        var items: [BoundItem] = []
        for item in query.items {
            let name = item.alias?.text ?? itemName(item.expr)
            topContext = name
            let expr = try bindMetric(item.expr)
            items.append(BoundItem(name: name, unit: unit(of: item.expr), expr: expr, span: item.span))
        }
        if let comparison = query.comparison {
            guard timeSpan != nil else {
                throw Diagnostic(
                    "`vs \(comparison.kind.rawValue)` compares periods, so the query needs a time dimension",
                    at: comparison.span, help: "add one, e.g. `by month`")
            }
            items = items.flatMap { compared($0, with: comparison) }
        }

        let range = try query.range.map { (r) throws(Diagnostic) in try bindRange(r, today: today) }
        do {
            try finishAggregates(dimensions: columnDims, filter: query.filter, needsTime: timeSpan != nil || range != nil)
        } catch {
            if let filter = query.filter, let better = metricInWhere(filter, items: items.map(\.name)) { throw better }
            throw error
        }
        for i in items.indices { items[i].expr = remapped(items[i].expr) }

        let columnNames = dimensions.map(\.name) + items.map(\.name)
        var seen: [String: Span] = [:]
        for (i, name) in columnNames.enumerated() {
            let span = i < dimensions.count ? dimensions[i].span : items[i - dimensions.count].span
            if let first = seen[name] {
                throw Diagnostic(
                    "two result columns are named '\(name)'", at: span,
                    help: "name one with `as`, e.g. `\(name) as \(name)_2`",
                    labels: [.init(span: first, message: "first '\(name)'")])
            }
            seen[name] = span
        }

        var order: [BoundOrderKey] = []
        for key in query.order {
            guard let index = columnNames.firstIndex(of: key.name.text) else {
                throw Diagnostic(
                    "cannot order by '\(key.name.text)': the result has no such column", at: key.name.span,
                    help: Suggestions.closest(to: key.name.text, in: columnNames).map { "did you mean '\($0)'?" }
                        ?? "the columns are " + columnNames.joined(separator: ", "))
            }
            order.append(BoundOrderKey(column: index, descending: key.descending))
        }

        if let pivot = query.pivot {
            guard !dimensions.isEmpty, items.count == 1 else {
                throw Diagnostic(
                    "pivot turns the last dimension's values into columns of one metric", at: pivot,
                    help: "e.g. cohort_retention by cohort, month pivot")
            }
        }
        var bound = BoundQuery(
            items: items, dimensions: dimensions, aggregates: aggregates, range: range, order: order,
            limit: query.limit?.count)
        bound.pivot = query.pivot != nil
        bound.having = try query.having.map { (h) throws(Diagnostic) in try bindHaving(h, columns: columnNames) }
        bound.nonzero = query.nonzero != nil
        return bound
    }

    /// An item, then its value in the compared period, the change and the relative change.
    private func compared(_ item: BoundItem, with comparison: Comparison) -> [BoundItem] {
        let earlier: MetricExpr
        let suffix: String
        switch comparison.kind {
        case .previous: (earlier, suffix) = (.window(.previous, item.expr), "previous")
        case .lastYear: (earlier, suffix) = (.window(.yearAgo, item.expr), "last_year")
        }
        let change = MetricExpr.arithmetic(.subtract, item.expr, earlier)
        return [
            item,
            BoundItem(name: "\(item.name)_\(suffix)", unit: item.unit, expr: earlier, span: comparison.span),
            BoundItem(name: "\(item.name)_change", unit: item.unit, expr: change, span: comparison.span),
            BoundItem(name: "\(item.name)_growth", unit: .percent, expr: .arithmetic(.divide, change, earlier), span: comparison.span),
        ]
    }

    /// A result column is named after its metric, else after the expression as written, on one line:
    /// where it was written over several, a line break (with any comment and indentation around it)
    /// becomes one space, or none just inside parentheses.
    private func itemName(_ expr: Expr) -> String {
        if case .name(let n) = expr.kind { return n.text }
        let text = source.slice(expr.span)
        guard text.contains(where: \.isNewline) else { return text }
        let written = SourceFile(name: nil, text: text)
        let tokens = Lexer(written).tokens().tokens.filter { $0.kind != .newline && $0.kind != .eof }
        var name = ""
        for (i, token) in tokens.enumerated() {
            if i > 0 {
                let gap = written.slice(Span(tokens[i - 1].span.end, token.span.start))
                if !gap.contains(where: \.isNewline) && !gap.contains("--") {
                    name += gap
                } else if tokens[i - 1].kind != .symbol(.leftParen), token.kind != .symbol(.rightParen), !gap.isEmpty {
                    name += " "
                }
            }
            name += written.slice(token.span)
        }
        return name
    }

    // MARK: Aggregates' query-level parts

    /// Resolves dimensions, the query filter and anchors for every aggregate found, for its own dataset.
    func finishAggregates(dimensions: [Dimension], filter: Expr?, needsTime: Bool) throws(Diagnostic) {
        var index: [BoundAggregate: Int] = [:]
        var remap: [Int] = []
        var result: [BoundAggregate] = []
        for p in pending {
            let rows = RowBinder(state: self, dataset: p.dataset, context: p.context)
            var dims: [RowExpr] = []
            for d in dimensions {
                if d.qualifier == nil, let named = catalog.dimensions[d.name.text] {
                    dims.append(try bindNamed(named, for: rows, at: d.span))
                } else {
                    dims.append(.column(try rows.resolveColumn(qualifier: d.qualifier, name: d.name)))
                }
            }
            let where_ = try filter.map { (f) throws(Diagnostic) in try rows.bindCondition(f) }
            var anchor = p.anchor
            if anchor == nil {
                // A lifespan aggregate without `on` is placed by its boundaries, not by an anchor.
                anchor = try defaultAnchor(
                    of: p.dataset, context: p.context, required: needsTime && p.activeAt == nil, span: p.span)
            }
            let bound = BoundAggregate(
                function: p.function, dataset: p.dataset, value: p.value, filter: p.filter, queryFilter: where_,
                anchor: anchor, dimensions: dims, lifespan: lifespan(of: p.dataset), activeAt: p.activeAt,
                explicitAnchor: p.anchor != nil, startedBefore: p.startedBefore)
            if let existing = index[bound] {
                remap.append(existing)
            } else {
                index[bound] = result.count
                remap.append(result.count)
                result.append(bound)
            }
        }
        aggregates = result
        pendingRemap = remap
    }

    /// Maps pending aggregate numbers (as written into MetricExprs) to deduplicated ones.
    private var pendingRemap: [Int] = []

    private func remapped(_ e: MetricExpr) -> MetricExpr {
        switch e {
        case .aggregate(let i): .aggregate(pendingRemap[i])
        case .constant: e
        case .negate(let x): .negate(remapped(x))
        case .arithmetic(let op, let l, let r): .arithmetic(op, remapped(l), remapped(r))
        case .window(let f, let x): .window(f, remapped(x))
        }
    }

    /// A named dimension's expression for one dataset; its errors point at the query's use of it.
    private func bindNamed(_ named: NamedDimension, for rows: RowBinder, at span: Span) throws(Diagnostic) -> RowExpr {
        do throws(Diagnostic) {
            let (bound, type) = rows.settledForAnyUse(try rows.bindValue(named.expr))
            guard type != .duration, type != .null else {
                throw Diagnostic("a dimension's values must be text, numbers, dates or booleans, not \(type.rawValue)")
            }
            return bound
        } catch {
            var d = error
            d.span = span
            d.labels = []
            if !d.message.hasPrefix("in dimension") { d.message = "in dimension '\(named.name)': " + d.message }
            throw d
        }
    }

    /// The dataset's declared lifespan, when both its columns exist and hold dates or timestamps.
    func lifespan(of dataset: String) -> BoundLifespan? {
        guard let (start, end) = catalog.lifespans[dataset], let s = timeColumn(dataset, start), let e = timeColumn(dataset, end)
        else { return nil }
        return BoundLifespan(start: s, end: e)
    }

    /// A column of `dataset` that places rows in time: a date or timestamp column, or one with no
    /// values (as dates); nil for a missing column or one of another type.
    func timeColumn(_ dataset: String, _ name: String) -> BoundColumn? {
        guard let column = catalog.datasets[dataset]?.column(name) else { return nil }
        let type: ColumnType
        switch column.type {
        case .date, .timestamp: type = column.type
        case _ where column.isEmpty: type = .date
        default: return nil
        }
        return BoundColumn(via: nil, dataset: dataset, column: name, type: type)
    }

    private func defaultAnchor(of dataset: String, context: String, required: Bool, span: Span) throws(Diagnostic)
        -> BoundColumn?
    {
        guard catalog.datasets[dataset] != nil else { return nil }
        let help = "declare the date column that places its rows in time: `anchor \(dataset) on COLUMN`"
        guard let name = catalog.anchors[dataset] else {
            if !required { return nil }
            throw Diagnostic("metric '\(context)' reads dataset '\(dataset)', which has no time anchor", at: span, help: help)
        }
        guard let column = timeColumn(dataset, name) else {
            if !required { return nil }
            throw unusableTimeColumn(
                name, of: dataset, metric: context, reading: "places \(dataset) in time by \(name)", at: span, otherwise: help)
        }
        return column
    }
}
