// The prompt's commands that write files, page, repeat or take values: save, output, pager,
// expanded, run, edit, watch, set.

import TallyDiagnostics

extension Parser {
    /// The words of `session_command`.
    static let sessionCommandWords = ["save", "output", "pager", "expanded", "run", "edit", "watch", "set"]

    /// `session_command = "save" [ "last" ] "to" file_target | "output" [ file_target ] | "pager" [ "on" | "off" ]
    /// | "expanded" [ "on" | "off" | "auto" ] | "run" STRING | "edit" | "watch" NUMBER query
    /// | "set" [ IDENT "=" value ] ;`
    mutating func sessionCommand() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = text(current)
        advance()
        let command: PromptCommand
        switch word {
        case "save":
            if at(.last) { advance() }
            guard atWord("to") else {
                throw fail("expected 'to' and a file after 'save'", help: "e.g. save last to \"q1.csv\"")
            }
            advance()
            command = .save(try fileTarget(after: "save last to"))
        case "output":
            command = .output(atStatementEnd ? nil : try fileTarget(after: "output"))
        case "pager":
            command = .pager(try onOff(after: "pager"))
        case "expanded":
            if atStatementEnd {
                command = .expanded(nil)
            } else {
                guard PromptCommand.expandedModes.contains(text(current)) else {
                    throw fail("expected 'on', 'off' or 'auto' after 'expanded'")
                }
                command = .expanded(text(current))
                advance()
            }
        case "run":
            guard current.kind == .string else {
                throw fail("expected a script's path in double quotes after 'run'", help: "e.g. run \"report.tally\"")
            }
            command = .run(path: current.stringValue(in: source), pathSpan: current.span)
            advance()
        case "edit":
            command = .edit
        case "watch":
            command = try watch()
        default:
            command = try set()
        }
        try expectStatementEnd()
        return Statement(.prompt(command), Span(start, lastEnd))
    }

    /// `file_target = STRING [ "as" IDENT ] [ "replace" ] ;`
    private mutating func fileTarget(after words: String) throws(ParseFailure) -> FileTarget {
        guard current.kind == .string else {
            throw fail("expected a file path in double quotes after '\(words)'", help: "e.g. \(words) \"q1.csv\"")
        }
        let path = current.stringValue(in: source)
        let pathSpan = current.span
        advance()
        var format: String?
        if at(.as) {
            advance()
            guard current.kind == .identifier, PromptCommand.fileFormats.contains(text(current)) else {
                throw fail(
                    "unknown format \(described(current))",
                    help: "formats are " + listing(PromptCommand.fileFormats.map { "'\($0)'" }))
            }
            format = text(current)
            advance()
        }
        let replace = atWord("replace")
        if replace { advance() }
        return FileTarget(path: path, pathSpan: pathSpan, format: format, replace: replace)
    }

    private mutating func onOff(after word: String) throws(ParseFailure) -> Bool? {
        guard !atStatementEnd else { return nil }
        guard atWord("on") || atWord("off") else { throw fail("expected 'on' or 'off' after '\(word)'") }
        defer { advance() }
        return atWord("on")
    }

    /// `watch 10 revenue by day last 7 days`: the seconds, then a query, kept as written so that each
    /// round parses it again against what the session holds then.
    private mutating func watch() throws(ParseFailure) -> PromptCommand {
        guard current.kind == .number, let seconds = Double(text(current)), seconds > 0, seconds.isFinite else {
            throw fail(
                "expected the seconds between runs after 'watch'", help: "e.g. watch 10 revenue by day last 7 days")
        }
        advance()
        guard canStartExpression(current) else {
            throw fail(
                "expected a query after 'watch \(Self.seconds(seconds))'",
                help: "e.g. watch 10 revenue by day last 7 days")
        }
        let query = try query()
        return .watch(seconds: seconds, statement: source.slice(query.span))
    }

    /// `10`, `0.5`: seconds as written back in messages.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? String(Int(value)) : String(value)
    }

    /// `set plan = "pro"`, `set month = 2024-03`, `set n = 5`: the value as text, typed where it is used.
    private mutating func set() throws(ParseFailure) -> PromptCommand {
        guard !atStatementEnd else { return .listParameters }
        let name = try expectName("a parameter name after 'set'", help: "e.g. set plan = \"pro\"")
        guard at(.equal) else {
            throw fail("expected '=' after 'set \(name.text)'", help: "e.g. set \(name.text) = \"pro\"")
        }
        advance()
        let negative = at(.minus)
        if negative { advance() }
        let value: String
        switch current.kind {
        case .number: value = (negative ? "-" : "") + text(current)
        case .string where !negative: value = current.stringValue(in: source)
        case .date where !negative, .period where !negative, .keyword(.true) where !negative,
            .keyword(.false) where !negative:
            value = text(current)
        default:
            throw fail(
                "expected a value after 'set \(name.text) ='",
                help: "text in double quotes, a number, a date or a period: set plan = \"pro\", set month = 2024-03")
        }
        advance()
        return .set(name: name.text, value: value)
    }
}
