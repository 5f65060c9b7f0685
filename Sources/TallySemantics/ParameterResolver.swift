// Parameters (`$plan`, given by `--set plan=pro` or `set plan = "pro"`): each is replaced in the syntax
// tree by a literal of the type its use calls for, before the query is bound. A value is never
// spliced into the text, so no value can change what a statement says.

import TallyData
import TallyDiagnostics
import TallySyntax

/// Puts the values of parameters in place of `$name` in a query or an expression.
public struct ParameterResolver {
    public let catalog: Catalog
    /// Values by name (without the `$`), as given: typed where they are used.
    public let values: [String: String]

    public init(catalog: Catalog, values: [String: String]) {
        self.catalog = catalog
        self.values = values
    }

    /// What a place in a statement calls for.
    enum Wanted { case text, number, date, boolean, any }

    /// `query` with every parameter replaced by its value.
    public func resolve(_ query: Query) throws(Diagnostic) -> Query {
        var query = query
        for i in query.items.indices { query.items[i].expr = try resolve(query.items[i].expr, as: .number) }
        query.filter = try query.filter.map { (f) throws(Diagnostic) in try resolve(f, as: .boolean) }
        if let range = query.range { query.range = try resolve(range) }
        return query
    }

    /// A metric's expression with every parameter replaced by its value.
    public func resolve(metric expr: Expr) throws(Diagnostic) -> Expr {
        try resolve(expr, as: .number)
    }

    private func resolve(_ range: RangeClause) throws(Diagnostic) -> RangeClause {
        var range = range
        switch range.kind {
        case .bounds(let since, let until):
            range.kind = .bounds(since: try since.map(date), until: try until.map(date))
        case .period(let period):
            guard let parameter = period.parameter else { return range }
            let raw = try value(of: parameter)
            guard let kind = Self.period(raw) else {
                throw unfit(
                    parameter, raw, "a period",
                    help: "a period is written 2024, 2024-Q1, 2024-03, 2024-W09 or 2024-03-05")
            }
            range.kind = .period(PeriodLiteral(kind, parameter.span))
        case .last:
            break
        }
        return range
    }

    private func date(_ literal: DateLiteral) throws(Diagnostic) -> DateLiteral {
        guard let parameter = literal.parameter else { return literal }
        let raw = try value(of: parameter)
        guard let (year, month, day) = Self.date(raw) else {
            throw unfit(parameter, raw, "a date", help: "a date is written YYYY-MM-DD, e.g. 2024-03-01")
        }
        return DateLiteral(year: year, month: month, day: day, span: parameter.span)
    }

    // MARK: Expressions

    private func resolve(_ e: Expr, as wanted: Wanted) throws(Diagnostic) -> Expr {
        switch e.kind {
        case .name(let name) where name.isParameter:
            return try literal(name, as: wanted)
        case .unary(.negate, let x):
            return Expr(.unary(.negate, try resolve(x, as: .number)), e.span)
        case .unary(.not, let x):
            return Expr(.unary(.not, try resolve(x, as: .boolean)), e.span)
        case .binary(let op, let l, let r):
            switch op {
            case .and, .or:
                return Expr(.binary(op, try resolve(l, as: .boolean), try resolve(r, as: .boolean)), e.span)
            case .add, .subtract, .multiply, .divide:
                return Expr(.binary(op, try resolve(l, as: .number), try resolve(r, as: .number)), e.span)
            default:
                // Each side of a comparison takes the type of the other.
                return Expr(.binary(op, try resolve(l, as: type(of: r)), try resolve(r, as: type(of: l))), e.span)
            }
        case .call(var call):
            for i in call.arguments.indices {
                // The first argument is what a function reads; the rest (a percentile's) are numbers.
                call.arguments[i] = try resolve(call.arguments[i], as: i == 0 ? .any : .number)
            }
            call.filter = try call.filter.map { (f) throws(Diagnostic) in try resolve(f, as: .boolean) }
            return Expr(.call(call), e.span)
        case .inList(let x, let items, let negated):
            let wanted = ([x] + items).lazy.map(type(of:)).first { $0 != .any } ?? .any
            var resolved: [Expr] = []
            for item in items { resolved.append(try resolve(item, as: wanted)) }
            return Expr(.inList(try resolve(x, as: wanted), resolved, negated: negated), e.span)
        case .between(let x, let lo, let hi, let negated):
            let wanted = [x, lo, hi].lazy.map(type(of:)).first { $0 != .any } ?? .any
            return Expr(
                .between(
                    try resolve(x, as: wanted), try resolve(lo, as: wanted), try resolve(hi, as: wanted),
                    negated: negated), e.span)
        case .isNull(let x, let negated):
            return Expr(.isNull(try resolve(x, as: .any), negated: negated), e.span)
        default:
            return e
        }
    }

    /// The type an expression has, as far as a parameter beside it needs to know.
    private func type(of e: Expr) -> Wanted {
        switch e.kind {
        case .number: return .number
        case .string: return .text
        case .date: return .date
        case .bool: return .boolean
        case .name(let name) where name.isParameter: return .any
        case .name(let name):
            if catalog.metrics[name.text] != nil { return .number }
            // A column of that name in any dataset: where the column resolves is the binder's call.
            for dataset in catalog.datasetNames {
                if let column = catalog.datasets[dataset]?.column(name.text) { return Self.wanted(column.type) }
            }
            return .any
        case .qualified(let dataset, let column):
            return catalog.datasets[dataset.text]?.column(column.text).map { Self.wanted($0.type) } ?? .any
        case .unary(.negate, _), .binary(.add, _, _), .binary(.subtract, _, _), .binary(.multiply, _, _),
            .binary(.divide, _, _):
            return .number
        case .call(let call):
            return call.function.text == "date" ? .date : .number
        case .null:
            return .any
        default:
            return .boolean
        }
    }

    private static func wanted(_ type: ColumnType) -> Wanted {
        switch type {
        case .integer, .decimal: .number
        case .date, .timestamp: .date
        case .boolean: .boolean
        case .text: .text
        }
    }

    /// The parameter's value as a literal of the wanted type, at the parameter's place.
    private func literal(_ name: Name, as wanted: Wanted) throws(Diagnostic) -> Expr {
        let raw = try value(of: name)
        switch wanted {
        case .text:
            return Expr(.string(raw), name.span)
        case .number:
            guard Self.isNumber(raw) else {
                throw unfit(name, raw, "a number", help: "e.g. --set \(name.text.dropFirst())=100")
            }
            return Expr(.number(raw), name.span)
        case .date:
            guard let (year, month, day) = Self.date(raw) else {
                throw unfit(name, raw, "a date", help: "a date is written YYYY-MM-DD, e.g. 2024-03-01")
            }
            return Expr(.date(DateLiteral(year: year, month: month, day: day, span: name.span)), name.span)
        case .boolean:
            guard raw == "true" || raw == "false" else { throw unfit(name, raw, "true or false", help: nil) }
            return Expr(.bool(raw == "true"), name.span)
        case .any:
            // Nothing beside it says: the value's own form does.
            if Self.isNumber(raw) { return Expr(.number(raw), name.span) }
            if let (year, month, day) = Self.date(raw) {
                return Expr(.date(DateLiteral(year: year, month: month, day: day, span: name.span)), name.span)
            }
            return Expr(.string(raw), name.span)
        }
    }

    private func value(of name: Name) throws(Diagnostic) -> String {
        let key = String(name.text.dropFirst())
        guard let raw = values[key] else {
            throw Diagnostic(
                "parameter \(name.text) is not set", at: name.span,
                help:
                    "give it a value: --set \(key)=VALUE on the command line, or set \(key) = \"...\" before this statement"
            )
        }
        return raw
    }

    private func unfit(_ name: Name, _ raw: String, _ what: String, help: String?) -> Diagnostic {
        Diagnostic("parameter \(name.text) is '\(raw)', which is not \(what) as used here", at: name.span, help: help)
    }

    // MARK: Reading values

    /// `42`, `-0.5`, `1e3`: Tally's number syntax, with an optional sign.
    static func isNumber(_ raw: String) -> Bool {
        let bytes = Array((raw.hasPrefix("-") ? raw.dropFirst() : Substring(raw)).utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            return i - start
        }
        guard digits() > 0 else { return false }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == bytes.count && Double(raw)?.isFinite == true
    }

    /// `2024-03-01` as year, month and day, when it is a day of the calendar.
    static func date(_ raw: String) -> (Int, Int, Int)? {
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2], let y = whole(parts[0]), let m = whole(parts[1]),
            let d = whole(parts[2]), CivilDate.days(year: y, month: m, day: d) != nil
        else { return nil }
        return (y, m, d)
    }

    /// `2024`, `2024-Q1`, `2024-03`, `2024-W09`, `2024-03-05` as the period `for` takes.
    static func period(_ raw: String) -> PeriodLiteral.Kind? {
        if let (y, m, d) = date(raw) { return .day(year: y, month: m, day: d) }
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        guard parts[0].count == 4, let year = whole(parts[0]) else { return nil }
        guard parts.count == 2 else { return parts.count == 1 ? .year(year) : nil }
        let rest = parts[1].uppercased()
        if rest.count == 2, rest.hasPrefix("Q"), let q = whole(rest.dropFirst()), (1...4).contains(q) {
            return .quarter(year: year, quarter: q)
        }
        if rest.count == 3, rest.hasPrefix("W"), let w = whole(rest.dropFirst()), (1...53).contains(w) {
            return .week(year: year, week: w)
        }
        if rest.count == 2, let m = whole(Substring(rest)), (1...12).contains(m) { return .month(year: year, month: m) }
        return nil
    }

    private static func whole(_ s: Substring) -> Int? {
        s.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ? Int(s) : nil
    }
}
