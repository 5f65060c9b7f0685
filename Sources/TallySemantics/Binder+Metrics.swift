// Binding at the metric level: arithmetic over aggregates, metric references, aggregate calls, ranges.

import TallyData
import TallyDiagnostics
import TallySyntax

extension BindingState {
    /// Binds an expression whose value is one number per result cell.
    func bindMetric(_ e: Expr) throws(Diagnostic) -> MetricExpr {
        switch e.kind {
        case .number(let text):
            guard let value = Double(text), value.isFinite else {
                throw located(Diagnostic("'\(text)' is not a number Tally can represent", at: e.span))
            }
            return .constant(value)
        case .name(let name):
            return try bindMetricReference(name)
        case .qualified(let dataset, let column):
            throw located(
                Diagnostic(
                    "'\(dataset.text).\(column.text)' is a column, not a metric", at: e.span,
                    help: "aggregate it, e.g. sum(\(dataset.text).\(column.text)) or count_distinct(\(dataset.text).\(column.text))"))
        case .unary(.negate, let x):
            return .negate(try bindMetric(x))
        case .binary(let op, let l, let r):
            guard let arithmetic = ArithmeticOperator(rawValue: op.rawValue) else {
                throw located(
                    Diagnostic(
                        "'\(op.rawValue)' makes a condition, not a metric", at: e.span,
                        help: "conditions go in `where` (for the query) or inside an aggregate: count(deals where stage = \"won\")"))
            }
            return .arithmetic(arithmetic, try bindMetric(l), try bindMetric(r))
        case .call(let call):
            if Builtins.comparisons.contains(call.function.text) { return try bindWindow(call, span: e.span) }
            return try bindAggregate(call, span: e.span)
        case .unary(.not, _), .inList, .between, .isNull, .bool:
            throw located(
                Diagnostic(
                    "a condition is not a metric", at: e.span,
                    help: "conditions go in `where` (for the query) or inside an aggregate: count(leads where converted_date is not null)"))
        case .string, .date, .null:
            throw located(Diagnostic("a metric must be a number; this is a \(literalKind(e.kind))", at: e.span))
        }
    }

    private func literalKind(_ kind: ExprKind) -> String {
        switch kind {
        case .string: "string"
        case .date: "date"
        default: "null"
        }
    }

    private func bindMetricReference(_ name: Name) throws(Diagnostic) -> MetricExpr {
        if let metric = catalog.metrics[name.text] {
            if let loop = stack.firstIndex(where: { $0.name == name.text }) {
                let path = (stack[loop...].map(\.name) + [name.text]).joined(separator: " → ")
                throw located(Diagnostic("metric '\(name.text)' is defined in terms of itself (\(path))", at: name.span))
            }
            stack.append(Expansion(name: name.text, span: stack.first?.span ?? name.span))
            defer { stack.removeLast() }
            return try bindMetric(metric.expr)
        }
        if catalog.datasets[name.text] != nil {
            throw located(
                Diagnostic(
                    "'\(name.text)' is a dataset, not a metric", at: name.span,
                    help: "count its rows with count(\(name.text))"))
        }
        if Grain(rawValue: name.text) != nil {
            throw located(
                Diagnostic(
                    "'\(name.text)' is a time grain, not a metric", at: name.span,
                    help: "group by it: `... by \(name.text)`"))
        }
        let suggestion = Suggestions.closest(to: name.text, in: catalog.metricNames)
        throw located(
            Diagnostic(
                "unknown metric '\(name.text)'", at: name.span,
                help: suggestion.map { "did you mean '\($0)'? (show metrics lists all \(catalog.metricNames.count))" }
                    ?? "show metrics lists the \(catalog.metricNames.count) metrics defined"))
    }

    // MARK: Comparisons over time

    /// `previous(x)`, `change(x)`, `growth(x)`, `rolling(x, N)`, `cumulative(x)`, `share(x)`.
    private func bindWindow(_ call: Call, span: Span) throws(Diagnostic) -> MetricExpr {
        let fname = call.function.text
        let expected = fname == "rolling" ? 2 : 1
        guard call.arguments.count == expected, call.anchor == nil, call.filter == nil, call.activeAt == nil else {
            throw located(
                Diagnostic(
                    "\(fname)() takes \(expected == 1 ? "a metric" : "a metric and a number of periods")", at: span,
                    help: fname == "rolling" ? "e.g. rolling(revenue, 3)" : "e.g. \(fname)(revenue)"))
        }
        if fname != "share", !windowsAllowed {
            throw located(
                Diagnostic(
                    "\(fname)() compares periods, so the query needs a time dimension", at: call.function.span,
                    help: "add one, e.g. `by month`"))
        }
        let x = try bindMetric(call.arguments[0])
        let previous = MetricExpr.window(.previous, x)
        switch fname {
        case "previous": return previous
        case "change": return .arithmetic(.subtract, x, previous)
        case "growth": return .arithmetic(.divide, .arithmetic(.subtract, x, previous), previous)
        case "cumulative": return .window(.cumulative, x)
        case "share":
            try checkShareable(x, argument: call.arguments[0])
            return .window(.share, x)
        default:
            guard case .number(let text) = call.arguments[1].kind, let n = Int(text), n >= 1, n <= 1000 else {
                throw located(
                    Diagnostic(
                        "rolling() takes a whole number of periods from 1 to 1000", at: call.arguments[1].span,
                        help: "e.g. rolling(revenue, 3) for the mean over this period and the two before"))
            }
            return .window(.rolling(n), x)
        }
    }

    /// `share(m)` is m of a group over m of the whole period, which for sums and counts is what the
    /// groups add up to. A ratio or an average adds up to nothing (a share of churn has no meaning):
    /// refused, pointing to what it is built from.
    private func checkShareable(_ x: MetricExpr, argument: Expr) throws(Diagnostic) {
        guard !x.adds(pending.map(\.function)) else { return }
        var help = "share a sum or a count instead, e.g. share(revenue)"
        if case .name(let name) = argument.kind, let definition = catalog.metrics[name.text],
            case .binary(.divide, let numerator, _) = definition.expr.kind
        {
            let text = definition.source.slice(numerator.span)
            help = "'\(name.text)' is a ratio of \(text) to another value; share the numerator: share(\(text))"
        }
        throw located(
            Diagnostic(
                "share() of a value that does not add up across groups (a ratio, an average, a product) has no meaning",
                at: argument.span, help: help))
    }

    /// The unit an item shows in: a metric's own, kept through comparisons; relative ones are percentages.
    func unit(of e: Expr) -> MetricUnit? {
        switch e.kind {
        case .name(let n): return catalog.metrics[n.text]?.unit
        case .call(let c) where Builtins.comparisons.contains(c.function.text):
            switch c.function.text {
            case "growth", "share": return .percent
            default: return c.arguments.first.flatMap { unit(of: $0) }
            }
        default: return nil
        }
    }

    // MARK: Aggregates


    private func bindAggregate(_ call: Call, span: Span) throws(Diagnostic) -> MetricExpr {
        let fname = call.function.text
        guard let named = AggregateFunction.named(fname) else {
            if RowFunction(rawValue: fname) != nil {
                throw located(
                    Diagnostic(
                        "\(fname)() works on the values of each row, not on a metric", at: call.function.span,
                        help: "use it inside an aggregate, e.g. avg(\(fname)(tickets.first_response_at - tickets.opened_at))"))
            }
            throw located(
                Diagnostic(
                    "unknown function '\(fname)'", at: call.function.span,
                    help: Suggestions.closest(to: fname, in: Builtins.aggregates + Builtins.rowFunctions)
                        .map { "did you mean '\($0)'?" } ?? "aggregates are " + Builtins.aggregates.joined(separator: ", ")))
        }
        let expected = fname == "percentile" ? 2 : 1
        guard call.arguments.count == expected else {
            let example = fname == "percentile" ? "percentile(orders.amount, 0.9)" : fname == "count" ? "count(orders)" : "\(fname)(orders.amount)"
            throw located(
                Diagnostic(
                    "\(fname)() takes \(expected == 1 ? "one argument" : "two arguments"), here \(call.arguments.count)",
                    at: span, help: "for example \(example)"))
        }
        let argument = call.arguments[0]
        var function = named
        if case .percentile = named { function = .percentile(try percentileFraction(call.arguments[1])) }

        // `count(orders)` names the dataset; otherwise the first qualified column does.
        let dataset: String
        var value: RowExpr?
        if fname == "count", case .name(let name) = argument.kind, catalog.datasets[name.text] != nil || !isColumnOfAnyDataset(name.text) {
            dataset = try loadedDataset(name)
        } else {
            guard let qualifier = firstQualifier(argument) else {
                throw located(
                    Diagnostic(
                        "which dataset does \(fname)() read?", at: argument.span,
                        help: "qualify a column with its dataset, e.g. \(fname)(orders.amount)"))
            }
            dataset = try loadedDataset(qualifier)
            let rows = RowBinder(state: self, dataset: dataset, context: context)
            let written = try rows.bindValue(argument)
            let (bound, type) = function == .count || function == .countDistinct
                ? rows.settledForAnyUse(written) : rows.settle(written, as: .number)
            try checkAggregable(
                function, fname: fname, type: type, span: argument.span, declaration: rows.declarationHelp([bound], wanted: .number),
                notes: rows.nonNumberNotes([bound]))
            value = bound
        }
        let rows = RowBinder(state: self, dataset: dataset, context: context)
        let filter = try call.filter.map { (f) throws(Diagnostic) in try rows.bindCondition(f) }
        var anchor: BoundColumn?
        if let on = call.anchor {
            var column = try rows.resolveColumn(qualifier: nil, name: on)
            if rows.isEmpty(column) { column.type = .date }
            guard column.via == nil, column.type == .date || column.type == .timestamp else {
                throw located(
                    Diagnostic(
                        "'on \(on.text)' needs a date or timestamp column of \(dataset)", at: on.span,
                        help: column.via == nil
                            ? rows.declarationHelp([.column(column)], wanted: .date) ?? "'\(on.text)' is \(column.type.rawValue)"
                            : "'\(on.text)' is a column of \(column.dataset)"))
            }
            anchor = column
        }
        let activeAt = try call.activeAt.map { (word) throws(Diagnostic) in
            try boundary(word, function: function, fname: fname, dataset: dataset)
        }
        func aggregate(_ function: AggregateFunction) -> MetricExpr {
            pending.append(
                PendingAggregate(
                    function: function, dataset: dataset, value: value, filter: filter, anchor: anchor, activeAt: activeAt,
                    startedBefore: call.startedBefore, context: context, span: referenceSpan ?? span))
            return .aggregate(pending.count - 1)
        }
        // The average of exact numbers is their exact sum over their count, divided where every engine
        // divides: the same digits on each, and the same as `sum(x) / count(x)` written out. A duration
        // in hours (days, ...) is averaged in whole microseconds, then put in its unit.
        if function == .avg, let v = value {
            if v.isExactNumber { return .arithmetic(.divide, aggregate(.sum), aggregate(.count)) }
            if case .call(let unit, let duration) = v, let micros = unit.microsecondsPerUnit, duration.isDuration {
                value = duration
                let mean = MetricExpr.arithmetic(.divide, aggregate(.sum), aggregate(.count))
                return .arithmetic(.divide, mean, .constant(micros))
            }
        }
        return aggregate(function)
    }

    /// `active at start|end`: needs a lifespan, and an aggregate that can be maintained as rows
    /// become active and stop being active.
    private func boundary(_ word: Name, function: AggregateFunction, fname: String, dataset: String) throws(Diagnostic)
        -> Boundary
    {
        guard let boundary = Boundary(rawValue: word.text) else {
            throw located(Diagnostic("expected 'start' or 'end', not '\(word.text)'", at: word.span))
        }
        guard lifespan(of: dataset) != nil else {
            let help = "declare one: `lifespan \(dataset) from START_COLUMN to END_COLUMN`"
            guard let (start, end) = catalog.lifespans[dataset] else {
                throw located(
                    Diagnostic(
                        "dataset '\(dataset)' has no lifespan, so nothing in it is active at a boundary", at: word.span, help: help))
            }
            // A declared lifespan, one of whose columns the data lacks or holds no dates in.
            let unusable = timeColumn(dataset, start) == nil ? start : end
            throw unusableTimeColumn(
                unusable, of: dataset, metric: context, reading: "reads the lifespan of \(dataset) (\(start) to \(end))",
                at: word.span, otherwise: help)
        }
        switch function {
        case .count, .sum, .avg: return boundary
        default:
            throw located(
                Diagnostic("`active at` and `started before` work with count, sum and avg, not \(fname)", at: word.span))
        }
    }

    func isColumnOfAnyDataset(_ name: String) -> Bool {
        catalog.datasets.values.contains { $0.hasColumn(name) }
    }

    private func percentileFraction(_ e: Expr) throws(Diagnostic) -> Double {
        guard case .number(let text) = e.kind, let p = Double(text), p >= 0, p <= 1 else {
            throw located(
                Diagnostic(
                    "percentile() takes a fraction between 0 and 1", at: e.span,
                    help: "for the 90th percentile write percentile(orders.amount, 0.9)"))
        }
        return p
    }

    private func checkAggregable(
        _ function: AggregateFunction, fname: String, type: RowType, span: Span, declaration: @autoclosure () -> String?,
        notes: @autoclosure () -> [String]
    ) throws(Diagnostic) {
        switch function {
        case .count, .countDistinct:
            return
        default:
            if type == .number { return }
            let help = type == .duration
                ? "turn the duration into a number first: \(fname)(hours(...)) or \(fname)(days(...))"
                : declaration() ?? "\(fname)() needs numbers; count or count_distinct work on any column"
            throw located(Diagnostic("\(fname)() cannot aggregate \(type.rawValue) values", at: span, help: help, notes: notes()))
        }
    }

    /// The dataset a name refers to, which must be loaded.
    func loadedDataset(_ name: Name) throws(Diagnostic) -> String {
        if catalog.datasets[name.text] != nil { return name.text }
        let suggestion = Suggestions.closest(to: name.text, in: catalog.datasetNames)
        let message = stack.isEmpty
            ? "no dataset '\(name.text)' is loaded"
            : "metric '\(context)' reads dataset '\(name.text)', which is not loaded"
        throw located(
            Diagnostic(
                message, at: name.span,
                help: suggestion.map { "did you mean '\($0)'?" }
                    ?? "load it with `load \"\(name.text).csv\"`, or start tally with --data DIR"))
    }

    /// The first `dataset.column` in an expression, ignoring function names.
    private func firstQualifier(_ e: Expr) -> Name? {
        switch e.kind {
        case .qualified(let dataset, _): return dataset
        case .unary(_, let x), .isNull(let x, _): return firstQualifier(x)
        case .binary(_, let l, let r): return firstQualifier(l) ?? firstQualifier(r)
        case .call(let c): return c.arguments.lazy.compactMap { self.firstQualifier($0) }.first
        case .inList(let x, let xs, _): return firstQualifier(x) ?? xs.lazy.compactMap { self.firstQualifier($0) }.first
        case .between(let x, let lo, let hi, _): return firstQualifier(x) ?? firstQualifier(lo) ?? firstQualifier(hi)
        default: return nil
        }
    }

    // MARK: Ranges

    func bindRange(_ range: RangeClause, today: Int32) throws(Diagnostic) -> DayRange {
        switch range.kind {
        case .bounds(let since, let until):
            let start = try since.map { (d) throws(Diagnostic) in try day(d) }
            let end = try until.map { (d) throws(Diagnostic) in try day(d) }
            if let start, let end, end < start {
                throw Diagnostic(
                    "the range ends (\(CivilDate.format(end))) before it starts (\(CivilDate.format(start)))",
                    at: range.span)
            }
            return DayRange(since: start, until: end)
        case .last(let count, let unit):
            guard let grain = Grain.parse(unit.text) else {
                throw Diagnostic(
                    "unknown period '\(unit.text)'", at: unit.span,
                    help: "write last N days, weeks, months, quarters or years")
            }
            guard count >= 1 else { throw Diagnostic("`last` needs at least one period", at: range.span) }
            // The current period counts as one of the N: `last 3 months` on 2024-06-15 is 2024-04-01..2024-06-15.
            let first = grain.index(ofDay: today) - (count - 1)
            return DayRange(since: grain.startDay(ofIndex: first), until: today)
        case .period(let period):
            return try periodRange(period)
        }
    }

    private func day(_ d: DateLiteral) throws(Diagnostic) -> Int32 {
        guard let day = CivilDate.days(year: d.year, month: d.month, day: d.day) else {
            throw Diagnostic(
                "\(d.year)-\(twoDigits(d.month))-\(twoDigits(d.day)) is not a date", at: d.span,
                help: d.month < 1 || d.month > 12 ? "months run from 01 to 12" : "that month has fewer days")
        }
        return day
    }

    private func twoDigits(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }

    func periodRange(_ period: PeriodLiteral) throws(Diagnostic) -> DayRange {
        func whole(_ grain: Grain, _ day: Int32) -> DayRange {
            let index = grain.index(ofDay: day)
            return DayRange(since: grain.startDay(ofIndex: index), until: grain.startDay(ofIndex: index + 1) - 1)
        }
        let invalid = Diagnostic("not a valid period", at: period.span)
        switch period.kind {
        case .year(let y):
            guard let d = CivilDate.days(year: y, month: 1, day: 1) else { throw invalid }
            return whole(.year, d)
        case .quarter(let y, let q):
            guard (1...4).contains(q), let d = CivilDate.days(year: y, month: (q - 1) * 3 + 1, day: 1) else { throw invalid }
            return whole(.quarter, d)
        case .month(let y, let m):
            guard let d = CivilDate.days(year: y, month: m, day: 1) else {
                throw Diagnostic("\(y)-\(m) is not a month", at: period.span, help: "months run from 01 to 12")
            }
            return whole(.month, d)
        case .week(let y, let w):
            // ISO week 1 is the week holding January 4th.
            guard let jan4 = CivilDate.days(year: y, month: 1, day: 4) else { throw invalid }
            let index = Grain.week.index(ofDay: jan4) + (w - 1)
            guard w >= 1, Grain.week.label(ofIndex: index).hasPrefix("\(y)-") else {
                throw Diagnostic("\(y) has no ISO week \(w)", at: period.span)
            }
            return DayRange(since: Grain.week.startDay(ofIndex: index), until: Grain.week.startDay(ofIndex: index + 1) - 1)
        case .day(let y, let m, let dd):
            return try DayRange(since: day(DateLiteral(year: y, month: m, day: dd, span: period.span)), until: day(DateLiteral(year: y, month: m, day: dd, span: period.span)))
        }
    }
}
