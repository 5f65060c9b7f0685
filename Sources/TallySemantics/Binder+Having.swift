// `having`: a condition on the result's columns, bound against their names; and the error for a
// `where` that names a metric, which filters rows before there is any metric to compare.

import TallyData
import TallyDiagnostics
import TallySyntax

extension BindingState {
    /// Binds `having` over the result's columns (dimensions, then items) and constants.
    func bindHaving(_ e: Expr, columns: [String]) throws(Diagnostic) -> ResultCondition {
        switch e.kind {
        case .binary(.and, let l, let r):
            return .logical(.and, try bindHaving(l, columns: columns), try bindHaving(r, columns: columns))
        case .binary(.or, let l, let r):
            return .logical(.or, try bindHaving(l, columns: columns), try bindHaving(r, columns: columns))
        case .unary(.not, let x):
            return .not(try bindHaving(x, columns: columns))
        case .binary(let op, let l, let r):
            guard let comparison = ComparisonOperator(rawValue: op.rawValue) else { break }
            return .compare(comparison, try operand(l, columns), try operand(r, columns))
        case .isNull(let x, let negated):
            return .isNull(try operand(x, columns), negated: negated)
        case .between(let x, let lo, let hi, let negated):
            let v = try operand(x, columns)
            let within = ResultCondition.logical(
                .and, .compare(.greaterEqual, v, try operand(lo, columns)),
                .compare(.lessEqual, v, try operand(hi, columns)))
            return negated ? .not(within) : within
        case .inList(let x, let values, let negated):
            let v = try operand(x, columns)
            var any: ResultCondition?
            for value in values {
                let equal = ResultCondition.compare(.equal, v, try operand(value, columns))
                any = any.map { .logical(.or, $0, equal) } ?? equal
            }
            guard let any else { break }
            return negated ? .not(any) : any
        default:
            break
        }
        throw Diagnostic(
            "having compares the result's columns with values", at: e.span,
            help: "e.g. having revenue > 1000 and plan != \"basic\"; the columns are " + columns.joined(separator: ", ")
        )
    }

    private func operand(_ e: Expr, _ columns: [String]) throws(Diagnostic) -> ResultOperand {
        switch e.kind {
        case .name(let n):
            guard let index = columns.firstIndex(of: n.text) else {
                // A grain, a named dimension or a column is grouped by; anything else is computed as an item.
                let groups = Grain.parse(n.text) != nil || catalog.dimensions[n.text] != nil || isColumnOfAnyDataset(n.text)
                let add = groups
                    ? "group by it first, e.g. ... by \(n.text) having \(n.text) = ..."
                    : "add it as an item first, e.g. \(n.text), ... having \(n.text) > 0"
                throw Diagnostic(
                    "having can only use the result's columns, and it has no column '\(n.text)'", at: n.span,
                    help: Suggestions.closest(to: n.text, in: columns).map { "did you mean '\($0)'?" }
                        ?? add + "; the columns are " + columns.joined(separator: ", "))
            }
            return .column(index)
        case .number(let text):
            guard let v = Value(exactDigits: text) ?? Double(text).map(Value.number) else { break }
            return .value(v)
        case .unary(.negate, let x):
            if case .number(let text) = x.kind, let v = Value(exactDigits: "-" + text) { return .value(v) }
        case .string(let s): return .value(.text(s))
        case .bool(let b): return .value(.bool(b))
        case .null: return .value(.null)
        default: break
        }
        throw Diagnostic(
            "having compares the result's columns with values", at: e.span,
            help: "name a column of the result or write a number, a string, true, false or null")
    }

    /// When `where` could not be bound: a name in it that is a metric or one of the query's items
    /// gets an error saying where such a condition belongs; nil when there is none.
    func metricInWhere(_ filter: Expr, items: [String]) -> Diagnostic? {
        switch filter.kind {
        case .name(let n) where items.contains(n.text) || catalog.metrics[n.text] != nil:
            return Diagnostic(
                "where filters rows before they are aggregated, so it cannot use the metric '\(n.text)'", at: n.span,
                help: "to keep the groups whose \(n.text) passes a test, use having: ... having \(n.text) > 1000")
        case .unary(_, let x), .isNull(let x, _):
            return metricInWhere(x, items: items)
        case .binary(_, let l, let r):
            return metricInWhere(l, items: items) ?? metricInWhere(r, items: items)
        case .between(let x, let a, let b, _):
            return metricInWhere(x, items: items) ?? metricInWhere(a, items: items) ?? metricInWhere(b, items: items)
        case .inList(let x, let xs, _):
            return ([x] + xs).lazy.compactMap { self.metricInWhere($0, items: items) }.first
        default:
            return nil
        }
    }
}
