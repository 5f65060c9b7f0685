// Facts about the terminal: whether a stream is one, whether colour is wanted.

import Foundation

enum Terminal {
    static func isInteractive(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Colour only on a terminal, and never with NO_COLOR set (no-color.org).
    static func wantsColor(_ fd: Int32) -> Bool {
        isInteractive(fd) && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// The terminal's height in lines (24 when it cannot be told).
    static func height(_ fd: Int32) -> Int {
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        if let lines = ProcessInfo.processInfo.environment["LINES"].flatMap(Int.init), lines > 0 { return lines }
        return 24
    }

    /// The terminal's width in columns (80 when it cannot be told).
    static func width(_ fd: Int32) -> Int {
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }
}
