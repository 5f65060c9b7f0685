// The line editor: libedit's readline interface, with completion and persistent history.

import CLibEdit
import CTerminal
import Foundation
import Tally
import TallyData

/// Reads lines with editing, completion from the session's catalog and a history kept across sessions.
final class LineEditor {
    private let historyPath: String?
    private var lastEntry: String?

    /// The completer libedit's C callbacks reach; there is one prompt per process.
    nonisolated(unsafe) private static var completer: Completer?
    nonisolated(unsafe) private static var candidates: [String] = []

    init(completer: Completer) {
        setlocale(LC_CTYPE, "")  // without it libedit drops non-ASCII input
        tally_set_readline_name("tally")  // before setup, so ~/.editrc sections for tally apply
        tally_disable_readline_signals()
        tally_signals_install()
        tally_initialize()
        // Quotes are not word breaks, so `plan = "pr` completes to `"pro"`.
        tally_set_word_break_characters(" \t\n,()=<>!;")
        tally_set_completer(LineEditor.attemptCompletion)
        Self.completer = completer
        historyPath = Self.historyFile()
        if let historyPath {
            // What a session killed while saving left behind.
            TemporaryFile.sweep(folder: (historyPath as NSString).deletingLastPathComponent)
            _ = read_history(historyPath)
        }
    }

    /// The prompt is done: let the session go with it, so nothing it holds outlives the prompt.
    deinit { Self.completer = nil }

    enum Input {
        case line(String)
        /// Ctrl-C: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or the end of input.
        case end
    }

    func read(prompt: String) -> Input {
        var interrupted: Int32 = 0
        guard let raw = tally_readline(prompt, &interrupted) else { return interrupted != 0 ? .interrupted : .end }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    /// Remembers a statement; a statement typed again moves to the end rather than being stored twice.
    func remember(_ statement: String) {
        guard statement != lastEntry else { return }
        lastEntry = statement
        tally_history_forget(statement)
        add_history(statement)
        // Written beside it and renamed into place: a session killed while saving leaves the old
        // history or the new one, never half of one. A history that cannot be saved is not an error.
        if let historyPath { try? TemporaryFile.replace(historyPath) { write_history($0) == 0 ? nil : errno } }
    }

    /// `$XDG_STATE_HOME/tally/history`, else `~/.local/state/tally/history`; nil when no home is known.
    private static func historyFile() -> String? {
        let environment = ProcessInfo.processInfo.environment
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.local/state" }
        guard let state else { return nil }
        let folder = state + "/tally"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/history"
    }

    // MARK: Completion callbacks (C function pointers: no captured context)

    private static let attemptCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, end in
        tally_set_attempted_completion_over(1)
        guard let text, let completer = LineEditor.completer else { return nil }
        let line = tally_line_buffer().map { String(cString: $0) } ?? ""
        let before = String(decoding: Array(line.utf8).prefix(Int(max(0, start))), as: UTF8.self)
        let word = String(cString: text)
        LineEditor.candidates = completer.complete(before: before, word: word)
        // A value or a folder is often not the end of what is typed; no space after a folder.
        tally_set_completion_append_character(LineEditor.candidates.count == 1 && LineEditor.candidates[0].hasSuffix("/") ? 0 : 32)
        return rl_completion_matches(text, LineEditor.generate)
    }

    private static let generate: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
        let index = Int(state)
        guard index < LineEditor.candidates.count else { return nil }
        return strdup(LineEditor.candidates[index])
    }
}
