// The interactive prompt: read a statement (over several lines if it is open), run it, print, repeat.
// Errors and Ctrl-C never end it; Ctrl-D on an empty line does, and so does `quit`, and output that
// can no longer be written (the terminal is gone).

import CTerminal
import Foundation
import Tally
import TallyRender

struct REPL {
    let runner: Runner

    /// Reads and runs statements until Ctrl-D or `quit`; returns the exit status.
    func loop() -> Int32 {
        let editor = LineEditor(completer: Completer(session: runner.session, helpTopics: Help.topicNames))
        runner.stopWhen { tally_signals_interrupted() != 0 }
        runner.console.interrupted = { tally_signals_interrupted() != 0 }
        runner.remember = { editor.remember($0) }
        runStartupFile()
        if runner.console.quitRequested { return runner.outputWritten() ? 0 : 1 }
        runner.console.write("Tally — ask a question such as `revenue by month`; `help` for a tour, Ctrl-D to leave.\n")
        var pending = ""
        while runner.outputWritten() {
            let line: String
            switch editor.read(prompt: pending.isEmpty ? "tally> " : "   ..> ") {
            case .line(let text):
                line = text
            case .interrupted:
                pending = ""  // Ctrl-C abandons the statement being typed, over all its lines
                continue
            case .end:
                runner.console.write("\n")
                if pending.isEmpty { return runner.outputWritten() ? 0 : 1 }
                pending = ""  // Ctrl-D inside an open statement abandons it
                continue
            }
            pending += pending.isEmpty ? line : "\n" + line
            if Continuation.needsMore(pending) {
                // An explicit `\` only asks for another line; it is not part of the statement.
                if pending.hasSuffix("\\") { pending.removeLast() }
                continue
            }
            let statement = pending
            pending = ""
            let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            editor.remember(statement)
            var text = statement
            if let tally = ShellReflexes.tally(for: trimmed, timerIsOn: runner.console.timer) {
                runner.console.write(ShellReflexes.hint(tally, color: Terminal.wantsColor(STDOUT_FILENO)) + "\n")
                text = tally
            }
            _ = tally_signals_take_interrupt()
            let isEdit = trimmed == "edit"
            _ = runner.run(text: text, name: nil)
            if !isEdit { runner.lastStatement = text }
            if runner.console.quitRequested { return runner.outputWritten() ? 0 : 1 }
        }
        return 1
    }

    /// `~/.config/tally/init.tally` (or under `$XDG_CONFIG_HOME`) runs before the first prompt; an
    /// error there is reported and the rest of the file still runs.
    private func runStartupFile() {
        let environment = ProcessInfo.processInfo.environment
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.config" }
        guard let config else { return }
        let path = config + "/tally/init.tally"
        if FileManager.default.fileExists(atPath: path) { runner.runStartupScript(path) }
    }
}
