// The prompt's commands, wherever they are written: output format, timer, help, the last result in
// full, files, the pager, expanded display, running scripts, editing, watching, leaving. The parser
// reads them as statements; the session hands them here.

import Foundation
import Tally
import TallyDiagnostics
import TallyRender
import TallySyntax

struct Commands {
    let console: Console

    func run(_ command: PromptCommand) {
        switch command {
        case .format(let name):
            guard let name, let format = OutputFormat(rawValue: name) else {
                return console.show(.text("output format: \(console.format.rawValue) (format table|csv|json|markdown)"))
            }
            console.format = format
        case .timer(let on):
            guard let on else { return console.show(.text("timer: \(console.timer ? "on" : "off") (timer on|off)")) }
            console.timer = on
        case .help(let topic):
            console.show(.text(Help.text(topic: topic)))
        case .last:
            console.showLast()
        case .quit:
            console.quitRequested = true
        case .save(let target):
            console.save(target)
        case .output(let target):
            console.output(target)
        case .pager(let on):
            guard let on else {
                return console.show(.text("pager: \(console.pager ? "on" : "off") (\(Pager.command ?? "none: PAGER is empty"))"))
            }
            console.pager = on
        case .expanded(let mode):
            guard let mode else { return console.show(.text("expanded: \(console.expanded) (expanded on|off|auto)")) }
            console.expanded = mode
        case .run(let path, _):
            guard let runner = console.runner else { return }
            if !runner.runScript(path) { runner.commandFailure.set() }
        case .edit:
            console.runner?.edit()
        case .watch(let seconds, let statement):
            console.runner?.watch(statement, every: seconds)
        case .set, .listParameters:
            break  // the session's own: it keeps the parameters
        }
    }
}
