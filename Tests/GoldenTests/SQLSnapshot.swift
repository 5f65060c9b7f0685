// The SQL every golden query compiles to, per dialect, kept beside the cases as snapshot files
// (Tests/GoldenTests/sql/NAME.DIALECT.sql) so that a change to the compiler shows in review as a diff
// of the statements it prints. `UPDATE_GOLDEN=1` rewrites them with the cases.

import Foundation
import Tally
import TallyDiagnostics
import TallySQL
import TallySyntax

/// Collects one golden file's SQL, case by case, for each dialect.
struct SQLSnapshot {
    let file: String
    private(set) var texts: [SQLDialect: String] = [:]

    init(file: String) { self.file = file }

    /// Adds the SQL of each query among `input`'s statements, as `session` binds it now.
    mutating func add(_ input: String, line: Int, session: Session) {
        let source = SourceFile(name: nil, text: input)
        let (script, diagnostics) = Parser.parse(source)
        guard diagnostics.isEmpty else { return }
        for statement in script.statements {
            guard case .query(let query) = statement.kind else { continue }
            for dialect in SQLDialect.all {
                var text = "-- \(file):\(line)\n-- " + source.slice(statement.span).replacingOccurrences(of: "\n", with: "\n-- ") + "\n"
                do {
                    text += try session.sql(query, source: source, dialect: dialect)
                } catch {
                    text += "-- error: \(error.message)\n"
                }
                texts[dialect, default: ""] += text + "\n"
            }
        }
    }

    static let folder = GoldenPaths.cases.deletingLastPathComponent().appendingPathComponent("sql")

    static func path(_ file: String, _ dialect: SQLDialect) -> String {
        folder.appendingPathComponent(file.replacingOccurrences(of: ".test", with: ".\(dialect.name).sql")).path
    }

    /// The snapshot files that differ from what was collected (all of them rewritten when `update`).
    func check(update: Bool) throws -> [String] {
        var stale: [String] = []
        for dialect in SQLDialect.all {
            let path = Self.path(file, dialect)
            let text = texts[dialect] ?? ""
            if update {
                try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
                if text.isEmpty { try? FileManager.default.removeItem(atPath: path) } else { try text.write(toFile: path, atomically: true, encoding: .utf8) }
            } else if text != ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "") {
                stale.append(path)
            }
        }
        return stale
    }
}
