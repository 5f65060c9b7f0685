// Rows cut into one contiguous share per core, for passes whose result does not depend on the order
// the rows are read in.

import Dispatch
import TallyData
import TallyPlan

enum RowShares {
    /// `0..<count` in one share per core, in order, when each holds a few blocks at least; else whole.
    static func ranges(_ count: Int) -> [Range<Int>] {
        let workers = max(1, min(Cores.count, count / (4 * Cancellation.blockSize)))
        return (0..<workers).map { k in (k * count / workers)..<((k + 1) * count / workers) }
    }

    /// The blocks of rows (`Cancellation.blockSize` at most) of one share, in order.
    static func blocks(_ share: Range<Int>) -> some Sequence<Range<Int>> {
        stride(from: share.lowerBound, to: share.upperBound, by: Cancellation.blockSize).lazy.map {
            $0..<Swift.min($0 + Cancellation.blockSize, share.upperBound)
        }
    }

    /// `body` of each share, each on its own core; the results in row order. `body` may only read what
    /// no share changes, and write within its own share.
    static func map<R>(_ count: Int, _ body: (Range<Int>) -> R) -> [R] {
        let shares = ranges(count)
        guard shares.count > 1 else { return shares.map(body) }
        var results = [R?](repeating: nil, count: shares.count)
        withoutActuallyEscaping(body) { body in
            results.withUnsafeMutableBufferPointer { results in
                let shared = Shared(results: results, body: body)
                DispatchQueue.concurrentPerform(iterations: shares.count) { k in
                    shared.results[k] = shared.body(shares[k])
                }
            }
        }
        return results.compactMap { $0 }
    }

    private struct Shared<R>: @unchecked Sendable {
        let results: UnsafeMutableBufferPointer<R?>
        let body: (Range<Int>) -> R
    }
}
