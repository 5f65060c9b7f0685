// What every engine returns: named, typed columns of values, ready for a renderer.

/// A single value in a result.
public enum Value: Hashable, Sendable {
    case null
    case integer(Int64)
    case number(Double)
    /// An exact decimal: units × 10^-scale (a sum of money, to the cent).
    case decimal(Int64, scale: Int)
    case text(String)
    case bool(Bool)
    /// Days since 1970-01-01.
    case date(Int32)
    /// Microseconds since the epoch, UTC.
    case timestamp(Int64)
    /// A period of the time axis, named (`2024-03`) only where it is shown.
    case period(Period)
}

extension Value {
    /// Text is equal when its bytes are: "é" as one character and as "e" with an accent are two
    /// values, as in databases (DESIGN §4), where Swift's `String` equality would make them one.
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.integer(let x), .integer(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.decimal(let x, let s), .decimal(let y, let t)): x == y && s == t
        case (.text(let x), .text(let y)): x.utf8.elementsEqual(y.utf8)
        case (.bool(let x), .bool(let y)): x == y
        case (.date(let x), .date(let y)): x == y
        case (.timestamp(let x), .timestamp(let y)): x == y
        case (.period(let x), .period(let y)): x == y
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .integer(let x): hasher.combine(x)
        case .number(let x): hasher.combine(x)
        case .decimal(let x, let s):
            hasher.combine(x)
            hasher.combine(s)
        case .text(let x): hasher.combine(TextKey(x))
        case .bool(let x): hasher.combine(x)
        case .date(let x): hasher.combine(x)
        case .timestamp(let x): hasher.combine(x)
        case .period(let x): hasher.combine(x)
        }
    }
}

extension Value {
    /// A number's value as a finite double; nil for null, NaN, infinity and non-numbers. Exact
    /// for integers up to 2^53 and for decimals of up to 15 digits.
    public var double: Double? {
        switch self {
        case .integer(let n): return Double(n)
        case .number(let x): return x.isFinite ? x : nil
        case .decimal(let m, let s): return DecimalScale.double(m, scale: s)
        default: return nil
        }
    }
}

extension Value {
    /// An exact number written as decimal digits (`-2549.60`, `42`), as SQL engines return NUMERIC,
    /// DECIMAL and integers: an integer without a point, a decimal keeping its scale; a floating-point
    /// number only when the digits do not fit 64 bits. Nil for text that is no such number.
    public init?(exactDigits text: String) {
        // The CSV reader's number syntax and scaling, so both read digits alike.
        var text = text
        let parsed = text.withUTF8 { b -> Value? in
            guard let shape = TypeInference.numberShape(b), !shape.hasExponent else { return nil }
            let scale = shape.fracDigits.count
            guard scale <= 18, let units = TypeInference.mantissa(b, shape, scale: scale) else {
                return Double(String(decoding: b, as: UTF8.self)).flatMap { $0.isFinite ? .number($0 == 0 ? 0 : $0) : nil }
            }
            return scale == 0 ? .integer(units) : .decimal(units, scale: scale)
        }
        guard let parsed else { return nil }
        self = parsed
    }
}

public struct ResultColumn: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        /// A `by` dimension; `time` for grains, whose values are period labels.
        case dimension(time: Bool)
        /// A metric or expression; `unit` drives formatting for people.
        case measure(unit: MetricUnit?)
    }
    public var name: String
    public var role: Role
    /// Prose (a description, a file path) rather than values to group or compare: the one kind of
    /// cell a table for people may shorten to fit the terminal.
    public var isFreeText: Bool
    public init(name: String, role: Role, isFreeText: Bool = false) {
        self.name = name
        self.role = role
        self.isFreeText = isFreeText
    }
}

/// A result: columns, then rows of values in column order.
public struct ResultTable: Sendable {
    public var columns: [ResultColumn]
    public var rows: [[Value]]
    public init(columns: [ResultColumn], rows: [[Value]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// The display unit of a metric: how a number is shown to people (CSV and JSON show it plain).
public enum MetricUnit: String, Sendable, CaseIterable {
    case count, currency, percent, ratio, score, hours, days
}
