// SQL typed at Tally: a SELECT ... FROM ... is answered with the Tally query that asks the same
// question, and a pointer to `sql`, which shows the SQL a Tally query runs as.

import TallyDiagnostics

extension Parser {
    /// The failure for a statement that is a SQL SELECT (it starts with `select`, in any case, and
    /// names a table with `from` before its end); nil for anything else.
    func sqlSelectFailure() -> ParseFailure? {
        guard current.kind == .identifier, !current.isQuotedName(in: source), text(current).lowercased() == "select"
        else {
            return nil
        }
        var end = pos
        var depth = 0
        var sawFrom = false
        scan: while tokens[end].kind != .eof {
            switch tokens[end].kind {
            case .symbol(.leftParen): depth += 1
            case .symbol(.rightParen): depth = max(0, depth - 1)
            case .newline, .symbol(.semicolon): if depth == 0 { break scan }
            case .identifier: if text(tokens[end]).lowercased() == "from" { sawFrom = true }
            default: break
            }
            end += 1
        }
        guard sawFrom else { return nil }
        let sql = source.slice(Span(current.span.start, tokens[end].span.start))
        guard let tally = SQLSelect.tally(sql) else {
            return fail(
                "this is SQL, which Tally does not run",
                help: "ask in Tally, e.g. revenue by month where plan = \"pro\" (help queries); "
                    + "`sql QUERY` shows the SQL a Tally query runs as")
        }
        return fail(
            "this is SQL, which Tally does not run; in Tally it is: \(tally)",
            help: "`sql \(tally)` shows the SQL Tally runs for it")
    }
}
