// Which rows of a dataset a query counts.

/// The rows that pass: every row, or those whose byte is 1. Every row is not an array of ones: over ten
/// million rows that would hold 10 MB to say nothing.
struct RowMask {
    let count: Int
    private let storage: Storage

    private enum Storage {
        case all
        case bytes([UInt8])
    }

    static func all(_ count: Int) -> RowMask { RowMask(count: count, storage: .all) }

    init(_ bytes: [UInt8]) { (count, storage) = (bytes.count, .bytes(bytes)) }

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
        }
    }

    /// Calls `body` with a test of row i, for the loops it is handed to (inlined there).
    @inline(__always)
    func withTest<R>(_ body: ((Int) -> Bool) -> R) -> R {
        switch storage {
        case .all:
            return body { _ in true }
        case .bytes(let bytes):
            return bytes.withUnsafeBufferPointer { b in body { b[$0] == 1 } }
        }
    }
}
