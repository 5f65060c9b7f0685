// Values per related row in as few bytes as their range needs.

/// A value per row of a related dataset (a dimension's id or a combination), in one, two or four bytes
/// each as the lowest and highest need: a plan per customer takes one byte, where it took four.
enum SmallValues {
    case bytes([Int8])
    case halves([Int16])
    case words([Int32])

    init(_ values: [Int32]) {
        let (low, high) = (values.min() ?? 0, values.max() ?? 0)
        if low >= Int32(Int8.min), high <= Int32(Int8.max) {
            self = .bytes(values.map { Int8(truncatingIfNeeded: $0) })
        } else if low >= Int32(Int16.min), high <= Int32(Int16.max) {
            self = .halves(values.map { Int16(truncatingIfNeeded: $0) })
        } else {
            self = .words(values)
        }
    }

    /// Each value through `transform`, held as narrow as the results allow.
    func map(_ transform: (Int32) -> Int32) -> SmallValues {
        switch self {
        case .bytes(let values): SmallValues(values.map { transform(Int32($0)) })
        case .halves(let values): SmallValues(values.map { transform(Int32($0)) })
        case .words(let values): SmallValues(values.map(transform))
        }
    }

    /// Writes the value of each row of `targets` to `out`, and `unmatched` where a row has no related
    /// row (a negative target).
    @inline(__always)
    func gather(_ targets: UnsafeBufferPointer<Int32>, unmatched: Int32, into out: UnsafeMutableBufferPointer<Int32>) {
        switch self {
        case .bytes(let values): Self.gather(values, targets, unmatched, out)
        case .halves(let values): Self.gather(values, targets, unmatched, out)
        case .words(let values): Self.gather(values, targets, unmatched, out)
        }
    }

    @inline(__always)
    private static func gather<T: FixedWidthInteger & SignedInteger>(
        _ values: [T], _ targets: UnsafeBufferPointer<Int32>, _ unmatched: Int32,
        _ out: UnsafeMutableBufferPointer<Int32>
    ) {
        values.withUnsafeBufferPointer { values in
            for j in 0..<targets.count {
                let r = targets[j]
                out[j] = r >= 0 ? Int32(values[Int(r)]) : unmatched
            }
        }
    }
}
