// The types of row expressions: the binder's rules, in one place. The binder checks operands with
// them; engines and the SQL compiler read a bound expression's type here, never re-derive it.

extension RowType {
    /// The type of `l op r`; nil where the operation has no meaning (a binding error).
    static func arithmetic(_ op: ArithmeticOperator, _ l: RowType, _ r: RowType) -> RowType? {
        switch (op, l, r) {
        case (_, .number, .number): .number
        case (.subtract, .timestamp, .timestamp), (.subtract, .date, .date): .duration
        case (.add, .duration, .duration), (.subtract, .duration, .duration): .duration
        case (.multiply, .duration, .number), (.multiply, .number, .duration), (.divide, .duration, .number): .duration
        default: nil
        }
    }
}

extension RowFunction {
    /// What it returns: a date, a period's label (text), or a number of units.
    var resultType: RowType {
        switch self {
        case .date: .date
        case .day, .week, .month, .quarter, .year: .text
        case .seconds, .minutes, .hours, .days: .number
        }
    }
}

extension Literal {
    var type: RowType {
        switch self {
        case .null: .null
        case .integer, .decimal, .double: .number
        case .text: .text
        case .bool: .boolean
        case .date: .date
        }
    }
}

extension RowExpr {
    /// The type the binder gave this expression (a bound expression's operands are settled, so
    /// every operation has its meaning).
    public var type: RowType {
        switch self {
        case .column(let c): RowType(c.type)
        case .literal(let l): l.type
        case .negate(let x): x.type
        case .arithmetic(let op, let l, let r): RowType.arithmetic(op, l.type, r.type) ?? .number
        case .compare, .logical, .not, .inList, .isNull: .boolean
        case .call(let f, _): f.resultType
        }
    }
}
