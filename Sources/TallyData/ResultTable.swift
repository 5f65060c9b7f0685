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
