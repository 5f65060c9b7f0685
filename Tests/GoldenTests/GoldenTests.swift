// Runs every golden file under Tests/GoldenTests/cases, each as its own test.
// `UPDATE_GOLDEN=1 swift test` rewrites the expectations; review the diff like code.

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import TallyRender
import Testing

enum GoldenPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let cases = root.appendingPathComponent("cases")
    static let fixtures = root.appendingPathComponent("fixtures")

    /// Tests run from the package root, so paths in golden files and outputs are relative and portable.
    static let packageRoot = root.appendingPathComponent("../..").standardized

    static func caseFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cases.path)) ?? []
        return names.filter { $0.hasSuffix(".test") }.sorted()
    }
}

@Suite struct GoldenTests {
    @Test(arguments: GoldenPaths.caseFiles())
    func golden(_ file: String) throws {
        FileManager.default.changeCurrentDirectoryPath(GoldenPaths.packageRoot.path)
        let path = GoldenPaths.cases.appendingPathComponent(file).path
        let golden = try GoldenFile(text: try String(contentsOfFile: path, encoding: .utf8))
        var actual: [String?] = []
        let session = try makeSession(today: "2024-06-15")
        var snapshot = SQLSnapshot(file: file)
        // The SQL engines hold what precedes a `native only` line; the snapshots stop there too.
        var sqlEngines = true
        for c in golden.cases {
            switch c.directive {
            case .data(let name):
                let folder = name.hasPrefix("examples/") ? name : "Tests/GoldenTests/fixtures/\(name)"
                let (out, failed) = capture { (emit) throws(Session.Failure) in try session.openFolder(folder, emit: emit) }
                #expect(!failed, "\(file):\(c.line): opening \(name) failed:\n\(out)")
                actual.append(nil)
            case .today(let day):
                guard let d = CivilDate.parseDate(day) else { throw GoldenError("\(file):\(c.line): bad date") }
                session.today = d
                actual.append(nil)
            case .nativeOnly:
                sqlEngines = false
                actual.append(nil)
            case .statement:
                let (out, failed) = capture { (emit) throws(Session.Failure) in try session.run(SourceFile(name: nil, text: c.input), emit: emit) }
                #expect(!failed, "\(file):\(c.line): statement failed:\n\(out)")
                actual.append(nil)
            case .query(let format):
                guard let f = OutputFormat(rawValue: format) else { throw GoldenError("\(file):\(c.line): unknown format \(format)") }
                let (out, failed) = capture(format: f) { (emit) throws(Session.Failure) in try session.run(SourceFile(name: nil, text: c.input), emit: emit) }
                #expect(!failed, "\(file):\(c.line): query failed:\n\(out)")
                if sqlEngines { snapshot.add(c.input, line: c.line, session: session) }
                actual.append(out)
                if !update { #expect(out == c.expected, "\(file):\(c.line): \(c.input)") }
            case .error:
                let (out, failed) = capture { (emit) throws(Session.Failure) in try session.run(SourceFile(name: nil, text: c.input), emit: emit) }
                #expect(failed, "\(file):\(c.line): expected an error from: \(c.input)")
                actual.append(out)
                if !update { #expect(out == c.expected, "\(file):\(c.line): \(c.input)") }
            }
        }
        if update {
            try golden.rewritten(with: actual).write(toFile: path, atomically: true, encoding: .utf8)
        }
        let stale = try snapshot.check(update: update)
        #expect(stale.isEmpty, "the SQL of \(file)'s queries changed; review and rewrite with UPDATE_GOLDEN=1: \(stale)")
    }

    private var update: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    private func makeSession(today: String) throws -> Session {
        guard let day = CivilDate.parseDate(today) else { throw GoldenError("bad date") }
        return try Session(today: day)
    }

    /// Runs statements, rendering outputs as the command line would (without timings) and
    /// failures as rendered diagnostics. Returns the text and whether it failed.
    private func capture(format: OutputFormat = .table, _ body: ((Output) -> Void) throws(Session.Failure) -> Void) -> (String, Bool) {
        var parts: [String] = []
        let emit: (Output) -> Void = { output in
            switch output {
            case .table(let table, _): parts.append(Renderer.render(table, format: format))
            case .text(let text): parts.append(text.hasSuffix("\n") ? text : text + "\n")
            case .chart(let table):
                parts.append(
                    format == .table
                        ? ((try? Chart.render(table, options: ChartOptions(width: 60, height: 10))) ?? "cannot chart")
                        : Renderer.render(table, format: format))
            case .note(let note): if format == .table || format == .markdown { parts.append(note + "\n") }
            // What the tool does with a prompt command is the command line's to test; here, that it came.
            case .command(let command): parts.append("-- \(command)\n")
            }
        }
        do {
            try body(emit)
        } catch {
            let renderer = DiagnosticRenderer(color: false)
            parts.append(error.diagnostics.map { renderer.render($0) }.joined(separator: "\n\n") + "\n")
            return (trimmed(parts.joined()), true)
        }
        return (trimmed(parts.joined()), false)
    }

    private func trimmed(_ s: String) -> String {
        var t = s
        while t.hasSuffix("\n") { t.removeLast() }
        return t
    }
}
