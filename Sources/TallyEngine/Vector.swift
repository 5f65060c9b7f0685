// Row values of one dataset as evaluated by the native engine: one typed array per expression.

import TallyData
import TallyDiagnostics
import TallySemantics

/// An evaluated row expression. Nulls use the column sentinels (`Int64.min`, `Int32.min`, NaN, 2, -1).
enum Vector {
    case int(Integers)
    case decimal(Integers, scale: Int)
    case double([Double])
    case bool([UInt8])
    case date([Int32])
    case timestamp([Int64])
    /// Microseconds.
    case duration([Int64])
    case text([Int32], dictionary: [String])
    /// The same value for every row; kept unmaterialised.
    case scalar(Literal)

    init(_ storage: ColumnStorage) {
        switch storage {
        case .integer(let v): self = .int(v)
        case .decimal(let v, let s): self = .decimal(v, scale: s)
        case .double(let v): self = .double(v)
        case .boolean(let v): self = .bool(v)
        case .date(let v): self = .date(v)
        case .timestamp(let v): self = .timestamp(v)
        case .text(let codes, let dict): self = .text(codes, dictionary: dict)
        }
    }

    /// Numbers as doubles (null = NaN), for arithmetic and for float aggregates.
    func doubles(count: Int) -> [Double] {
        switch self {
        case .int(let v): return v.map { $0 == NullSentinel.int64 ? .nan : Double($0) }
        case .decimal(let v, let s):
            let f = DecimalScale.factor(s)
            return v.map { $0 == NullSentinel.int64 ? .nan : Double($0) / f }
        case .double(let v): return v
        case .duration(let v): return v.map { $0 == NullSentinel.int64 ? .nan : Double($0) }
        case .scalar(let lit): return [Double](repeating: lit.doubleValue ?? .nan, count: count)
        case .bool, .date, .timestamp, .text: return [Double](repeating: .nan, count: count)
        }
    }

    /// Integer and decimal values as scaled integers (value = mantissa / 10^scale), and durations as
    /// whole microseconds, which sum exactly; nil for other kinds.
    var exact: (values: Integers, scale: Int)? {
        switch self {
        case .int(let x): (x, 0)
        case .decimal(let x, let s): (x, s)
        // Whole microseconds, summed exactly.
        case .duration(let x): (.wide(x), 0)
        default: nil
        }
    }

    /// Adds scaled integers, refusing to wrap around.
    static func checkedAdd(_ a: Int64, _ b: Int64) throws(Diagnostic) -> Int64 {
        let (s, overflow) = a.addingReportingOverflow(b)
        if overflow { throw sumOverflow }
        return s
    }

    static let sumOverflow = Diagnostic(
        "a sum exceeds the range of 64-bit integers", help: "sum fewer rows, or a smaller unit")

    /// A column read in blocks whose values changed kind between blocks (exact in one, floating point in
    /// another): the blocks' types are agreed over the whole file first, so this means the file changed.
    static let kindChanged = Diagnostic(
        "a column's type changed while its rows were read in blocks", help: "if the file was being written, run the query again")

    /// Whether each row is null.
    func nullMask(count: Int) -> [UInt8] {
        switch self {
        case .int(.narrow(let v)), .decimal(.narrow(let v), _):
            return v.map { $0.isNull ? 1 : 0 }
        case .int(.wide(let v)), .decimal(.wide(let v), _), .timestamp(let v), .duration(let v):
            return v.map { $0 == NullSentinel.int64 ? 1 : 0 }
        case .double(let v): return v.map { $0.isNaN ? 1 : 0 }
        case .bool(let v): return v.map { $0 == NullSentinel.boolean ? 1 : 0 }
        case .date(let v): return v.map { $0 == NullSentinel.int32 ? 1 : 0 }
        case .text(let codes, _): return codes.map { $0 < 0 ? 1 : 0 }
        case .scalar(let lit): return [UInt8](repeating: lit == .null ? 1 : 0, count: count)
        }
    }
}

extension Literal {
    var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .decimal(let m, let s): DecimalScale.double(m, scale: s)
        case .double(let d): d
        default: nil
        }
    }
}
