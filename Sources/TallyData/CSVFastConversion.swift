// One pass that infers and converts a chunk's column together for the common shapes: numbers, dates, text.

extension CSVColumnConverter {
    /// The column's values, and in `evidence` what they say about its type (set even when converting
    /// fails, since the column's type is agreed from every chunk's). The first value's shape picks a
    /// single-pass path (numbers, dates, certain text); a value that leaves that shape falls back to
    /// inferring over every field first and converting after, so both ways give the same result.
    func inferAndConvert(
        _ fields: UnsafeBufferPointer<CSVFieldRef>, evidence: inout TypeInference.Evidence
    ) throws(CSVProblem) -> ColumnStorage {
        guard let first = fields.first(where: { $0.length > 0 }) else {
            evidence = TypeInference.Evidence()
            return try text(fields).storage
        }
        var scale = 0
        let shape = first.escaped ? [] : TypeInference.classify(field(first), scale: &scale)
        if shape.isEmpty {
            // No typed syntax fits the first value, so none fits the column: it is text.
            evidence = TypeInference.Evidence(candidates: [], scale: 0)
            evidence.firstNonNumber = nonNumber(first)
            let (storage, sawNumber) = try text(fields)
            evidence.sawNumber = sawNumber
            return storage
        }
        if shape.contains(.decimal), let (values, found) = numbers(fields) {
            evidence = found
            evidence.sawNumber = true
            return values
        }
        if shape == [.date, .timestamp], let (values, found) = dates(fields) {
            evidence = found
            evidence.firstNonNumber = nonNumber(first)
            return values
        }
        evidence = TypeInference.Evidence(fields, in: bytes)
        if !shape.contains(.double) {
            // A boolean, date or timestamp comes first.
            evidence.firstNonNumber = nonNumber(first)
        } else {
            evidence.sawNumber = true
            if evidence.type == .text {
                // Only numbers came before the value where the candidates ran out; find it again.
                evidence.firstNonNumber = fields.first(where: isNonNumber).map(nonNumber)
            }
        }
        guard evidence.type == .text else { return try convert(fields, as: evidence.type) }
        let (storage, sawNumber) = try text(fields)
        evidence.sawNumber = evidence.sawNumber || sawNumber
        return storage
    }

    /// `shortDecimal` of a field of at most 8 bytes with 8 bytes of the buffer from its start.
    @inline(__always)
    func short(_ f: CSVFieldRef) -> (Int64, Int)? {
        guard let word = shortWord(f) else { return nil }
        return Self.shortDecimal(word, length: f.length)
    }

    @inline(__always)
    func field(_ f: CSVFieldRef) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[f.start..<f.start + f.length])
    }

    private func isNonNumber(_ f: CSVFieldRef) -> Bool {
        var scale = 0
        return f.length > 0 && (f.escaped || !TypeInference.classify(field(f), scale: &scale).contains(.double))
    }

    /// Where a value that is not a number is, and what to show of it.
    private func nonNumber(_ f: CSVFieldRef) -> NonNumberSpot {
        let raw = field(f)
        var value: String
        if f.escaped {
            // Enough of the field for what is shown, however many quotes are collapsed.
            var unescaped: [UInt8] = []
            Self.unescape(UnsafeBufferPointer(rebasing: raw.prefix(1024)), into: &unescaped)
            value = unescaped.withUnsafeBufferPointer(FirstNonNumber.shown)
        } else {
            value = FirstNonNumber.shown(raw)
        }
        // Written as a number but not one: a whole number too wide (points and exponents make doubles).
        let kind: FirstNonNumber.Kind = !f.escaped && TypeInference.numberShape(raw) != nil ? .tooLarge : .notANumber
        return NonNumberSpot(offset: base + fieldStart(f), value: value, kind: kind)
    }

    /// Integers or exact decimals, or nil when some value is neither (then the general path decides).
    private func numbers(_ fields: UnsafeBufferPointer<CSVFieldRef>) -> (ColumnStorage, TypeInference.Evidence)? {
        // The usual column first: its values short and written alike, which 32 bits hold, so it is built
        // narrow in one loop with nothing else to keep. From the first value that is not, the general
        // loop below goes on, in 64 bits.
        var (done, fraction) = (0, -1)
        let narrow = [Int32](unsafeUninitializedCapacity: fields.count) { out, initialized in
            (done, fraction) = shortRun(fields, into: out)
            initialized = done
        }
        if done == fields.count {
            let scale = max(0, fraction)
            let candidates: TypeCandidates = scale == 0 ? [.integer, .decimal, .double] : [.decimal, .double]
            let evidence = TypeInference.Evidence(candidates: candidates, scale: scale)
            return (scale == 0 ? .integer(.narrow(narrow)) : .decimal(.narrow(narrow), scale: scale), evidence)
        }
        // Plain locals inside the closure (copied out once): this loop runs once per number in the file.
        var summary = (failed: false, scale: 0, uniform: true)
        var digits = [UInt8]()
        var values = [Int64](unsafeUninitializedCapacity: fields.count) { out, initialized in
            for i in 0..<done { out[i] = narrow[i].widened }
            var scale = max(0, fraction)
            var uniform = true
            var firstScale = fraction
            for i in done..<fields.count {
                let f = fields[i]
                if f.length == 0 {
                    out[i] = NullSentinel.int64
                    continue
                }
                guard let (m, fraction) = short(f) ?? Self.plainDecimal(field(f)) else {
                    summary.failed = true
                    return
                }
                if firstScale < 0 { firstScale = fraction }
                if fraction != firstScale, uniform {
                    // Remember each value's digits from here on; those before all had `firstScale`.
                    uniform = false
                    digits = [UInt8](repeating: UInt8(firstScale), count: fields.count)
                }
                if !uniform { digits[i] = UInt8(fraction) }
                scale = max(scale, fraction)
                out[i] = m
            }
            initialized = fields.count
            summary = (false, scale, uniform)
        }
        if summary.failed { return nil }
        let (scale, uniform) = (summary.scale, summary.uniform)
        if !uniform {
            for i in values.indices where values[i] != NullSentinel.int64 {
                var m = values[i]
                for _ in Int(digits[i])..<scale {
                    let (next, overflow) = m.multipliedReportingOverflow(by: 10)
                    if overflow { return nil }
                    m = next
                }
                if m == NullSentinel.int64 { return nil }
                values[i] = m
            }
        }
        let candidates: TypeCandidates = scale == 0 ? [.integer, .decimal, .double] : [.decimal, .double]
        let evidence = TypeInference.Evidence(candidates: candidates, scale: scale)
        let integers = Integers(values)
        return (scale == 0 ? .integer(integers) : .decimal(integers, scale: scale), evidence)
    }

    /// Converts the fields from the first while each is empty (null) or a `shortDecimal` with the
    /// fraction digits of the first that is not; how many it converted, and those digits (-1 when none).
    /// Short values have at most 8 digits, so 32 bits hold them. Whole numbers get a loop of their own,
    /// with no point to place.
    private func shortRun(_ fields: UnsafeBufferPointer<CSVFieldRef>, into out: UnsafeMutableBufferPointer<Int32>) -> (Int, Int) {
        guard bytes.count >= 8, let first = fields.first(where: { $0.length > 0 }), let (_, fraction) = short(first)
        else { return (0, -1) }
        let done = fraction == 0 ? shortRun(fields, into: out, fraction: 0) : shortRun(fields, into: out, fraction: fraction)
        return (done, fraction)
    }

    /// The fields from the first while each is empty or a short number with `fraction` digits after
    /// its point, read from the word that ends where the field ends; how many. The buffer holds 8 bytes
    /// or more.
    @inline(__always)
    private func shortRun(
        _ fields: UnsafeBufferPointer<CSVFieldRef>, into out: UnsafeMutableBufferPointer<Int32>, fraction: Int
    ) -> Int {
        // The buffer's base taken once: checked per field, it cost this loop 14% more instructions.
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < fields.count {
            let f = fields[i]
            let (length, end) = (f.length, f.start &+ f.length)
            guard length <= 8 else { break }
            if length == 0 {
                out[i] = NullSentinel.int32
                i &+= 1
                continue
            }
            // A field ending in the buffer's first 8 bytes: its bytes moved up from the first word.
            let word =
                end >= 8
                ? raw.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self)
                : raw.loadUnaligned(as: UInt64.self) &<< UInt64(8 &* (8 &- end))
            guard let m = Self.shortDecimal(ending: UInt64(littleEndian: word), length: length, fraction: fraction)
            else { break }
            out[i] = Int32(truncatingIfNeeded: m)
            i &+= 1
        }
        return i
    }

    /// `[+-]digits[.digits]` with at most 18 digits and 9 after the point, as (mantissa, fraction digits):
    /// the same value `numberShape` and `mantissa` give, in one pass. Anything else is nil, and the
    /// general path decides (longer numbers, exponents, text).
    @inline(__always)
    static func plainDecimal(_ f: UnsafeBufferPointer<UInt8>) -> (Int64, Int)? {
        let n = f.count
        var i = 0
        var negative = false
        if n > 0, f[0] == UInt8(ascii: "-") || f[0] == UInt8(ascii: "+") {
            negative = f[0] == UInt8(ascii: "-")
            i = 1
        }
        var value: Int64 = 0
        var whole = 0
        while i < n, case let d = f[i] &- UInt8(ascii: "0"), d < 10 {
            value = value &* 10 &+ Int64(d)
            whole += 1
            i += 1
        }
        guard whole > 0 else { return nil }
        var fraction = 0
        if i < n, f[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, case let d = f[i] &- UInt8(ascii: "0"), d < 10 {
                value = value &* 10 &+ Int64(d)
                fraction += 1
                i += 1
            }
            guard fraction > 0 else { return nil }
        }
        guard i == n, whole + fraction <= 18, fraction <= TypeInference.maxDecimalScale else { return nil }
        return (negative ? -value : value, fraction)
    }

    /// Dates, or nil when some value is not one.
    func dates(_ fields: UnsafeBufferPointer<CSVFieldRef>) -> (ColumnStorage, TypeInference.Evidence)? {
        var failed = false
        let values = [Int32](unsafeUninitializedCapacity: fields.count) { out, initialized in
            // The months met so far, by a hash of their `YYYY-MM-` word: a file's dates mostly fall in a
            // few dozen months, so each is read once and then found in a few instructions. An empty
            // entry's word (zero) is no date's, and its month has no days.
            let months = UnsafeMutableBufferPointer<(low: UInt64, month: CivilDate.DateParser.Month)>
                .allocate(capacity: 64)
            months.initialize(repeating: (0, (0, 0)))
            defer { months.deallocate() }
            let parser = CivilDate.DateParser.shared
            guard let bytesBase = bytes.baseAddress else {
                // No bytes, so every field is empty.
                out.update(repeating: NullSentinel.int32)
                initialized = fields.count
                return
            }
            for i in 0..<fields.count {
                let f = fields[i]
                if f.length == 0 {
                    out[i] = NullSentinel.int32
                    continue
                }
                guard f.length == 10 else {
                    failed = true
                    return
                }
                let raw = UnsafeRawPointer(bytesBase + f.start)
                let (low, high) = (
                    UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)),
                    UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
                )
                let slot = Int(truncatingIfNeeded: (low &* 0x9E37_79B9_7F4A_7C15) >> 58)
                if months[slot].low == low, let day = CivilDate.DateParser.day(high, in: months[slot].month) {
                    out[i] = day
                    continue
                }
                if let month = parser.month(low), let day = CivilDate.DateParser.day(high, in: month) {
                    months[slot] = (low, month)
                    out[i] = day
                    continue
                }
                // Outside the table, or not a date: read byte by byte.
                guard let day = CivilDate.parseDatePrefix(field(f)) else {
                    failed = true
                    return
                }
                out[i] = day
            }
            initialized = fields.count
        }
        if failed { return nil }
        return (.date(values), TypeInference.Evidence(candidates: [.date, .timestamp], scale: 0))
    }
}
