// The canonical data folder (DESIGN §2): every *.csv is a dataset, model.tally runs after loading.

import Foundation
import TallyDiagnostics

/// The files of a data folder, found but not yet read.
struct DataFolder {
    let csvFiles: [String]
    let model: String?

    init(path: String) throws(Diagnostic) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Diagnostic("data folder '\(path)' does not exist")
        }
        guard isDirectory.boolValue else {
            throw Diagnostic("'\(path)' is a file, not a folder", help: "load one file with `load \"\(path)\"`")
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw Diagnostic("cannot read the data folder '\(path)'")
        }
        let base = path.hasSuffix("/") ? path : path + "/"
        csvFiles = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted().map { base + $0 }
        model = names.contains("model.tally") ? base + "model.tally" : nil
    }

    /// `customers.csv` → `customers`.
    static func datasetName(forFile path: String) -> String {
        let file = (path as NSString).lastPathComponent
        let stem = file.lowercased().hasSuffix(".csv") ? String(file.dropLast(4)) : file
        return stem
    }
}
