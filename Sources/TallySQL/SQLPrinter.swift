// Prints a SQL tree as text for one dialect, laid out for a person: one clause per line, nested blocks indented.

import TallyData

/// Prints statements. User values become placeholders with their values listed in order
/// (`.bound`, for running), or quoted literals (`.inline`, for reading and pasting).
public struct SQLPrinter {
    public enum Values: Sendable { case bound, inline }

    public let dialect: SQLDialect
    public let values: Values
    private var parameters: [SQLValue] = []

    public init(dialect: SQLDialect, values: Values) {
        self.dialect = dialect
        self.values = values
    }

    /// The statement's text and, with `.bound`, the values of its placeholders in order.
    public static func print(_ statement: SQLStatement, dialect: SQLDialect, values: Values) -> (
        text: String, parameters: [SQLValue]
    ) {
        var printer = SQLPrinter(dialect: dialect, values: values)
        var lines: [String] = []
        if !statement.ctes.isEmpty {
            lines.append("WITH")
            for (i, cte) in statement.ctes.enumerated() {
                lines.append("  \(cte.name) AS (")
                lines += printer.select(cte.select).map { "    " + $0 }
                lines.append(i == statement.ctes.count - 1 ? "  )" : "  ),")
            }
        }
        lines += printer.select(statement.body)
        return (lines.joined(separator: "\n"), printer.parameters)
    }

    // MARK: Selects

    private mutating func select(_ s: SQLSelect) -> [String] {
        var lines: [String] = []
        let items = s.items.map { item -> String in
            let e = expr(item.expr)
            guard let alias = item.alias else { return e }
            return "\(e) AS \(name(alias))"
        }
        let keyword = s.distinct ? "SELECT DISTINCT" : "SELECT"
        if items.count <= 3 && items.joined(separator: ", ").count <= 60 {
            lines.append("\(keyword) \(items.joined(separator: ", "))")
        } else {
            lines.append(keyword)
            for (i, item) in items.enumerated() { lines.append("  " + item + (i < items.count - 1 ? "," : "")) }
        }
        if let from = s.from {
            lines += prefixed("FROM ", source(from))
        }
        for join in s.joins {
            var block = prefixed("\(join.kind.rawValue) ", source(join.source))
            if let on = join.on { block[block.count - 1] += " ON " + expr(on) }
            lines += block
        }
        if let filter = s.filter {
            lines += conjunction("WHERE", filter)
        }
        if !s.groupBy.isEmpty {
            lines.append("GROUP BY " + s.groupBy.map { expr($0) }.joined(separator: ", "))
        }
        if !s.orderBy.isEmpty {
            lines.append("ORDER BY " + s.orderBy.map { order($0) }.joined(separator: ", "))
        }
        if let limit = s.limit { lines.append("LIMIT \(limit)") }
        for u in s.unions {
            lines.append(s.unionAll ? "UNION ALL" : "UNION")
            lines += select(u)
        }
        return lines
    }

    /// A condition whose top-level `AND`s go one per line.
    private mutating func conjunction(_ keyword: String, _ e: SQLExpr) -> [String] {
        var parts: [SQLExpr] = []
        func split(_ e: SQLExpr) {
            if case .binary(.and, let l, let r) = e {
                split(l)
                split(r)
            } else {
                parts.append(e)
            }
        }
        split(e)
        let texts = parts.map { expr($0, above: SQLBinary.and.precedence) }
        if texts.joined(separator: " AND ").count <= 70 { return ["\(keyword) " + texts.joined(separator: " AND ")] }
        return ["\(keyword) " + texts[0]] + texts.dropFirst().map { "  AND " + $0 }
    }

    private func prefixed(_ prefix: String, _ block: [String]) -> [String] {
        guard let first = block.first else { return [prefix] }
        return [prefix + first] + block.dropFirst()
    }

    private mutating func source(_ s: SQLSource) -> [String] {
        switch s {
        case .table(let t, let alias):
            let table = (t.schema.map { quote($0) + "." } ?? "") + quote(t.name)
            return ["\(table) AS \(alias)"]
        case .named(let n, let alias):
            return [alias.map { "\(n) AS \($0)" } ?? n]
        case .subquery(let sel, let alias):
            return ["("] + select(sel).map { "  " + $0 } + [") AS \(alias)"]
        }
    }

    private mutating func order(_ o: SQLOrderItem) -> String {
        expr(o.expr) + (o.descending ? " DESC" : "") + (o.nullsLast ? " NULLS LAST" : "")
    }

    // MARK: Expressions

    private func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func name(_ n: SQLName) -> String {
        switch n {
        case .user(let s): quote(s)
        case .own(let s): s
        }
    }

    /// An expression; parenthesised when it binds looser than the operator it sits under.
    private mutating func expr(_ e: SQLExpr, above: Int = 0) -> String {
        switch e {
        case .column(let table, let n):
            return (table.map { $0 + "." } ?? "") + name(n)
        case .value(let v):
            return value(v)
        case .number(let d):
            return number(d)
        case .decimal(let digits):
            return digits.hasPrefix("-") ? "(\(digits))" : digits
        case .integer(let i):
            return String(i)
        case .null:
            return "NULL"
        case .bool(let b):
            return b ? "TRUE" : "FALSE"
        case .negate(let x):
            return "-" + expr(x, above: 9)
        case .not(let x):
            return wrap("NOT " + expr(x, above: 3), 3, above)
        case .binary(let op, let l, let r):
            let p = op.precedence
            // Left-associative: the right side needs parentheses at equal strength (a - (b - c)).
            return wrap("\(expr(l, above: p)) \(op.rawValue) \(expr(r, above: p + 1))", p, above)
        case .isNull(let x, let negated):
            return wrap(expr(x, above: 5) + (negated ? " IS NOT NULL" : " IS NULL"), 4, above)
        case .inList(let x, let list, let negated):
            let items = list.map { expr($0) }.joined(separator: ", ")
            return wrap("\(expr(x, above: 5))\(negated ? " NOT" : "") IN (\(items))", 4, above)
        case .cast(let x, let t):
            return "CAST(\(expr(x)) AS \(dialect.type(t)))"
        case .caseWhen(let whens, let otherwise):
            var text = "CASE"
            for w in whens { text += " WHEN \(expr(w.condition)) THEN \(expr(w.result))" }
            if let otherwise { text += " ELSE \(expr(otherwise))" }
            return text + " END"
        case .function(let f, let args):
            return "\(f)(\(args.map { expr($0) }.joined(separator: ", ")))"
        case .aggregate(let a):
            return aggregate(a)
        case .window(let w):
            return window(w)
        case .binaryCollation(let x):
            guard let collation = dialect.binaryCollation else { return expr(x, above: above) }
            return wrap(expr(x, above: 9) + " COLLATE \(collation)", 8, above)
        case .periodLabel(let grain, let x):
            return label(grain, x)
        case .microsecondsBetween(let a, let b):
            switch dialect.microseconds {
            case .epochOfDifference:
                return wrap("EXTRACT(EPOCH FROM \(expr(a, above: 7)) - \(expr(b, above: 7))) * 1000000", 7, above)
            case .dateDiff: return "date_diff('microsecond', \(expr(b)), \(expr(a)))"
            }
        }
    }

    private func wrap(_ text: String, _ precedence: Int, _ above: Int) -> String {
        precedence < above ? "(\(text))" : text
    }

    private mutating func value(_ v: SQLValue) -> String {
        if values == .bound {
            if let i = parameters.firstIndex(of: v) { return dialect.placeholder(i + 1) }
            parameters.append(v)
            return dialect.placeholder(parameters.count)
        }
        switch v {
        case .text(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .integer(let i): return i < 0 ? "(\(i))" : String(i)
        case .decimal(let s): return s.hasPrefix("-") ? "(\(s))" : s
        case .double(let d): return number(d)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let d): return "DATE '\(CivilDate.format(d))'"
        }
    }

    private func number(_ d: Double) -> String {
        let text = d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        return d < 0 ? "(\(text))" : text
    }

    private mutating func aggregate(_ a: SQLAggregate) -> String {
        let arg = a.argument.map { expr($0) } ?? "*"
        var text: String
        switch a.function {
        case .count: text = "COUNT(\(arg))"
        case .countDistinct: text = "COUNT(DISTINCT \(arg))"
        case .sum: text = "SUM(\(arg))"
        case .avg: text = "AVG(\(arg))"
        case .min: text = "MIN(\(arg))"
        case .max: text = "MAX(\(arg))"
        case .percentile(let p):
            switch dialect.percentile {
            case .function(let name): text = "\(name)(CAST(\(arg) AS \(dialect.type(.double))), \(number(p)))"
            case .withinGroup: text = "percentile_cont(\(number(p))) WITHIN GROUP (ORDER BY \(arg))"
            }
        }
        if let f = a.filter { text += " FILTER (WHERE \(expr(f)))" }
        return text
    }

    private mutating func window(_ w: SQLWindowCall) -> String {
        let call: String
        switch w.function {
        case .sum(let x): call = "SUM(\(expr(x)))"
        }
        var over: [String] = []
        if !w.partition.isEmpty { over.append("PARTITION BY " + w.partition.map { expr($0) }.joined(separator: ", ")) }
        if !w.order.isEmpty { over.append("ORDER BY " + w.order.map { order($0) }.joined(separator: ", ")) }
        if let f = w.frame {
            let start = f.start.map { "\($0) PRECEDING" } ?? "UNBOUNDED PRECEDING"
            let end = f.end.map { "\($0) PRECEDING" } ?? "CURRENT ROW"
            over.append("\(f.unit.rawValue) BETWEEN \(start) AND \(end)")
        }
        return "\(call) OVER (\(over.joined(separator: " ")))"
    }

    private mutating func label(_ grain: Grain, _ x: SQLExpr) -> String {
        let e = expr(x)
        let f = dialect.labelFunction
        if let pattern = f.patterns[grain] { return "\(f.name)(\(e), '\(pattern)')" }
        // A quarter without a pattern: the year's, then the quarter's number.
        return "\(f.name)(\(e), '\(f.patterns[.year] ?? "")') || '-Q' || CAST(quarter(\(e)) AS \(dialect.type(.text)))"
    }
}
