// Reads a simple SQL SELECT as the Tally query that asks the same question, for the message that
// meets someone who types SQL at Tally: `select sum(amount) from orders group by plan` is
// `sum(orders.amount) by plan`.

import TallyDiagnostics

/// The Tally form of `SELECT aggregates FROM one table [WHERE ...] [GROUP BY ...] [ORDER BY ...]
/// [LIMIT n]`. Anything it cannot read faithfully (a join, HAVING, LIKE, a selected column that is
/// not grouped by, an order by an expression) gives nil rather than a query that means something else.
public enum SQLSelect {
    public static func tally(_ sql: String) -> String? {
        var reader = Reader(tokens: SQLToken.tokens(sql))
        return reader.query()
    }
}

/// One SQL token: a word (name or keyword), a number, a 'string', or a symbol.
struct SQLToken: Equatable {
    enum Kind { case word, number, string, symbol }
    var kind: Kind
    var text: String

    /// The word in lower case, for keywords; nil for other tokens.
    var keyword: String? { kind == .word ? text.lowercased() : nil }

    static func tokens(_ sql: String) -> [SQLToken] {
        let chars = Array(sql)
        var out: [SQLToken] = []
        var i = 0
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
            } else if c == "-", i + 1 < chars.count, chars[i + 1] == "-" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
            } else if c == "'" || c == "\"" {
                // 'text' with '' for a quote; "name" is a quoted identifier.
                var text = ""
                i += 1
                while i < chars.count {
                    if chars[i] == c {
                        if i + 1 < chars.count, chars[i + 1] == c {
                            text.append(c)
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    text.append(chars[i])
                    i += 1
                }
                out.append(SQLToken(kind: c == "'" ? .string : .word, text: text))
            } else if c.isNumber {
                var text = ""
                while i < chars.count, chars[i].isNumber || chars[i] == "." {
                    text.append(chars[i])
                    i += 1
                }
                out.append(SQLToken(kind: .number, text: text))
            } else if isWordChar(c) {
                var text = ""
                while i < chars.count, isWordChar(chars[i]) {
                    text.append(chars[i])
                    i += 1
                }
                out.append(SQLToken(kind: .word, text: text))
            } else {
                let pair = i + 1 < chars.count ? String([c, chars[i + 1]]) : ""
                if ["<>", "!=", "<=", ">="].contains(pair) {
                    out.append(SQLToken(kind: .symbol, text: pair))
                    i += 2
                } else {
                    out.append(SQLToken(kind: .symbol, text: String(c)))
                    i += 1
                }
            }
        }
        return out
    }
}

/// Splits a SELECT into its clauses and writes each the Tally way.
private struct Reader {
    let tokens: [SQLToken]

    private static let aggregates: Set<String> = ["sum", "avg", "min", "max", "count", "median"]
    private static let grains: Set<String> = ["day", "week", "month", "quarter", "year"]
    /// Words that make a SELECT something this reading would get wrong.
    private static let unreadable: Set<String> = [
        "join", "having", "like", "ilike", "union", "over", "case", "distinct_on", "with", "exists", "select",
    ]

    mutating func query() -> String? {
        guard tokens.first?.keyword == "select" else { return nil }
        var body = Array(tokens.dropFirst())
        if body.last == SQLToken(kind: .symbol, text: ";") { body.removeLast() }
        guard !body.contains(where: { Self.unreadable.contains($0.keyword ?? "") }) else { return nil }
        // Clauses at the top level, by their first word.
        var clauses: [String: [SQLToken]] = [:]
        var current = "select"
        var depth = 0
        var i = 0
        while i < body.count {
            let token = body[i]
            if token.text == "(" { depth += 1 }
            if token.text == ")" { depth -= 1 }
            if depth == 0, let word = token.keyword, ["from", "where", "group", "order", "limit"].contains(word) {
                if word == "group" || word == "order" {
                    guard i + 1 < body.count, body[i + 1].keyword == "by" else { return nil }
                    i += 1
                }
                guard clauses[word] == nil else { return nil }
                current = word
                clauses[current] = []
            } else {
                clauses[current, default: []].append(token)
            }
            i += 1
        }
        // One table, perhaps with an alias: `orders`, `orders o`, `orders as o`.
        guard let from = clauses["from"], let table = from.first, table.kind == .word else { return nil }
        var aliases: Set<String> = [table.text]
        switch from.count {
        case 1: break
        case 2 where from[1].kind == .word: aliases.insert(from[1].text)
        case 3 where from[1].keyword == "as" && from[2].kind == .word: aliases.insert(from[2].text)
        default: return nil
        }
        let dataset = table.text

        let selected = split(clauses["select"] ?? [])
        let groups = try? split(clauses["group"] ?? []).map { group -> String in
            // `group by 1`: the first item selected.
            var grouped = group
            if group.count == 1, group[0].kind == .number, let n = Int(group[0].text), n >= 1, n <= selected.count {
                grouped = selected[n - 1]
            }
            guard let dimension = dimension(grouped, aliases: aliases) else { throw Unreadable() }
            return dimension
        }
        guard let dimensions = groups else { return nil }
        var items: [String] = []
        for item in selected {
            var expression = item
            var alias: String?
            if expression.count >= 2, expression[expression.count - 2].keyword == "as" {
                alias = expression[expression.count - 1].text
                expression.removeLast(2)
            }
            // A grouped column selected beside the aggregates is the dimension itself.
            if let dimension = dimension(expression, aliases: aliases), dimensions.contains(dimension) { continue }
            guard let written = aggregate(expression, dataset: dataset, aliases: aliases) else { return nil }
            items.append(written + (alias.map { " as \($0)" } ?? ""))
        }
        guard !items.isEmpty else { return nil }
        var tally = items.joined(separator: ", ")
        if !dimensions.isEmpty { tally += " by " + dimensions.joined(separator: ", ") }
        if let condition = clauses["where"] {
            guard let written = self.condition(condition, aliases: aliases) else { return nil }
            tally += " where " + written
        }
        if let order = clauses["order"] {
            var keys: [String] = []
            for key in split(order) {
                guard let name = key.first, name.kind == .word, key.count <= 2 else { return nil }
                if key.count == 2 {
                    guard let direction = key[1].keyword, ["asc", "desc"].contains(direction) else { return nil }
                    keys.append("\(name.text) \(direction)")
                } else {
                    keys.append(name.text)
                }
            }
            tally += " order by " + keys.joined(separator: ", ")
        }
        if let limit = clauses["limit"] {
            guard limit.count == 1, limit[0].kind == .number else { return nil }
            tally += " limit " + limit[0].text
        }
        return tally
    }

    private struct Unreadable: Error {}

    /// A list at the top level of parentheses, split at its commas.
    private func split(_ tokens: [SQLToken]) -> [[SQLToken]] {
        guard !tokens.isEmpty else { return [] }
        var parts: [[SQLToken]] = [[]]
        var depth = 0
        for token in tokens {
            if token.text == "(" { depth += 1 }
            if token.text == ")" { depth -= 1 }
            if depth == 0, token.kind == .symbol, token.text == "," {
                parts.append([])
            } else {
                parts[parts.count - 1].append(token)
            }
        }
        return parts
    }

    /// A GROUP BY entry: a column (`plan`, `o.plan`), or a date truncated to a grain
    /// (`date_trunc('month', date)`), which is that grain.
    private func dimension(_ tokens: [SQLToken], aliases: Set<String>) -> String? {
        if tokens.count == 1, tokens[0].kind == .word { return tokens[0].text }
        if tokens.count == 3, tokens[1].text == ".", aliases.contains(tokens[0].text), tokens[2].kind == .word {
            return tokens[2].text
        }
        if tokens.count >= 6, tokens[0].keyword == "date_trunc", tokens[1].text == "(", tokens[2].kind == .string,
            Self.grains.contains(tokens[2].text.lowercased()), tokens.last?.text == ")"
        {
            return tokens[2].text.lowercased()
        }
        return nil
    }

    /// `sum(amount)` → `sum(orders.amount)`; `count(*)` → `count(orders)`; `count(distinct x)` →
    /// `count_distinct(orders.x)`; `count(x)` counts the rows where x is not null. Arithmetic between
    /// aggregates is kept.
    private func aggregate(_ tokens: [SQLToken], dataset: String, aliases: Set<String>) -> String? {
        var out: [String] = []
        var aggregated = false
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            if let word = token.keyword, Self.aggregates.contains(word), i + 1 < tokens.count, tokens[i + 1].text == "("
            {
                var depth = 0
                var j = i + 1
                var argument: [SQLToken] = []
                repeat {
                    if tokens[j].text == "(" { depth += 1 }
                    if tokens[j].text == ")" { depth -= 1 }
                    if j > i + 1, depth > 0 || tokens[j].text != ")" { argument.append(tokens[j]) }
                    j += 1
                } while j < tokens.count && depth > 0
                guard depth == 0, !argument.isEmpty else { return nil }
                if argument.map(\.text) == ["*"] {
                    guard word == "count" else { return nil }
                    out.append("count(\(dataset))")
                } else if argument.first?.keyword == "distinct" {
                    guard word == "count",
                        let column = rowExpression(Array(argument.dropFirst()), dataset: dataset, aliases: aliases)
                    else { return nil }
                    out.append("count_distinct(\(column))")
                } else {
                    guard let value = rowExpression(argument, dataset: dataset, aliases: aliases) else { return nil }
                    out.append(word == "count" ? "count(\(dataset) where \(value) is not null)" : "\(word)(\(value))")
                }
                aggregated = true
                i = j
            } else if token.kind == .number || ["+", "-", "*", "/", "(", ")"].contains(token.text) {
                out.append(token.text)
                i += 1
            } else {
                return nil  // a column outside any aggregate and not grouped by
            }
        }
        return aggregated ? Self.joined(out) : nil
    }

    /// The value an aggregate reads, each column qualified with the table: `amount * 2` →
    /// `orders.amount * 2`.
    private func rowExpression(_ tokens: [SQLToken], dataset: String, aliases: Set<String>) -> String? {
        var out: [String] = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            switch token.kind {
            case .word:
                if i + 2 < tokens.count, tokens[i + 1].text == ".", aliases.contains(token.text) {
                    out.append("\(dataset).\(tokens[i + 2].text)")
                    i += 3
                    continue
                }
                guard i + 1 >= tokens.count || tokens[i + 1].text != "(" else { return nil }
                out.append("\(dataset).\(token.text)")
            case .number: out.append(token.text)
            case .symbol:
                guard ["+", "-", "*", "/", "(", ")"].contains(token.text) else { return nil }
                out.append(token.text)
            case .string: return nil
            }
            i += 1
        }
        return out.isEmpty ? nil : Self.joined(out)
    }

    /// A WHERE condition in Tally's spelling: "double-quoted" strings, bare dates, names without the
    /// table's alias.
    private func condition(_ tokens: [SQLToken], aliases: Set<String>) -> String? {
        var out: [String] = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            switch token.kind {
            case .word:
                if i + 2 < tokens.count, tokens[i + 1].text == ".", aliases.contains(token.text) {
                    out.append(tokens[i + 2].text)
                    i += 3
                    continue
                }
                if let word = token.keyword,
                    ["and", "or", "not", "in", "is", "null", "between", "true", "false"].contains(word)
                {
                    out.append(word)
                } else if i + 1 < tokens.count, tokens[i + 1].text == "(" {
                    return nil  // a function Tally may not have
                } else {
                    out.append(token.text)
                }
            case .number: out.append(token.text)
            case .string:
                if token.text.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil {
                    out.append(token.text)
                } else {
                    out.append(StringLiteral.quoted(token.text))
                }
            case .symbol:
                guard ["=", "<>", "!=", "<", "<=", ">", ">=", "(", ")", ","].contains(token.text) else { return nil }
                out.append(token.text)
            }
            i += 1
        }
        return out.isEmpty ? nil : Self.joined(out)
    }

    /// Tokens as text: a space between them, none inside parentheses or before a comma.
    private static func joined(_ parts: [String]) -> String {
        var text = ""
        for (i, part) in parts.enumerated() {
            if i > 0, part != ")", part != ",", parts[i - 1] != "(" { text += " " }
            text += part
        }
        return text
    }
}
