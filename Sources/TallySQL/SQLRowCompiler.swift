// Row expressions of one dataset to SQL, with the joins their related columns need.

import TallyData
import TallyDiagnostics
import TallySemantics

/// Compiles row expressions for one dataset read as `t`, joining each many-to-one relation it
/// meets once (`r0`, `r1`, ...). Conditions keep Tally's two-valued null rules (RowExpr).
struct SQLRowCompiler {
    static let rowAlias = "t"

    let dataset: String
    let tables: SQLTableMap
    let schemas: [String: DatasetSchema]
    private(set) var relations: [Relation] = []
    /// Arithmetic on numbers done exactly and brought back in range (SQLCompiler.overflowSafe).
    var overflowSafe = false

    init(dataset: String, tables: SQLTableMap, schemas: [String: DatasetSchema]) {
        self.dataset = dataset
        self.tables = tables
        self.schemas = schemas
    }

    /// `FROM table AS t` and a `LEFT JOIN` per relation met so far: a relation that finds no row
    /// gives nulls and never drops the row.
    func from() -> (SQLSource, [SQLJoin]) {
        let joins = relations.enumerated().map { i, r -> SQLJoin in
            let alias = "r\(i)"
            var key: SQLExpr = .user(alias, r.toColumn)
            var foreign: SQLExpr = .user(Self.rowAlias, r.fromColumn)
            // Keys of different types match on their text, as the native engine matches them.
            if type(r.fromDataset, r.fromColumn) != type(r.toDataset, r.toColumn) {
                key = .cast(key, .text)
                foreign = .cast(foreign, .text)
            }
            return SQLJoin(kind: .left, source: .table(tables.table(for: r.toDataset), alias: alias), on: .binary(.equal, key, foreign))
        }
        return (.table(tables.table(for: dataset), alias: Self.rowAlias), joins)
    }

    private func type(_ dataset: String, _ column: String) -> ColumnType? {
        schemas[dataset]?.column(column)?.type
    }

    private mutating func alias(for relation: Relation) -> String {
        if let i = relations.firstIndex(of: relation) { return "r\(i)" }
        relations.append(relation)
        return "r\(relations.count - 1)"
    }

    mutating func column(_ c: BoundColumn) -> SQLExpr {
        .user(c.via.map { alias(for: $0) } ?? Self.rowAlias, c.column)
    }

    /// A condition for WHERE, FILTER or ON, where null counts as false.
    mutating func condition(_ e: RowExpr) -> SQLExpr {
        switch e {
        case .compare(let op, let l, let r):
            let (a, b) = (value(l), value(r))
            let text = l.type == .text || r.type == .text
            switch op {
            case .equal: return .binary(.equal, a, b)
            // `!=` keeps rows where exactly one side is null (DESIGN §3).
            case .notEqual: return .binary(.distinctFrom, a, b)
            case .less: return .binary(.less, text ? .binaryCollation(a) : a, b)
            case .lessEqual: return .binary(.lessEqual, text ? .binaryCollation(a) : a, b)
            case .greater: return .binary(.greater, text ? .binaryCollation(a) : a, b)
            case .greaterEqual: return .binary(.greaterEqual, text ? .binaryCollation(a) : a, b)
            }
        case .logical(let op, let l, let r):
            return .binary(op == .and ? .and : .or, condition(l), condition(r))
        case .not(let x):
            // Plain negation of a two-valued condition: `not (plan = "pro")` keeps null plans.
            return .not(.coalesce(condition(x), .bool(false)))
        case .inList(let x, let literals, let negated):
            let list = SQLExpr.inList(value(x), literals.map(Self.literal), negated: false)
            return negated ? .not(.coalesce(list, .bool(false))) : list
        case .isNull(let x, let negated):
            return .isNull(value(x), negated: negated)
        default:
            return .binary(.equal, value(e), .bool(true))
        }
    }

    /// A value. Durations are exact microseconds; arithmetic on numbers is in double precision, as the
    /// native engine computes it, and division by zero is null.
    mutating func value(_ e: RowExpr) -> SQLExpr {
        switch e {
        case .column(let c):
            return column(c)
        case .literal(let lit):
            return Self.literal(lit)
        case .negate(let x):
            return .negate(value(x))
        case .arithmetic(let op, let l, let r):
            let (lt, rt) = (l.type, r.type)
            if op == .subtract, [.date, .timestamp].contains(lt), [.date, .timestamp].contains(rt) {
                // Dates count from midnight; timestamps are used as they are.
                let a = lt == .date ? .cast(value(l), .timestamp) : value(l)
                let b = rt == .date ? .cast(value(r), .timestamp) : value(r)
                return .microsecondsBetween(a, b)
            }
            var a = value(l)
            if !Self.isDouble(l) { a = .cast(a, .double) }
            let b = value(r)
            // A row whose arithmetic leaves the doubles' range is null, as natively.
            if overflowSafe, e.type == .number {
                return .safeArithmetic(SQLBinary(op), a, b)
            }
            let result: SQLExpr
            switch op {
            case .add: result = .binary(.add, a, b)
            case .subtract: result = .binary(.subtract, a, b)
            case .multiply: result = .binary(.multiply, a, b)
            case .divide: result = .binary(.divide, a, .function("NULLIF", [b, .integer(0)]))
            }
            // A duration scaled by a number is rounded to whole microseconds (half away from
            // zero), as the native engine stores it; sums and differences of durations are whole already.
            guard e.type == .duration, op == .multiply || op == .divide else { return result }
            return .binary(.multiply, .function("SIGN", [result]), .function("FLOOR", [.binary(.add, .function("ABS", [result]), .number(0.5))]))
        case .call(let f, let x):
            let inner = value(x)
            if let grain = f.grain {
                return .periodLabel(grain, x.type == .timestamp ? .cast(inner, .date) : inner)
            }
            // Durations are microseconds; anything else passes through, as in the native engine.
            guard f == .date || x.type == .duration else { return inner }
            let micros = SQLExpr.cast(inner, .double)
            switch f {
            case .date: return x.type == .timestamp ? .cast(inner, .date) : inner
            case .seconds: return .binary(.divide, micros, .integer(1_000_000))
            case .minutes: return .binary(.divide, micros, .integer(60_000_000))
            case .hours: return .binary(.divide, micros, .integer(3_600_000_000))
            case .days: return .binary(.divide, micros, .integer(86_400_000_000))
            default: return inner
            }
        case .compare, .logical, .not, .inList, .isNull:
            // A condition used as a value is true or false, never null.
            return .coalesce(condition(e), .bool(false))
        }
    }

    private static func isDouble(_ e: RowExpr) -> Bool {
        if case .arithmetic = e, e.type == .number { return true }
        return false
    }

    static func literal(_ lit: Literal) -> SQLExpr {
        switch lit {
        case .null: .null
        case .integer(let i): .value(.integer(i))
        case .decimal(let m, let scale): .value(.decimal(SQLValue.decimalText(m, scale: scale)))
        case .double(let d): .value(.double(d))
        case .text(let s): .value(.text(s))
        case .bool(let b): .value(.bool(b))
        case .date(let d): .value(.date(d))
        }
    }
}

extension SQLBinary {
    init(_ op: ArithmeticOperator) {
        switch op {
        case .add: self = .add
        case .subtract: self = .subtract
        case .multiply: self = .multiply
        case .divide: self = .divide
        }
    }
}

/// Where each dataset lives in the database: the canonical table of its name, unless mapped.
public struct SQLTableMap: Sendable {
    public var mapped: [String: SQLTableName]

    public init(_ mapped: [String: SQLTableName] = [:]) { self.mapped = mapped }

    public func table(for dataset: String) -> SQLTableName {
        mapped[dataset] ?? SQLTableName(schema: nil, name: dataset)
    }
}
