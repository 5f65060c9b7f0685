// Turns one column's field slices into typed storage once its type is known.

/// Converts the fields of one column in one buffer, reading values straight from the bytes.
struct CSVColumnConverter {
    let bytes: UnsafeBufferPointer<UInt8>
    /// File offset of `bytes[0]`, for locating problems.
    let base: Int

    /// Storage for `column` as `type`. Text fails on invalid UTF-8, doubles on a number out of their range;
    /// a decimal column whose scaled values overflow Int64 becomes double, which is still the `decimal`
    /// column type.
    func convert(_ column: UnsafeBufferPointer<CSVFieldRef>, as type: InferredType) throws(CSVProblem) -> ColumnStorage {
        let rowCount = column.count
        switch type {
        case .boolean:
            return .boolean(map(column, rowCount, null: NullSentinel.boolean) { f in
                TypeInference.parseBoolean(f) == true ? 1 : 0
            })
        case .integer:
            return .integer(Integers(mantissas(column, scale: 0) { $0 ?? NullSentinel.int64 }))
        case .decimal(let scale):
            if let mantissas = decimals(column, rowCount, scale: scale) {
                return .decimal(Integers(mantissas), scale: scale)
            }
            return .double(try doubles(column, rowCount))
        case .double:
            return .double(try doubles(column, rowCount))
        case .date:
            // Plain `YYYY-MM-DD` dates in one pass; other layouts a date column admits, field by field.
            if let (values, _) = dates(column) { return values }
            return .date(map(column, rowCount, null: NullSentinel.int32) { f in
                CivilDate.parseDate(f) ?? NullSentinel.int32
            })
        case .timestamp:
            return .timestamp(map(column, rowCount, null: NullSentinel.int64) { f in
                if let micros = CivilDate.parseTimestamp(f) { return micros }
                // Inference admitted plain dates into this column: they mean midnight UTC.
                if let day = CivilDate.parseDate(f) { return Int64(day) * CivilDate.microsPerDay }
                return NullSentinel.int64
            })
        case .text:
            return try text(column).storage
        }
    }

    /// Applies `parse` to every non-null field. Inference guaranteed each parses, so no field is dropped.
    private func map<T>(
        _ column: UnsafeBufferPointer<CSVFieldRef>, _ rowCount: Int, null: T, _ parse: (UnsafeBufferPointer<UInt8>) -> T
    ) -> [T] {
        var out = [T]()
        out.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            let f = column[row]
            out.append(f.length == 0 ? null : parse(UnsafeBufferPointer(rebasing: bytes[f.start..<f.start + f.length])))
        }
        return out
    }

    private func numberShapeMantissa(_ f: UnsafeBufferPointer<UInt8>, scale: Int) -> Int64? {
        guard let shape = TypeInference.numberShape(f) else { return nil }
        return TypeInference.mantissa(f, shape, scale: scale)
    }

    /// Every value scaled to `scale`, or nil if any overflows (then the column is stored as double).
    private func decimals(_ column: UnsafeBufferPointer<CSVFieldRef>, _ rowCount: Int, scale: Int) -> [Int64]? {
        var overflowed = false
        let values = mantissas(column, scale: scale) { m in
            if m == nil { overflowed = true }
            return m ?? NullSentinel.int64
        }
        return overflowed ? nil : values
    }

    /// Each non-null field's value scaled to `scale` (nil when that overflows or the field is no
    /// number), through `value`; a null field is the null sentinel. Plain numbers (`123.45`) are read in
    /// one pass (`shortDecimal`, `plainDecimal`), the rest through their shape: the same value either way.
    private func mantissas(
        _ column: UnsafeBufferPointer<CSVFieldRef>, scale: Int, _ value: (Int64?) -> Int64
    ) -> [Int64] {
        // Fraction digits are at most `maxDecimalScale`, so the padding is one of these.
        let powers = (0...TypeInference.maxDecimalScale).map { DecimalScale.integerFactor($0) ?? 1 }
        return [Int64](unsafeUninitializedCapacity: column.count) { out, initialized in
            for row in 0..<column.count {
                let f = column[row]
                if f.length == 0 {
                    out[row] = NullSentinel.int64
                    continue
                }
                if !f.escaped, let (m, fraction) = short(f) ?? Self.plainDecimal(field(f)), fraction <= scale,
                    scale - fraction < powers.count
                {
                    let (scaled, overflow) = m.multipliedReportingOverflow(by: powers[scale - fraction])
                    out[row] = value(overflow ? nil : scaled)
                    continue
                }
                out[row] = value(numberShapeMantissa(field(f), scale: scale))
            }
            initialized = column.count
        }
    }

    /// The values as doubles; a value beyond their range, or one that is not zero but would read as zero,
    /// is an error rather than an infinity or a zero that was never written.
    private func doubles(_ column: UnsafeBufferPointer<CSVFieldRef>, _ rowCount: Int) throws(CSVProblem) -> [Double] {
        var out = [Double]()
        out.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            let f = column[row]
            if f.length == 0 {
                out.append(.nan)
                continue
            }
            let text = UnsafeBufferPointer(rebasing: bytes[f.start..<f.start + f.length])
            // Short numbers fit Swift's small-string form, so this allocates only for long digit strings;
            // double columns are rare (exponents, long fractions, decimals beyond 64 bits).
            let d = Double(String(decoding: text, as: UTF8.self)) ?? .infinity
            if !d.isFinite || d == 0 && Self.hasNonzeroDigit(text) { throw outOfRange(f, text, tooSmall: d == 0) }
            out.append(d)
        }
        return out
    }

    /// Whether the digits before any exponent are not all zero.
    static func hasNonzeroDigit(_ number: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in number {
            if c | 0x20 == UInt8(ascii: "e") { return false }
            if c >= UInt8(ascii: "1") && c <= UInt8(ascii: "9") { return true }
        }
        return false
    }

    func outOfRange(_ f: CSVFieldRef, _ text: UnsafeBufferPointer<UInt8>, tooSmall: Bool) -> CSVProblem {
        let help =
            tooSmall
            ? "it is too close to zero for a 64-bit floating-point number (under about 2.5e-324) and would read as 0; write 0 if that is meant"
            : "numbers reach about 1.8e308 either side of zero (64-bit floating point); correct it, or leave the field empty for null"
        var problem = error(at: f, "number \(String(decoding: text, as: UTF8.self)) is out of range", help: help)
        problem.onlyInNumericColumn = true
        return problem
    }

    /// The column as text, and whether some value is written as a number.
    func text(_ column: UnsafeBufferPointer<CSVFieldRef>) throws(CSVProblem) -> (storage: ColumnStorage, sawNumber: Bool) {
        var builder = TextDictionaryBuilder()
        var unescaped = [UInt8]()
        let recent = RecentShortText()
        // The value before: runs of one value (a kind, a status) need no lookup at all.
        var last = (words: SIMD2<UInt64>.zero, length: 0, code: Int32(0))
        var problem: CSVProblem?
        // Written in place rather than appended: an append checks the array's room and owner every row.
        let codes = [Int32](unsafeUninitializedCapacity: column.count) { out, initialized in
            for row in 0..<column.count {
                let f = column[row]
                if f.length == 0 {
                    out[row] = NullSentinel.textCode
                    continue
                }
                let words = f.escaped ? nil : shortWords(f)
                if let words {
                    if f.length == last.length, words == last.words {
                        out[row] = last.code
                        continue
                    }
                    if let code = recent.code(words, length: f.length) {
                        out[row] = code
                        last = (words, f.length, code)
                        continue
                    }
                }
                let raw = UnsafeBufferPointer(rebasing: bytes[f.start..<f.start + f.length])
                let lookup: TextDictionaryBuilder.Lookup
                if f.escaped {
                    Self.unescape(raw, into: &unescaped)
                    lookup = unescaped.withUnsafeBufferPointer { builder.code(for: $0) }
                } else {
                    lookup = builder.code(for: raw)
                }
                switch lookup {
                case .code(let code):
                    if let words {
                        recent.remember(words, length: f.length, code: code)
                        last = (words, f.length, code)
                    }
                    out[row] = code
                case .invalidUTF8:
                    problem = error(at: f, "invalid UTF-8 in field",
                        help: "Tally reads CSV files as UTF-8; re-export or convert the file (iconv -t UTF-8)")
                    return
                case .full:
                    problem = error(at: f, "too many distinct values in one text column (over 2147483647)", help: nil)
                    return
                }
            }
            initialized = column.count
        }
        if let problem { throw problem }
        return (.text(codes: codes, dictionary: builder.strings), builder.sawNumber)
    }

    /// The bytes of a field of at most 8 bytes as one word (bytes past the field zero), when 8 bytes of
    /// the buffer can be read from its start.
    @inline(__always)
    func shortWord(_ f: CSVFieldRef) -> UInt64? {
        guard f.length <= 8, bytes.count - f.start >= 8, let base = bytes.baseAddress else { return nil }
        let word = UInt64(littleEndian: UnsafeRawPointer(base + f.start).loadUnaligned(as: UInt64.self))
        return f.length == 8 ? word : word & ((1 << (8 * UInt64(f.length))) &- 1)
    }

    /// The bytes of a field of at most 16 bytes as two words (bytes past the field zero), when 16 bytes
    /// of the buffer can be read from its start.
    @inline(__always)
    func shortWords(_ f: CSVFieldRef) -> SIMD2<UInt64>? {
        guard f.length <= 16, bytes.count - f.start >= 16, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base + f.start)
        let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let n = UInt64(f.length)
        return SIMD2(
            n >= 8 ? low : low & ((1 << (8 * n)) &- 1),
            n >= 16 ? high : n <= 8 ? 0 : high & ((1 << (8 * (n - 8))) &- 1))
    }

    private func error(at f: CSVFieldRef, _ message: String, help: String?) -> CSVProblem {
        CSVProblem(offset: base + fieldStart(f), message: message, help: help)
    }

    /// Where a field starts in `bytes` as people see it: at the opening quote of a quoted field, whose
    /// content starts one byte later.
    func fieldStart(_ f: CSVFieldRef) -> Int {
        f.start > 0 && bytes[f.start - 1] == UInt8(ascii: "\"") ? f.start - 1 : f.start
    }

    /// Collapses doubled quotes (`""` → `"`) from a quoted field's content.
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var i = 0
        while i < raw.count {
            out.append(raw[i])
            i += raw[i] == UInt8(ascii: "\"") ? 2 : 1
        }
    }
}

/// Codes of short text values seen lately, by their bytes as two words: the few values of a typical
/// category column (`new`, `recurring`) are then found without hashing or comparing bytes. Its entries
/// are memory of its own, freed with it: an array's bounds and uniqueness checks cost this lookup,
/// run once per row, a third of its instructions.
struct RecentShortText: ~Copyable {
    private struct Entry {
        var words: SIMD2<UInt64>
        /// 0 for an empty entry (a value of length 0 is null, never remembered).
        var length: Int
        var code: Int32
    }

    private let entries = UnsafeMutableBufferPointer<Entry>.allocate(capacity: 64)

    init() { entries.initialize(repeating: Entry(words: .zero, length: 0, code: 0)) }

    deinit { entries.deallocate() }

    /// One of the 64 entries.
    @inline(__always)
    private static func slot(_ words: SIMD2<UInt64>, _ length: Int) -> Int {
        Int(truncatingIfNeeded: ((words[0] ^ words[1] &* 31 ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    @inline(__always)
    func code(_ words: SIMD2<UInt64>, length: Int) -> Int32? {
        let entry = entries[Self.slot(words, length)]
        return entry.words == words && entry.length == length ? entry.code : nil
    }

    @inline(__always)
    func remember(_ words: SIMD2<UInt64>, length: Int, code: Int32) {
        entries[Self.slot(words, length)] = Entry(words: words, length: length, code: code)
    }
}
