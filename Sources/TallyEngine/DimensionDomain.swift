// The distinct values one dimension takes across every aggregate of a query, numbered densely.

import TallyData
import TallySemantics

/// Numbers the values of one dimension. Different datasets may supply the same dimension
/// (`channel` of spend and of customers), so values are unified by value, not by dictionary code.
final class DimensionDomain {
    private(set) var values: [Value] = []
    private var ids: [Key: Int32] = [:]

    /// Text is keyed by its bytes: Swift's String equality would merge canonically equivalent
    /// spellings ("é" and "e\u{301}") that the data holds as different values. Numbers are keyed
    /// by value, so 1 from an integer column and 1.0 from a decimal column are one group.
    private enum Key: Hashable {
        case text([UInt8])
        case integer(Int64)
        case other(Value)

        init(_ v: Value) {
            switch v {
            case .text(let s): self = .text(Array(s.utf8))
            case .integer(let i): self = .integer(i)
            case .number(let d) where d == d.rounded() && abs(d) < 9.2e18: self = .integer(Int64(d))
            default: self = .other(v)
            }
        }
    }

    func id(_ v: Value) -> Int32 {
        let key = Key(v)
        if let id = ids[key] { return id }
        let id = Int32(values.count)
        values.append(v)
        ids[key] = id
        return id
    }

    /// The id of each row's value.
    func ids(for vector: Vector, count: Int) -> [Int32] {
        switch vector {
        case .text(let codes, let dict):
            let byCode = dict.map { id(.text($0)) }
            let null = id(.null)
            return codes.map { $0 < 0 ? null : byCode[Int($0)] }
        case .int(let v): return v.map { id($0 == NullSentinel.int64 ? .null : .integer($0)) }
        case .decimal(let v, let s):
            let f = DecimalScale.factor(s)
            return v.map { id($0 == NullSentinel.int64 ? .null : .number(Double($0) / f)) }
        case .double(let v): return v.map { id($0.isNaN ? .null : .number($0)) }
        case .bool(let v): return v.map { id($0 == NullSentinel.boolean ? .null : .bool($0 == 1)) }
        case .date(let v): return v.map { id($0 == NullSentinel.int32 ? .null : .date($0)) }
        case .timestamp(let v), .duration(let v): return v.map { id($0 == NullSentinel.int64 ? .null : .timestamp($0)) }
        case .scalar: return [Int32](repeating: id(.null), count: count)
        }
    }

    /// Each id's position in ascending order, nulls last.
    func ranks() -> [Int] {
        let order = values.indices.sorted { ValueOrder.less(values[$0], values[$1]) }
        var rank = [Int](repeating: 0, count: values.count)
        for (position, id) in order.enumerated() { rank[id] = position }
        return rank
    }
}

/// The order results are sorted in: numbers numerically, text by code point, nulls last.
enum ValueOrder {
    static func less(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, _): return false
        case (_, .null): return true
        case (.text(let x), .text(let y)): return Comparison.compareText(x, y) < 0
        case (.bool(let x), .bool(let y)): return !x && y
        case (.integer(let x), .integer(let y)): return x < y
        case (.decimal(let x, let s), .decimal(let y, let t)) where s == t: return x < y
        default:
            if let x = number(a), let y = number(b) { return x < y }
            return rank(a) < rank(b)
        }
    }

    private static func number(_ v: Value) -> Double? {
        switch v {
        case .integer, .number, .decimal: v.double
        case .date(let d): Double(d)
        case .timestamp(let t): Double(t)
        default: nil
        }
    }

    /// Mixed kinds (rare: a dimension fed by columns of different types) order by kind.
    private static func rank(_ v: Value) -> Int {
        switch v {
        case .bool: 0
        case .integer, .number, .decimal: 1
        case .date, .timestamp: 2
        case .text: 3
        case .null: 4
        }
    }
}
