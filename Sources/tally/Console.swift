// Prints session outputs and diagnostics: results to stdout in the chosen format, errors to stderr.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import TallyRender

/// Where results and errors go. At the prompt it also fits tables to the terminal, cuts long ones
/// (keeping the whole result for `last`), pages tall ones and shows timings.
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
    /// Tall results at the prompt go through a pager (`pager off` turns it off).
    var pager = true
    /// `expanded on|off|auto`: a row's values down the screen rather than across.
    var expanded = "off"
    /// Where results go instead of the screen (`output "file.csv"`), and what has gone there.
    var destination: (file: ResultFile, content: Content)?
    /// Everything shown, gathered for one page, when the format is html.
    var report: HTMLReport?
    /// The statement running now, as written: the heading of its result in an HTML page.
    var statement: String?
    /// Whether the last result was a `plot` (a page saved of it shows the chart).
    private(set) var lastWasChart = false
    /// The statement that gave the last result.
    private(set) var lastStatement: String?
    /// The runner, for the commands that run statements.
    weak var runner: Runner?
    private let color = Terminal.wantsColor(STDOUT_FILENO)
    private let errorColor = Terminal.wantsColor(STDERR_FILENO)

    init(format: OutputFormat, interactive: Bool) {
        self.format = format
        self.interactive = interactive
        self.timer = interactive || Terminal.isInteractive(STDOUT_FILENO)
        if format == .html { report = HTMLReport() }
    }

    func show(_ output: Output) {
        switch output {
        case .table(let table, let seconds):
            lastTable = table
            lastWasChart = false
            lastStatement = statement
            if toFile(table, chart: false) { return }
            if report != nil {
                report?.add(table, statement: statement)
                return
            }
            show(table, timing: timer ? Self.timing(seconds) : nil, whole: !interactive)
        case .chart(let table):
            lastTable = table
            lastWasChart = true
            lastStatement = statement
            if toFile(table, chart: true) { return }
            if report != nil {
                report?.addChart(table, statement: statement)
                return
            }
            guard format == .table else { return show(table, timing: nil, whole: true) }
            do {
                let options = ChartOptions(width: Terminal.width(STDOUT_FILENO), height: 16, color: color)
                write(try Chart.render(table, options: options))
            } catch {
                report([Diagnostic(error.message, help: "plot draws one or more measures over time or by category")])
            }
        case .note(let note):
            if report != nil {
                report?.add(text: note, statement: nil)
                return
            }
            if format == .table || format == .markdown { write(note + "\n") }
        case .command(let command):
            Commands(console: self).run(command)
        case .text(let text):
            if report != nil {
                report?.add(text: text, statement: statement)
                return
            }
            // Prose is for people; in machine formats it would corrupt the stream, so it goes to stderr.
            let line = text.hasSuffix("\n") ? text : text + "\n"
            if format == .table || format == .markdown { write(line) } else { StandardStream.error.write(line) }
        }
    }

    /// Writes the HTML page gathered so far to standard output (`--format html`, at the end of a run).
    func finishReport(title: String) {
        guard var report else { return }
        report.title = title
        write(report.render())
        self.report = nil
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
        let columns = Terminal.width(STDOUT_FILENO)
        let options = TableOptions(color: color, timing: timing)
        if format == .table, expanded == "on" || expanded == "auto" && ExpandedRenderer.suits(table, columns: columns) {
            return page(ExpandedRenderer.render(table, options: options))
        }
        guard format == .table, interactive else {
            write(Renderer.render(table, format: format, options: options))
            return
        }
        let terminal = TerminalTable(columns: columns, color: color)
        let text = terminal.render(table, timing: timing, whole: whole)
        // In a pager the whole result can be read, so it is not cut.
        guard let pager = pagerCommand, Self.lineCount(text) >= Terminal.height(STDOUT_FILENO) else { return write(text) }
        if !Pager.show(terminal.render(table, timing: timing, whole: true), command: pager) { write(text) }
    }

    /// Text at the prompt, through the pager when it is taller than the screen.
    private func page(_ text: String) {
        guard let pager = pagerCommand, Self.lineCount(text) >= Terminal.height(STDOUT_FILENO), Pager.show(text, command: pager) else {
            return write(text)
        }
    }

    /// The pager to use now: only at the prompt, on a terminal, with `pager on`; never for piped output.
    private var pagerCommand: String? {
        guard interactive, pager, Terminal.isInteractive(STDOUT_FILENO) else { return nil }
        return Pager.command
    }

    private static func lineCount(_ text: String) -> Int {
        text.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
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
