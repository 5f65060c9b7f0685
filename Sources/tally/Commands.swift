// Commands of the prompt itself: help, output format, timer, the last result in full.

import Foundation
import TallyRender

struct Commands {
    let runner: Runner

    /// Runs `line` if it is a prompt command; false when it is a statement for the session.
    func handle(_ line: String) -> Bool {
        let words = line.split(separator: " ").map(String.init)
        guard let first = words.first else { return false }
        switch first {
        case "help", "?":
            guard words.count <= 2 else { return false }
            runner.console.write(Help.text(topic: words.count == 2 ? words[1] : nil) + "\n")
        case "format":
            guard words.count == 2 else {
                runner.console.write("output format: \(runner.console.format.rawValue) (format table|csv|json|markdown)\n")
                return true
            }
            guard let format = OutputFormat(rawValue: words[1]) else {
                runner.console.report([.init("unknown format '\(words[1])'", help: "formats are table, csv, json and markdown")])
                return true
            }
            runner.console.format = format
        case "timer":
            guard words.count == 2, ["on", "off"].contains(words[1]) else {
                runner.console.write("timer: \(runner.console.timer ? "on" : "off") (timer on|off)\n")
                return true
            }
            runner.console.timer = words[1] == "on"
        case "last" where words.count == 1:
            runner.console.showLast()
        default:
            return false
        }
        return true
    }
}
