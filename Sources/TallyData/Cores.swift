// How many processors the work may run on, read once.

import Foundation

public enum Cores {
    /// The processors this process may use, at least 1. Foundation reads the control group's files for
    /// it on every call (tens of microseconds), and parallel loops ask for every block of work.
    public static let count = max(1, ProcessInfo.processInfo.activeProcessorCount)
}
