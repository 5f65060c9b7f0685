// One pass that infers and converts a chunk's column together for the common shapes: numbers, dates, text.

extension CSVColumnConverter {
    /// The column's values and what they say about its type. The first value's shape picks a single-pass
    /// path (numbers, dates, certain text); a value that leaves that shape falls back to inferring over
    /// every field first and converting after, so both ways give the same result.
    func inferAndConvert(_ fields: [CSVFieldRef]) throws(CSVProblem) -> (ColumnStorage, TypeInference.Evidence) {
        guard let first = fields.first(where: { $0.length > 0 }) else {
            return (try convert(fields, as: .text), TypeInference.Evidence())
        }
        var scale = 0
        let shape = first.escaped ? [] : TypeInference.classify(field(first), scale: &scale)
        if shape.isEmpty {
            // No typed syntax fits the first value, so none fits the column: it is text.
            var evidence = TypeInference.Evidence()
            evidence.merge(TypeInference.Evidence(candidates: [], scale: 0))
            return (try convert(fields, as: .text), evidence)
        }
        if shape.contains(.decimal), let result = numbers(fields) { return result }
        if shape == [.date, .timestamp], let result = dates(fields) { return result }
        let evidence = TypeInference.Evidence(fields, in: bytes)
        return (try convert(fields, as: evidence.type), evidence)
    }

    @inline(__always)
    private func field(_ f: CSVFieldRef) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[f.start..<f.start + f.length])
    }

    /// Integers or exact decimals, or nil when some value is neither (then the general path decides).
    private func numbers(_ fields: [CSVFieldRef]) -> (ColumnStorage, TypeInference.Evidence)? {
        var values = [Int64]()
        values.reserveCapacity(fields.count)
        var digits = [UInt8]()
        digits.reserveCapacity(fields.count)
        var scale = 0
        var uniform = true
        var firstScale = -1
        for f in fields {
            if f.length == 0 {
                values.append(NullSentinel.int64)
                digits.append(0)
                continue
            }
            let text = field(f)
            guard let shape = TypeInference.numberShape(text), !shape.hasExponent else { return nil }
            let fraction = shape.fracDigits.count
            guard fraction <= TypeInference.maxDecimalScale,
                let m = TypeInference.mantissa(text, shape, scale: fraction)
            else { return nil }
            if firstScale < 0 { firstScale = fraction }
            uniform = uniform && fraction == firstScale
            scale = max(scale, fraction)
            values.append(m)
            digits.append(UInt8(fraction))
        }
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
        return (scale == 0 ? .integer(values) : .decimal(values, scale: scale), evidence)
    }

    /// Dates, or nil when some value is not one.
    private func dates(_ fields: [CSVFieldRef]) -> (ColumnStorage, TypeInference.Evidence)? {
        var values = [Int32]()
        values.reserveCapacity(fields.count)
        for f in fields {
            if f.length == 0 {
                values.append(NullSentinel.int32)
                continue
            }
            guard let day = CivilDate.parseDate(field(f)) else { return nil }
            values.append(day)
        }
        return (.date(values), TypeInference.Evidence(candidates: [.date, .timestamp], scale: 0))
    }
}
