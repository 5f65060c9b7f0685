// Results written to files: `save last to "q1.csv"` and `output "all.csv"` … `output`. A write that
// fails is an error with the path and the reason, and the session goes on.

import Foundation
import TallyData
import TallyDiagnostics
import TallyRender
import TallySyntax

extension Console {
    /// What an `output` file holds so far: it is rewritten whole after each result, so it is
    /// complete (an HTML page closed) whenever the session stops.
    enum Content {
        case text(String)
        case page(HTMLReport)
    }

    /// `save last to "q1.csv" [as csv] [replace]`
    func save(_ target: FileTarget) {
        guard let table = lastTable else {
            return fail(Diagnostic("there is no result to save yet", help: "run a query first, e.g. revenue by month"))
        }
        do {
            let file = try ResultFile(target, command: "save last to")
            let text: String
            if file.format == .html {
                var page = HTMLReport()
                add(table, chart: lastWasChart, statement: lastStatement, to: &page)
                text = page.render()
            } else {
                text = Self.fileText(table, chart: lastWasChart, format: file.format)
            }
            try file.write(text)
            if interactive {
                write("saved \(table.rows.count == 1 ? "1 row" : "\(table.rows.count) rows") to \(file.path)\n")
            }
        } catch {
            fail(error)
        }
    }

    /// `output "all.csv"`: results go to the file from now on (it is made at once, so a file that
    /// cannot be written is said now); `output` alone brings them back to the screen.
    func output(_ target: FileTarget?) {
        destination = nil
        guard let target else { return }
        do {
            let file = try ResultFile(target, command: "output")
            let content: Content = file.format == .html ? .page(HTMLReport()) : .text("")
            try file.write(Self.text(of: content))
            destination = (
                ResultFile(path: file.path, format: file.format, mayReplace: true, command: "output"), content
            )
        } catch {
            fail(error)
        }
    }

    /// Writes a result to the `output` file, if there is one; false when results go to the screen.
    /// When the file can no longer be written, that is said and results come back to the screen.
    func toFile(_ table: ResultTable, chart: Bool) -> Bool {
        guard let (file, content0) = destination else { return false }
        var content = content0
        switch content {
        case .text(let text): content = .text(text + Self.fileText(table, chart: chart, format: file.format))
        case .page(var page):
            add(table, chart: chart, statement: statement, to: &page)
            content = .page(page)
        }
        do {
            try file.write(Self.text(of: content))
            destination = (file, content)
        } catch {
            destination = nil
            fail(Diagnostic(error.message, help: "results are shown on the screen again"))
        }
        return true
    }

    /// Reports a failed write; a script stops there, the prompt goes on.
    private func fail(_ diagnostic: Diagnostic) {
        report([diagnostic])
        runner?.commandFailure.set()
    }

    private func add(_ table: ResultTable, chart: Bool, statement: String?, to page: inout HTMLReport) {
        if chart { page.addChart(table, statement: statement) } else { page.add(table, statement: statement) }
    }

    private static func text(of content: Content) -> String {
        switch content {
        case .text(let text): text
        case .page(let page): page.render()
        }
    }

    /// A result as a file of `format` holds it: plain text without colour, a chart drawn 100 wide.
    static func fileText(_ table: ResultTable, chart: Bool, format: OutputFormat) -> String {
        if chart, format == .table, let drawn = try? Chart.render(table, options: ChartOptions(width: 100, height: 16))
        {
            return drawn
        }
        return Renderer.render(table, format: format)
    }
}
