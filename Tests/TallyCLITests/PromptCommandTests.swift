// The prompt's commands outside the prompt: in -e, scripts and piped input; help for every statement.

import Foundation
import TallySyntax
import Testing

@Suite struct PromptCommandTests {
    let small = CommandLineTests.small

    private func run(_ arguments: [String], stdin: String? = nil) throws -> CommandLineTests.Run {
        try CommandLineTests().run(arguments, stdin: stdin)
    }

    private func script(_ text: String) throws -> (URL, () -> Void) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-prompt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("report.tally")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (file, { try? FileManager.default.removeItem(at: dir) })
    }

    @Test func formatInAScriptChangesWhatFollows() throws {
        let (file, cleanUp) = try script(
            "purchases by year\nformat csv\npurchases by year\nformat json; purchases for 2023\n")
        defer { cleanUp() }
        let r = try run(["--data", small, file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout == " year │ purchases\n──────┼──────────\n 2023 │         1\n 2024 │         9\n2 rows\n"
                + "year,purchases\n2023,1\n2024,9\n[\n  {\"purchases\": 1}\n]\n")
    }

    @Test func promptCommandsInPipedInputAndInE() throws {
        let piped = try run(["--data", small], stdin: "format csv\ntimer off\npurchases by year\nformat\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == "year,purchases\n2023,1\n2024,9\n")
        #expect(piped.stderr == "output format: csv (format table|csv|json|markdown)\n")  // prose stays out of the CSV
        let e = try run(["--data", small, "-e", "format csv; purchases for 2024"])
        #expect(e.stdout == "purchases\n9\n")
    }

    @Test func quitEndsTheRunThereSuccessfully() throws {
        let (file, cleanUp) = try script("format csv\npurchases for 2024\nquit\nrevenue by nothing\n")
        defer { cleanUp() }
        let r = try run(["--data", small, file.path, file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "purchases\n9\n")
    }

    @Test func aWrongSettingIsAnErrorAtItsPlace() throws {
        let (file, cleanUp) = try script("purchases for 2024\nformat xml\n")
        defer { cleanUp() }
        let r = try run(["--data", small, file.path])
        #expect(r.status == 1)
        #expect(r.stdout == "")  // a syntax error anywhere: nothing runs
        #expect(r.stderr.hasPrefix("error: unknown format 'xml'\n --> \(file.path):2:8\n"))
        #expect(r.stderr.contains("= help: formats are 'table', 'csv', 'json' or 'markdown'"))
    }

    @Test func helpForEveryStatement() throws {
        let top = try run(["-e", "help"])
        #expect(top.stdout.contains("sql revenue by month"))
        for word in Parser.statementWords {
            let r = try run(["-e", "help \(word)"])
            #expect(r.status == 0 && !r.stdout.contains("no help on"), "help \(word): \(r.stdout)\(r.stderr)")
            #expect(r.stdout.contains(word == "exit" ? "quit" : word), "help \(word): \(r.stdout)")
        }
        #expect(try run(["-e", "help nothing"]).stdout.hasPrefix("no help on 'nothing'; topics: queries, ranges"))
    }
}
