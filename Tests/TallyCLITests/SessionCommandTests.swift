// The commands that write files, run scripts, take parameters and change the display, run outside
// the prompt (in -e and scripts) where their output can be read exactly.

import Foundation
import Testing

@Suite struct SessionCommandTests {
    let small = CommandLineTests.small

    /// A scratch folder, the working directory of the runs in it.
    struct Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-files-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func read(_ name: String) -> String? { try? String(contentsOfFile: path(name), encoding: .utf8) }
        func write(_ name: String, _ text: String) throws {
            try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        }
        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    /// Runs tally in `folder`, so that the paths it is given are relative as a person's would be.
    private func run(_ arguments: [String], in folder: Folder) throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = CommandLineTests.tally
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineTests.Run(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    static let nine = " purchases\n──────────\n         9\n1 row\n"

    @Test func saveLastWritesTheFormatItsNameSays() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let r = try run(
            [
                "--data", small, "-e",
                #"purchases by year; save last to "q.csv"; save last to "q.json"; save last to "q.md"; save last to "q.txt" as csv"#,
            ],
            in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(folder.read("q.csv") == "year,purchases\n2023,1\n2024,9\n")
        #expect(
            folder.read("q.json")
                == "[\n  {\"year\": \"2023\", \"purchases\": 1},\n  {\"year\": \"2024\", \"purchases\": 9}\n]\n")
        #expect(
            folder.read("q.md")
                == "| year | purchases |\n| :--- | --------: |\n| 2023 |         1 |\n| 2024 |         9 |\n")
        #expect(folder.read("q.txt") == "year,purchases\n2023,1\n2024,9\n")
    }

    @Test func writingOverAFileIsExplicit() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("q.csv", "kept\n")
        let refused = try run(["--data", small, "-e", #"purchases for 2024; save last to "q.csv""#], in: folder)
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "error: q.csv already exists\n  = help: to write over it, add replace: save last to \"q.csv\" replace\n"
        )
        #expect(folder.read("q.csv") == "kept\n")
        let replaced = try run(
            ["--data", small, "-e", #"purchases for 2024; save last to "q.csv" replace"#], in: folder)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(folder.read("q.csv") == "purchases\n9\n")
        let output = try run(["--data", small, "-e", #"output "q.csv"; purchases for 2023"#], in: folder)
        #expect(
            output.stderr
                == "error: q.csv already exists\n  = help: to write over it, add replace: output \"q.csv\" replace\n")
    }

    @Test func aWriteThatFailsSaysThePathAndWhyAndAScriptStops() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("plain", "")
        let cases = [
            (#"save last to "missing/q.csv""#, "error: cannot write missing/q.csv: No such file or directory\n"),
            (#"save last to "plain/q.csv""#, "error: cannot write plain/q.csv: Not a directory\n"),
            (#"save last to "/dev/full" as csv replace"#, "error: cannot write /dev/full: No space left on device\n"),
            (
                #"save last to "q.dat""#,
                "error: cannot tell a format from the name 'q.dat'\n  = help: name the file .csv, .json, .md, .html or .txt, or say the format: save last to \"q.dat\" as csv\n"
            ),
        ]
        for (command, message) in cases {
            let r = try run(["--data", small, "-e", "purchases for 2024; \(command); purchases for 2023"], in: folder)
            #expect(r.status == 1, "\(command)")
            #expect(r.stderr == message, "\(command)")
            #expect(r.stdout == Self.nine, "\(command): the statements after it ran")
        }
        let nothing = try run(["--data", small, "-e", #"save last to "q.csv""#], in: folder)
        #expect(
            nothing.stderr
                == "error: there is no result to save yet\n  = help: run a query first, e.g. revenue by month\n")
    }

    @Test func outputSendsResultsToAFileUntilOutputAlone() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let r = try run(
            [
                "--data", small, "-e",
                #"purchases for 2024; output "all.csv"; purchases by year; purchases for 2023; output; purchases for 2024"#,
            ],
            in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == Self.nine + Self.nine)
        #expect(folder.read("all.csv") == "year,purchases\n2023,1\n2024,9\npurchases\n1\n")
    }

    @Test func anOutputPageIsWholeAfterEachResult() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let r = try run(
            ["--data", small, "-e", #"output "r.html"; purchases by year; plot purchases by month"#], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let page = try #require(folder.read("r.html"))
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
        #expect(page.components(separatedBy: "<table>").count == 3)
        #expect(page.components(separatedBy: "<svg ").count == 2)
        #expect(page.contains("<h2><code>plot purchases by month</code></h2>"))
    }

    @Test func runRunsAScriptInsideTheSession() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("inner.tally", "set plan = \"pro\"\nformat csv\n")
        try folder.write("broken.tally", "purchases for 2024\nrevenue by plann\n")
        let r = try run(["--data", small, "-e", #"run "inner.tally"; purchases where plan = $plan"#], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "purchases\n5\n")
        let broken = try run(["--data", small, "-e", #"run "broken.tally"; purchases for 2023"#], in: folder)
        #expect(broken.status == 1)
        #expect(broken.stdout == Self.nine)  // what follows the failed script does not run
        #expect(broken.stderr.hasPrefix("error: metric 'revenue' reads dataset 'orders', which has no column 'plann'"))
        #expect(broken.stderr.contains(" --> broken.tally:2:12\n"))
        let missing = try run(["--data", small, "-e", #"run "nowhere.tally""#], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: script 'nowhere.tally': no such file\n")
    }

    @Test func setGivesParametersTheirValuesAsValues() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("report.tally", "purchases by plan where plan = $plan for $year\n")
        let r = try run(
            ["--data", small, "--format", "csv", "--set", "plan=pro", "--set", "year=2024", "report.tally"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "plan,purchases\npro,4\n")
        // A value is never read as text of the statement.
        let quoted = try run(
            [
                "--data", small, "--format", "csv", "--set", #"plan=pro" or plan != ""#, "--set", "year=2024",
                "report.tally",
            ], in: folder)
        #expect(quoted.stdout == "plan,purchases\n")
        let unset = try run(["--data", small, "--set", "plan=pro", "report.tally"], in: folder)
        #expect(unset.status == 1)
        #expect(unset.stderr.hasPrefix("error: parameter $year is not set\n --> report.tally:1:42\n"))
        let misuse = try run(["--data", small, "--set", "plan", "report.tally"], in: folder)
        #expect(misuse.status == 2)
        #expect(misuse.stderr.hasPrefix("error: --set takes NAME=VALUE, such as --set plan=pro, not 'plan'\n"))
    }

    @Test func expandedShowsEachRowDownTheScreen() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let r = try run(
            [
                "--data", small, "-e",
                "expanded on; purchases, revenue by year; expanded auto; purchases by year; revenue, purchases, arppu, avg_order_value for 2024",
            ], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout == """
                ─[ 1 ]──────────────
                 year      │ 2023
                 purchases │ 1
                 revenue   │ $100.10
                ─[ 2 ]──────────────
                 year      │ 2024
                 purchases │ 9
                 revenue   │ $626.38
                2 rows
                 year │ purchases
                ──────┼──────────
                 2023 │         1
                 2024 │         9
                2 rows
                ─[ 1 ]────────────────────
                 revenue         │ $626.38
                 purchases       │ 9
                 arppu           │ $104.40
                 avg_order_value │ $69.60
                1 row

                """)
    }

    @Test func formatHTMLWritesOnePageForTheWholeScript() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write(
            "report.tally", "purchases by year\nplot revenue by month\nplot purchases by plan\nexplain arppu\n")
        let r = try run(["--data", small, "--format", "html", "report.tally"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let page = r.stdout
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(page.contains("<title>report.tally</title>"))
        #expect(page.components(separatedBy: "<section>").count == 5)
        #expect(page.components(separatedBy: "<svg ").count == 3)
        #expect(page.components(separatedBy: "<polyline class=\"series\"").count == 2)
        #expect(page.components(separatedBy: "<rect class=\"bar\"").count == 5)
        // Units as in the terminal; nothing fetched, nothing run.
        #expect(page.contains("<td class=\"number\">$500.53</td>"))
        #expect(page.contains("<td class=\"number\">9</td>"))
        for fetchOrRun in ["<script", "src=", "href=", "url(", "@import", "onload=", "onclick="] {
            #expect(!page.contains(fetchOrRun), "\(fetchOrRun)")
        }
    }

    @Test func helpPromptNamesEveryCommand() throws {
        let r = try CommandLineTests().run(["-e", "help prompt"])
        let commands = [
            "format table", "timer on", "last (", "quit", "save last to", "output \"", "pager on", "expanded on",
            "run \"", "edit (", "watch 10", "set plan",
        ]
        for command in commands {
            #expect(r.stdout.contains(command), "help prompt does not name \(command)")
        }
    }
}
