// Binding at the row level: column names resolved for one dataset (directly or through a
// relation), literals, conditions and row functions, all type-checked.

import TallyData
import TallyDiagnostics
import TallySyntax

/// Binds expressions evaluated on each row of one dataset, on behalf of one metric.
struct RowBinder {
    let state: BindingState
    let dataset: String
    /// The metric that reads the dataset, named in messages.
    let context: String
    /// Set while binding a bare word compared with text (`plan = pro`): if it names no column, it was
    /// most likely meant as text, and the message says to quote it.
    var bareWordComparedWithText = false

    var catalog: Catalog { state.catalog }

    func fail(_ d: Diagnostic) -> Diagnostic { state.located(d) }

    /// A condition: must be boolean.
    func bindCondition(_ e: Expr) throws(Diagnostic) -> RowExpr {
        let (bound, type) = settle(try bindValue(e), as: .boolean)
        guard type == .boolean else {
            throw fail(Diagnostic("a condition must be true or false; this is \(article(type))", at: e.span,
                                  help: "compare it, e.g. `= \"pro\"` or `is not null`"))
        }
        return bound
    }

    func bindValue(_ e: Expr) throws(Diagnostic) -> (RowExpr, RowType) {
        switch e.kind {
        case .number(let text):
            return (.literal(try number(text, span: e.span)), .number)
        case .string(let s):
            return (.literal(.text(s)), .text)
        case .date(let d):
            guard let day = CivilDate.days(year: d.year, month: d.month, day: d.day) else {
                throw fail(Diagnostic("\(state.source.slice(e.span)) is not a date", at: e.span))
            }
            return (.literal(.date(day)), .date)
        case .bool(let b):
            return (.literal(.bool(b)), .boolean)
        case .null:
            return (.literal(.null), .null)
        case .name(let name):
            return typed(try resolveColumn(qualifier: nil, name: name))
        case .qualified(let q, let name):
            return typed(try resolveColumn(qualifier: q, name: name))
        case .unary(.negate, let x):
            let (v, t) = try bindValue(x)
            guard t == .number || t == .duration || t == .empty else {
                throw fail(
                    Diagnostic(
                        "cannot negate \(article(t))", at: e.span, help: declarationHelp([v], wanted: .number),
                        notes: nonNumberNotes([v])))
            }
            return (.negate(v), t)
        case .unary(.not, let x):
            return (.not(try bindCondition(x)), .boolean)
        case .binary(let op, let l, let r):
            return try bindBinary(op, l, r, span: e.span)
        case .call(let call):
            return try bindCall(call, span: e.span)
        case .inList(let x, let items, let negated):
            var (v, t) = try bindValue(x)
            var literals: [Literal] = []
            for item in items {
                let (iv, it) = try bindValue(item)
                guard case .literal(let lit) = iv else {
                    throw fail(Diagnostic("`in` takes a list of constants", at: item.span))
                }
                if it == .null {
                    throw fail(Diagnostic("`in` never matches null", at: item.span, help: "test for it with `is null`"))
                }
                (v, t) = settle((v, t), as: it)
                try checkComparable(t, it, span: item.span, values: [v])
                literals.append(lit)
            }
            return (.inList(v, literals, negated: negated), .boolean)
        case .between(let x, let lo, let hi, let negated):
            var (v, t) = try bindValue(x)
            var (lv, lt) = try bindValue(lo)
            var (hv, ht) = try bindValue(hi)
            let known = [t, lt, ht].first { $0 != .empty } ?? .text
            ((v, t), (lv, lt), (hv, ht)) = (settle((v, t), as: known), settle((lv, lt), as: known), settle((hv, ht), as: known))
            try checkComparable(t, lt, span: lo.span, values: [v, lv])
            try checkComparable(t, ht, span: hi.span, values: [v, hv])
            let both = RowExpr.logical(.and, .compare(.greaterEqual, v, lv), .compare(.lessEqual, v, hv))
            return (negated ? .not(both) : both, .boolean)
        case .isNull(let x, let negated):
            let (v, _) = settledForAnyUse(try bindValue(x))
            return (.isNull(v, negated: negated), .boolean)
        }
    }

    private func bindBinary(_ op: BinaryOperator, _ l: Expr, _ r: Expr, span: Span) throws(Diagnostic) -> (RowExpr, RowType) {
        switch op {
        case .and, .or:
            return (.logical(op == .and ? .and : .or, try bindCondition(l), try bindCondition(r)), .boolean)
        case .add, .subtract, .multiply, .divide:
            var (lv, lt) = try bindValue(l)
            var (rv, rt) = try bindValue(r)
            // An empty operand takes the type the other calls for; two wait for their use (`hours(a - b)`).
            switch (lt, rt) {
            case (.empty, .empty):
                if let arithmetic = ArithmeticOperator(rawValue: op.rawValue) { return (.arithmetic(arithmetic, lv, rv), .empty) }
            case (.empty, _): (lv, lt) = settle((lv, lt), as: rt.arithmeticPartner)
            case (_, .empty): (rv, rt) = settle((rv, rt), as: lt.arithmeticPartner)
            default: break
            }
            guard let arithmetic = ArithmeticOperator(rawValue: op.rawValue),
                let type = RowType.arithmetic(arithmetic, lt, rt)
            else {
                let withDates = [lt, rt].contains { $0 == .date || $0 == .timestamp }
                throw fail(
                    Diagnostic(
                        "cannot apply '\(op.rawValue)' to \(article(lt)) and \(article(rt))", at: span,
                        help: declarationHelp([lv, rv], wanted: withDates ? .date : .number)
                            ?? (lt == .timestamp || lt == .date
                                ? "subtracting two dates or timestamps gives a duration: hours(a - b), days(a - b)" : nil),
                        notes: nonNumberNotes([lv, rv])))
            }
            return (.arithmetic(arithmetic, lv, rv), type)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            var (lv, lt) = try bindValue(l)
            var right = self
            if lt == .text, case .name = r.kind { right.bareWordComparedWithText = true }
            var (rv, rt) = try right.bindValue(r)
            if lt == .null || rt == .null {
                throw fail(
                    Diagnostic(
                        "comparing with null is never true", at: span,
                        help: op == .notEqual ? "write `is not null`" : "write `is null`"))
            }
            // An empty side takes the other's type; two empty sides are text, as stored.
            let known = [lt, rt].first { $0 != .empty } ?? .text
            ((lv, lt), (rv, rt)) = (settle((lv, lt), as: known), settle((rv, rt), as: known))
            try checkComparable(lt, rt, span: span, values: [lv, rv])
            guard let comparison = ComparisonOperator(rawValue: op.rawValue) else {
                throw fail(Diagnostic("unknown comparison '\(op.rawValue)'", at: span))
            }
            return (.compare(comparison, lv, rv), .boolean)
        }
    }

    /// `values` are the bound operands, for saying why a text column among them is not numbers.
    private func checkComparable(_ l: RowType, _ r: RowType, span: Span, values: [RowExpr]) throws(Diagnostic) {
        let ok =
            switch (l, r) {
            case (.number, .number), (.text, .text), (.boolean, .boolean), (.duration, .duration): true
            case (.date, .date), (.date, .timestamp), (.timestamp, .date), (.timestamp, .timestamp): true
            case (.null, _), (_, .null): true
            default: false
            }
        guard ok else {
            let help: String? =
                switch (l, r) {
                case (.text, .number), (.number, .text):
                    declarationHelp(values, wanted: .number) ?? "write text in double quotes, numbers bare: plan = \"pro\", amount > 100"
                case (.date, .text), (.timestamp, .text), (.text, .date), (.text, .timestamp):
                    declarationHelp(values, wanted: .date) ?? "write dates bare, without quotes: 2024-01-31"
                default: nil
                }
            let notes = l == .number || r == .number ? nonNumberNotes(values) : []
            throw fail(Diagnostic("cannot compare \(article(l)) with \(article(r))", at: span, help: help, notes: notes))
        }
    }

    /// For a message that wanted numbers: which value made each text column among `values` text, for
    /// those whose other values are numbers.
    func nonNumberNotes(_ values: [RowExpr]) -> [String] {
        values.compactMap { value in
            guard case .column(let c) = value, c.type == .text, let schema = catalog.datasets[c.dataset],
                let first = schema.column(c.column)?.firstNonNumber
            else { return nil }
            return first.note(file: schema.source ?? c.dataset, column: c.column)
        }
    }

    /// For a message that wanted numbers or dates: the declaration that reads a text column among
    /// `values` as such, when its values show numbers or dates as an export wrote them.
    func declarationHelp(_ values: [RowExpr], wanted: RowType) -> String? {
        for case .column(let c) in values where c.type == .text {
            guard let schema = catalog.datasets[c.dataset], let column = schema.column(c.column) else { continue }
            let advice = LoadAdvice(dataset: schema)
            if let help = wanted == .number ? advice.number(column) : advice.dates(column) { return help }
        }
        return nil
    }

    private func bindCall(_ call: Call, span: Span) throws(Diagnostic) -> (RowExpr, RowType) {
        guard let function = RowFunction(rawValue: call.function.text) else {
            if Builtins.aggregates.contains(call.function.text) {
                throw fail(Diagnostic("aggregates cannot be nested inside a row expression", at: span))
            }
            throw fail(
                Diagnostic(
                    "unknown function '\(call.function.text)'", at: call.function.span,
                    help: "row functions are " + RowFunction.allCases.map { "\($0.rawValue)()" }.joined(separator: ", ")))
        }
        guard call.arguments.count == 1, call.anchor == nil, call.filter == nil else {
            throw fail(Diagnostic("\(function.rawValue)() takes one argument", at: span))
        }
        var (v, t) = try bindValue(call.arguments[0])
        switch function {
        case .date:
            (v, t) = settle((v, t), as: .timestamp)
            guard t == .timestamp || t == .date else {
                throw fail(
                    Diagnostic(
                        "date() takes a timestamp; this is \(article(t))", at: call.arguments[0].span,
                        help: declarationHelp([v], wanted: .date)))
            }
            return (.call(.date, v), function.resultType)
        case .day, .week, .month, .quarter, .year:
            (v, t) = settle((v, t), as: .date)
            guard t == .timestamp || t == .date else {
                throw fail(
                    Diagnostic(
                        "\(function.rawValue)() takes a date or timestamp; this is \(article(t))", at: call.arguments[0].span,
                        help: declarationHelp([v], wanted: .date) ?? "e.g. \(function.rawValue)(customers.signup_date)"))
            }
            return (.call(function, v), function.resultType)
        case .seconds, .minutes, .hours, .days:
            (v, t) = settle((v, t), as: .duration)
            guard t == .duration else {
                throw fail(
                    Diagnostic(
                        "\(function.rawValue)() takes a duration; this is \(article(t))", at: call.arguments[0].span,
                        help: "a duration is the difference of two timestamps or dates: \(function.rawValue)(resolved_at - opened_at)"))
            }
            return (.call(function, v), function.resultType)
        }
    }

    /// A numeric literal, exact where it can be.
    private func number(_ text: String, span: Span) throws(Diagnostic) -> Literal {
        if let i = Int64(text) { return .integer(i) }
        if !text.contains("e"), !text.contains("E"), let dot = text.firstIndex(of: ".") {
            let digits = text.replacingOccurrences(".", "")
            let scale = text.distance(from: dot, to: text.endIndex) - 1
            if scale <= 9, let m = Int64(digits) { return .decimal(m, scale: scale) }
        }
        guard let d = Double(text), d.isFinite else {
            throw fail(Diagnostic("'\(text)' is not a number Tally can represent", at: span))
        }
        return .double(d)
    }

    // MARK: Columns with no values

    /// A column's value: a column with no values is `.empty` until its use settles it.
    private func typed(_ column: BoundColumn) -> (RowExpr, RowType) {
        (.column(column), isEmpty(column) ? .empty : RowType(column.type))
    }

    /// Whether no row of the column has a value, so that it fits any use.
    func isEmpty(_ column: BoundColumn) -> Bool {
        catalog.datasets[column.dataset]?.column(column.column)?.isEmpty == true
    }

    /// An `.empty` value given the type its use needs; any other value as it is (also when no column
    /// can hold `type`, so the caller's check reports it).
    func settle(_ value: (RowExpr, RowType), as type: RowType) -> (RowExpr, RowType) {
        guard value.1 == .empty, let settled = value.0.settled(as: type) else { return value }
        return (settled, type)
    }

    /// A value whose use takes any type (`is null`, `count_distinct`, a dimension): an empty column
    /// stays text, as stored; arithmetic on empty columns is a number.
    func settledForAnyUse(_ value: (RowExpr, RowType)) -> (RowExpr, RowType) {
        guard case .column = value.0 else { return settle(value, as: .number) }
        return settle(value, as: .text)
    }

    // MARK: Names

    /// Resolves a column for this dataset: its own column, else one reached through a
    /// many-to-one relation. A name that cannot be resolved is an error naming the metric and dataset.
    func resolveColumn(qualifier: Name?, name: Name) throws(Diagnostic) -> BoundColumn {
        guard let schema = catalog.datasets[dataset] else {
            throw fail(Diagnostic("no dataset '\(dataset)' is loaded", at: name.span))
        }
        if let qualifier, qualifier.text != dataset {
            guard catalog.datasets[qualifier.text] != nil else {
                _ = try state.loadedDataset(qualifier)
                throw fail(Diagnostic("no dataset '\(qualifier.text)' is loaded", at: qualifier.span))
            }
            guard let relation = catalog.relations(from: dataset).first(where: { $0.toDataset == qualifier.text }) else {
                if let broken = state.brokenRelation(from: dataset, to: qualifier.text) {
                    throw state.missingKey(broken, metric: context, reading: "\(qualifier.text).\(name.text)", at: qualifier.span)
                }
                throw fail(
                    Diagnostic(
                        "metric '\(context)' reads dataset '\(dataset)', which has no relation to '\(qualifier.text)'",
                        at: qualifier.span,
                        help: "declare one, e.g. `relate \(dataset).\(singular(qualifier.text))_id to \(qualifier.text).id`"))
            }
            return try column(of: qualifier.text, name: name, via: relation)
        }
        if let own = schema.column(name.text) {
            return BoundColumn(via: nil, dataset: dataset, column: own.name, type: own.type)
        }
        if qualifier != nil { return try column(of: dataset, name: name, via: nil) }
        let reachable = catalog.relations(from: dataset).filter { catalog.datasets[$0.toDataset]?.hasColumn(name.text) == true }
        if reachable.count > 1 {
            let options = reachable.map { "\($0.toDataset).\(name.text)" }
            throw fail(
                Diagnostic(
                    "'\(name.text)' is ambiguous for dataset '\(dataset)'", at: name.span,
                    help: "qualify it: " + options.joined(separator: " or ")))
        }
        if let relation = reachable.first { return try column(of: relation.toDataset, name: name, via: relation) }
        if let broken = state.brokenRelation(from: dataset, holding: name.text) {
            throw state.missingKey(broken, metric: context, reading: "\(broken.toDataset).\(name.text)", at: name.span)
        }
        if inDefinition { throw missing(name.text, of: dataset, at: name.span) }

        let related = catalog.relations(from: dataset).map(\.toDataset)
        let candidates = schema.columnNames + related.flatMap { catalog.datasets[$0]?.columnNames ?? [] }
        let where_ = related.isEmpty ? "" : " (nor does \(related.joined(separator: ", ")), which it relates to)"
        // A misspelt grain (`by montth`) reaches here as a column name; columns win a tie. A grain
        // itself (`where date = month`) is not suggested to itself: it is told where grains go.
        let isGrain = Grain.parse(name.text) != nil
        let grains = isGrain ? [] : Grain.allCases.map(\.rawValue).filter { !candidates.contains($0) }
        let closest = Suggestions.closest(to: name.text, in: candidates + grains)
        let nearGrain = closest.map(grains.contains) ?? false
        // A close name first; then, for a bare word compared with text, the quotes it most likely lacks.
        var help = closest.map { nearGrain ? "did you mean the time grain '\($0)'?" : "did you mean '\($0)'?" }
        if help == nil, bareWordComparedWithText { help = "text goes in double quotes: \"\(name.text)\"" }
        if help == nil, isGrain { help = "time grains go after `by`: by \(name.text)" }
        // Near a grain, the name was as likely meant as one: the headline says it is neither.
        let message =
            nearGrain
            ? "'\(name.text)' is neither a time grain nor a column of \(([dataset] + related).joined(separator: " or ")), which metric '\(context)' reads"
            : "metric '\(context)' reads dataset '\(dataset)', which has no column '\(name.text)'\(where_)"
        throw fail(Diagnostic(message, at: name.span, help: help ?? "describe \(dataset) lists its columns"))
    }

    private func column(of target: String, name: Name, via: Relation?) throws(Diagnostic) -> BoundColumn {
        guard let schema = catalog.datasets[target], let column = schema.column(name.text) else {
            if inDefinition { throw missing(name.text, of: target, at: name.span) }
            let candidates = catalog.datasets[target]?.columnNames ?? []
            throw fail(
                Diagnostic(
                    "dataset '\(target)' has no column '\(name.text)'", at: name.span,
                    help: Suggestions.closest(to: name.text, in: candidates).map { "did you mean '\($0)'?" }
                        ?? "describe \(target) lists its columns"))
        }
        return BoundColumn(via: via, dataset: target, column: column.name, type: column.type)
    }

    /// Whether the names being bound come from the definition of a metric rather than from the query:
    /// the definition was checked when written (the library's is right), so if the column is missing,
    /// the file has other names.
    private var inDefinition: Bool {
        !state.stack.isEmpty
    }

    /// A column a metric's definition names, missing from the file.
    private func missing(_ column: String, of target: String, at span: Span) -> Diagnostic {
        state.missingColumn(column, of: target, metric: context, reading: "reads \(target).\(column)", at: span)
    }

    /// `customers` → `customer`, for suggesting a key column's name.
    private func singular(_ name: String) -> String {
        name.hasSuffix("s") && name.count > 1 ? String(name.dropLast()) : name
    }

    private func article(_ type: RowType) -> String {
        switch type {
        case .number: "a number"
        case .boolean: "a boolean"
        case .date: "a date"
        case .timestamp: "a timestamp"
        case .text: "text"
        case .duration: "a duration"
        case .null: "null"
        case .empty: "a column with no values"
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        String(self.flatMap { $0 == target ? Array(replacement) : [$0] })
    }
}
