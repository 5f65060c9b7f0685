// Which rows of a dataset a query counts.

import TallyData

/// The rows that pass: every row, those whose byte is 1, or those whose related row passes. Every row
/// is not an array of ones: over ten million rows that would hold 10 MB to say nothing; nor is a
/// condition on the related rows (`plan = "pro"`) asked once: its half million customers' bytes are
/// read through the relation as the rows are.
struct RowMask {
    let count: Int
    private let storage: Storage

    private enum Storage {
        case all
        case bytes([UInt8])
        /// `target[r] == 1` for a row whose related row is `r`, `unmatched == 1` for a row without one.
        case through(target: [UInt8], unmatched: UInt8, rows: TargetRows)
    }

    static func all(_ count: Int) -> RowMask { RowMask(count: count, storage: .all) }

    init(_ bytes: [UInt8]) { (count, storage) = (bytes.count, .bytes(bytes)) }

    static func through(_ target: [UInt8], unmatched: UInt8, rows: TargetRows, count: Int) -> RowMask {
        RowMask(count: count, storage: .through(target: target, unmatched: unmatched, rows: rows))
    }

    private init(count: Int, storage: Storage) { (self.count, self.storage) = (count, storage) }

    /// The rows that pass both this and `other` (one byte per row).
    func and(_ other: [UInt8]) -> RowMask {
        if case .all = storage { return RowMask(other) }
        var both = materialized
        Masks.and(&both, other)
        return RowMask(both)
    }

    /// One byte per row: for the lifespan paths, which hand per-row arrays on.
    var materialized: [UInt8] {
        switch storage {
        case .all: [UInt8](repeating: 1, count: count)
        case .bytes(let b): b
        case .through(let target, let unmatched, let rows): rows.gather(target, unmatched: unmatched, count: count)
        }
    }

    /// Calls `body` with the byte per row when the mask is held so, else with nil: for loops that
    /// run a vector of rows at a time over plain bytes.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        if case .bytes(let bytes) = storage { return bytes.withUnsafeBufferPointer { body($0) } }
        return body(nil)
    }

    /// Calls `body` with a test of row i that looks its foreign key up in `index` and reads the related
    /// row's byte in `target` (`unmatched` without one).
    @inline(__always)
    private static func withLookup<T: StoredInteger, R>(
        _ index: KeyIndex, _ foreign: [T], _ target: UnsafeBufferPointer<UInt8>, _ unmatched: UInt8,
        _ body: ((Int) -> Bool) -> R
    ) -> R {
        foreign.withUnsafeBufferPointer { foreign in
            index.withLookup(foreign) { row in
                // `body` only runs the test while this call lasts.
                withoutActuallyEscaping(row) { row in body { passes(row($0), target, unmatched) } }
            }
        }
    }

    /// Whether the related row `r` (-1: none) passes.
    @inline(__always)
    private static func passes(_ r: Int32, _ target: UnsafeBufferPointer<UInt8>, _ unmatched: UInt8) -> Bool {
        (r >= 0 ? target[Int(r)] : unmatched) == 1
    }

    /// Calls `body` with a test of row i, for the loops it is handed to (inlined there).
    @inline(__always)
    func withTest<R>(_ body: ((Int) -> Bool) -> R) -> R {
        switch storage {
        case .all:
            return body { _ in true }
        case .bytes(let bytes):
            return bytes.withUnsafeBufferPointer { b in body { b[$0] == 1 } }
        case .through(let target, let unmatched, let rows):
            return target.withUnsafeBufferPointer { target in
                switch rows {
                case .mapped(let mapped):
                    return mapped.withUnsafeBufferPointer { mapped in
                        body { Self.passes(mapped[$0], target, unmatched) }
                    }
                case .indexed(let index, .narrow(let foreign)):
                    return Self.withLookup(index, foreign, target, unmatched, body)
                case .indexed(let index, .wide(let foreign)):
                    return Self.withLookup(index, foreign, target, unmatched, body)
                }
            }
        }
    }
}
