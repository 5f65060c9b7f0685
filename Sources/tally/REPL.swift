// The interactive prompt, on libedit: read a statement, run it, print, repeat. Errors never end it.

import CLibEdit
import Foundation

struct REPL {
    let runner: Runner

    func loop() {
        setlocale(LC_CTYPE, "")  // without it libedit drops non-ASCII input
        tally_set_readline_name("tally")
        print("Tally — type a query such as `revenue by month`, `show metrics`, or Ctrl-D to quit.")
        var pending = ""
        while true {
            let prompt = pending.isEmpty ? "tally> " : "   ..> "
            guard let raw = readline(prompt) else {
                print()
                return
            }
            let line = String(cString: raw)
            free(raw)
            pending += pending.isEmpty ? line : "\n" + line
            if Self.needsMore(pending) {
                // An explicit `\` only asks for another line; it is not part of the statement.
                if pending.hasSuffix("\\") { pending.removeLast() }
                continue
            }
            let statement = pending
            pending = ""
            if statement.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            add_history(statement)
            if ["quit", "exit", "\\q"].contains(statement.trimmingCharacters(in: .whitespaces)) { return }
            _ = runner.run(text: statement, name: nil)
        }
    }

    /// A statement continues while a quote or parenthesis is open, or the line ends with `,` or `\`.
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
        return inString || depth > 0 || text.hasSuffix(",") || text.hasSuffix("\\")
    }
}
