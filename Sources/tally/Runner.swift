// Drives a Session for the command line: runs text and scripts, prints results, reports failures.

import Foundation
import Tally
import TallyDiagnostics

/// Runs statements through one session and prints what they produce.
final class Runner {
    let session: Session
    let console: Console
    /// A statement run by a command (`run`, `edit`, `watch`) failed, and was reported: the script
    /// around the command stops there.
    let commandFailure = StopFlag()
    /// The last statement typed at the prompt, for `edit`.
    var lastStatement: String?
    /// Keeps a statement in the prompt's history (`edit` runs one that was never typed).
    var remember: (String) -> Void = { _ in }

    /// nil when the session cannot start (the standard library is missing); the reason is printed.
    init?(today: Int32, console: Console) {
        self.console = console
        do {
            session = try Session(today: today)
        } catch {
            console.report(error.diagnostics)
            return nil
        }
        stopWhen { false }
        console.runner = self
    }

    /// Running statements stop when `interrupted` says so (Ctrl-C at the prompt), and whenever the
    /// output cannot be written: there is no point computing what cannot be shown.
    func stopWhen(_ interrupted: @escaping @Sendable () -> Bool) {
        let commandFailure = self.commandFailure
        session.isCancelled = { interrupted() || StandardStream.output.hasFailed || commandFailure.isSet }
    }

    func openFolder(_ path: String) -> Bool {
        do {
            try session.openFolder(path) { console.show($0) }
            return outputWritten()
        } catch {
            return failed(error.diagnostics)
        }
    }

    /// Connects to a database (`--db`); queries run there from now on.
    func connect(_ target: String) -> Bool {
        do {
            console.show(.note(try session.connect(to: target)))
            return outputWritten()
        } catch {
            return failed([error])
        }
    }

    /// Runs statements; false (after printing the error) when one fails.
    func run(text: String, name: String?) -> Bool {
        run(SourceFile(name: name, text: text))
    }

    /// Statements given as bytes (a script, a pipe) as text; nil (after saying why) unless they are UTF-8.
    func decode(_ bytes: [UInt8], name: String?) -> SourceFile? {
        do {
            return try SourceFile.decoding(bytes, name: name)
        } catch {
            console.report([error])
            return nil
        }
    }

    func runScript(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let problem = !exists ? "no such file" : isDirectory.boolValue ? "is a directory" : "cannot be read"
            console.report([Diagnostic("script '\(path)': \(problem)")])
            return false
        }
        guard let source = decode(Array(data), name: path) else { return false }
        return run(source)
    }

    func run(_ source: SourceFile) -> Bool {
        do {
            try session.run(source) { console.show($0) }
            return !commandFailure.take() && outputWritten()
        } catch {
            // A command's statement that failed was reported where it failed; what stopped here is only that.
            if commandFailure.take() { return false }
            return failed(error.diagnostics)
        }
    }

    /// True while the output could be written; otherwise says why and gives false.
    func outputWritten() -> Bool {
        guard console.outputFailed else { return true }
        Console.reportOutputFailure()
        return false
    }

    /// Reports a failure, unless it is only the statement stopping because the output failed: then
    /// that is what is said.
    private func failed(_ diagnostics: [Diagnostic]) -> Bool {
        if console.outputFailed { return outputWritten() }
        console.report(diagnostics)
        return false
    }
}
