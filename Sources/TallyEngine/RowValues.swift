// Each row's dimension values, held per row or read through a relation.

import TallyPlan

/// A value per row (a dimension's id, or a combination of them): held for every row, or, for a
/// dimension worked out over a related dataset, the related row's value read as it is needed. Ten
/// million orders broken down by their customer's plan then hold no array as long as the orders.
enum RowValues {
    case rows([Int32])
    /// `target[r]` for a row whose related row is `r`, `unmatched` for a row without one.
    case through(target: SmallValues, unmatched: Int32, rows: TargetRows, count: Int)

    /// Every row's value.
    var materialized: [Int32] {
        switch self {
        case .rows(let values):
            return values
        case .through(_, _, _, let count):
            var out = [Int32](repeating: 0, count: count)
            out.withUnsafeMutableBufferPointer { out in
                for block in Cancellation.blocks(count) {
                    withBlock(block, scratch: UnsafeMutableBufferPointer(rebasing: out[block])) { _ in }
                }
            }
            return out
        }
    }

    /// Calls `body` with the values of `rows` (indexed from their start); `scratch` holds at least as
    /// many, and may be filled with them.
    @inline(__always)
    func withBlock<R>(
        _ rows: Range<Int>, scratch: UnsafeMutableBufferPointer<Int32>, _ body: (UnsafeBufferPointer<Int32>) -> R
    ) -> R {
        switch self {
        case .rows(let values):
            return values.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[rows])) }
        case .through(let target, let unmatched, let targetRows, _):
            targetRows.withTargets(of: rows, scratch: scratch) { targets in
                target.gather(targets, unmatched: unmatched, into: scratch)
            }
            return body(UnsafeBufferPointer(rebasing: scratch[0..<rows.count]))
        }
    }
}
