// Identities of values for count_distinct: dense small integers when the values allow, else 64-bit keys.

import TallyData

/// Each row's value as an identity. Text codes are already dense; integers and dates whose range is
/// small are offset from their minimum, so distinct counting can use bitsets. Other values get a 64-bit
/// key (doubles by bit pattern, with -0 as 0) and `count` is 0.
struct DistinctIDs {
    /// The number of dense identities (ids are 0..<count); 0 when only `key` applies.
    let count: Int
    /// Dense ids already stored (text codes, booleans), or empty when they are computed from `wide`.
    private let dense: [Int32]
    /// Integer values whose dense id is the value minus `low` (null stays `Int64.min`).
    private let wide: [Int64]
    private let low: Int64
    /// Keys when not dense; `Int64.min` is null (no key of a number, date or double has that pattern:
    /// -0.0, the only double with it, is keyed as 0).
    private let keys: [Int64]
    private static let denseLimit: Int64 = 1 << 26

    init(_ v: Vector, count rows: Int) {
        var (dense, wide, low, keys) = ([Int32](), [Int64](), Int64(0), [Int64]())
        switch v {
        case .text(let codes, let dictionary):
            (count, dense) = (dictionary.count, codes)
        case .int(let x), .decimal(let x, _), .timestamp(let x), .duration(let x):
            (count, low) = Self.range(x)
            if count > 0 { wide = x } else { keys = x }
        case .date(let x):
            let values = x.map { $0 == NullSentinel.int32 ? NullSentinel.int64 : Int64($0) }
            (count, low) = Self.range(values)
            if count > 0 { wide = values } else { keys = values }
        case .double(let x):
            count = 0
            keys = x.map { $0.isNaN ? Int64.min : Int64(bitPattern: ($0 == 0 ? 0 : $0).bitPattern) }
        case .bool(let x):
            (count, dense) = (2, x.map { $0 == NullSentinel.boolean ? -1 : Int32($0) })
        case .scalar(let literal):
            (count, dense) = (1, [Int32](repeating: literal == .null ? -1 : 0, count: rows))
        }
        (self.dense, self.wide, self.low, self.keys) = (dense, wide, low, keys)
    }

    /// The number of dense ids the values span, and the lowest value; 0 when too wide (or all null).
    private static func range(_ x: [Int64]) -> (Int, Int64) {
        guard let (lo, span) = DenseRange.of(x), span < denseLimit else { return (0, 0) }
        return (Int(span) + 1, lo)
    }

    /// The dense id of row `i`, -1 for null. Only when `count > 0`.
    @inline(__always)
    func id(_ i: Int) -> Int {
        if dense.isEmpty { return wide[i] == NullSentinel.int64 ? -1 : Int(wide[i] &- low) }
        return Int(dense[i])
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
    static func of(_ x: [Int64]) -> (low: Int64, span: Int64)? {
        var lo = Int64.max
        var hi = Int64.min
        for k in x where k != NullSentinel.int64 {
            lo = min(lo, k)
            hi = max(hi, k)
        }
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        return lo <= hi && !overflow ? (lo, span) : nil
    }
}
