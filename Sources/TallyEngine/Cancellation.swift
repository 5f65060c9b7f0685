// Stopping a running query when the user asks (Ctrl-C), within milliseconds even inside one long pass.

import TallyDiagnostics

/// Asked between steps and between blocks of rows; true stops the query with a "cancelled" error.
struct Cancellation {
    let isCancelled: () -> Bool

    /// Rows per block: small enough that a block takes well under a millisecond, large enough
    /// that asking costs nothing measurable.
    static let blockSize = 1 << 16

    func check() throws(Diagnostic) {
        if isCancelled() { throw Diagnostic("cancelled", help: "the query was stopped with Ctrl-C") }
    }

    /// `0..<count` cut into blocks; a loop over them calls `check()` before each. A plain loop
    /// rather than a closure per block keeps the row loops as fast as without cancelling.
    static func blocks(_ count: Int) -> some Sequence<Range<Int>> {
        stride(from: 0, to: count, by: blockSize).lazy.map { $0..<Swift.min($0 + blockSize, count) }
    }
}
