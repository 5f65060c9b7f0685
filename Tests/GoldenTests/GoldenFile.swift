// Reads and writes golden files: statements and the exact output they must produce, side by side.

import Foundation

/// A golden file in the style of sqllogictest:
///
///     # a comment
///     data small                  -- open Tests/GoldenTests/fixtures/small as with --data
///     today 2024-06-15            -- the date relative ranges count from
///
///     statement                   -- statements that must succeed and print nothing
///     metric aov = revenue / purchases
///
///     query csv                   -- statements, ----, then their exact output (table, csv, json, markdown)
///     revenue by month
///     ----
///     month,revenue
///     2024-01,10
///
///     error                       -- statements that must fail, ----, the rendered message
///     revenue by plann
///     ----
///     error: ...
///
///     native only                 -- the cases after it are the native engine's alone: the
///                                    parity suites stop here (data the SQL engines cannot hold)
///
/// An expected block ends at a blank line followed by a directive, or at the end of the file.
struct GoldenFile {
    enum Directive: Equatable {
        case data(String)
        case today(String)
        case statement
        case query(format: String)
        case error
        case nativeOnly
    }

    struct Case {
        var directive: Directive
        /// 1-based line of the directive, for failure messages.
        var line: Int
        var input: String
        var expected: String?
    }

    var cases: [Case] = []
    /// Lines before each case (comments, blank lines), kept to rewrite the file faithfully.
    var preambles: [[String]] = []
    var trailer: [String] = []

    init(text: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        var preamble: [String] = []
        while i < lines.count {
            let line = lines[i]
            guard let directive = Self.directive(line) else {
                preamble.append(line)
                i += 1
                continue
            }
            let start = i + 1
            i += 1
            var input: [String] = []
            var expected: [String]?
            switch directive {
            case .data, .today, .nativeOnly:
                break
            case .statement:
                while i < lines.count, !lines[i].isEmpty {
                    input.append(lines[i])
                    i += 1
                }
            case .query, .error:
                while i < lines.count, lines[i] != "----" {
                    input.append(lines[i])
                    i += 1
                }
                guard i < lines.count else { throw GoldenError("line \(start): expected '----' after the statements") }
                i += 1
                var block: [String] = []
                while i < lines.count {
                    if lines[i].isEmpty, Self.nextIsDirectiveOrEnd(lines, from: i) { break }
                    block.append(lines[i])
                    i += 1
                }
                expected = block
            }
            preambles.append(preamble)
            preamble = []
            cases.append(Case(directive: directive, line: start, input: input.joined(separator: "\n"), expected: expected?.joined(separator: "\n")))
        }
        trailer = preamble
    }

    private static func nextIsDirectiveOrEnd(_ lines: [String], from i: Int) -> Bool {
        var j = i
        while j < lines.count, lines[j].isEmpty { j += 1 }
        return j == lines.count || directive(lines[j]) != nil || lines[j].hasPrefix("#")
    }

    static func directive(_ line: String) -> Directive? {
        let words = line.split(separator: " ").map(String.init)
        guard let first = words.first else { return nil }
        switch first {
        case "data" where words.count == 2: return .data(words[1])
        case "today" where words.count == 2: return .today(words[1])
        case "statement" where words.count == 1: return .statement
        case "query" where words.count == 2: return .query(format: words[1])
        case "error" where words.count == 1: return .error
        case "native" where words == ["native", "only"]: return .nativeOnly
        default: return nil
        }
    }

    /// The cases every engine runs: those before `native only`.
    var sharedCases: ArraySlice<Case> {
        cases.prefix { $0.directive != .nativeOnly }
    }

    /// The file with each case's expected output replaced by `actual[i]`.
    func rewritten(with actual: [String?]) -> String {
        var out: [String] = []
        for (index, c) in cases.enumerated() {
            out += preambles[index]
            switch c.directive {
            case .data(let name): out.append("data \(name)")
            case .today(let day): out.append("today \(day)")
            case .nativeOnly: out.append("native only")
            case .statement:
                out.append("statement")
                out.append(c.input)
            case .query(let format):
                out.append("query \(format)")
                out.append(c.input)
                out.append("----")
                out.append(actual[index] ?? c.expected ?? "")
            case .error:
                out.append("error")
                out.append(c.input)
                out.append("----")
                out.append(actual[index] ?? c.expected ?? "")
            }
        }
        out += trailer
        return out.joined(separator: "\n")
    }
}

struct GoldenError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
