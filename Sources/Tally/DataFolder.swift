// The canonical data folder (DESIGN §2): every *.csv is a dataset, model.tally runs after loading.

import Foundation
import TallyDiagnostics

/// The files of a data folder, found but not yet read.
struct DataFolder {
    let csvFiles: [String]
    let model: String?

    init(path: String) throws(Diagnostic) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { throw Diagnostic("data folder '\(path)' does not exist") }
            throw Diagnostic("cannot open the data folder '\(path)': \(String(cString: strerror(errno)).lowercased())")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw Diagnostic("'\(path)' is a file, not a folder", help: "load one file with `load \"\(path)\"`")
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw Diagnostic("cannot read the data folder '\(path)'")
        }
        let base = path.hasSuffix("/") ? path : path + "/"
        csvFiles = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted().map { base + $0 }
        model = names.contains("model.tally") ? base + "model.tally" : nil
    }

    /// The model script's text; it must be a regular file (a named pipe would block the start forever).
    static func readModel(_ path: String) throws(Diagnostic) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw Diagnostic("'\(path)' is not a regular file")
        }
        guard let bytes = FileManager.default.contents(atPath: path) else { throw Diagnostic("cannot read \(path)") }
        return Array(bytes)
    }

    /// `customers.csv` → `customers`.
    static func datasetName(forFile path: String) -> String {
        let file = (path as NSString).lastPathComponent
        let stem = file.lowercased().hasSuffix(".csv") ? String(file.dropLast(4)) : file
        return stem
    }
}
