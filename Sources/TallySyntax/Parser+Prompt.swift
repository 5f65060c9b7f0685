// The prompt's commands as statements: format, timer, help, last, quit, and those of Parser+Session
// (save, output, pager, expanded, run, edit, watch, set). They may be written wherever a statement
// may (at the prompt, in a script, in init.tally, in piped input).

import TallyDiagnostics

extension Parser {
    /// The words that start a statement other than a query. Outside the first position they are
    /// names (`last` is a reserved word, and a command only alone).
    public static let statementWords = [
        "metric", "dimension", "load", "relate", "anchor", "lifespan", "show", "describe", "explain", "plot",
        "assert", "sql", "connect", "use", "format", "timer", "help", "last", "quit", "exit",
    ] + sessionCommandWords

    /// Whether the current token starts a prompt command: one of its words, or `last` alone.
    var atPromptCommand: Bool {
        switch current.kind {
        case .identifier:
            return !current.isQuotedName(in: source)
                && (["format", "timer", "help", "quit", "exit"] + Self.sessionCommandWords).contains(text(current))
        case .keyword(.last): return isSeparator(tokens[pos + 1]) || tokens[pos + 1].kind == .eof
        default: return false
        }
    }

    /// `prompt_command = "format" [ IDENT ] | "timer" [ "on" | "off" ] | "help" [ IDENT ] | "last" | "quit" | "exit"
    /// | session_command ;`
    mutating func promptCommand() throws(ParseFailure) -> Statement {
        let start = current.span.start
        let word = text(current)
        if Self.sessionCommandWords.contains(word) { return try sessionCommand() }
        advance()
        let argument: Token? = atStatementEnd ? nil : current
        let command: PromptCommand
        switch word {
        case "format":
            guard let argument else {
                command = .format(nil)
                break
            }
            guard argument.kind == .identifier, PromptCommand.formats.contains(text(argument)) else {
                throw fail(
                    "unknown format \(described(argument))",
                    help: "formats are " + listing(PromptCommand.formats.map { "'\($0)'" }))
            }
            command = .format(text(argument))
        case "timer":
            guard let argument else {
                command = .timer(nil)
                break
            }
            guard ["on", "off"].contains(text(argument)) else { throw fail("expected 'on' or 'off' after 'timer'") }
            command = .timer(text(argument) == "on")
        case "help":
            guard let argument else {
                command = .help(nil)
                break
            }
            switch argument.kind {
            case .identifier, .keyword: command = .help(argument.nameText(in: source))
            default: throw fail("expected a topic after 'help'", help: "e.g. help queries, or help sql")
            }
        case "last":
            command = .last
        default:
            command = .quit
        }
        if argument != nil { advance() }
        try expectStatementEnd()
        return Statement(.prompt(command), Span(start, lastEnd))
    }
}
