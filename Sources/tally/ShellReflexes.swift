// Habits from other database shells (sqlite3's and DuckDB's dot commands, psql's backslash
// commands), read at the prompt as the Tally statement they mean. The prompt prints that statement,
// dim, before running it, so the habit is taught rather than punished.

enum ShellReflexes {
    /// The Tally statement another shell's command means; nil for anything else. `timerIsOn` is for
    /// psql's `\timing`, which turns timing over.
    static func tally(for line: String, timerIsOn: Bool) -> String? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first, first.hasPrefix(".") || first.hasPrefix("\\") || first == "?" else { return nil }
        let rest = Array(words.dropFirst())
        switch (first, rest.count) {
        case (".tables", 0), (".schema", 0), ("\\d", 0), ("\\dt", 0), ("\\d+", 0), ("\\dt+", 0), ("\\l", 0):
            return "show datasets"
        case (".schema", 1), ("\\d", 1), ("\\d+", 1), ("\\dt", 1), ("\\dt+", 1):
            return "describe \(rest[0])"
        case (".mode", 0),
            ("\\pset", 1) where rest[0] == "format":
            return "format"
        case (".mode", 1):
            return "format \(format(rest[0]))"
        case ("\\pset", 2) where rest[0] == "format":
            return "format \(format(rest[1]))"
        case ("\\timing", 0):
            return timerIsOn ? "timer off" : "timer on"
        case ("\\timing", 1), (".timer", 1):
            return "timer \(rest[0])"
        case (".exit", 0), (".quit", 0), ("\\q", 0):
            return "quit"
        case (".help", 0), ("\\?", 0), ("?", 0), ("\\h", 0):
            return "help"
        default:
            return nil
        }
    }

    /// Other shells' names for Tally's formats (a name Tally lacks is kept, and `format` says so).
    private static func format(_ name: String) -> String {
        switch name {
        case "box", "duckbox", "aligned", "wrapped", "column": "table"
        case "markdown", "md": "markdown"
        default: name
        }
    }

    /// The line printed before the statement runs: `-- show datasets`, dim on a terminal.
    static func hint(_ statement: String, color: Bool) -> String {
        let line = "-- " + statement
        return color ? "\u{1B}[2m" + line + "\u{1B}[0m" : line
    }
}
