// A long script is parsed a window at a time; every window must give the statements and diagnostics
// that one parse of the whole text gives. Checked on every golden case file and example script
// (valid statements, and many syntax errors from the expected-output lines) with windows so small
// that nearly every line is a cut, and with the text repeated so windows fall at every offset.

import Foundation
import TallyDiagnostics
import TallySyntax
import Testing

@testable import Tally

@Suite struct ScriptWindowsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        .standardized

    /// The example scripts, and the statements of every golden case (the lines between a case's
    /// directive and its `----`), one text per file.
    static let texts: [String] = {
        func files(_ folder: String, _ suffix: String) -> [String] {
            let url = root.appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
            return names.filter { $0.hasSuffix(suffix) }.compactMap {
                try? String(contentsOf: url.appendingPathComponent($0), encoding: .utf8)
            }
        }
        let cases = files("Tests/GoldenTests/cases", ".test").map { file -> String in
            var statements: [Substring] = []
            var inCase = false
            for line in file.split(separator: "\n", omittingEmptySubsequences: false) {
                if line == "statement" || line == "error" || line.hasPrefix("query ") {
                    inCase = true
                } else if line == "----" || line.isEmpty {
                    inCase = false
                } else if inCase {
                    statements.append(line)
                }
            }
            return statements.joined(separator: "\n") + "\n"
        }
        return files("examples", ".tally") + cases
    }()

    /// Each statement as printed, with its line and column; each diagnostic as rendered.
    static func parsedWhole(_ source: SourceFile) -> (statements: [String], diagnostics: [String]) {
        let (script, diagnostics) = Parser.parse(source)
        return (
            script.statements.map { describe($0, in: source) },
            diagnostics.map { DiagnosticRenderer(color: false).render($0) }
        )
    }

    static func parsedInWindows(_ source: SourceFile, size: Int) -> (statements: [String], diagnostics: [String]) {
        var statements: [String] = []
        var diagnostics: [String] = []
        for window in ScriptWindows(source: source, size: size) {
            statements += window.statements.map { describe($0, in: window.source) }
            diagnostics += window.diagnostics.map { DiagnosticRenderer(color: false).render($0) }
        }
        return (statements, diagnostics)
    }

    static func describe(_ statement: Statement, in source: SourceFile) -> String {
        let (line, column) = source.location(of: statement.span.start)
        let (endLine, endColumn) = source.location(of: statement.span.end)
        return "\(line):\(column)-\(endLine):\(endColumn) \(SyntaxPrinter.format(statement))"
    }

    @Test func theCorpusIsThere() {
        #expect(Self.texts.count >= 20)
    }

    @Test(arguments: [1, 16, 200, 4096])
    func windowsParseAsTheWholeText(size: Int) {
        for text in Self.texts {
            let source = SourceFile(name: "case.tally", text: text)
            let whole = Self.parsedWhole(source)
            let windows = Self.parsedInWindows(source, size: size)
            #expect(windows.statements == whole.statements)
            #expect(windows.diagnostics == whole.diagnostics)
        }
    }

    @Test func allTheCasesInOneTextParseAsOne() {
        let source = SourceFile(name: nil, text: Self.texts.joined(separator: "\n"))
        let whole = Self.parsedWhole(source)
        #expect(
            whole.statements.count > 300 && whole.diagnostics.count > 40,
            "\(whole.statements.count) statements, \(whole.diagnostics.count) diagnostics")
        #expect(Array(ScriptWindows(source: source, size: 3)).count > 100, "the windows were hardly cut")
        for size in [3, 100, 1000, 10_000] {
            let windows = Self.parsedInWindows(source, size: size)
            #expect(windows.statements == whole.statements, "size \(size)")
            #expect(windows.diagnostics == whole.diagnostics, "size \(size)")
        }
    }

    @Test func aStatementLongerThanAWindowGrowsIt() {
        let long =
            "revenue where plan in (" + (0..<5000).map { "\"p\($0)\"" }.joined(separator: ",\n") + ")\npurchases\n"
        let source = SourceFile(name: nil, text: long + long)
        #expect(Self.parsedInWindows(source, size: 64).statements == Self.parsedWhole(source).statements)
    }

    @Test func aSmallTextIsOneWindowWithNoCopy() {
        let source = SourceFile(name: "s", text: "revenue\npurchases\n")
        let windows = Array(ScriptWindows(source: source))
        #expect(windows.count == 1)
        #expect(windows.first?.source.text == source.text && windows.first?.source.firstLine == 1)
        #expect(Array(ScriptWindows(source: SourceFile(name: nil, text: ""))).isEmpty)
    }
}
