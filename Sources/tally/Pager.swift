// Shows text taller than the screen through a pager, as psql does: `$PAGER`, else `less -SFRX`
// (long lines kept whole, quits at once when the text fits, colours kept, the screen left as it is).

import Foundation
import TallyData

enum Pager {
    /// The pager command: `$PAGER` when set; an empty `$PAGER` means none, as for psql.
    static var command: String? {
        guard let pager = ProcessInfo.processInfo.environment["PAGER"] else { return "less -SFRX" }
        return pager.trimmingCharacters(in: .whitespaces).isEmpty ? nil : pager
    }

    /// Runs the pager on `text` and waits for it to end; false when it cannot be started (the caller
    /// then writes the text itself).
    static func show(_ text: String, command: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardInput = pipe
        do { try process.run() } catch { return false }
        // Leaving the pager early closes the pipe: that is the reader's choice, not a failure.
        let previous = signal(SIGPIPE, SIG_IGN)
        var text = text
        _ = text.withUTF8 { Descriptor.writeAll(pipe.fileHandleForWriting.fileDescriptor, UnsafeRawBufferPointer($0)) }
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        signal(SIGPIPE, previous)
        return true
    }
}
