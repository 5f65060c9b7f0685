// Helpers that keep the syntax tests to one line each: parse, print, compare; marked error positions.

import Testing
import TallyDiagnostics
@testable import TallySyntax

/// The names a session would lend the parser for its suggestions: a few library metrics and columns.
let testVocabulary = Vocabulary(metrics: ["revenue", "purchases", "churn"], dimensions: ["plan", "region", "cohort"])

/// Parses `input` (with `testVocabulary`) and returns the printed script and the diagnostics.
func parsed(_ input: String, vocabulary: Vocabulary = testVocabulary) -> (printed: String, diagnostics: [Diagnostic]) {
    let (script, diagnostics) = Parser.parse(SourceFile(name: nil, text: input), vocabulary: vocabulary)
    return (SyntaxPrinter.format(script), diagnostics)
}

/// `check("revenue by month", "(query (items revenue) (by month))")`: parses without diagnostics and prints as expected.
func check(_ input: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let (printed, diagnostics) = parsed(input)
    #expect(diagnostics.map(\.message) == [], "in \(input)", sourceLocation: sourceLocation)
    #expect(printed == expected, "in \(input)", sourceLocation: sourceLocation)
}

/// `checkExpr("1 + 2 * 3", "(+ 1 (* 2 3))")`: the input is a query of one item; compares that item's expression.
func checkExpr(_ input: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let (script, diagnostics) = Parser.parse(SourceFile(name: nil, text: input))
    #expect(diagnostics.map(\.message) == [], "in \(input)", sourceLocation: sourceLocation)
    guard script.statements.count == 1, case .query(let q) = script.statements[0].kind, q.items.count == 1 else {
        Issue.record("not a one-item query: \(input)", sourceLocation: sourceLocation)
        return
    }
    #expect(SyntaxPrinter.format(q.items[0].expr) == expected, "in \(input)", sourceLocation: sourceLocation)
}

/// Text with a marked span: `⟨⟩` marks an empty span, `⟨text⟩` the span of `text`.
struct Marked {
    var text: String
    var span: Span

    init(_ marked: String) {
        var out: [UInt8] = []
        var start = 0
        var end = 0
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⟨": start = out.count
            case "⟩": end = out.count
            default: out.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        text = String(decoding: out, as: UTF8.self)
        span = Span(start, end)
    }
}

/// `checkError("revenue by⟨⟩", "expected a dimension after 'by'")`: exactly one diagnostic, with
/// this message, at the marked span; optionally with this help.
func checkError(
    _ marked: String, _ message: String, help: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
    let m = Marked(marked)
    let (_, diagnostics) = parsed(m.text)
    guard diagnostics.count == 1, let d = diagnostics.first else {
        Issue.record(
            "expected one diagnostic for \(m.text), got \(diagnostics.map(\.message))", sourceLocation: sourceLocation)
        return
    }
    #expect(d.message == message, "in \(m.text)", sourceLocation: sourceLocation)
    #expect(d.span == m.span, "span of '\(d.message)' in \(m.text)", sourceLocation: sourceLocation)
    if let help { #expect(d.help == help, "in \(m.text)", sourceLocation: sourceLocation) }
}

/// The lexer's tokens in the printer's token format, and its diagnostics' messages.
func lexed(_ input: String) -> (tokens: String, errors: [String]) {
    let source = SourceFile(name: nil, text: input)
    let (tokens, diagnostics) = Lexer(source).tokens()
    return (SyntaxPrinter.format(tokens, in: source), diagnostics.map(\.message))
}

/// `checkTokens("a-1", "id:a - num:1 eof")`: lexes without diagnostics to these tokens.
func checkTokens(_ input: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let (tokens, errors) = lexed(input)
    #expect(errors == [], "in \(input)", sourceLocation: sourceLocation)
    #expect(tokens == expected, "in \(input)", sourceLocation: sourceLocation)
}

/// `checkLexError("x ⟨#⟩", "unexpected character '#'")`: exactly one lexer diagnostic, at the marked span.
func checkLexError(_ marked: String, _ message: String, help: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    let m = Marked(marked)
    let (_, diagnostics) = Lexer(SourceFile(name: nil, text: m.text)).tokens()
    guard diagnostics.count == 1, let d = diagnostics.first else {
        Issue.record("expected one diagnostic for \(m.text), got \(diagnostics.map(\.message))", sourceLocation: sourceLocation)
        return
    }
    #expect(d.message == message, "in \(m.text)", sourceLocation: sourceLocation)
    #expect(d.span == m.span, "span in \(m.text)", sourceLocation: sourceLocation)
    if let help { #expect(d.help == help, "in \(m.text)", sourceLocation: sourceLocation) }
}
