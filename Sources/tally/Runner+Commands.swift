// The commands that run statements: `edit` (the last statement in $EDITOR, then run) and `watch`
// (a statement run again every N seconds until Ctrl-C).

import CTerminal
import Foundation
import Tally
import TallyData
import TallyDiagnostics

extension Runner {
    /// `edit`: the last statement typed, opened in `$EDITOR` (else `$VISUAL`, else `vi`); what the
    /// editor leaves is shown and run, as psql's `\e` does.
    func edit() {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["EDITOR"], environment["VISUAL"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let folder = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let path = folder + "/tally-edit-\(getpid()).tally"
        do {
            try TemporaryFile.write(Data(((lastStatement ?? "") + "\n").utf8), to: path)
        } catch {
            return fail(Diagnostic("cannot write \(path): \(error.reason)"))
        }
        defer { unlink(path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The path goes as an argument of its own, never into the command's text.
        process.arguments = ["-c", editor + " \"$1\"", "sh", path]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return fail(
                Diagnostic("cannot start the editor '\(editor)': \(error.localizedDescription)", help: "set EDITOR"))
        }
        guard process.terminationStatus == 0 else {
            return fail(
                Diagnostic("the editor '\(editor)' failed (exit status \(process.terminationStatus)); nothing was run"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return fail(Diagnostic("cannot read back \(path)"))
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return }
        console.write(text + "\n")
        lastStatement = text
        remember(text)
        if !run(text: text, name: nil) { commandFailure.set() }
    }

    /// `watch 10 QUERY`: a line with the time, then the result, every `seconds` until Ctrl-C (or
    /// until the statement fails, or the output cannot be written).
    func watch(_ statement: String, every seconds: Double) {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        while true {
            console.write("\(formatter.string(from: Date())) UTC (every \(Self.seconds(seconds)) s; Ctrl-C stops)\n")
            guard run(text: statement, name: nil) else {
                commandFailure.set()
                return
            }
            // Waits in small steps, so Ctrl-C is seen at once.
            let until = Date().addingTimeInterval(seconds)
            while Date() < until {
                if !outputWritten() { return }
                if console.interrupted() {
                    _ = tally_signals_take_interrupt()
                    console.write("\n")  // after the terminal's ^C, so the prompt starts a line
                    return
                }
                usleep(50_000)
            }
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? String(Int(value)) : String(value)
    }

    private func fail(_ diagnostic: Diagnostic) {
        console.report([diagnostic])
        commandFailure.set()
    }
}

/// A flag that running statements look at from any thread.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    /// Whether it was set; it is clear afterwards.
    func take() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let was = value
        value = false
        return was
    }
}
