// Facts about the terminal: whether a stream is one, whether colour is wanted.

import Foundation

enum Terminal {
    static func isInteractive(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Colour only on a terminal, and never with NO_COLOR set (no-color.org).
    static func wantsColor(_ fd: Int32) -> Bool {
        isInteractive(fd) && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}
