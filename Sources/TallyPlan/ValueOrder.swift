// The one order results are sorted in, on every engine.

import TallyData

/// The order results are sorted in: numbers numerically, text by code point, periods in time, nulls last.
public enum ValueOrder {
    public static func less(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, _): return false
        case (_, .null): return true
        case (.text(let x), .text(let y)): return compareText(x, y) < 0
        case (.bool(let x), .bool(let y)): return !x && y
        case (.integer(let x), .integer(let y)): return x < y
        case (.decimal(let x, let s), .decimal(let y, let t)) where s == t: return x < y
        case (.period(let x), .period(let y)) where x.grain == y.grain: return x.index < y.index
        // A period against text (`having month >= "2024-03"`) compares its name: a grain's labels
        // sort as its periods do.
        case (.period(let x), .text(let y)): return compareText(x.label, y) < 0
        case (.text(let x), .period(let y)): return compareText(x, y.label) < 0
        default:
            if let x = number(a), let y = number(b) { return x < y }
            return rank(a) < rank(b)
        }
    }

    /// Text compares by its bytes, as databases do: "é" and "e\u{301}" are different values
    /// (Swift's `==` would call them equal), and order is by Unicode code point, which is UTF-8 byte order.
    public static func compareText(_ a: String, _ b: String) -> Int {
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
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
        case .date, .timestamp, .period: 2
        case .text: 3
        case .null: 4
        }
    }
}
