// The SQL syntax tree the compiler builds and the printer prints: statements are never glued from strings.

import TallyData

/// A value that comes from the user (a filter's literal, a range's date): printed as a bound
/// parameter (`$1`) when running, or as a quoted literal when shown to a person.
public enum SQLValue: Hashable, Sendable {
    case text(String)
    case integer(Int64)
    /// Exact decimal text, e.g. `12.50`.
    case decimal(String)
    case double(Double)
    case bool(Bool)
    /// Days since 1970-01-01.
    case date(Int32)
}

extension SQLValue {
    /// A scaled integer as exact decimal text: 1250 at scale 2 is `12.50`.
    public static func decimalText(_ mantissa: Int64, scale: Int) -> String {
        guard scale > 0 else { return String(mantissa) }
        var digits = String(mantissa.magnitude)
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        return (mantissa < 0 ? "-" : "") + digits.dropLast(scale) + "." + digits.suffix(scale)
    }
}

/// Types the compiler casts to; each dialect spells them its own way.
public enum SQLType: Hashable, Sendable {
    case double, text, date, timestamp
    /// Exact numbers far beyond the doubles' range (PostgreSQL's NUMERIC), for overflow-safe arithmetic.
    case numeric
}

public indirect enum SQLExpr: Hashable, Sendable {
    /// A column of a table or of a subquery: `t."plan"` (a user's name, quoted) or `p.idx` (the compiler's own).
    case column(table: String?, name: SQLName)
    /// A value supplied by the user: a parameter, never spliced.
    case value(SQLValue)
    /// A number the compiler chose (a period count, a constant of a metric's formula).
    case number(Double)
    /// An exact decimal the compiler chose, as digits (`0.3`): a constant of a metric's formula where
    /// the arithmetic stays exact.
    case decimal(String)
    case integer(Int)
    case null
    case bool(Bool)
    case negate(SQLExpr)
    case not(SQLExpr)
    case binary(SQLBinary, SQLExpr, SQLExpr)
    case isNull(SQLExpr, negated: Bool)
    case inList(SQLExpr, [SQLExpr], negated: Bool)
    case cast(SQLExpr, SQLType)
    case caseWhen([SQLWhen], otherwise: SQLExpr?)
    /// A plain function call: `COALESCE(a, b)`, `LEAST(a, b)`.
    case function(String, [SQLExpr])
    case aggregate(SQLAggregate)
    case window(SQLWindowCall)
    /// Byte-order (code point) comparison of text: `x COLLATE "C"` where the dialect needs it.
    case binaryCollation(SQLExpr)
    /// The period's label (`2024-03`, `2024-W09`), from its first day.
    case periodLabel(Grain, SQLExpr)
    /// Microseconds from the second operand to the first (dates at midnight), as an exact number:
    /// durations are counted in microseconds, as the native engine counts them.
    case microsecondsBetween(SQLExpr, SQLExpr)
}

public struct SQLWhen: Hashable, Sendable {
    public var condition: SQLExpr
    public var result: SQLExpr
}

public enum SQLBinary: String, Hashable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "=", notEqual = "<>", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case distinctFrom = "IS DISTINCT FROM", notDistinctFrom = "IS NOT DISTINCT FROM"
    case and = "AND", or = "OR"

    /// Binding strength: higher binds tighter.
    var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .distinctFrom, .notDistinctFrom: 4
        case .add, .subtract: 6
        case .multiply, .divide: 7
        }
    }
}

public enum SQLAggregateFunction: Hashable, Sendable {
    case count, countDistinct, sum, avg, min, max
    /// Continuous percentile (linear interpolation between closest ranks).
    case percentile(Double)
}

/// An aggregate call with an optional `FILTER (WHERE ...)`; `argument` nil is `COUNT(*)`.
public struct SQLAggregate: Hashable, Sendable {
    public var function: SQLAggregateFunction
    public var argument: SQLExpr?
    public var filter: SQLExpr?
    public init(function: SQLAggregateFunction, argument: SQLExpr?, filter: SQLExpr? = nil) {
        self.function = function
        self.argument = argument
        self.filter = filter
    }
}

public enum SQLWindowFunction: Hashable, Sendable {
    case sum(SQLExpr)
}

/// `ROWS|RANGE BETWEEN a PRECEDING AND b PRECEDING|CURRENT ROW`; nil offsets mean UNBOUNDED / CURRENT ROW.
public struct SQLFrame: Hashable, Sendable {
    public enum Unit: String, Hashable, Sendable { case rows = "ROWS", range = "RANGE" }
    public var unit: Unit
    /// Preceding offset of the frame's start; nil is UNBOUNDED PRECEDING.
    public var start: Int?
    /// Preceding offset of the frame's end; nil is CURRENT ROW.
    public var end: Int?
}

public struct SQLWindowCall: Hashable, Sendable {
    public var function: SQLWindowFunction
    public var partition: [SQLExpr]
    public var order: [SQLOrderItem]
    public var frame: SQLFrame?
}

public struct SQLOrderItem: Hashable, Sendable {
    public var expr: SQLExpr
    public var descending: Bool = false
    public var nullsLast: Bool = false
    public init(expr: SQLExpr, descending: Bool = false, nullsLast: Bool = false) {
        self.expr = expr
        self.descending = descending
        self.nullsLast = nullsLast
    }
}

/// A name in a statement: the user's (always quoted, so any text is safe) or the compiler's own
/// (plain lowercase words, printed bare for readability).
public enum SQLName: Hashable, Sendable {
    case user(String)
    case own(String)
}

public struct SQLSelectItem: Hashable, Sendable {
    public var expr: SQLExpr
    public var alias: SQLName?
    public init(_ expr: SQLExpr, as alias: SQLName? = nil) {
        self.expr = expr
        self.alias = alias
    }
}

/// A table reference in FROM: a table, a CTE or a subquery, joined to the ones before.
public indirect enum SQLSource: Hashable, Sendable {
    case table(SQLTableName, alias: String)
    /// A CTE or other name defined in the statement.
    case named(String, alias: String?)
    case subquery(SQLSelect, alias: String)
}

public struct SQLTableName: Hashable, Sendable {
    public var schema: String?
    public var name: String
    public init(schema: String?, name: String) {
        self.schema = schema
        self.name = name
    }
}

public struct SQLJoin: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case inner = "JOIN", left = "LEFT JOIN", cross = "CROSS JOIN" }
    public var kind: Kind
    public var source: SQLSource
    public var on: SQLExpr?
}

public struct SQLSelect: Hashable, Sendable {
    public var distinct = false
    public var items: [SQLSelectItem]
    public var from: SQLSource?
    public var joins: [SQLJoin] = []
    public var filter: SQLExpr?
    public var groupBy: [SQLExpr] = []
    public var orderBy: [SQLOrderItem] = []
    public var limit: Int?
    /// Further selects combined with this one by `UNION` (distinct rows) or `UNION ALL`.
    public var unions: [SQLSelect] = []
    public var unionAll = false

    public init(items: [SQLSelectItem], from: SQLSource? = nil) {
        self.items = items
        self.from = from
    }
}

/// A named subquery of a `WITH` clause.
public struct SQLCommonTable: Hashable, Sendable {
    public var name: String
    public var select: SQLSelect
}

/// A whole statement: named subqueries, then the final select.
public struct SQLStatement: Hashable, Sendable {
    public var ctes: [SQLCommonTable]
    public var body: SQLSelect
    public init(ctes: [SQLCommonTable], body: SQLSelect) {
        self.ctes = ctes
        self.body = body
    }
}

extension SQLExpr {
    /// A column the compiler named itself.
    static func own(_ table: String?, _ name: String) -> SQLExpr { .column(table: table, name: .own(name)) }
    /// A column named by the user's data.
    static func user(_ table: String?, _ name: String) -> SQLExpr { .column(table: table, name: .user(name)) }
    static func and(_ parts: [SQLExpr]) -> SQLExpr? {
        guard var result = parts.first else { return nil }
        for p in parts.dropFirst() { result = .binary(.and, result, p) }
        return result
    }
    static func coalesce(_ a: SQLExpr, _ b: SQLExpr) -> SQLExpr { .function("COALESCE", [a, b]) }

    /// An exact number back as a double, as IEEE arithmetic would end natively: null beyond the
    /// largest double (the native engine shows infinity as null), 0 below the smallest normal one.
    static func inDoubleRange(_ x: SQLExpr) -> SQLExpr {
        let magnitude: SQLExpr = .function("ABS", [x])
        return .caseWhen(
            [
                SQLWhen(condition: .binary(.greater, magnitude, .number(Double.greatestFiniteMagnitude)), result: .null),
                SQLWhen(condition: .binary(.less, magnitude, .number(Double.leastNormalMagnitude)), result: .number(0)),
            ], otherwise: .cast(x, .double))
    }

    /// Arithmetic on doubles done exactly, then brought back in range (`inDoubleRange`).
    static func safeArithmetic(_ op: SQLBinary, _ a: SQLExpr, _ b: SQLExpr) -> SQLExpr {
        let (x, y): (SQLExpr, SQLExpr) = (.cast(a, .numeric), .cast(b, .numeric))
        let divisor: SQLExpr = .function("NULLIF", [y, .integer(0)])
        return inDoubleRange(.binary(op, x, op == .divide ? divisor : y))
    }
}
