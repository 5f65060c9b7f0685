// Every "(* example: ... *)" in grammar/tally.ebnf parses without diagnostics.

import Foundation
import Testing
import TallyDiagnostics
@testable import TallySyntax

/// The grammar file, found from this file's path (Tests/TallySyntaxTests/ -> ../../grammar).
func grammarText() throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("grammar/tally.ebnf"), encoding: .utf8)
}

/// The examples, in file order: the text between `(* example: ` and ` *)` on one line.
func grammarExamples() throws -> [String] {
    var examples: [String] = []
    for line in try grammarText().split(separator: "\n", omittingEmptySubsequences: false) {
        guard let open = line.range(of: "(* example: "), let close = line.range(of: " *)", range: open.upperBound..<line.endIndex)
        else { continue }
        examples.append(String(line[open.upperBound..<close.lowerBound]))
    }
    return examples
}

@Suite struct GrammarExampleTests {
    @Test func examplesParseCleanly() throws {
        let examples = try grammarExamples()
        #expect(examples.count >= 40)
        for example in examples {
            let (script, diagnostics) = Parser.parse(SourceFile(name: nil, text: example))
            #expect(diagnostics.map(\.message) == [], "example: \(example)")
            #expect(!script.statements.isEmpty, "example: \(example)")
        }
    }

    /// Each production (`name = ...`) is followed by at least one example before the next one.
    @Test func everyProductionHasAnExample() throws {
        var current: String?
        var missing: [String] = []
        var seenExample = true
        let tokens: Set<String> = ["NEWLINE", "NUMBER", "INTEGER", "DATE", "PERIOD", "PARAMETER", "letter", "digit"]
        for line in try grammarText().split(separator: "\n") {
            if line.contains("(* example: ") { seenExample = true }
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            if words.count >= 2, words[1] == "=", let name = words.first, name.first?.isLetter == true {
                if let current, !seenExample { missing.append(current) }
                current = tokens.contains(String(name)) ? nil : String(name)
                seenExample = current == nil
            }
        }
        if let current, !seenExample { missing.append(current) }
        #expect(missing == [])
    }
}
