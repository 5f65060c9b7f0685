// Finds the standard CRM library script shipped beside the executable as a resource.

import Foundation
import TallyDiagnostics

/// The shipped library (`Library/crm.tally`), written in Tally itself.
enum StandardLibrary {
    static let fileName = "crm.tally"

    static func source() throws(Diagnostic) -> SourceFile {
        for folder in candidateFolders() {
            let path = folder + "/" + fileName
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                return SourceFile(name: fileName, text: text)
            }
        }
        throw Diagnostic(
            "the standard library (\(fileName)) was not found beside the tally executable",
            help: "keep the Tally_Tally.resources folder next to the binary, as `swift build` leaves it")
    }

    /// SwiftPM puts resources in `<package>_<target>.resources` next to the built products.
    /// (Its generated `Bundle.module` would trap when the folder is missing; we report instead.)
    private static func candidateFolders() -> [String] {
        let bundleName = "Tally_Tally.resources"
        var folders: [String] = []
        folders.append(Bundle.main.bundleURL.appendingPathComponent(bundleName).path)
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            folders.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName).path)
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent(bundleName).path)
        }
        return folders
    }
}
