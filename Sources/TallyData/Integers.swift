// Whole numbers of a column (integers, or a decimal's scaled units), 32 bits a value when they fit.

/// A column's whole numbers, held in 32 bits while every value fits and in 64 otherwise. Ids, counts
/// and cents mostly fit: half the width is half the memory a column holds and half the bytes a scan
/// reads. Null is the width's lowest value (`Int32.min`, `NullSentinel.int64`); read through
/// `subscript` or `widened`, a value is always 64 bits with `NullSentinel.int64` for null.
///
/// Loops over every row switch on the width once and run generic code over the buffer (see
/// `StoredInteger`), never a switch per row.
public enum Integers: Sendable {
    case narrow([Int32])
    case wide([Int64])

    /// `values`, narrowed when every one fits in 32 bits. One pass, without branches: it runs on every
    /// chunk of every number column a file is read in.
    @inlinable
    public init(_ values: [Int64]) {
        var outside: UInt64 = 0
        let narrow = [Int32](unsafeUninitializedCapacity: values.count) { out, initialized in
            values.withUnsafeBufferPointer { v in
                for i in v.indices {
                    let x = v[i]
                    let y = x == NullSentinel.int64 ? Int64(Int32.min) : x
                    let n = Int32(truncatingIfNeeded: y)
                    out[i] = n
                    // Not kept by 32 bits, or a value equal to the null of 32 bits.
                    outside |= UInt64(bitPattern: Int64(n) ^ y) | (x == Int64(Int32.min) ? 1 : 0)
                }
            }
            initialized = values.count
        }
        self = outside == 0 ? .narrow(narrow) : .wide(values)
    }

    /// `count` nulls.
    public static func nulls(count: Int) -> Integers {
        .narrow([Int32](repeating: Int32.min, count: count))
    }

    @inlinable
    public var count: Int {
        switch self {
        case .narrow(let v): v.count
        case .wide(let v): v.count
        }
    }

    /// Whether values are held in 32 bits.
    public var isNarrow: Bool {
        if case .narrow = self { return true }
        return false
    }

    /// Row `i` as 64 bits (`NullSentinel.int64` for null). For one value at a time, not for loops.
    @inlinable
    public subscript(i: Int) -> Int64 {
        switch self {
        case .narrow(let v): v[i].widened
        case .wide(let v): v[i]
        }
    }

    /// Every value in 64 bits, nulls as `NullSentinel.int64`.
    @inlinable
    public var widened: [Int64] {
        switch self {
        case .narrow(let v): v.map(\.widened)
        case .wide(let v): v
        }
    }

    /// Each value, in 64 bits, transformed.
    @inlinable
    public func map<T>(_ transform: (Int64) throws -> T) rethrows -> [T] {
        switch self {
        case .narrow(let v): try v.map { try transform($0.widened) }
        case .wide(let v): try v.map(transform)
        }
    }

    /// The values of `range`, in the same width.
    @inlinable
    public func slice(_ range: Range<Int>) -> Integers {
        switch self {
        case .narrow(let v): .narrow(Array(v[range]))
        case .wide(let v): .wide(Array(v[range]))
        }
    }

    /// Per entry of `rows`, the value of that row; null where the row is negative.
    @inlinable
    public func picked(_ rows: [Int32]) -> Integers {
        switch self {
        case .narrow(let v): .narrow(rows.map { $0 < 0 ? Int32.min : v[Int($0)] })
        case .wide(let v): .wide(rows.map { $0 < 0 ? NullSentinel.int64 : v[Int($0)] })
        }
    }

    /// Every value × 10^`places`, nulls kept, narrowed when the results fit; nil when a value would
    /// overflow 64 bits or land on the null sentinel.
    public func rescaled(by places: Int) -> Integers? {
        if places == 0 { return self }
        return DecimalScale.rescaled(widened, by: places).map(Integers.init)
    }

    /// Appends `part`, keeping 32 bits while every value fits. Widening copies what is held once (a
    /// column widens at most once).
    public mutating func append(contentsOf part: Integers) {
        // A 64-bit part whose values fit is appended narrowed (the readers hand parts over narrowed).
        if isNarrow, case .wide(let b) = part, case let narrowed = Integers(b), narrowed.isNarrow {
            return append(contentsOf: narrowed)
        }
        switch (self, part) {
        case (.narrow(var a), .narrow(let b)):
            self = .wide([])  // Leaves `a` the only reference, so it grows in place.
            a.makeRoom(for: b.count)
            a.append(contentsOf: b)
            self = .narrow(a)
        case (.narrow(let a), .wide(let b)):
            var wide = [Int64]()
            wide.reserveCapacity(Swift.max(a.capacity, a.count + b.count))
            wide.append(contentsOf: a.lazy.map(\.widened))
            wide.append(contentsOf: b)
            self = .wide(wide)
        case (.wide(var a), _):
            self = .narrow([])
            a.makeRoom(for: part.count)
            switch part {
            case .narrow(let b): a.append(contentsOf: b.lazy.map(\.widened))
            case .wide(let b): a.append(contentsOf: b)
            }
            self = .wide(a)
        }
    }

    /// An empty column with room for `capacity` values, in 32 bits until a value needs more.
    public static func reserved(_ capacity: Int) -> Integers {
        var values = [Int32]()
        values.reserveCapacity(capacity)
        return .narrow(values)
    }
}

extension Integers: Equatable {
    /// Equal values in the same order, whatever the widths.
    public static func == (a: Integers, b: Integers) -> Bool {
        switch (a, b) {
        case (.narrow(let x), .narrow(let y)): x == y
        case (.wide(let x), .wide(let y)): x == y
        default: a.count == b.count && a.widened == b.widened
        }
    }
}

extension Integers: ExpressibleByArrayLiteral {
    public init(arrayLiteral values: Int64...) {
        self.init(values)
    }
}

/// The two widths an integer column is held in; generic loops over either read a null as `.min`.
public protocol StoredInteger: FixedWidthInteger, SignedInteger, Sendable {}
extension Int32: StoredInteger {}
extension Int64: StoredInteger {}

extension StoredInteger {
    /// The value in 64 bits, null as `NullSentinel.int64`.
    @inlinable @inline(__always)
    public var widened: Int64 { self == Self.min ? NullSentinel.int64 : Int64(truncatingIfNeeded: self) }

    @inlinable @inline(__always)
    public var isNull: Bool { self == Self.min }
}

extension Integers: CustomStringConvertible {
    /// The values in 64 bits, whatever the width: a column reads the same however it is held.
    public var description: String { widened.description }
}
