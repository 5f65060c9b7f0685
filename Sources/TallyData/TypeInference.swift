// Chooses a column's type from its raw fields: the first of boolean, integer, decimal, date, timestamp, text that fits all.

/// The storage a CSV column converts to.
enum InferredType: Equatable {
    case boolean
    case integer
    /// Exact decimal; every value scaled to `scale` (at most 9). May still fall back to double
    /// if a scaled mantissa overflows Int64.
    case decimal(scale: Int)
    case double
    case date
    case timestamp
    case text
}

/// The types one field could belong to. A column's type is the first whose bit survives every field.
struct TypeCandidates: OptionSet {
    let rawValue: UInt8
    static let boolean = TypeCandidates(rawValue: 1)
    static let integer = TypeCandidates(rawValue: 2)
    static let decimal = TypeCandidates(rawValue: 4)
    static let double = TypeCandidates(rawValue: 8)
    static let date = TypeCandidates(rawValue: 16)
    static let timestamp = TypeCandidates(rawValue: 32)
    static let all: TypeCandidates = [.boolean, .integer, .decimal, .double, .date, .timestamp]
}

/// The shape of a number written as `[+-]digits[.digits][(e|E)[+-]digits]`.
struct NumberShape {
    var negative = false
    /// Byte ranges (within the field) of the integer and fraction digits.
    var intDigits = 0..<0
    var fracDigits = 0..<0
    var hasPoint = false
    var hasExponent = false
}

enum TypeInference {
    /// Largest decimal scale kept exact; more fraction digits make the column double.
    static let maxDecimalScale = 9

    /// What one stretch of a column's fields says about its type; stretches combine with `merge`.
    struct Evidence {
        var candidates = TypeCandidates.all
        var scale = 0
        var sawValue = false
        /// The stretch's first value that is not a number, if any, and whether some value is written as
        /// a number (`numberShape`, so also one too wide to read as one). Set by whoever knows where the
        /// stretch lies in the file (`CSVColumnConverter.inferAndConvert`).
        var firstNonNumber: NonNumberSpot?
        var sawNumber = false

        /// Narrows by the fields of one stretch; stops early once only text fits.
        init(_ fields: UnsafeBufferPointer<CSVFieldRef>, in bytes: UnsafeBufferPointer<UInt8>) {
            for f in fields where f.length > 0 {
                sawValue = true
                // Collapsed doubled quotes leave a '"' in the value, which no typed syntax allows.
                if f.escaped {
                    candidates = []
                    return
                }
                candidates.formIntersection(classify(UnsafeBufferPointer(rebasing: bytes[f.start..<f.start + f.length]), scale: &scale))
                if candidates.isEmpty { return }
            }
        }

        init() {}

        /// Evidence of a stretch with at least one value.
        init(candidates: TypeCandidates, scale: Int) {
            self.candidates = candidates
            self.scale = scale
            sawValue = true
        }

        /// Adds the evidence of the stretch that follows this one in the file.
        mutating func merge(_ other: Evidence) {
            guard other.sawValue else { return }
            candidates = sawValue ? candidates.intersection(other.candidates) : other.candidates
            scale = max(scale, other.scale)
            sawValue = true
            if firstNonNumber == nil { firstNonNumber = other.firstNonNumber }
            sawNumber = sawNumber || other.sawNumber
        }

        /// The first type that fits every value; an all-null column is text.
        var type: InferredType {
            if !sawValue { return .text }
            if candidates.contains(.boolean) { return .boolean }
            if candidates.contains(.integer) { return .integer }
            if candidates.contains(.decimal) { return .decimal(scale: scale) }
            if candidates.contains(.double) { return .double }
            if candidates.contains(.date) { return .date }
            if candidates.contains(.timestamp) { return .timestamp }
            return .text
        }
    }

    /// Which types a non-empty field fits. Raises `scale` to the field's fraction digits when it is a decimal.
    static func classify(_ f: UnsafeBufferPointer<UInt8>, scale: inout Int) -> TypeCandidates {
        let c0 = f[0] | 0x20  // ASCII lowercase; digits and signs are unaffected in the checks below
        if c0 == UInt8(ascii: "t") || c0 == UInt8(ascii: "f") {
            return parseBoolean(f) != nil ? .boolean : []
        }
        if f.count >= 10, f[4] == UInt8(ascii: "-"), isDigit(f[0]) {
            if f.count == 10 { return CivilDate.parseDate(f) != nil ? [.date, .timestamp] : [] }
            return CivilDate.parseTimestamp(f) != nil ? .timestamp : []
        }
        guard let shape = numberShape(f) else { return [] }
        if shape.hasExponent { return .double }
        if !shape.hasPoint {
            // A whole number beyond 64 bits fits no number type: as a double it would lose digits, and
            // distinct ids would become equal. Its column is text, which keeps them.
            return mantissa(f, shape, scale: 0) != nil ? [.integer, .decimal, .double] : []
        }
        let digits = shape.fracDigits.count
        if digits > maxDecimalScale { return .double }
        scale = max(scale, digits)
        return [.decimal, .double]
    }

    /// Whether a value starting with `c` may be written as a number; most text is told apart by this alone.
    @inline(__always)
    static func mayStartNumber(_ c: UInt8) -> Bool {
        isDigit(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
    }

    /// `true` or `false` in any letter case.
    static func parseBoolean(_ f: UnsafeBufferPointer<UInt8>) -> Bool? {
        func matches(_ word: StaticString) -> Bool {
            guard f.count == word.utf8CodeUnitCount else { return false }
            let w = word.utf8Start
            for i in 0..<f.count where f[i] | 0x20 != w[i] { return false }
            return true
        }
        if matches("true") { return true }
        if matches("false") { return false }
        return nil
    }

    /// Parses number syntax strictly: digits are required before a point and after it and after `e`,
    /// so `.5`, `5.` and `1e` are not numbers (they stay text).
    static func numberShape(_ f: UnsafeBufferPointer<UInt8>) -> NumberShape? {
        var shape = NumberShape()
        var i = 0
        let n = f.count
        if i < n, f[i] == UInt8(ascii: "-") || f[i] == UInt8(ascii: "+") {
            shape.negative = f[i] == UInt8(ascii: "-")
            i += 1
        }
        let intStart = i
        while i < n, isDigit(f[i]) { i += 1 }
        shape.intDigits = intStart..<i
        guard !shape.intDigits.isEmpty else { return nil }
        if i < n, f[i] == UInt8(ascii: ".") {
            shape.hasPoint = true
            i += 1
            let fracStart = i
            while i < n, isDigit(f[i]) { i += 1 }
            shape.fracDigits = fracStart..<i
            guard !shape.fracDigits.isEmpty else { return nil }
        }
        if i < n, f[i] | 0x20 == UInt8(ascii: "e") {
            shape.hasExponent = true
            i += 1
            if i < n, f[i] == UInt8(ascii: "-") || f[i] == UInt8(ascii: "+") { i += 1 }
            let expStart = i
            while i < n, isDigit(f[i]) { i += 1 }
            guard i > expStart else { return nil }
        }
        return i == n ? shape : nil
    }

    /// The value scaled by 10^scale as an Int64, or nil if it overflows or lands on the null sentinel.
    /// `scale` must be at least the number of fraction digits.
    static func mantissa(_ f: UnsafeBufferPointer<UInt8>, _ shape: NumberShape, scale: Int) -> Int64? {
        let padding = max(0, scale - shape.fracDigits.count)
        if shape.intDigits.count + shape.fracDigits.count + padding <= 18 {
            // At most 18 digits cannot overflow Int64: no checks needed.
            var value: Int64 = 0
            for i in shape.intDigits { value = value &* 10 &+ Int64(f[i] &- UInt8(ascii: "0")) }
            for i in shape.fracDigits { value = value &* 10 &+ Int64(f[i] &- UInt8(ascii: "0")) }
            for _ in 0..<padding { value = value &* 10 }
            return shape.negative ? -value : value
        }
        // Accumulate negatively so Int64.min's magnitude is representable, then reject it as the null sentinel.
        var value: Int64 = 0
        func push(_ digit: Int64) -> Bool {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.subtractingReportingOverflow(digit)
            value = next
            return !(o1 || o2)
        }
        for i in shape.intDigits {
            guard push(Int64(f[i] &- UInt8(ascii: "0"))) else { return nil }
        }
        for i in shape.fracDigits {
            guard push(Int64(f[i] &- UInt8(ascii: "0"))) else { return nil }
        }
        for _ in 0..<padding {
            guard push(0) else { return nil }
        }
        if shape.negative { return value == Int64.min ? nil : value }
        return value == Int64.min ? nil : -value
    }

    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }
}
