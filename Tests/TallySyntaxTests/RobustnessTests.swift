// Fuzz-ish robustness: random input, huge nesting, truncations and mutations never crash or hang.

import Testing
import TallyDiagnostics
@testable import TallySyntax

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Parses and checks what must hold for any input: diagnostics and statements point inside the text.
@discardableResult
func parseChecked(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
    let source = SourceFile(name: nil, text: text)
    let (script, diagnostics) = Parser.parse(source)
    let size = source.utf8.count
    for d in diagnostics {
        guard let span = d.span else {
            Issue.record("diagnostic without span: \(d.message) in \(text.debugDescription)", sourceLocation: sourceLocation)
            continue
        }
        #expect(span.start >= 0 && span.end <= size, "\(d.message) in \(text.debugDescription)", sourceLocation: sourceLocation)
        _ = d.inSource(source).description  // rendering must not trap either
    }
    for s in script.statements {
        #expect(s.span.start >= 0 && s.span.end <= size, "statement span in \(text.debugDescription)", sourceLocation: sourceLocation)
    }
    _ = SyntaxPrinter.format(script)
    return diagnostics
}

@Suite struct RobustnessTests {
    @Test func randomBytes() {
        var rng = SplitMix(state: 42)
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<60, using: &rng)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            parseChecked(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func randomTokenSoup() {
        let pieces = [
            "revenue", "by", "where", "since", "until", "between", "and", "or", "not", "in", "is", "null", "last",
            "for", "order", "limit", "as", "on", "asc", "desc", "metric", "load", "relate", "anchor", "show",
            "describe", "explain", "unit", "description", "with", "to", "datasets", "(", ")", ",", ".", ";", "=",
            "!=", "<", ">=", "+", "-", "*", "/", "\n", "\r\n", "1", "2.5", "2024", "2024-01-31", "2024-03", "2024-Q1",
            "2024-W09", "\"s\"", "'q'", "\"open", "`order`", "#", "é", "--c\n", "count(", "x.", "3",
        ]
        var rng = SplitMix(state: 7)
        for _ in 0..<5000 {
            let n = Int.random(in: 0..<25, using: &rng)
            let text = (0..<n).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined(separator: " ")
            parseChecked(text)
        }
    }

    @Test func hugeNesting() {
        let message = "expression nested too deeply (limit 200)"
        #expect(parseChecked(String(repeating: "(", count: 100_000)).map(\.message) == [message])
        #expect(parseChecked(String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)).map(\.message) == [message])
        #expect(parseChecked(String(repeating: "- ", count: 100_000) + "x").map(\.message) == [message])
        #expect(parseChecked(String(repeating: "not ", count: 100_000) + "x").map(\.message) == [message])
        #expect(parseChecked(String(repeating: "f(", count: 100_000)).map(\.message) == [message])
        #expect(parseChecked("revenue where x in " + String(repeating: "(", count: 100_000)).map(\.message) == [message])
        #expect(parseChecked(String(repeating: ")", count: 100_000)).map(\.message) == ["unmatched ')'"])
        // Long flat chains build deep trees; past the depth limit they are an error, not a crash.
        let tooComplex = "expression too complex (depth limit 1000)"
        #expect(parseChecked(Array(repeating: "1", count: 100_000).joined(separator: " + ")).map(\.message) == [tooComplex])
        #expect(parseChecked("revenue where " + Array(repeating: "a = 1", count: 20_000).joined(separator: " and ")).map(\.message) == [tooComplex])
        // Long lists are flat.
        #expect(parseChecked("revenue where x in (" + Array(repeating: "1", count: 100_000).joined(separator: ", ") + ")").isEmpty)
        // Recovery skips the rest of the nest, then goes on with the next line.
        let balanced = String(repeating: "(", count: 300) + "x" + String(repeating: ")", count: 300)
        #expect(parseChecked(balanced + "\nrevenue by").map(\.message) == [message, "expected a dimension after 'by'"])
        // An unclosed nest runs to the end: inside parentheses, line breaks do not separate statements.
        #expect(parseChecked(String(repeating: "(", count: 1000) + "\nrevenue by").map(\.message) == [message])
    }

    @Test func manyStatements() {
        let script = Array(repeating: "revenue by month where plan = \"pro\" since 2024-01-01", count: 20_000)
            .joined(separator: "\n")
        let (parsed, diagnostics) = Parser.parse(SourceFile(name: nil, text: script))
        #expect(diagnostics.isEmpty)
        #expect(parsed.statements.count == 20_000)
        let bad = Array(repeating: "revenue by month #", count: 5_000).joined(separator: "\n")
        #expect(parseChecked(bad).count == 5_000)
    }

    /// Cutting a valid example anywhere never crashes; where the cut leaves an unfinished
    /// statement (open parenthesis or string, or a last token that needs more), there is a diagnostic.
    @Test func truncationsOfEveryExample() throws {
        for example in try grammarExamples() {
            let bytes = Array(example.utf8)
            for cut in 0...bytes.count {
                let prefix = String(decoding: bytes[0..<cut], as: UTF8.self)
                let diagnostics = parseChecked(prefix)
                if isUnfinished(prefix) {
                    #expect(!diagnostics.isEmpty, "no diagnostic for unfinished \(prefix.debugDescription)")
                }
            }
        }
    }

    /// Deleting, duplicating or swapping tokens of the examples never crashes.
    @Test func mutationsOfEveryExample() throws {
        var rng = SplitMix(state: 99)
        for example in try grammarExamples() {
            let source = SourceFile(name: nil, text: example)
            let words = Lexer(source).tokens().tokens.dropLast().map { $0.text(in: source) }
            guard !words.isEmpty else { continue }
            for _ in 0..<40 {
                var w = words
                let i = Int.random(in: 0..<w.count, using: &rng)
                let j = Int.random(in: 0..<w.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: w.remove(at: i)
                case 1: w.insert(w[i], at: j)
                default: w.swapAt(i, j)
                }
                parseChecked(w.joined(separator: " "))
            }
        }
    }
}

/// Whether a prefix of a valid statement is certainly incomplete.
func isUnfinished(_ text: String) -> Bool {
    let source = SourceFile(name: nil, text: text)
    let (tokens, lexErrors) = Lexer(source).tokens()
    if !lexErrors.isEmpty { return true }
    var depth = 0
    for t in tokens {
        if t.kind == .symbol(.leftParen) { depth += 1 }
        if t.kind == .symbol(.rightParen) { depth -= 1 }
    }
    if depth > 0 { return true }
    let significant = tokens.filter { $0.kind != .eof && $0.kind != .newline }
    guard let last = significant.last else { return false }
    if significant.count == 1, last.kind == .identifier,
        ["metric", "load", "relate", "anchor", "show", "describe", "explain"].contains(last.text(in: source))
    {
        return true
    }
    let before = significant.dropLast().last
    // `last` alone is the prompt's command, and `timer on` a whole one.
    if last.kind == .keyword(.last), before == nil || before?.kind == .symbol(.semicolon) { return false }
    if last.kind == .keyword(.on), let before, before.text(in: source) == "timer" { return false }
    switch last.kind {
    case .keyword(let k): return ![.true, .false, .null, .asc, .desc].contains(k)
    case .symbol(let s): return s != .rightParen && s != .semicolon
    default: return false
    }
}
