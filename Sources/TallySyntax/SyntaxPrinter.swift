// A stable S-expression rendering of tokens and syntax trees, for tests' golden output and debugging.

import TallyDiagnostics

/// Prints syntax as S-expressions. The format is part of the test suite's expectations: change it
/// only together with them.
///
///     (query (items (/ revenue purchases)) (by month (. customers plan))
///            (where (and (= plan "pro") (is-not-null x))) (since 2024-01-01) (order (revenue desc)) (limit 10))
///
/// (printed on one line). Calls print as `(count orders (on closed_date) (where ...))`; names that
/// are reserved words or not plain identifiers print in backquotes.
public enum SyntaxPrinter {
    /// One line per statement.
    public static func format(_ script: Script) -> String {
        script.statements.map { format($0) }.joined(separator: "\n")
    }

    /// A statement: `(metric ...)`, `(load ...)`, `(query ...)`, `(explain (query ...))` and so on.
    public static func format(_ statement: Statement) -> String {
        switch statement.kind {
        case .query(let q):
            return format(q)
        case .explain(let q):
            return "(explain \(format(q)))"
        case .explainPlan(let q):
            return "(explain plan \(format(q)))"
        case .assert(let a):
            var parts = ["assert", format(a.query), a.expected.text]
            if let tolerance = a.tolerance { parts.append("(within \(tolerance.text))") }
            return "(" + parts.joined(separator: " ") + ")"
        case .metric(let m):
            var parts = ["metric", name(m.name), format(m.expr)]
            if let unit = m.unit { parts.append("(unit \(name(unit)))") }
            if let d = m.description { parts.append("(description \(string(d)))") }
            if let area = m.area { parts.append("(area \(name(area)))") }
            return "(" + parts.joined(separator: " ") + ")"
        case .load(let l):
            var parts = ["load", string(l.path)]
            if let alias = l.alias { parts.append("(as \(name(alias)))") }
            if let d = l.delimiter { parts.append("(delimiter \(string(d.text)))") }
            if !l.columns.isEmpty {
                let columns = l.columns.map { spec in
                    var column = [name(spec.column)]
                    if let header = spec.header { column.append(string(header.text)) }
                    if let kind = spec.kind { column.append("(as \(name(kind)))") }
                    if let format = spec.format { column.append("(format \(string(format.text)))") }
                    return "(" + column.joined(separator: " ") + ")"
                }
                parts.append("(with " + columns.joined(separator: " ") + ")")
            }
            if l.skipBadRows { parts.append("(skipping bad rows)") }
            return "(" + parts.joined(separator: " ") + ")"
        case .relate(let r):
            return
                "(relate (. \(name(r.fromDataset)) \(name(r.fromColumn))) (. \(name(r.toDataset)) \(name(r.toColumn))))"
        case .anchor(let a):
            return "(anchor \(name(a.dataset)) \(name(a.column)))"
        case .plot(let q):
            return "(plot \(format(q)))"
        case .dimension(let d):
            return "(dimension \(name(d.name)) \(format(d.expr)))"
        case .lifespan(let l):
            return "(lifespan \(name(l.dataset)) \(name(l.start)) \(name(l.end)))"
        case .show(let what, let about):
            return "(show \(name(what))" + (about.map { " " + string($0.text) } ?? "") + ")"
        case .describe(let dataset):
            return "(describe \(name(dataset)))"
        case .sql(let q):
            return "(sql \(format(q)))"
        case .connect(let c):
            return "(connect \(string(c.target)))"
        case .useTable(let u):
            let table = u.schema.map { "(. \(name($0)) \(name(u.table)))" } ?? name(u.table)
            return "(use-table \(table) \(name(u.dataset)))"
        case .prompt(let command):
            switch command {
            case .format(let f): return "(format" + (f.map { " " + $0 } ?? "") + ")"
            case .timer(let on): return "(timer" + (on.map { $0 ? " on" : " off" } ?? "") + ")"
            case .help(let topic): return "(help" + (topic.map { " " + $0 } ?? "") + ")"
            case .last: return "(last)"
            case .quit: return "(quit)"
            case .save(let target): return "(save " + fileTarget(target) + ")"
            case .output(let target): return "(output" + (target.map { " " + fileTarget($0) } ?? "") + ")"
            case .pager(let on): return "(pager" + (on.map { $0 ? " on" : " off" } ?? "") + ")"
            case .expanded(let mode): return "(expanded" + (mode.map { " " + $0 } ?? "") + ")"
            case .run(let path, _): return "(run \(string(path)))"
            case .edit: return "(edit)"
            case .watch(let seconds, let statement): return "(watch \(seconds) \(string(statement)))"
            case .set(let name, let value): return "(set \(name) \(string(value)))"
            case .listParameters: return "(set)"
            }
        }
    }

    static func fileTarget(_ target: FileTarget) -> String {
        string(target.path) + (target.format.map { " (as \($0))" } ?? "") + (target.replace ? " replace" : "")
    }

    /// `(query (items ...) (by ...) (where ...) RANGE (order ...) (limit N))`, absent clauses left out.
    public static func format(_ query: Query) -> String {
        var parts = ["query", "(items " + query.items.map(item).joined(separator: " ") + ")"]
        if !query.dimensions.isEmpty {
            parts.append("(by " + query.dimensions.map(dimension).joined(separator: " ") + ")")
        }
        if let filter = query.filter { parts.append("(where \(format(filter)))") }
        if let range = query.range { parts.append(format(range)) }
        if let comparison = query.comparison { parts.append("(vs \(comparison.kind.rawValue))") }
        if !query.order.isEmpty {
            let keys = query.order.map { "(\(name($0.name)) \($0.descending ? "desc" : "asc"))" }
            parts.append("(order " + keys.joined(separator: " ") + ")")
        }
        if let limit = query.limit { parts.append("(limit \(limit.count))") }
        return "(" + parts.joined(separator: " ") + ")"
    }

    /// `(since D)`, `(until D)`, `(since D) (until D)`, `(last 3 months)`, `(for 2024-Q1)`.
    public static func format(_ range: RangeClause) -> String {
        switch range.kind {
        case .bounds(let since, let until):
            let parts = [since.map { "(since \(date($0)))" }, until.map { "(until \(date($0)))" }]
            return parts.compactMap { $0 }.joined(separator: " ")
        case .last(let count, let unit):
            return "(last \(count) \(name(unit)))"
        case .period(let p):
            return "(for \(period(p)))"
        }
    }

    /// Literals as written, names bare, everything else `(operator operands...)`.
    public static func format(_ expr: Expr) -> String {
        switch expr.kind {
        case .number(let text): return text
        case .string(let s): return string(s)
        case .date(let d): return date(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .name(let n): return name(n)
        case .qualified(let a, let b): return "(. \(name(a)) \(name(b)))"
        case .unary(let op, let operand): return "(\(op.rawValue) \(format(operand)))"
        case .binary(let op, let l, let r): return "(\(op.rawValue) \(format(l)) \(format(r)))"
        case .call(let c):
            var parts = [name(c.function)] + c.arguments.map(format)
            if let anchor = c.anchor { parts.append("(on \(name(anchor)))") }
            if let active = c.activeAt { parts.append("(\(c.startedBefore ? "started-before" : "active-at") \(name(active)))") }
            if let filter = c.filter { parts.append("(where \(format(filter)))") }
            return "(" + parts.joined(separator: " ") + ")"
        case .inList(let e, let values, let negated):
            return "(\(negated ? "not-in" : "in") \(format(e)) " + values.map(format).joined(separator: " ") + ")"
        case .between(let e, let low, let high, let negated):
            return "(\(negated ? "not-between" : "between") \(format(e)) \(format(low)) \(format(high)))"
        case .isNull(let e, let negated):
            return "(\(negated ? "is-not-null" : "is-null") \(format(e)))"
        }
    }

    /// Tokens as `kind` or `kind:text`, space-separated: `id:revenue kw:by num:3 str:"pro" nl eof`.
    public static func format(_ tokens: [Token], in source: SourceFile) -> String {
        tokens.map { token -> String in
            let t = token.text(in: source)
            switch token.kind {
            case .identifier: return "id:" + token.nameText(in: source)
            case .keyword(let k): return "kw:" + k.rawValue
            case .number: return "num:" + t
            case .string: return "str:" + string(token.stringValue(in: source))
            case .date: return "date:" + t
            case .period: return "period:" + t
            case .parameter: return "param:" + t
            case .symbol(let s): return s.rawValue
            case .newline: return "nl"
            case .eof: return "eof"
            }
        }.joined(separator: " ")
    }

    static func item(_ item: QueryItem) -> String {
        guard let alias = item.alias else { return format(item.expr) }
        return "(as \(format(item.expr)) \(name(alias)))"
    }

    static func dimension(_ d: Dimension) -> String {
        guard let q = d.qualifier else { return name(d.name) }
        return "(. \(name(q)) \(name(d.name)))"
    }

    /// A name as Tally would need it written: backquoted unless a plain, unreserved identifier.
    static func name(_ n: Name) -> String {
        let bytes = Array(n.text.utf8)
        if n.isParameter { return n.text }
        let plain =
            !bytes.isEmpty && isIdentifierStart(bytes[0]) && bytes.allSatisfy(isIdentifierContinue)
            && Keyword(rawValue: n.text) == nil
        return plain ? n.text : "`\(n.text)`"
    }

    /// A Tally string literal for `s`, escaped so that the lexer reads back the same value.
    static func string(_ s: String) -> String { StringLiteral.quoted(s) }

    static func date(_ d: DateLiteral) -> String {
        if let parameter = d.parameter { return parameter.text }
        return "\(pad(d.year, 4))-\(pad(d.month, 2))-\(pad(d.day, 2))"
    }

    static func period(_ p: PeriodLiteral) -> String {
        if let parameter = p.parameter { return parameter.text }
        switch p.kind {
        case .year(let y): return pad(y, 4)
        case .quarter(let y, let q): return "\(pad(y, 4))-Q\(q)"
        case .month(let y, let m): return "\(pad(y, 4))-\(pad(m, 2))"
        case .week(let y, let w): return "\(pad(y, 4))-W\(pad(w, 2))"
        case .day(let y, let m, let d): return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        }
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
