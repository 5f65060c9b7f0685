// Prints session outputs and diagnostics: results to stdout in the chosen format, errors to stderr.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import TallyRender

struct Console {
    let format: OutputFormat
    /// A person is at the prompt: timings in table footers.
    let interactive: Bool
    private let color = Terminal.wantsColor(STDOUT_FILENO)
    private let errorColor = Terminal.wantsColor(STDERR_FILENO)

    init(format: OutputFormat, interactive: Bool) {
        self.format = format
        self.interactive = interactive
    }

    func show(_ output: Output) {
        switch output {
        case .table(let table, let seconds):
            let timing = interactive || Terminal.isInteractive(STDOUT_FILENO) ? Self.timing(seconds) : nil
            write(Renderer.render(table, format: format, options: TableOptions(color: color, timing: timing)))
        case .note(let note):
            if format == .table || format == .markdown { write(note + "\n") }
        case .text(let text):
            // Prose is for people; in machine formats it would corrupt the stream, so it goes to stderr.
            if format == .table || format == .markdown {
                write(text.hasSuffix("\n") ? text : text + "\n")
            } else {
                FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
            }
        }
    }

    func report(_ diagnostics: [Diagnostic]) {
        let renderer = DiagnosticRenderer(color: errorColor)
        let text = diagnostics.map { renderer.render($0) }.joined(separator: "\n\n")
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func timing(_ seconds: Double) -> String {
        if seconds < 0.001 { return "<1 ms" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        let tenths = (seconds * 10).rounded() / 10
        return "\(tenths) s"
    }
}
