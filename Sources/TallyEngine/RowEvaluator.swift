// Evaluates bound row expressions over every row of one dataset, column at a time.

import TallyData
import TallyDiagnostics
import TallySemantics

/// Evaluates row expressions for one dataset. Columns reached through a relation are gathered
/// into the dataset's row order once, through the relation's row mapping.
struct RowEvaluator {
    let dataset: Dataset
    let relations: RelationCache
    /// Conditions several aggregates over these rows test (`kind = "nps"` in each of nps's three
    /// counts): each is worked out once per query and its mask kept for the others.
    let sharedConditions: Set<RowExpr>
    private let masks = MaskMemo()

    init(dataset: Dataset, relations: RelationCache, sharedConditions: Set<RowExpr> = []) {
        self.dataset = dataset
        self.relations = relations
        self.sharedConditions = sharedConditions
    }

    var count: Int { dataset.rowCount }

    func evaluate(_ e: RowExpr) throws(Diagnostic) -> Vector {
        switch e {
        case .column(let c):
            return try column(c)
        case .literal(let lit):
            return .scalar(lit)
        case .negate(let x):
            switch try evaluate(x) {
            case .int(let v): return .int(.wide(v.map { $0 == NullSentinel.int64 ? $0 : -$0 }))
            case .decimal(let v, let s): return .decimal(.wide(v.map { $0 == NullSentinel.int64 ? $0 : -$0 }), scale: s)
            case .duration(let v): return .duration(v.map { $0 == NullSentinel.int64 ? $0 : -$0 })
            case let other: return .double(other.doubles(count: count).map { -$0 })
            }
        case .arithmetic(let op, let l, let r):
            return arithmetic(op, try evaluate(l), try evaluate(r))
        case .call(let f, let x):
            return call(f, try evaluate(x))
        case .compare, .logical, .not, .inList, .isNull:
            return .bool(try condition(e))
        }
    }

    /// A condition as a mask: 1 where it holds, 0 elsewhere (null never holds; see RowExpr's null rules).
    func condition(_ e: RowExpr) throws(Diagnostic) -> [UInt8] {
        guard sharedConditions.contains(e) else { return try computedCondition(e) }
        if let mask = masks.kept[e] { return mask }
        let mask = try computedCondition(e)
        masks.kept[e] = mask
        return mask
    }

    private func computedCondition(_ e: RowExpr) throws(Diagnostic) -> [UInt8] {
        if case .column = e {
        } else if let mask = try pushedDownCondition(e) {
            return mask
        }
        switch e {
        case .compare(let op, let l, let r):
            return Comparison.compare(op, try evaluate(l), try evaluate(r), count: count)
        case .logical(let op, let l, let r):
            var a = try condition(l)
            let b = try condition(r)
            if op == .and { Masks.and(&a, b) } else { Masks.or(&a, b) }
            return a
        case .not(let x):
            return try condition(x).map { $0 ^ 1 }
        case .inList(let x, let literals, let negated):
            let v = try evaluate(x)
            var hit = [UInt8](repeating: 0, count: count)
            for lit in literals {
                let eq = Comparison.compare(.equal, v, .scalar(lit), count: count)
                for i in 0..<count { hit[i] |= eq[i] }
            }
            return negated ? hit.map { $0 ^ 1 } : hit
        case .isNull(let x, let negated):
            let nulls = try evaluate(x).nullMask(count: count)
            return negated ? nulls.map { $0 ^ 1 } : nulls
        default:
            switch try evaluate(e) {
            case .bool(let v): return v.map { $0 == 1 ? 1 : 0 }
            case .scalar(.bool(let b)): return [UInt8](repeating: b ? 1 : 0, count: count)
            default: return [UInt8](repeating: 0, count: count)
            }
        }
    }

    private func column(_ c: BoundColumn) throws(Diagnostic) -> Vector {
        guard let relation = c.via else {
            guard let column = dataset.column(named: c.column) else {
                throw Diagnostic("dataset '\(dataset.name)' has no column '\(c.column)'")
            }
            return Vector(Self.values(column, as: c.type))
        }
        let (target, rows) = try relations.mapping(for: relation, from: dataset)
        guard let column = target.column(named: c.column) else {
            throw Diagnostic("dataset '\(target.name)' has no column '\(c.column)'")
        }
        return Gather.column(Self.values(column, as: c.type), rows: rows)
    }

    /// A column with no values is stored as text whatever its use; the binder gave it the type its
    /// use needs, and it is read as nulls of that type.
    private static func values(_ column: Column, as type: ColumnType) -> ColumnStorage {
        guard column.isEmptyText, type != .text else { return column.storage }
        return .nulls(type, count: column.count)
    }

    private func arithmetic(_ op: ArithmeticOperator, _ l: Vector, _ r: Vector) -> Vector {
        switch (op, l, r) {
        case (.subtract, .timestamp(let a), .timestamp(let b)):
            return .duration(zip(a, b).map { x, y in x == NullSentinel.int64 || y == NullSentinel.int64 ? NullSentinel.int64 : x &- y })
        case (.subtract, .date(let a), .date(let b)):
            return .duration(zip(a, b).map { x, y in
                x == NullSentinel.int32 || y == NullSentinel.int32 ? NullSentinel.int64 : (Int64(x) - Int64(y)) * 86_400_000_000
            })
        case (.subtract, .timestamp(let a), .scalar(.date(let d))):
            let t = Int64(d) * 86_400_000_000
            return .duration(a.map { $0 == NullSentinel.int64 ? $0 : $0 &- t })
        default:
            break
        }
        let isDuration: Bool = {
            if case .duration = l { return true }
            if case .duration = r { return true }
            return false
        }()
        let a = l.doubles(count: count)
        let b = r.doubles(count: count)
        var out = [Double](repeating: .nan, count: count)
        for i in 0..<count {
            let x = a[i]
            let y = b[i]
            switch op {
            case .add: out[i] = x + y
            case .subtract: out[i] = x - y
            case .multiply: out[i] = x * y
            case .divide: out[i] = y == 0 ? .nan : x / y
            }
        }
        if isDuration { return .duration(out.map { $0.isFinite ? Int64($0.rounded()) : NullSentinel.int64 }) }
        return .double(out.map { $0.isFinite ? $0 : .nan })
    }

    private func call(_ f: RowFunction, _ x: Vector) -> Vector {
        if let grain = f.grain { return periodLabels(grain, x) }
        switch f {
        case .date:
            switch x {
            case .timestamp(let v): return .date(v.map { $0 == NullSentinel.int64 ? NullSentinel.int32 : CivilDate.day(ofTimestamp: $0) })
            default: return x
            }
        case .day, .week, .month, .quarter, .year:
            return x
        case .seconds, .minutes, .hours, .days:
            let per: Double =
                switch f {
                case .seconds: 1e6
                case .minutes: 60e6
                case .hours: 3600e6
                default: 86_400e6
                }
            guard case .duration(let v) = x else { return .double(x.doubles(count: count)) }
            return .double(v.map { $0 == NullSentinel.int64 ? .nan : Double($0) / per })
        }
    }
}

extension RowEvaluator {
    /// Period labels as dictionary-encoded text, one dictionary entry per distinct period.
    fileprivate func periodLabels(_ grain: Grain, _ x: Vector) -> Vector {
        let days: [Int32]
        switch x {
        case .date(let d): days = d
        case .timestamp(let t): days = t.map { $0 == NullSentinel.int64 ? NullSentinel.int32 : CivilDate.day(ofTimestamp: $0) }
        default: return .text([Int32](repeating: NullSentinel.textCode, count: count), dictionary: [])
        }
        var codes = [Int32](repeating: NullSentinel.textCode, count: days.count)
        var dictionary: [String] = []
        var codeOfPeriod: [Int: Int32] = [:]
        for (i, day) in days.enumerated() where day != NullSentinel.int32 {
            let period = grain.index(ofDay: day)
            if let code = codeOfPeriod[period] {
                codes[i] = code
            } else {
                let code = Int32(dictionary.count)
                dictionary.append(grain.label(ofIndex: period))
                codeOfPeriod[period] = code
                codes[i] = code
            }
        }
        return .text(codes, dictionary: dictionary)
    }
}

/// Gathers a column of a related dataset into the order of the rows that point at it.
enum Gather {
    static func column(_ storage: ColumnStorage, rows: [Int32]) -> Vector {
        switch storage {
        case .integer(let v): return .int(v.picked(rows))
        case .decimal(let v, let s): return .decimal(v.picked(rows), scale: s)
        case .double(let v): return .double(pick(v, rows, .nan))
        case .boolean(let v): return .bool(pick(v, rows, NullSentinel.boolean))
        case .date(let v): return .date(pick(v, rows, NullSentinel.int32))
        case .timestamp(let v): return .timestamp(pick(v, rows, NullSentinel.int64))
        case .text(let codes, let dict): return .text(pick(codes, rows, NullSentinel.textCode), dictionary: dict)
        }
    }

    /// A row with no match (-1) gets null: relations never drop rows.
    private static func pick<T>(_ values: [T], _ rows: [Int32], _ null: T) -> [T] {
        rows.map { $0 < 0 ? null : values[Int($0)] }
    }
}

/// The masks of shared conditions, kept for the query an evaluator serves.
private final class MaskMemo {
    var kept: [RowExpr: [UInt8]] = [:]
}

extension RowExpr {
    /// The conditions of a filter that an evaluator may be asked for: the filter and, through `and`,
    /// `or` and `not`, each condition it is made of.
    var conditions: [RowExpr] {
        switch self {
        case .logical(_, let l, let r): [self] + l.conditions + r.conditions
        case .not(let x): [self] + x.conditions
        default: [self]
        }
    }
}

/// Row masks combined in place, over raw buffers: these loops run once per row for every filter.
enum Masks {
    static func and(_ a: inout [UInt8], _ b: [UInt8]) {
        combine(&a, b) { $0 & $1 }
    }

    static func or(_ a: inout [UInt8], _ b: [UInt8]) {
        combine(&a, b) { $0 | $1 }
    }

    @inline(__always)
    private static func combine(_ a: inout [UInt8], _ b: [UInt8], _ f: (UInt8, UInt8) -> UInt8) {
        let n = min(a.count, b.count)
        a.withUnsafeMutableBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                for i in 0..<n { a[i] = f(a[i], b[i]) }
            }
        }
    }
}
