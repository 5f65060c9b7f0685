// The command line (DESIGN §6): options, then statements from -e, scripts, a pipe or the REPL.

import ArgumentParser
import Foundation
import Tally
import TallyData
import TallyRender

@main
struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Ask questions of CRM data in a small metric language.",
        discussion: """
            Examples:
              tally --data examples/crm
              tally --data examples/crm -e 'revenue by month where plan = "pro"'
              tally --data examples/crm --format csv report.tally
              tally --db postgresql://localhost/crm -e 'churn by month'
              tally export --to postgresql://localhost/crm examples/crm
            """)

    @Option(name: .long, help: ArgumentHelp("Load every *.csv (and .tsv, .csv.gz, .tsv.gz) in DIR, then run DIR/model.tally.", valueName: "DIR"))
    var data: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Run queries on this PostgreSQL database (a libpq URL; the password may come from PGPASSWORD or ~/.pgpass).",
            valueName: "URL"))
    var db: String?

    @Option(name: .customShort("e"), help: ArgumentHelp("Run these statements, print the results and exit.", valueName: "STATEMENTS"))
    var execute: [String] = []

    @Option(name: .long, help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(name: .long, help: ArgumentHelp("The date relative ranges count from (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var today: String?

    @Flag(name: .long, help: "Print each statement's wall-clock time to standard error (as `time: 12.345 ms`).")
    var timing = false

    @Argument(help: ArgumentHelp("Scripts to run in order.", valueName: "script.tally"))
    var scripts: [String] = []

    func validate() throws {
        if let today, CivilDate.parseDate(today) == nil {
            throw ValidationError("--today must be a date written YYYY-MM-DD, not '\(today)'")
        }
    }

    /// Exit status 2 for any misuse of the command line (ArgumentParser's own would be 64).
    static func main() {
        // Queries allocate and free the same large arrays again and again: kept in the heap rather than
        // mapped and unmapped each time, they cost no page faults after the first query (a third of a
        // warm query's time otherwise). Reading files switches to the opposite policy while it runs.
        MemoryPolicy.keepFreedMemory()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "export" {
            // A subcommand word first; anything else is the session's options and scripts.
            do {
                try ExportCommand.parse(Array(arguments.dropFirst())).run()
                Foundation.exit(0)
            } catch {
                if ExportCommand.exitCode(for: error) == .success {
                    print(ExportCommand.fullMessage(for: error))
                    Foundation.exit(0)
                }
                FileHandle.standardError.write(
                    Data("error: \(ExportCommand.message(for: error))\n\(ExportCommand.usageString())\n".utf8))
                Foundation.exit(2)
            }
        }
        let command: TallyCommand
        do {
            var parsed = try parseAsRoot()
            guard let tally = parsed as? TallyCommand else {
                // `--help` and friends parse as ArgumentParser's own commands.
                try parsed.run()
                Foundation.exit(0)
            }
            command = tally
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data("error: \(message(for: error))\n\(usageString())\n".utf8))
            Foundation.exit(2)
        }
        Foundation.exit(command.start())
    }

    /// Runs what the command line asks; returns the exit status.
    func start() -> Int32 {
        let day = today.flatMap(CivilDate.parseDate) ?? CivilDate.day(ofTimestamp: Int64(Date().timeIntervalSince1970 * 1_000_000))
        let interactive = Terminal.isInteractive(STDIN_FILENO) && execute.isEmpty && scripts.isEmpty
        let console = Console(format: format, interactive: interactive)
        guard let runner = Runner(today: day, console: console) else { return 1 }
        runner.session.columnCache = ColumnCache.standard()
        if timing {
            runner.session.statementFinished = { seconds in
                FileHandle.standardError.write(Data("time: \(String(format: "%.3f", seconds * 1000)) ms\n".utf8))
            }
        }
        if let data, !runner.openFolder(data) { return 1 }
        if let db, !runner.connect(db) { return 1 }
        // `quit` in any of them ends the run there, successfully.
        if !execute.isEmpty {
            for (i, text) in execute.enumerated() where !console.quitRequested {
                if !runner.run(text: text, name: execute.count > 1 ? "-e#\(i + 1)" : nil) { return 1 }
            }
            return 0
        }
        if !scripts.isEmpty {
            for path in scripts where !console.quitRequested {
                if !runner.runScript(path) { return 1 }
            }
            return 0
        }
        if interactive {
            REPL(runner: runner).loop()
            return 0
        }
        // Statements from a pipe: read everything, run it as one script.
        let input = FileHandle.standardInput.readDataToEndOfFile()
        return runner.run(bytes: Array(input), name: nil) ? 0 : 1
    }
}

extension OutputFormat: ExpressibleByArgument {}
