// The command line (DESIGN §6): options, then statements from -e, scripts, a pipe or the REPL.

import ArgumentParser
import Foundation
import Tally
import TallyData
import TallyDiagnostics
import TallyRender
import TallySyntax

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

    @Option(name: .long, help: "Output format: table, csv, json, markdown or html (one page for the whole run).")
    var format: OutputFormat = .table

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("A parameter's value, used in statements as $NAME (repeatable).", valueName: "NAME=VALUE"))
    var parameters: [String] = []

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
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "="), Self.isParameterName(parameter[..<equals]) else {
                throw ValidationError("--set takes NAME=VALUE, such as --set plan=pro, not '\(parameter)'")
            }
        }
    }

    /// Exit status 2 for any misuse of the command line (ArgumentParser's own would be 64).
    static func main() {
        ProcessSetup.prepare()
        // Queries allocate and free the same large arrays again and again: kept in the heap rather than
        // mapped and unmapped each time, they cost no page faults after the first query (a third of a
        // warm query's time otherwise). Reading files switches to the opposite policy while it runs.
        MemoryPolicy.keepFreedMemory()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "export" {
            // A subcommand word first; anything else is the session's options and scripts.
            do {
                exit(try ExportCommand.parse(Array(arguments.dropFirst())).export())
            } catch {
                if ExportCommand.exitCode(for: error) == .success { exit(printed(ExportCommand.fullMessage(for: error))) }
                StandardStream.error.write("error: \(ExportCommand.message(for: error))\n\(ExportCommand.usageString())\n")
                exit(2)
            }
        }
        let command: TallyCommand
        do {
            guard let tally = try parseAsRoot() as? TallyCommand else { exit(printed(helpMessage())) }
            command = tally
        } catch {
            if exitCode(for: error) == .success { exit(printed(fullMessage(for: error))) }
            StandardStream.error.write("error: \(message(for: error))\n\(usageString())\n")
            exit(2)
        }
        exit(command.start())
    }

    /// Prints text that is all a run does (help); 0, or 1 when it could not be written.
    private static func printed(_ text: String) -> Int32 {
        if StandardStream.output.write(text + "\n") { return 0 }
        Console.reportOutputFailure()
        return 1
    }

    /// Ends the process; standard output and error are written unbuffered, so nothing is pending.
    private static func exit(_ status: Int32) -> Never { Foundation.exit(status) }

    /// Runs what the command line asks; returns the exit status.
    func start() -> Int32 {
        let day = today.flatMap(CivilDate.parseDate) ?? CivilDate.day(ofTimestamp: Int64(Date().timeIntervalSince1970 * 1_000_000))
        let interactive = Terminal.isInteractive(STDIN_FILENO) && execute.isEmpty && scripts.isEmpty
        let console = Console(format: format, interactive: interactive)
        guard let runner = Runner(today: day, console: console) else { return 1 }
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            runner.session.parameters[String(parameter[..<equals])] = String(parameter[parameter.index(after: equals)...])
        }
        runner.session.statementStarting = { console.statement = $0 }
        guard format == .html else { return run(runner, interactive: interactive) }
        if interactive {
            console.report([Diagnostic("--format html writes one page for a whole run", help: "give statements with -e, scripts or a pipe")])
            return 2
        }
        let status = run(runner, interactive: interactive)
        console.finishReport(title: scripts.count == 1 ? (scripts[0] as NSString).lastPathComponent : "Tally report")
        return status == 0 && !runner.outputWritten() ? 1 : status
    }

    /// A name `$name` can spell: a letter or `_`, then letters, digits or `_`.
    private static func isParameterName(_ name: Substring) -> Bool {
        let word = SourceFile(name: nil, text: "$" + name)
        let tokens = Lexer(word).tokens().tokens
        return tokens.count == 2 && tokens[0].kind == .parameter && tokens[0].span.end == word.utf8.count
    }

    /// Runs the statements the command line gives (-e, scripts, a pipe, or the prompt); the exit status.
    private func run(_ runner: Runner, interactive: Bool) -> Int32 {
        let console = runner.console
        runner.session.columnCache = ColumnCache.standard().map { cache in
            var cache = cache
            cache.warn = { StandardStream.error.write("warning: \($0)\n") }
            return cache
        }
        if timing {
            runner.session.statementFinished = { seconds in
                StandardStream.error.write("time: \(String(format: "%.3f", seconds * 1000)) ms\n")
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
        if interactive { return REPL(runner: runner).loop() }
        // Statements from a pipe: read everything, run it as one script (the bytes go once decoded).
        let source: SourceFile
        switch StandardStream.readInput() {
        case .success(let input):
            guard let decoded = runner.decode(input, name: nil) else { return 1 }
            source = decoded
        case .failure(let failure):
            console.report([Diagnostic("cannot read standard input: \(failure.reason)")])
            return 1
        }
        return runner.run(source) ? 0 : 1
    }
}

extension OutputFormat: ExpressibleByArgument {}
