// `assert QUERY = N [within T]`: runs the query and checks its one value against the expected number.

import Foundation
import TallyData
import TallyDiagnostics
import TallyRender
import TallySemantics
import TallySyntax

extension Session {
    /// Runs an assertion's query and throws unless its value is the expected one.
    ///
    /// The rule: with `within T`, pass when |actual − expected| ≤ T; without it, when
    /// |actual − expected| ≤ 1e-9 × max(1, |expected|). Numbers are compared as the decimals
    /// they are written as (the actual value by its shortest round-trip form), so a difference
    /// of exactly T passes however binary floating point would round it. A null actual value fails.
    func check(_ assertion: Assertion, source: SourceFile) throws(Diagnostic) {
        try requireOneValue(assertion.query)
        let table = try runQuery(assertion.query, source: source)
        let value = table.rows.first?.first ?? .null
        let what = oneLine(assertion.query, in: source)
        var expectation = "expected \(assertion.expected.text)"
        if let tolerance = assertion.tolerance { expectation += " within \(tolerance.text)" }
        // `explain` works out one named metric, so it can say where a wrong or missing value comes from.
        var explainCommand: String?
        if case .name(let name)? = assertion.query.items.first?.expr.kind, catalog.metrics[name.text] != nil {
            explainCommand = "explain \(what)"
        }

        let actual: String
        switch value {
        case .integer(let n): actual = String(n)
        case .number(let x) where x.isFinite: actual = NumberText.plain(x)
        case .decimal(let m, let s): actual = NumberText.plain(m, scale: s)
        case .null, .number:
            throw Diagnostic(
                "assertion failed: \(what) is null (no value), \(expectation)", at: assertion.span,
                help: "a ratio or average over nothing has no value; "
                    + (explainCommand.map { "`\($0)` shows why" } ?? "check the range and the where clause"))
        case .text, .bool, .date, .timestamp, .period:
            throw Diagnostic(
                "assertion failed: \(what) is \(ValueText.plain(value) ?? ""), not a number", at: assertion.span,
                help: "an assertion compares the query's value with a number")
        }
        let comparison = ToleranceCheck(actual: actual, expected: assertion.expected.text, tolerance: assertion.tolerance?.text)
        guard !comparison.holds else { return }
        let allowed =
            assertion.tolerance.map { "more than \($0.text)" }
            ?? "more than the default tolerance, 1e-9 × max(1, |expected|)"
        var help = "the full value is \(actual); it differs from \(assertion.expected.text) by \(comparison.difference), \(allowed)"
        if let explainCommand { help += "; `\(explainCommand)` shows how it is worked out" }
        throw Diagnostic("assertion failed: \(what) is \(comparison.shortActual), \(expectation)", at: assertion.span, help: help)
    }

    /// An assertion checks one number, so its query has one item and nothing that makes rows.
    private func requireOneValue(_ query: Query) throws(Diagnostic) {
        if query.items.count > 1, let second = query.items.dropFirst().first, let last = query.items.last {
            throw Diagnostic(
                "an assertion checks one value, but this query has \(query.items.count) items",
                at: second.span.union(last.span), help: "write one assert for each value")
        }
        if let first = query.dimensions.first, let last = query.dimensions.last {
            throw Diagnostic(
                "an assertion checks one value, so its query cannot have 'by'", at: first.span.union(last.span),
                help: "pick out the group with where instead, e.g. where plan = \"pro\"")
        }
        if let first = query.order.first, let last = query.order.last {
            throw Diagnostic(
                "'order by' has no use in an assertion, which checks one value", at: first.span.union(last.span))
        }
        if let limit = query.limit {
            throw Diagnostic("'limit' has no use in an assertion, which checks one value", at: limit.span)
        }
    }

    /// The query as written, on one line and without comments, for the message.
    private func oneLine(_ query: Query, in source: SourceFile) -> String {
        let text = SourceFile(name: nil, text: source.slice(query.span))
        var out = ""
        var previousEnd: Int?
        for token in Lexer(text).tokens().tokens where token.kind != .newline && token.kind != .eof {
            if let end = previousEnd, end < token.span.start { out += " " }
            out += token.text(in: text)
            previousEnd = token.span.end
        }
        return out
    }
}

/// An actual value against an expected one, in decimal arithmetic where the numbers fit a
/// `Decimal` (38 digits), else in binary floating point.
private struct ToleranceCheck {
    var holds: Bool
    /// The difference, |actual − expected|, as text.
    var difference: String
    /// The actual value rounded to one decimal place more than the tolerance has, unless that would
    /// make it look as if the assertion held; without a tolerance, the full value.
    var shortActual: String

    init(actual: String, expected: String, tolerance: String?) {
        shortActual = actual
        guard let a = Decimal(string: actual), let e = Decimal(string: expected),
            let t = Self.allowed(tolerance, expected: e)
        else {
            let (a, e) = (Double(actual) ?? .nan, Double(expected) ?? .nan)
            let t = tolerance.flatMap(Double.init) ?? 1e-9 * max(1, abs(e))
            let d = abs(a - e)
            holds = d <= t
            difference = d.isFinite ? NumberText.plain(d) : "?"
            return
        }
        let d = abs(a - e)
        holds = d <= t
        difference = "\(d)"
        guard tolerance != nil else { return }
        var value = a
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, max(0, -t.exponent) + 1, .plain)
        if abs(rounded - e) > t { shortActual = "\(rounded)" }
    }

    /// The largest difference that passes: the tolerance as written, or 1e-9 × max(1, |expected|).
    private static func allowed(_ tolerance: String?, expected e: Decimal) -> Decimal? {
        guard let tolerance else { return Decimal(string: "1e-9").map { $0 * max(1, abs(e)) } }
        return Decimal(string: tolerance)
    }
}
