// A file that results are written to by `save` and `output`: its format, from its name or `as`, and
// a write that replaces it whole or fails with the path and the reason.

import Foundation
import TallyData
import TallyDiagnostics
import TallyRender
import TallySyntax

/// Where `save` or `output` writes, and in which format.
struct ResultFile {
    let path: String
    let format: OutputFormat
    /// Whether an existing file may be written over: asked for with `replace`, and always once the
    /// file is one this session made (an `output` file is rewritten after each result).
    var mayReplace: Bool
    /// The command, for messages: `save last to` or `output`.
    var command: String
}

extension ResultFile {
    init(_ target: FileTarget, command: String) throws(Diagnostic) {
        path = target.path
        mayReplace = target.replace
        self.command = command
        if let name = target.format, let format = OutputFormat(rawValue: name) {
            self.format = format
            return
        }
        let suffix = (target.path as NSString).pathExtension.lowercased()
        guard let format = Self.formats[suffix] else {
            throw Diagnostic(
                "cannot tell a format from the name '\(target.path)'",
                help:
                    "name the file .csv, .json, .md, .html or .txt, or say the format: \(command) \"\(target.path)\" as csv"
            )
        }
        self.format = format
    }

    static let formats: [String: OutputFormat] = [
        "csv": .csv, "json": .json, "md": .markdown, "markdown": .markdown, "html": .html, "htm": .html, "txt": .table,
    ]

    /// Writes `text` as the whole file. A regular file is replaced only once every byte is written
    /// (so a failed write leaves what was there); a device or a pipe (`/dev/stdout`) is written in place.
    func write(_ text: String) throws(Diagnostic) {
        var status = stat()
        let exists = stat(path, &status) == 0
        if exists, !mayReplace {
            throw Diagnostic(
                "\(path) already exists", help: "to write over it, add replace: \(command) \"\(path)\" replace")
        }
        do {
            if exists, status.st_mode & S_IFMT != S_IFREG, status.st_mode & S_IFMT != S_IFDIR {
                try Self.writeInPlace(text, to: path)
            } else {
                try TemporaryFile.write(Data(text.utf8), to: path)
            }
        } catch {
            throw Diagnostic("cannot write \(path): \(error.reason)")
        }
    }

    private static func writeInPlace(_ text: String, to path: String) throws(IOError) {
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw IOError(code: errno) }
        var text = text
        let failure = text.withUTF8 { Descriptor.writeAll(fd, UnsafeRawBufferPointer($0)) }
        let closed = close(fd) == 0 ? nil : errno
        if let failure = failure ?? closed { throw IOError(code: failure) }
    }
}
