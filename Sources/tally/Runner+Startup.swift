// The startup file, run as psql runs its own: every problem reported where it is, the rest still run.

import Foundation
import Tally
import TallyDiagnostics

extension Runner {
    /// Runs `path` to its end: a syntax error or a failing statement is reported with its position
    /// and the statements after it still run, so one mistake does not lose the settings below it.
    func runStartupScript(_ path: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            console.report([Diagnostic("startup file '\(path)' cannot be read")])
            return
        }
        do {
            let source = try SourceFile.decoding(Array(data), name: path)
            session.runAll(source, emit: { console.show($0) }, report: { [console] in console.report($0.diagnostics) })
        } catch {
            console.report([error])
        }
    }
}
