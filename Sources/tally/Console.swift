// Prints session outputs and diagnostics: results to stdout in the chosen format, errors to stderr.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import TallyRender

/// Where results and errors go. At the prompt it also fits tables to the terminal, cuts long ones
/// (keeping the whole result for `last`) and shows timings.
final class Console {
    var format: OutputFormat
    /// A person is at the prompt.
    let interactive: Bool
    /// Show how long each statement took (table footers); on at the prompt.
    var timer: Bool
    /// The last result, whole, for `last`.
    private(set) var lastTable: ResultTable?
    /// `quit` was run: nothing more is read.
    var quitRequested = false
    private let color = Terminal.wantsColor(STDOUT_FILENO)
    private let errorColor = Terminal.wantsColor(STDERR_FILENO)

    init(format: OutputFormat, interactive: Bool) {
        self.format = format
        self.interactive = interactive
        self.timer = interactive || Terminal.isInteractive(STDOUT_FILENO)
    }

    func show(_ output: Output) {
        switch output {
        case .table(let table, let seconds):
            lastTable = table
            show(table, timing: timer ? Self.timing(seconds) : nil, whole: !interactive)
        case .chart(let table):
            lastTable = table
            guard format == .table else { return show(table, timing: nil, whole: true) }
            do {
                let options = ChartOptions(width: Terminal.width(STDOUT_FILENO), height: 16, color: color)
                write(try Chart.render(table, options: options))
            } catch {
                report([Diagnostic(error.message, help: "plot draws one or more measures over time or by category")])
            }
        case .note(let note):
            if format == .table || format == .markdown { write(note + "\n") }
        case .command(let command):
            Commands(console: self).run(command)
        case .text(let text):
            // Prose is for people; in machine formats it would corrupt the stream, so it goes to stderr.
            let line = text.hasSuffix("\n") ? text : text + "\n"
            if format == .table || format == .markdown { write(line) } else { StandardStream.error.write(line) }
        }
    }

    /// Shows the last result again, all of it.
    func showLast() {
        guard let table = lastTable else {
            report([Diagnostic("there is no result yet", help: "run a query first, e.g. revenue by month")])
            return
        }
        show(table, timing: nil, whole: true)
    }

    private func show(_ table: ResultTable, timing: String?, whole: Bool) {
        guard format == .table, interactive else {
            write(Renderer.render(table, format: format, options: TableOptions(color: color, timing: timing)))
            return
        }
        write(TerminalTable(columns: Terminal.width(STDOUT_FILENO), color: color).render(table, timing: timing, whole: whole))
    }

    /// Errors go to standard error as well as it can take them: when it is closed or full the
    /// message is lost, but the exit status still says that something failed.
    func report(_ diagnostics: [Diagnostic]) {
        let renderer = DiagnosticRenderer(color: errorColor)
        let text = diagnostics.map { renderer.render($0) }.joined(separator: "\n\n")
        StandardStream.error.write(text + "\n")
    }

    /// Asked between parts of a long output at the prompt; true stops it (Ctrl-C).
    var interrupted: () -> Bool = { false }

    /// Results go to standard output; once a write fails, nothing more is written (see `outputFailed`).
    /// At the prompt a long text goes out a part at a time, and Ctrl-C stops it between parts: a
    /// terminal may take seconds to show a hundred thousand rows.
    func write(_ text: String) {
        guard interactive, text.utf8.count > Self.part else {
            StandardStream.output.write(text)
            return
        }
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            var end = min(bytes.count, start + Self.part)
            // Parts end after a line break, so what is shown before a stop is whole lines.
            while end < bytes.count, bytes[end - 1] != UInt8(ascii: "\n") { end += 1 }
            guard StandardStream.output.write(String(decoding: bytes[start..<end], as: UTF8.self)) else { return }
            start = end
            if start < bytes.count, interrupted() {
                StandardStream.output.write("… stopped with Ctrl-C\n")
                return
            }
        }
    }

    /// Bytes written at once at the prompt before Ctrl-C is looked at.
    private static let part = 16 << 10

    /// Whether writing the output failed; the statement that failed should stop, and say so once.
    var outputFailed: Bool { StandardStream.output.hasFailed }

    /// `error: cannot write output: No space left on device`, once.
    static func reportOutputFailure() {
        guard let failure = StandardStream.output.failureToReport() else { return }
        StandardStream.error.write("error: cannot write output: \(failure.reason)\n")
    }

    static func timing(_ seconds: Double) -> String {
        if seconds < 0.001 { return "<1 ms" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        let tenths = (seconds * 10).rounded() / 10
        return "\(tenths) s"
    }
}
