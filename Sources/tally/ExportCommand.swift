// `tally export --to URL DIR`: copies a data folder into PostgreSQL tables of the canonical names.

import ArgumentParser
import Foundation
import Tally

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Copy every *.csv of a data folder into PostgreSQL tables named after the files.",
        discussion: """
            Tables get the column types Tally infers; rows are loaded with COPY, in one transaction.
            Example:
              tally export --to postgresql://localhost/crm examples/crm
              tally --db postgresql://localhost/crm -e 'churn by month'
            """)

    @Option(name: .long, help: ArgumentHelp("The PostgreSQL database (a libpq URL).", valueName: "URL"))
    var to: String

    @Option(name: .long, help: ArgumentHelp("Create the tables in this schema (default: the current one).", valueName: "NAME"))
    var schema: String?

    @Flag(name: .long, help: "Replace tables that already exist.")
    var replace = false

    @Argument(help: ArgumentHelp("The data folder.", valueName: "DIR"))
    var folder: String

    /// Runs the export; returns the exit status: 1 when it fails (the message on stderr), as a
    /// failing statement does (the command line keeps 2 for misuse).
    func export() -> Int32 {
        let console = Console(format: .table, interactive: false)
        let session: Session
        do { session = try Session(today: 0) } catch {
            console.report(error.diagnostics)
            return 1
        }
        do {
            try session.openFolder(folder) { _ in }
        } catch {
            console.report(error.diagnostics)
            return 1
        }
        do {
            console.write(try session.export(to: to, schema: schema, replace: replace) + "\n")
        } catch {
            console.report([error])
            return 1
        }
        guard console.outputFailed else { return 0 }
        Console.reportOutputFailure()
        return 1
    }
}
