// Identities of values for count_distinct: dense small integers when the values allow, else 64-bit keys.

import TallyData

/// Each row's value as an identity. Text codes are already dense; integers and dates whose range is
/// small are offset from their minimum, so distinct counting can use bitsets. Other values get a 64-bit
/// key (doubles by bit pattern, with -0 as 0) and `count` is 0.
struct DistinctIDs {
    /// The number of dense identities (ids are 0..<count); 0 when only `key` applies.
    let count: Int
    /// Values in 32 bits whose dense id is the value minus `narrowLow` (text codes and booleans, from
    /// 0; integers held narrow, from their lowest): a value below `narrowLow` is null. Empty when the
    /// ids come from `wide`.
    private let narrow: [Int32]
    private let narrowLow: Int32
    /// Integer values whose dense id is the value minus `low` (null stays `Int64.min`).
    private let wide: [Int64]
    private let low: Int64
    /// Keys when not dense; `Int64.min` is null (no key of a number, date or double has that pattern:
    /// -0.0, the only double with it, is keyed as 0).
    private let keys: [Int64]
    private static let denseLimit: Int64 = 1 << 26

    init(_ v: Vector, count rows: Int) {
        var (narrow, narrowLow, wide, low, keys) = ([Int32](), Int32(0), [Int64](), Int64(0), [Int64]())
        switch v {
        case .text(let codes, let dictionary):
            (count, narrow) = (dictionary.count, codes)
        case .int(.narrow(let x)), .decimal(.narrow(let x), _):
            (count, low) = Self.range(DenseRange.of(x))
            if count > 0 { (narrow, narrowLow) = (x, Int32(low)) } else { keys = x.map(\.widened) }
        case .int(.wide(let x)), .decimal(.wide(let x), _), .timestamp(let x), .duration(let x):
            (count, low) = Self.range(DenseRange.of(x))
            if count > 0 { wide = x } else { keys = x }
        case .date(let x):
            let values = x.map { $0 == NullSentinel.int32 ? NullSentinel.int64 : Int64($0) }
            (count, low) = Self.range(DenseRange.of(values))
            if count > 0 { wide = values } else { keys = values }
        case .double(let x):
            count = 0
            keys = x.map { $0.isNaN ? Int64.min : Int64(bitPattern: ($0 == 0 ? 0 : $0).bitPattern) }
        case .bool(let x):
            (count, narrow) = (2, x.map { $0 == NullSentinel.boolean ? -1 : Int32($0) })
        case .scalar(let literal):
            (count, narrow) = (1, [Int32](repeating: literal == .null ? -1 : 0, count: rows))
        }
        (self.narrow, self.narrowLow, self.wide, self.low, self.keys) = (narrow, narrowLow, wide, low, keys)
    }

    /// The number of dense ids the values span, and the lowest value; 0 when too wide (or all null).
    private static func range(_ range: (low: Int64, span: Int64)?) -> (Int, Int64) {
        guard let (lo, span) = range, span < denseLimit else { return (0, 0) }
        return (Int(span) + 1, lo)
    }

    /// The dense id of row `i`, -1 for null. Only when `count > 0`.
    @inline(__always)
    func id(_ i: Int) -> Int {
        if narrow.isEmpty { return wide[i] == NullSentinel.int64 ? -1 : Int(wide[i] &- low) }
        let v = narrow[i]
        return v < narrowLow ? -1 : Int(v) - Int(narrowLow)
    }

    /// The 64-bit key of row `i`, nil for null.
    func key(_ i: Int) -> Int64? {
        if count > 0 {
            let id = id(i)
            return id < 0 ? nil : Int64(id)
        }
        return keys.isEmpty || keys[i] == Int64.min ? nil : keys[i]
    }
}

/// The smallest non-null value and the distance to the largest, for numbering values densely.
enum DenseRange {
    /// nil when every value is null or the distance overflows.
    static func of<T: StoredInteger>(_ x: [T]) -> (low: Int64, span: Int64)? {
        var lo = T.max
        var hi = T.min
        for k in x where !k.isNull {
            lo = min(lo, k)
            hi = max(hi, k)
        }
        guard lo <= hi else { return nil }
        let (span, overflow) = Int64(hi).subtractingReportingOverflow(Int64(lo))
        return overflow ? nil : (Int64(lo), span)
    }

    static func of(_ x: Integers) -> (low: Int64, span: Int64)? {
        switch x {
        case .narrow(let v): of(v)
        case .wide(let v): of(v)
        }
    }
}
