// Tab completion that knows the catalog and the position: metrics where items go, grains and
// columns after `by`, columns after `where`, a column's actual values after `plan = `, and so on.

import Foundation
import TallyData
import TallyDiagnostics
import TallySemantics
import TallySyntax

/// Completes the word being typed, from the text before it.
public struct Completer {
    let session: Session
    /// The topics `help` takes, from the tool that shows its pages.
    let helpTopics: [String]

    public init(session: Session, helpTopics: [String] = []) {
        self.session = session
        self.helpTopics = helpTopics
    }

    /// Candidates for `word`, the text from the start of the word being completed to the cursor;
    /// `before` is the line up to that word. Candidates replace the word whole.
    public func complete(before: String, word: String) -> [String] {
        // With nothing typed after an opening quote, libedit leaves the quote out of the word: complete
        // as if it were in, and give the candidates without it.
        if !word.hasPrefix("\""), before.hasSuffix("\""), Self.endsInString(before) {
            return complete(before: String(before.dropLast()), word: "\"" + word).map { String($0.dropFirst()) }
        }
        let all: [String]
        if word.hasPrefix("\"") {
            all = quoted(before: before, word: word)
        } else if let dot = word.firstIndex(of: "."), let dataset = catalog.datasets[String(word[..<dot])] {
            all = dataset.columnNames.map { dataset.name + "." + $0 }
        } else {
            all = words(before: before)
        }
        let matches = all.filter { $0.hasPrefix(word) && $0 != word }
        return Array(Set(matches)).sorted()
    }

    /// Whether `text` ends inside a string: an odd number of unescaped double quotes outside comments.
    private static func endsInString(_ text: String) -> Bool {
        var inString = false
        var escaped = false
        var previous: Character?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            inString = false  // a string ends on its line
            previous = nil
            for ch in line {
                defer { previous = ch }
                if inString {
                    if escaped {
                        escaped = false
                    } else if ch == "\\" {
                        escaped = true
                    } else if ch == "\"" {
                        inString = false
                    }
                } else if ch == "\"" {
                    inString = true
                } else if ch == "-", previous == "-" {
                    break
                }
            }
        }
        return inString
    }

    // MARK: Contexts

    private static let statementWords = Parser.statementWords
    private static let clauseWords = [
        "by", "where", "since", "until", "between", "last", "for", "order by", "limit", "vs previous",
        "vs last year", "pivot", "having", "nonzero",
    ]
    private static let functions = (Builtins.aggregates + Builtins.comparisons).map { $0 + "(" }

    private func words(before: String) -> [String] {
        let tokens = self.tokens(before)
        guard let last = tokens.last else { return Self.statementWords + metrics + Self.functions }
        let previous = tokens.dropLast().last
        switch last.text {
        case ";": return Self.statementWords + metrics + Self.functions
        case "describe": return datasets + metrics
        case "explain", "plot", "assert", "sql": return metrics
        case "show": return ["datasets", "metrics", "dimensions"]
        case "help": return helpTopics
        case "format": return PromptCommand.formats
        case "timer", "pager": return ["on", "off"]
        case "expanded": return PromptCommand.expandedModes
        case "by" where previous?.text == "order": return resultColumnWords(before, tokens)
        case "having": return resultColumnWords(before, tokens)
        case "by": return dimensionWords(before, tokens)
        case "where", "and", "or", "not": return columnWords(before, tokens)
        case "(" where previous.map { ["count", "count_distinct"].contains($0.text) } ?? false: return datasets
        case "=", "!=", "<>", "in": return values(before: tokens).map { "\"\($0)\"" }
        case ",":
            switch openClause(tokens) {
            case "by": return dimensionWords(before, tokens)
            case "order": return resultColumnWords(before, tokens)
            case "in": return values(before: tokens).map { "\"\($0)\"" }
            default: return metrics + Self.functions
            }
        default:
            if tokens.count == 1, last.isName { return Self.clauseWords }
            if last.isName || last.text == ")" || last.isLiteral { return Self.clauseWords + ["and", "or", "as"] }
            return []
        }
    }

    /// Inside a string: data files after `load`, scripts after `run`, any file after `save last to`
    /// and `output`, else the values of the column being compared.
    private func quoted(before: String, word: String) -> [String] {
        let tokens = self.tokens(before)
        switch tokens.last?.text {
        case "load": return paths(word) { DataFileName.suffix(of: $0) != nil }
        case "run": return paths(word) { $0.hasSuffix(".tally") }
        case "to" where tokens.first?.text == "save", "output": return paths(word) { _ in true }
        default: break
        }
        return values(before: tokens).map { "\"\($0)\"" }
    }

    /// The clause a `,` continues: the last of by / order / in / items at the top level.
    private func openClause(_ tokens: [Piece]) -> String? {
        var depth = 0
        for piece in tokens.reversed() {
            switch piece.text {
            case ")": depth += 1
            case "(":
                if depth == 0 { return tokens.contains { $0.text == "in" } ? "in" : nil }
                depth -= 1
            case "by", "order", "where":
                if depth == 0 { return piece.text == "by" && isOrderBy(tokens, piece) ? "order" : piece.text }
            default: break
            }
        }
        return nil
    }

    private func isOrderBy(_ tokens: [Piece], _ by: Piece) -> Bool {
        guard let i = tokens.lastIndex(where: { $0.offset == by.offset }), i > 0 else { return false }
        return tokens[i - 1].text == "order"
    }

    // MARK: Catalog

    private var catalog: Catalog { session.catalog }
    private var metrics: [String] { catalog.metricNames }
    private var datasets: [String] { catalog.datasetNames }

    private var columns: [String] {
        catalog.datasetNames.flatMap { catalog.datasets[$0]?.columnNames ?? [] }
    }

    /// After `by`: what the query's metrics can be broken down by (a name they cannot reach would
    /// only fail); everything that exists while the metrics are not known.
    private func dimensionWords(_ before: String, _ tokens: [Piece]) -> [String] {
        guard let datasets = itemDatasets(before, tokens) else {
            return Grain.allCases.map(\.rawValue) + catalog.dimensions.keys.sorted() + columns
        }
        return Reach(catalog: catalog).breakdowns(from: datasets)
    }

    /// In `where`: the columns the query's metrics can filter on; every column while they are not known.
    private func columnWords(_ before: String, _ tokens: [Piece]) -> [String] {
        guard let datasets = itemDatasets(before, tokens) else { return columns }
        return Reach(catalog: catalog).columns(from: datasets)
    }

    /// The datasets read by the items of the statement being typed (after `explain`, `plot` and the
    /// like), when those items parse; nil when they do not, or read none.
    private func itemDatasets(_ before: String, _ tokens: [Piece]) -> [String]? {
        let query = typedQuery(before, tokens) { piece in
            (!piece.isName || Self.clauseNames.contains(piece.text)) && Self.clauseStarts.contains(piece.text)
        }
        guard let query else { return nil }
        let datasets = Reach(catalog: catalog).datasets(of: query.items.map(\.expr))
        return datasets.isEmpty ? nil : datasets
    }

    /// After `order by` and `having`: the result's columns that can be named (its dimensions, and its
    /// items named after a metric or an alias, with their comparison columns), from the statement
    /// typed so far when it parses up to that clause; nothing otherwise.
    private func resultColumnWords(_ before: String, _ tokens: [Piece]) -> [String] {
        guard let query = typedQuery(before, tokens, mustStop: true, at: { ["order", "having"].contains($0.text) })
        else { return [] }
        var names = query.dimensions.map(\.name.text)
        for item in query.items {
            let name: String
            if let alias = item.alias {
                name = alias.text
            } else if case .name(let n) = item.expr.kind, catalog.metrics[n.text] != nil {
                name = n.text
            } else {
                continue
            }
            names.append(name)
            switch query.comparison?.kind {
            case .previous?: names += [name + "_previous", name + "_change", name + "_growth"]
            case .lastYear?: names += [name + "_last_year", name + "_change", name + "_growth"]
            case nil: break
            }
        }
        return names
    }

    /// The query of the statement being typed (after `explain`, `plot` and the like), up to the first
    /// piece outside parentheses that `stop` accepts, else to the end; nil when that much does not
    /// parse as one query, or when `mustStop` and no piece stopped it.
    private func typedQuery(
        _ before: String, _ tokens: [Piece], mustStop: Bool = false, at stop: (Piece) -> Bool
    ) -> Query? {
        var statement = tokens
        if let separator = statement.lastIndex(where: { $0.text == ";" }) {
            statement = Array(statement[(separator + 1)...])
        }
        if let first = statement.first, ["explain", "plot", "assert", "sql"].contains(first.text) {
            statement.removeFirst()
        }
        var depth = 0
        var stopped: Int?
        for piece in statement {
            if piece.text == "(" { depth += 1 }
            if piece.text == ")" { depth -= 1 }
            if depth == 0, stop(piece) {
                stopped = piece.offset
                break
            }
        }
        guard let start = statement.first?.offset, let end = stopped ?? (mustStop ? nil : statement.last?.end),
            start < end
        else { return nil }
        let text = String(decoding: Array(before.utf8)[start..<end], as: UTF8.self)
        let (script, diagnostics) = Parser.parse(SourceFile(name: nil, text: text))
        guard diagnostics.isEmpty, script.statements.count == 1, case .query(let query) = script.statements[0].kind
        else { return nil }
        return query
    }

    private static let clauseStarts: Set<String> = [
        "by", "where", "since", "until", "between", "last", "for", "order", "limit", "vs", "pivot", "having", "nonzero",
    ]
    /// Clause words that are not reserved, so a name token may be one.
    private static let clauseNames: Set<String> = ["vs", "pivot", "having", "nonzero"]

    /// The values of the column named just before the comparison (`plan = `, `plan in (`),
    /// from every loaded dataset that has it, most common first is not needed: sorted.
    private func values(before tokens: [Piece]) -> [String] {
        guard
            let column = tokens.last(where: { $0.isName && !["in", "not", "and", "or", "where"].contains($0.text) })?
                .text
        else { return [] }
        return session.textValues(ofColumn: column).filter { !$0.contains("\"") }.sorted().prefix(1000).map { $0 }
    }

    /// Entries of the folder typed so far (else the working directory) for `load "`: folders end
    /// in `/` to go on typing, data files (`.csv`, `.tsv`, gzip-compressed or not) close the quote.
    private func paths(_ word: String, offering: (String) -> Bool) -> [String] {
        let typed = String(word.dropFirst())
        var folder = ""
        if let slash = typed.lastIndex(of: "/") { folder = String(typed[...slash]) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return names.filter { !$0.hasPrefix(".") }.compactMap { name in
            var isDirectory: ObjCBool = false
            let path = folder + name
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
            if isDirectory.boolValue { return "\"" + path + "/" }
            return offering(name) ? "\"" + path + "\"" : nil
        }
    }

    // MARK: Tokens

    private struct Piece {
        var text: String
        var offset: Int
        var end: Int
        var isName: Bool
        var isLiteral: Bool
    }

    /// The significant tokens of the text before the word (newlines and errors dropped).
    private func tokens(_ text: String) -> [Piece] {
        let source = SourceFile(name: nil, text: text)
        return Lexer(source).tokens().tokens.compactMap { token in
            switch token.kind {
            case .eof, .newline: return nil
            case .identifier:
                return Piece(
                    text: token.nameText(in: source), offset: token.span.start, end: token.span.end, isName: true,
                    isLiteral: false)
            case .keyword, .symbol:
                return Piece(
                    text: token.text(in: source), offset: token.span.start, end: token.span.end, isName: false,
                    isLiteral: false)
            case .number, .string, .date, .period, .parameter:
                return Piece(
                    text: token.text(in: source), offset: token.span.start, end: token.span.end, isName: false,
                    isLiteral: true)
            }
        }
    }
}
