// Runs every script in examples/ on the demo data and compares its output with
// Tests/GoldenTests/examples/<script>.out (rewritten by UPDATE_GOLDEN=1).

import Foundation
import Tally
import TallyData
import TallyDiagnostics
import TallyRender
import Testing

@Suite struct ExampleScriptsTests {
    static let examples = GoldenPaths.packageRoot.appendingPathComponent("examples")

    static func scripts() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.filter { $0.hasSuffix(".tally") }.sorted()
    }

    @Test func everyExampleIsCovered() {
        #expect(Self.scripts().count >= 3)
    }

    @Test(arguments: scripts())
    func example(_ name: String) throws {
        FileManager.default.changeCurrentDirectoryPath(GoldenPaths.packageRoot.path)
        let session = try Session(today: try #require(CivilDate.parseDate("2025-06-30")))
        try session.openFolder("examples/crm") { _ in }
        let path = "examples/\(name)"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var out = ""
        try session.run(SourceFile(name: path, text: text)) { output in
            switch output {
            case .table(let table, _): out += Renderer.render(table, format: .table) + "\n"
            case .text(let t), .note(let t): out += t + "\n"
            case .chart(let table): out += ((try? Chart.render(table, options: ChartOptions(width: 72, height: 12))) ?? "") + "\n"
            case .command(let command): out += "-- \(command)\n"  // the tool's business; scripts here have none
            }
        }
        let expectedPath = GoldenPaths.root.appendingPathComponent("examples/\(name).out").path
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try out.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        } else {
            #expect(out == (try String(contentsOfFile: expectedPath, encoding: .utf8)), "\(name)")
        }
    }
}
