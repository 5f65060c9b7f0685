// One self-contained HTML page for the results of a whole script: each statement's table, each plot
// as an inline SVG chart. No script and nothing fetched, so it opens anywhere, even offline.

import TallyData

/// The results of a run, gathered into one page.
public struct HTMLReport: Sendable {
    /// The page's title: the script's name, or `Tally report`.
    public var title: String
    private var sections: [String] = []

    public init(title: String = "Tally report") {
        self.title = title
    }

    /// A page of one result.
    public static func page(of table: ResultTable) -> String {
        var report = HTMLReport()
        report.add(table, statement: nil)
        return report.render()
    }

    /// Whether nothing has been added.
    public var isEmpty: Bool { sections.isEmpty }

    /// A result as a table, under the statement that made it.
    public mutating func add(_ table: ResultTable, statement: String?) {
        sections.append(section(statement, body: Self.table(table)))
    }

    /// A `plot`: the chart, then its numbers as a table. A result that cannot be drawn shows why,
    /// and its table.
    public mutating func addChart(_ table: ResultTable, statement: String?) {
        let figure: String
        do {
            figure = "<figure>" + (try SVGChart.render(table)) + "</figure>\n"
        } catch {
            figure = "<p class=\"note\">" + HTML.escape(error.message) + "</p>\n"
        }
        let numbers = "<details>\n<summary>The numbers</summary>\n" + Self.table(table) + "</details>\n"
        sections.append(section(statement, body: figure + numbers))
    }

    /// Prose (`explain`, a note under a table), as written.
    public mutating func add(text: String, statement: String?) {
        let body = "<pre>" + HTML.escape(text.hasSuffix("\n") ? String(text.dropLast()) : text) + "</pre>\n"
        sections.append(section(statement, body: body))
    }

    /// The page.
    public func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <style>
        body { font-family: system-ui, sans-serif; color: #111827; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
        h1 { font-size: 1.5rem; }
        h2 { font-size: 1rem; font-weight: normal; margin-top: 2rem; }
        code, pre { font-family: ui-monospace, monospace; }
        pre { white-space: pre-wrap; }
        table { border-collapse: collapse; margin: 0.5rem 0; }
        th, td { padding: 0.25rem 0.75rem; border-bottom: 1px solid #e5e7eb; text-align: left; }
        th { border-bottom: 2px solid #9ca3af; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        td.null { color: #9ca3af; }
        p.rows { color: #6b7280; font-size: 0.875rem; margin: 0; }
        figure { margin: 0.5rem 0; }
        svg { max-width: 100%; height: auto; }
        </style>
        </head>
        <body>
        <h1>\(HTML.escape(title))</h1>

        """ + sections.joined(separator: "\n") + "</body>\n</html>\n"
    }

    private func section(_ statement: String?, body: String) -> String {
        let heading = statement.map { "<h2><code>" + HTML.escape($0) + "</code></h2>\n" } ?? ""
        return "<section>\n" + heading + body + "</section>\n"
    }

    /// A result as an HTML table, cells as the terminal shows them (units applied, `—` for null).
    static func table(_ table: ResultTable) -> String {
        let right = table.columns.indices.map { DisplayCell.isRightAligned($0, in: table) }
        func cell(_ tag: String, _ text: String, _ index: Int, null: Bool = false) -> String {
            let classes = [right[index] ? "number" : nil, null ? "null" : nil].compactMap { $0 }
            let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
            return "<\(tag)\(attribute)>" + HTML.escape(text) + "</\(tag)>"
        }
        var out = "<table>\n<thead><tr>"
        out += table.columns.indices.map { cell("th", table.columns[$0].name, $0) }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for index in table.columns.indices {
                let shown = DisplayCell.text(DisplayCell.value(row, index), in: table.columns[index])
                out += cell("td", shown.text, index, null: shown.isNull)
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out + "<p class=\"rows\">" + (table.rows.count == 1 ? "1 row" : "\(table.rows.count) rows") + "</p>\n"
    }
}

/// Text made safe to put in HTML, between tags or in a quoted attribute.
enum HTML {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
