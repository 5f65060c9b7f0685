// The prompt's commands, wherever they are written: output format, timer, help, the last result in
// full, leaving. The parser reads them as statements; the session hands them here.

import Foundation
import Tally
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
        }
    }
}
