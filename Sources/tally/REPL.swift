// The interactive prompt: read a statement (over several lines if it is open), run it, print, repeat.
// Errors and Ctrl-C never end it; Ctrl-D on an empty line does, and so does output that can no
// longer be written (the terminal is gone).

import CTerminal
import Foundation
import Tally
import TallyRender

struct REPL {
    let runner: Runner

    /// Reads and runs statements until Ctrl-D; returns the exit status.
    func loop() -> Int32 {
        let editor = LineEditor(completer: Completer(session: runner.session))
        runner.stopWhen { tally_signals_interrupted() != 0 }
        runner.console.interrupted = { tally_signals_interrupted() != 0 }
        runStartupFile()
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
            if Self.needsMore(pending) {
                // An explicit `\` only asks for another line; it is not part of the statement.
                if pending.hasSuffix("\\") { pending.removeLast() }
                continue
            }
            let statement = pending
            pending = ""
            let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            editor.remember(statement)
            if trimmed == "quit" || trimmed == "exit" || trimmed == "\\q" { return 0 }
            // A Ctrl-C pressed before now is not for what runs next.
            _ = tally_signals_take_interrupt()
            if Commands(runner: runner).handle(trimmed) { continue }
            _ = runner.run(text: statement, name: nil)
        }
        return 1
    }

    /// `~/.config/tally/init.tally` (or under `$XDG_CONFIG_HOME`) runs before the first prompt.
    private func runStartupFile() {
        let environment = ProcessInfo.processInfo.environment
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.config" }
        guard let config else { return }
        let path = config + "/tally/init.tally"
        if FileManager.default.fileExists(atPath: path) { _ = runner.runScript(path) }
    }

    /// A statement continues while a quote or parenthesis is open, or the line ends with a comma,
    /// an operator or `\`.
    static func needsMore(_ text: String) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for ch in text {
            if inString {
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
                continue
            }
            switch ch {
            case "\"": inString = true
            case "(": depth += 1
            case ")": depth -= 1
            default: break
            }
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let continuing = [",", "\\", "+", "-", "*", "/", "=", "<", ">", "("]
        return inString || depth > 0 || continuing.contains { trimmed.hasSuffix($0) } && !trimmed.hasSuffix("--")
    }
}
