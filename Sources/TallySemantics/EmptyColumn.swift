// A column with no values (a header-only file, a column left blank) takes the type its use needs.

import TallyData

extension RowType {
    /// The column type that holds values of this type; nil for what no column holds (a duration).
    var columnType: ColumnType? {
        switch self {
        case .number: .integer
        case .boolean: .boolean
        case .date: .date
        case .timestamp: .timestamp
        case .text: .text
        case .duration, .null, .empty: nil
        }
    }

    /// The type an empty operand takes beside an operand of this type in arithmetic: a date or a
    /// timestamp for subtracting, a number otherwise (whether the pair can be combined is checked after).
    var arithmeticPartner: RowType {
        self == .date || self == .timestamp ? self : .number
    }
}

extension RowExpr {
    /// An expression of type `.empty` given the type `type`: its columns, all of them empty, take the
    /// column type that gives `type`. Nil when no column type does (a duration from a lone column).
    func settled(as type: RowType) -> RowExpr? {
        switch self {
        case .column(var c):
            guard let columnType = type.columnType else { return nil }
            c.type = columnType
            return .column(c)
        case .negate(let x):
            return x.settled(as: type).map(RowExpr.negate)
        case .arithmetic(let op, let l, let r):
            // Both sides are empty too: an operand known beside an empty one settles it at once.
            let operands: RowType? =
                switch (op, type) {
                case (_, .number): .number
                case (.subtract, .duration): .timestamp
                default: nil
                }
            guard let operands, let l = l.settled(as: operands), let r = r.settled(as: operands) else { return nil }
            return .arithmetic(op, l, r)
        default:
            return self
        }
    }
}
