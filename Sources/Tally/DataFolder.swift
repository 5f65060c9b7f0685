// The canonical data folder (DESIGN §2): every *.csv is a dataset, model.tally runs after loading.
// Tab-separated (`.tsv`) and gzip-compressed (`.csv.gz`, `.tsv.gz`) files are datasets too.

import Foundation
import TallyData
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
        let files = names.filter { DataFileName.suffix(of: $0) != nil }.sorted()
        var seen: [String: String] = [:]
        for file in files {
            let name = DataFileName.datasetName(forFile: file)
            if let other = seen[name] {
                throw Diagnostic(
                    "'\(other)' and '\(file)' in '\(path)' would both be the dataset '\(name)'",
                    help: "keep one of them in the folder, or load the other under another name in model.tally")
            }
            seen[name] = file
        }
        csvFiles = files.map { base + $0 }
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
}
