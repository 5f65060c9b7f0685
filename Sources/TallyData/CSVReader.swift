// Loads a CSV file into a columnar Dataset: tokenize, check the header, apply renames, infer types, convert.

import Foundation
import TallyDiagnostics

/// Reads CSV files (RFC 4180, UTF-8, optional BOM, LF or CRLF) into datasets.
///
/// Rules callers rely on:
/// - The first row is the header; names are kept exactly (no trimming) and must be non-empty and distinct.
/// - An empty field and a quoted empty field `""` are both null. Text is otherwise kept exactly.
/// - Each column gets the first type that fits all its non-null values: boolean (`true`/`false`, any case),
///   integer (Int64), decimal (exact, one scale per column, at most 9 fraction digits; otherwise
///   stored as double), date (`YYYY-MM-DD`), timestamp (dates in a timestamp column mean midnight UTC),
///   then text (dictionary-encoded in order of first appearance). An all-null column is text.
/// - Numbers need digits on both sides of a point (`.5` and `5.` are text); a quoted number is still a number.
/// - Trailing blank lines are ignored; a blank line elsewhere is a row with one empty field.
public enum CSVReader {
    /// Loads the file at `path`; errors name the file as `path`. A missing or unreadable file is a
    /// `CSVError` with line 0.
    public static func load(path: String, name: String, options: CSVOptions = .init()) throws(CSVError) -> CSVLoad {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CSVError(file: path, line: 0, column: 0, message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw CSVError(file: path, line: 0, column: 0, message: "is a directory, not a CSV file")
        }
        let data: Data
        do {
            // Mapping avoids a second in-memory copy of large files.
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw CSVError(
                file: path, line: 0, column: 0, message: "cannot read the file",
                help: "check that it is readable: \(error.localizedDescription)")
        }
        let result = data.withUnsafeBytes { raw in
            Result { () throws(CSVError) -> CSVLoad in
                try parse(buffer: raw.bindMemory(to: UInt8.self), fileName: path, name: name, options: options)
            }
        }
        return try result.get()
    }

    /// Parses CSV bytes already in memory; `fileName` is used in errors and as the dataset's source.
    public static func parse(
        bytes: [UInt8], fileName: String, name: String, options: CSVOptions = .init()
    ) throws(CSVError) -> CSVLoad {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(CSVError) -> CSVLoad in
                try parse(buffer: buffer, fileName: fileName, name: name, options: options)
            }
        }
        return try result.get()
    }

    static func parse(
        buffer: UnsafeBufferPointer<UInt8>, fileName: String, name: String, options: CSVOptions
    ) throws(CSVError) -> CSVLoad {
        var tokenizer = CSVTokenizer(bytes: buffer, file: fileName)
        let fields = try tokenizer.run(skipBadRows: options.skipBadRows)
        let headers = try headerNames(fields, buffer: buffer, file: fileName)
        let names = try applyRenames(options.renames, to: headers, fields: fields, buffer: buffer, file: fileName)

        let converter = CSVColumnConverter(bytes: buffer, file: fileName, bomLength: fields.bomLength)
        var columns: [Column] = []
        columns.reserveCapacity(names.count)
        for (index, fieldColumn) in fields.columns.enumerated() {
            let type = TypeInference.infer(fieldColumn, rowCount: fields.rowCount, bytes: buffer)
            let storage = try converter.convert(fieldColumn, rowCount: fields.rowCount, as: type)
            columns.append(Column(name: names[index], storage: storage))
        }
        let dataset = Dataset(name: name, columns: columns, rowCount: fields.rowCount, source: fileName)
        return CSVLoad(dataset: dataset, skippedRows: fields.skippedRows)
    }

    /// Decodes header names and rejects empty, duplicate or non-UTF-8 names.
    private static func headerNames(
        _ fields: CSVFields, buffer: UnsafeBufferPointer<UInt8>, file: String
    ) throws(CSVError) -> [String] {
        let converter = CSVColumnConverter(bytes: buffer, file: file, bomLength: fields.bomLength)
        var names: [String] = []
        var seen: [String: Int] = [:]
        var scratch: [UInt8] = []
        for (index, field) in fields.header.enumerated() {
            let slice = field.slice
            let column = CSVTokenizer.scalarColumn(buffer, from: field.lineStart, to: field.offset)
            guard slice.length > 0 else {
                throw CSVError(
                    file: file, line: field.line, column: column, message: "empty column name in the header",
                    help: "every column needs a name in the first row")
            }
            let raw = UnsafeBufferPointer(rebasing: buffer[slice.start..<slice.start + slice.length])
            var decoded: String?
            if slice.escaped {
                converter.unescape(raw, into: &scratch)
                decoded = scratch.withUnsafeBufferPointer { UTF8Validation.isValid($0) ? String(decoding: $0, as: UTF8.self) : nil }
            } else {
                decoded = UTF8Validation.isValid(raw) ? String(decoding: raw, as: UTF8.self) : nil
            }
            guard let name = decoded else {
                throw CSVError(
                    file: file, line: field.line, column: column, message: "invalid UTF-8 in column name",
                    help: "Tally reads CSV files as UTF-8; re-export or convert the file (iconv -t UTF-8)")
            }
            if let first = seen[name] {
                throw CSVError(
                    file: file, line: field.line, column: column, message: "duplicate column name '\(name)'",
                    help: "column \(first + 1) of the header has the same name; rename one of them in the file")
            }
            seen[name] = index
            names.append(name)
        }
        return names
    }

    /// Replaces header names by the requested column names; every named header must exist.
    private static func applyRenames(
        _ renames: [(column: String, header: String)], to headers: [String], fields: CSVFields,
        buffer: UnsafeBufferPointer<UInt8>, file: String
    ) throws(CSVError) -> [String] {
        guard !renames.isEmpty else { return headers }
        var names = headers
        var renamed = Set<Int>()
        for rename in renames {
            guard let index = headers.firstIndex(of: rename.header) else {
                let list = headers.map { "'\($0)'" }.joined(separator: ", ")
                var help = "the columns are: \(list)"
                if let near = Suggestions.closest(to: rename.header, in: headers) {
                    help = "did you mean '\(near)'? " + help
                }
                throw CSVError(
                    file: file, line: 1, column: 1, message: "no column '\(rename.header)' in \(displayName(file))",
                    help: help)
            }
            guard renamed.insert(index).inserted else {
                throw CSVError(
                    file: file, line: 1, column: 1,
                    message: "column '\(rename.header)' is renamed more than once",
                    help: "name each header in one rename only")
            }
            names[index] = rename.column
        }
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if let other = seen[name] {
                // Report at whichever of the two clashing headers kept its own name, if any.
                let at = renamed.contains(index) ? other : index
                let field = fields.header[at]
                throw CSVError(
                    file: file, line: field.line,
                    column: CSVTokenizer.scalarColumn(buffer, from: field.lineStart, to: field.offset),
                    message: "two columns would be named '\(name)' after renaming",
                    help: "rename '\(headers[at])' too, or choose another name")
            }
            seen[name] = index
        }
        return names
    }

    /// The last path component, which is how people name the file in prose.
    private static func displayName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
