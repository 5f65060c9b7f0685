// Stopping a running query when the user asks (Ctrl-C), within milliseconds even inside one long pass.

import TallyDiagnostics

/// Asked between steps and between blocks of rows, by the engines and the shared evaluator alike;
/// true stops the query with a "cancelled" error.
public struct Cancellation {
    let isCancelled: () -> Bool

    public init(isCancelled: @escaping () -> Bool) { self.isCancelled = isCancelled }

    /// For work nobody can stop.
    public static var never: Cancellation { Cancellation { false } }

    /// Rows per block: small enough that a block takes well under a millisecond, large enough
    /// that asking costs nothing measurable.
    public static let blockSize = 1 << 16

    public func check() throws(Diagnostic) {
        if isCancelled() { throw Diagnostic("cancelled", help: "the query was stopped with Ctrl-C") }
    }

    /// `0..<count` cut into blocks; a loop over them calls `check()` before each. A plain loop
    /// rather than a closure per block keeps the row loops as fast as without cancelling.
    public static func blocks(_ count: Int) -> some Sequence<Range<Int>> {
        stride(from: 0, to: count, by: blockSize).lazy.map { $0..<Swift.min($0 + blockSize, count) }
    }
}
