// What the process arranges before anything else runs, so that faults in its surroundings end in a
// message and an exit status rather than a crash or a file left half written.

import CTerminal
import Foundation
import TallyData

enum ProcessSetup {
    /// Reserves closed standard descriptors, ignores SIGXFSZ (a write beyond `ulimit -f` then fails
    /// with EFBIG, which is reported, instead of killing the process), and removes temporary files
    /// on SIGTERM, SIGHUP and SIGINT before dying of them (the prompt later takes SIGINT for itself).
    static func prepare() {
        StandardStream.reserveStandardDescriptors()
        signal(SIGXFSZ, SIG_IGN)
        TemporaryFile.tracker = TerminationCleanup()
        for signo in [SIGTERM, SIGHUP, SIGINT] { tally_remove_temporary_files_on(signo) }
    }
}

/// Keeps the termination handler's table of temporary files up to date.
private struct TerminationCleanup: TemporaryFileTracker {
    func began(_ path: String) -> Int32 { tally_temporary_file_began(path) }
    func ended(_ token: Int32) { tally_temporary_file_ended(token) }
}
