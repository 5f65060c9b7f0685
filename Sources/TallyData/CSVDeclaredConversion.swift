import TallyDiagnostics

// Converts a column whose layout was declared (`format "%m/%d/%Y"`, `as number`): every value must match.

extension CSVColumnConverter {
    /// The column's values in its declared layout, and the evidence that agrees its type across chunks.
    /// `target` is the agreed type when a chunk is read again (a wider decimal scale, or doubles).
    func convert(
        _ fields: UnsafeBufferPointer<CSVFieldRef>, declared format: ColumnFormat, as target: InferredType? = nil
    ) throws(CSVProblem) -> (ColumnStorage, TypeInference.Evidence) {
        let sawValue = fields.contains { $0.length > 0 }
        func evidence(_ candidates: TypeCandidates, scale: Int = 0) -> TypeInference.Evidence {
            sawValue ? TypeInference.Evidence(candidates: candidates, scale: scale) : TypeInference.Evidence()
        }
        switch format {
        case .text:
            return (try text(fields).storage, evidence([]))
        case .date(let layout):
            let values = try mapDeclared(fields, null: NullSentinel.int32, format: format) { f in
                layout.map { $0.days(f) } ?? CivilDate.parseDate(f)
            }
            return (.date(values), evidence(.date))
        case .timestamp(let layout):
            let values = try mapDeclared(fields, null: NullSentinel.int64, format: format) { f in
                if let layout { return layout.hasTime ? layout.micros(f) : layout.days(f).map { Int64($0) * CivilDate.microsPerDay } }
                return CivilDate.parseTimestamp(f) ?? CivilDate.parseDate(f).map { Int64($0) * CivilDate.microsPerDay }
            }
            return (.timestamp(values), evidence(.timestamp))
        case .number(let layout):
            return try numbers(fields, layout: layout, format: format, target: target, evidence: evidence)
        }
    }

    /// Exported numbers as exact decimals at one scale (the chunk's widest, or `target`'s), or as doubles
    /// when a value has more than nine fraction digits or the scaled values overflow.
    private func numbers(
        _ fields: UnsafeBufferPointer<CSVFieldRef>, layout: NumberFormat, format: ColumnFormat, target: InferredType?,
        evidence: (TypeCandidates, Int) -> TypeInference.Evidence
    ) throws(CSVProblem) -> (ColumnStorage, TypeInference.Evidence) {
        var plain = [UInt8]()
        var mantissas = [Int64]()
        var fractions = [UInt8]()
        mantissas.reserveCapacity(fields.count)
        fractions.reserveCapacity(fields.count)
        var doubles: [Double]?
        var scale = 0
        if case .decimal(let s) = target { scale = s }
        if target == .double { doubles = [] }
        for f in fields {
            guard f.length > 0 else {
                mantissas.append(NullSentinel.int64)
                fractions.append(0)
                doubles?.append(.nan)
                continue
            }
            guard layout.normalise(field(f), into: &plain) else { throw mismatch(f, format) }
            let parsed = plain.withUnsafeBufferPointer { p -> (Int64, Int)? in
                guard let shape = TypeInference.numberShape(p), shape.fracDigits.count <= TypeInference.maxDecimalScale else { return nil }
                return TypeInference.mantissa(p, shape, scale: shape.fracDigits.count).map { ($0, shape.fracDigits.count) }
            }
            if doubles == nil, let (m, digits) = parsed {
                mantissas.append(m)
                fractions.append(UInt8(digits))
                scale = max(scale, digits)
                continue
            }
            if doubles == nil {
                // From here on doubles: read the whole chunk again from its text, as a chunk re-read as double
                // is; a double made from a scaled mantissa beyond 2^53 would be rounded twice, so the values
                // would depend on where the chunks were cut.
                return try numbers(fields, layout: layout, format: format, target: .double, evidence: evidence)
            }
            let d = Double(String(decoding: plain, as: UTF8.self)) ?? .infinity
            // As for inferred numbers: never an infinity, nor a 0 that was not written.
            let tooSmall = d == 0 && plain.withUnsafeBufferPointer(Self.hasNonzeroDigit)
            guard d.isFinite, !tooSmall else { throw outOfRange(f, field(f), tooSmall: tooSmall) }
            doubles?.append(d)
        }
        if let doubles { return (.double(doubles), evidence(.double, 0)) }
        for i in mantissas.indices where mantissas[i] != NullSentinel.int64 && Int(fractions[i]) < scale {
            guard let scaled = DecimalScale.rescaled([mantissas[i]], by: scale - Int(fractions[i]))?.first else {
                return try numbers(fields, layout: layout, format: format, target: .double, evidence: evidence)
            }
            mantissas[i] = scaled
        }
        if scale == 0, target == nil || target == .integer { return (.integer(Integers(mantissas)), evidence([.integer, .decimal, .double], 0)) }
        return (.decimal(Integers(mantissas), scale: scale), evidence([.decimal, .double], scale))
    }

    /// Applies `parse` to every non-null field; a field it rejects is an error naming the value and the format.
    private func mapDeclared<T>(
        _ fields: UnsafeBufferPointer<CSVFieldRef>, null: T, format: ColumnFormat, _ parse: (UnsafeBufferPointer<UInt8>) -> T?
    ) throws(CSVProblem) -> [T] {
        var out = [T]()
        out.reserveCapacity(fields.count)
        for f in fields {
            if f.length == 0 {
                out.append(null)
                continue
            }
            guard let value = parse(field(f)) else { throw mismatch(f, format) }
            out.append(value)
        }
        return out
    }

    /// `"13/45/2024" does not match the format "%m/%d/%Y"`, at the value.
    private func mismatch(_ f: CSVFieldRef, _ format: ColumnFormat) -> CSVProblem {
        var raw = [UInt8]()
        if f.escaped { Self.unescape(field(f), into: &raw) } else { raw = Array(field(f)) }
        let value = StringLiteral.quoted(raw.withUnsafeBufferPointer(FirstNonNumber.shown))
        let message: String
        let help: String
        switch format {
        case .date(let layout?), .timestamp(let layout?):
            let real = raw.withUnsafeBufferPointer(layout.matchesShape)
            message = real
                ? "\(value) is not a real date (format \(StringLiteral.quoted(layout.pattern)))"
                : "\(value) does not match the format \(StringLiteral.quoted(layout.pattern))"
            help = "every value of a column with a declared format must match it; leave the field empty for null"
        case .date(nil):
            message = "\(value) is not a date in the form YYYY-MM-DD"
            help = "declare the layout the file uses, such as format \"%m/%d/%Y\""
        case .timestamp(nil):
            message = "\(value) is not a timestamp in the form YYYY-MM-DD HH:MM:SS"
            help = "declare the layout the file uses, such as format \"%m/%d/%Y %H:%M\""
        case .number(let layout):
            message = "\(value) is not a number in the format \(layout)"
            help = "declare the format the file uses, such as `as number format \"1.234,56\"` for a decimal comma"
        case .text:
            message = "\(value) cannot be read as text"
            help = "Tally reads CSV files as UTF-8"
        }
        return CSVProblem(offset: base + fieldStart(f), message: message, help: help)
    }
}
