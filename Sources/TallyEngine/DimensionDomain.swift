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
}
