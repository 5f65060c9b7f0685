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

    /// Runs `body` over `0..<count` in blocks, checking for cancellation before each.
    func blocks(_ count: Int, _ body: (Range<Int>) throws(Diagnostic) -> Void) throws(Diagnostic) {
        var start = 0
        while start < count {
            try check()
            let end = min(start + Self.blockSize, count)
            try body(start..<end)
            start = end
        }
    }
}
