// The command-line half of the bad-input catalogue (docs/bad-input.md): bytes on a pipe that are
// not text, input of megabytes, deep nesting, misused options, data folders that cannot be read.
// Each case checks the exit status, the exact message and that nothing else was printed.

import Foundation
import Testing

@Suite struct HostileInputTests {
    let small = CommandLineTests.small
    let usage = "tally [--data <DIR>] [--db <URL>] [-e <STATEMENTS> ...] [--format <format>] [--set <NAME=VALUE> ...] [--today <YYYY-MM-DD>] [--timing] [<script.tally> ...]\n"

    private func pipe(_ bytes: [UInt8]) throws -> CommandLineTests.Run {
        try CommandLineTests.run(["--data", small, "--format", "csv", "--today", "2024-06-15"], bytes: Data(bytes))
    }

    private func expectFailure(_ r: CommandLineTests.Run, status: Int32 = 1, _ stderr: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == status, sourceLocation: sourceLocation)
        #expect(r.stdout == "", "partial output", sourceLocation: sourceLocation)
        #expect(r.stderr == stderr, sourceLocation: sourceLocation)
    }

    // MARK: Bytes that are not text

    @Test func aNULByteOnAPipeIsAnUnexpectedCharacterShownVisibly() throws {
        let r = try pipe(Array("purchases\nrevenue".utf8) + [0] + Array(" by month\n".utf8))
        expectFailure(r, "error: unexpected character '\\u{0}'\n --> 2:8\n  |\n2 | revenue\u{FFFD} by month\n  |        ^\n")
    }

    @Test func invalidUTF8OnAPipeIsAnErrorAtTheBadByteNotAReplacementCharacter() throws {
        // Decoded leniently, "pr\u{FFFD}" would quietly match no plan and print 0.
        let r = try pipe(Array("purchases\nrevenue where plan = \"pr".utf8) + [0xE9] + Array("\"\n".utf8))
        expectFailure(
            r,
            "error: invalid UTF-8 byte 0xE9\n --> 2:25\n  |\n2 | revenue where plan = \"pr\u{FFFD}\"\n  |                         ^\n"
                + "  = help: statements are read as UTF-8 text; convert the input, e.g. with iconv -t UTF-8\n")
    }

    @Test func invalidUTF8InAScriptNamesTheFileLineAndColumn() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("report.tally")
        try Data(Array("purchases\n-- caf".utf8) + [0xC3, 0x28] + Array("\n".utf8)).write(to: script)
        let r = try CommandLineTests.run(["--data", small, script.path], bytes: nil)
        expectFailure(
            r,
            "error: invalid UTF-8 byte 0xC3\n --> \(script.path):2:7\n  |\n2 | -- caf\u{FFFD}(\n  |       ^\n"
                + "  = help: statements are read as UTF-8 text; convert the input, e.g. with iconv -t UTF-8\n")
    }

    @Test func controlCharactersInAnEchoedLineCannotReachTheTerminal() throws {
        let r = try pipe(Array("revenue by \u{1B}[2J month\n".utf8))
        expectFailure(r, "error: unexpected characters '\\u{1b}['\n --> 1:12\n  |\n1 | revenue by \u{FFFD}[2J month\n  |            ^^\n")
    }

    // MARK: Size and depth

    @Test func aThreeMegabyteNameIsShortenedInTheMessage() throws {
        let name = String(repeating: "x", count: 3_000_000)
        let r = try pipe(Array("revenue \(name)\n".utf8))
        let shortQuoted = String(repeating: "x", count: 29) + "…"
        // No known dimension has that name, so no 'by' is suggested.
        expectFailure(
            r,
            "error: unexpected '\(shortQuoted)'; expected ',', 'by', 'where', 'since', 'until', 'between', 'last', 'for', 'having', 'nonzero', 'order by', 'limit' or the end of the query"
                + "\n --> 1:9\n  |\n1 | revenue \(String(repeating: "x", count: 92))…\n"
                + "  |         \(String(repeating: "^", count: 92))\n")
    }

    @Test func aThreeMegabyteStringIsAValueLikeAnyOther() throws {
        let r = try pipe(Array("purchases where kind = \"\(String(repeating: "y", count: 3_000_000))\"\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == "purchases\n0\n")
        #expect(r.stderr == "")
    }

    @Test func aListOfThreeHundredThousandValuesIsFlat() throws {
        let list = (0..<300_000).map { "\"k\($0)\"" }.joined(separator: ", ")
        let r = try pipe(Array("purchases where kind in (\"new\", \(list))\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == "purchases\n6\n")
    }

    @Test func fiftyThousandParenthesesStopAtTheNestingLimit() throws {
        let nest = String(repeating: "(", count: 50_000) + "plan = \"pro\"" + String(repeating: ")", count: 50_000)
        let r = try pipe(Array("revenue where \(nest)\n".utf8))
        expectFailure(
            r,
            "error: expression nested too deeply (limit 200)\n --> 1:215\n  |\n1 | …\(String(repeating: "(", count: 100))…\n"
                + "  |                                                    ^\n  = help: split it into smaller metrics\n")
    }

    // MARK: The command line itself: status 2

    @Test func misusedOptionsExitTwoWithTheProblemAndTheUsage() throws {
        let cases: [([String], String)] = [
            (["-e"], "error: Missing value for '-e <STATEMENTS>'\n"),
            (["--format"], "error: Missing value for '--format <format>'\n"),
            (["--format", "xml", "-e", "1"], "error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'table', 'csv', 'json', 'markdown' or 'html'.\n"),
            (["--today", "yesterday", "-e", "1"], "error: --today must be a date written YYYY-MM-DD, not 'yesterday'\n"),
            (["--today", "2024-13-01", "-e", "1"], "error: --today must be a date written YYYY-MM-DD, not '2024-13-01'\n"),
            (["-x"], "error: Unknown option '-x'\n"),
            (["--data", small, "--data"], "error: Missing value for '--data <DIR>'\n"),
        ]
        for (arguments, message) in cases {
            expectFailure(try CommandLineTests.run(arguments, bytes: nil), status: 2, message + usage)
        }
    }

    // MARK: Data folders and scripts that cannot be read: status 1

    @Test func aDataFolderThatIsAFileSaysHowToLoadIt() throws {
        let file = small + "/orders.csv"
        expectFailure(
            try CommandLineTests.run(["--data", file, "-e", "purchases"], bytes: nil),
            "error: '\(file)' is a file, not a folder\n  = help: load one file with `load \"\(file)\"`\n")
    }

    @Test func aBadFileInTheDataFolderStopsBeforeAnyStatementRuns() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "id,amount\n1,2\n3\n".write(to: dir.appendingPathComponent("orders.csv"), atomically: true, encoding: .utf8)
        expectFailure(
            try CommandLineTests.run(["--data", dir.path, "-e", "purchases"], bytes: nil),
            "error: \(dir.path)/orders.csv:3:2: expected 2 fields, found 1\n"
                + "  = help: the header has 2 columns; write an empty value as nothing between two commas\n")
    }

    @Test func aCSVNameThatIsAFolderOrABrokenLinkIsAnError() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("leads.csv"), withIntermediateDirectories: false)
        expectFailure(
            try CommandLineTests.run(["--data", dir.path, "-e", "leads"], bytes: nil),
            "error: \(dir.path)/leads.csv: is a directory, not a CSV file\n")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("leads.csv"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("orders.csv").path, withDestinationPath: "gone.csv")
        expectFailure(
            try CommandLineTests.run(["--data", dir.path, "-e", "purchases"], bytes: nil),
            "error: \(dir.path)/orders.csv: no such file\n")
    }

    @Test func aScriptThatIsMissingOrAFolderIsAnError() throws {
        expectFailure(try CommandLineTests.run(["no-such-report.tally"], bytes: nil), "error: script 'no-such-report.tally': no such file\n")
        expectFailure(try CommandLineTests.run(["Tests"], bytes: nil), "error: script 'Tests': is a directory\n")
    }

    @Test func anEngineErrorPointsAtTheQuery() throws {
        expectFailure(
            try pipe(Array("purchases last 100000 years by day\n".utf8)),
            "error: the result would have 36524051 rows, 109572153 values in all (the limit is 60000000)\n --> 1:1\n  |\n1 | purchases last 100000 years by day\n  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
                + "  = help: narrow it with a range, a coarser grain, a filter or fewer metrics\n")
    }

    private func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
