// Finds the standard CRM library script shipped beside the executable as a resource.

import Foundation
import TallyDiagnostics

/// The shipped library (`Library/crm.tally`), written in Tally itself.
enum StandardLibrary {
    static let fileName = "crm.tally"

    static func source() throws(Diagnostic) -> SourceFile {
        // The folder beside the running executable first: asked of the system, it costs nothing, where
        // Foundation's bundles read the whole folder the executable is in, at every start.
        if let folder = besideExecutable(), let file = read(in: folder) { return file }
        for folder in candidateFolders() {
            if let file = read(in: folder) { return file }
        }
        throw Diagnostic(
            "the standard library (\(fileName)) was not found beside the tally executable",
            help: "keep the Tally_Tally.resources folder next to the binary, as `swift build` leaves it")
    }

    private static let bundleName = "Tally_Tally.resources"

    private static func read(in folder: String) -> SourceFile? {
        guard let text = try? String(contentsOfFile: folder + "/" + fileName, encoding: .utf8) else { return nil }
        return SourceFile(name: fileName, text: text)
    }

    /// The resources folder beside the executable the system runs (symbolic links resolved), on Linux.
    private static func besideExecutable() -> String? {
        #if os(Linux)
            guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
                return nil
            }
            return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent(bundleName).path
        #else
            return nil
        #endif
    }

    /// SwiftPM puts resources in `<package>_<target>.resources` next to the built products.
    /// (Its generated `Bundle.module` would trap when the folder is missing; we report instead.)
    private static func candidateFolders() -> [String] {
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
