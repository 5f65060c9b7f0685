import TallyDiagnostics

// Reads a CSV file's header row: column names checked (non-empty, distinct, UTF-8) and renames applied.

/// Why reading the header stopped: it runs past the bytes read so far, or it is wrong.
enum HeaderStop: Error {
    case needMore
    case problem(CSVProblem)
}

/// The header of a file and where its data lies.
struct CSVHeader {
    var names: [String]
    /// Offset of the first data row.
    var end: Int
    /// Rows start only before here: the final run of line-break bytes is not a row.
    var dataEnd: Int
    /// The byte between fields, declared or told from the header line.
    var delimiter: UInt8

    static func read(
        _ source: any ByteSource, file: String, renames: [(column: String, header: String)], delimiter declared: UInt8?
    ) throws(CSVError) -> CSVHeader {
        let locator = CSVLocator(source: source)
        func located(_ problem: CSVProblem) -> CSVError {
            let (line, column) = (try? locator.location(of: problem.offset)) ?? (1, 1)
            return CSVError(file: file, line: line, column: column, message: problem.message, help: problem.help)
        }
        try CSVWideEncoding.check(source, file: file)
        let dataEnd = try source.contentEnd()
        var length = min(source.size, 1 << 16)
        while true {
            let bytes = try source.bytes(offset: 0, count: length)
            let result = bytes.withUnsafeBufferPointer { all in
                Result { () throws(HeaderStop) -> CSVHeader in
                    try scan(
                        all, atEOF: bytes.count == source.size, dataEnd: dataEnd, file: file, renames: renames, delimiter: declared)
                }
            }
            switch result {
            case .success(let header): return header
            case .failure(.needMore): length *= 4
            case .failure(.problem(let problem)): throw located(problem)
            }
        }
    }

    private static func scan(
        _ b: UnsafeBufferPointer<UInt8>, atEOF: Bool, dataEnd: Int, file: String, renames: [(column: String, header: String)],
        delimiter declared: UInt8?
    ) throws(HeaderStop) -> CSVHeader {
        let bomLength = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
        guard bomLength < dataEnd else {
            throw .problem(CSVProblem(
                offset: 0, message: "file is empty: a header row is required",
                help: "the first line must name the columns, separated by commas"))
        }
        let delimiter: UInt8
        if let declared { delimiter = declared } else { delimiter = try detectDelimiter(b, from: bomLength, atEOF: atEOF, file: file) }
        var scanner = CSVScanner(b, base: 0, atEOF: atEOF, at: bomLength, delimiter: OtherDelimiter(byte: delimiter))
        var fields: [(ref: CSVFieldRef, offset: Int)] = []
        repeat {
            let offset = scanner.p
            do throws(CSVScanStop) {
                fields.append((try scanner.scanField(), offset))
            } catch {
                throw error.problem(delimiter: delimiter).map(HeaderStop.problem) ?? .needMore
            }
        } while scanner.skipDelimiter()
        scanner.endLine()
        let headers = try names(fields, in: b)
        return CSVHeader(
            names: try apply(renames, to: headers, fields: fields, file: file), end: scanner.p, dataEnd: dataEnd, delimiter: delimiter)
    }

    /// The delimiters a header line may show. Spreadsheets in many languages export semicolons, since
    /// their numbers use a decimal comma.
    static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// The one delimiter the header line uses outside quotes; a comma when it shows none (one column).
    /// A line showing two kinds is not guessed at: the file must declare which it uses.
    private static func detectDelimiter(_ b: UnsafeBufferPointer<UInt8>, from start: Int, atEOF: Bool, file: String) throws(HeaderStop) -> UInt8 {
        var counts = [Int](repeating: 0, count: delimiters.count)
        var quoted = false
        var i = start
        while i < b.count {
            let c = b[i]
            if c == CSVByte.quote {
                quoted.toggle()
            } else if !quoted {
                if c == CSVByte.lf || c == CSVByte.cr { break }
                if let k = delimiters.firstIndex(of: c) { counts[k] += 1 }
            }
            i += 1
        }
        if i == b.count, !atEOF { throw .needMore }
        let seen = delimiters.indices.filter { counts[$0] > 0 }
        guard seen.count > 1 else { return seen.first.map { delimiters[$0] } ?? CSVByte.comma }
        let found = seen.map { Delimiter.count(counts[$0], delimiters[$0]) }
        let options = seen.map { "delimiter \(delimiterLiteral(delimiters[$0]))" }.joined(separator: " or ")
        throw .problem(CSVProblem(
            offset: start, message: "cannot tell which character separates the fields: the header has \(found.joined(separator: " and "))",
            help: "declare it when loading: load \(StringLiteral.quoted(file)) \(options)"))
    }

    /// The delimiter as a string of the language, as `load ... delimiter` takes it.
    static func delimiterLiteral(_ d: UInt8) -> String {
        StringLiteral.quoted(String(UnicodeScalar(d)))
    }

    /// Decodes header names and rejects empty, duplicate or non-UTF-8 names.
    private static func names(_ fields: [(ref: CSVFieldRef, offset: Int)], in b: UnsafeBufferPointer<UInt8>) throws(HeaderStop) -> [String] {
        var names: [String] = []
        var seen: [String: Int] = [:]
        var scratch: [UInt8] = []
        for (index, field) in fields.enumerated() {
            let ref = field.ref
            guard ref.length > 0 else {
                throw .problem(CSVProblem(
                    offset: field.offset, message: "empty column name in the header",
                    help: "every column needs a name in the first row"))
            }
            let raw = UnsafeBufferPointer(rebasing: b[ref.start..<ref.start + ref.length])
            var decoded: String?
            if ref.escaped {
                CSVColumnConverter.unescape(raw, into: &scratch)
                decoded = scratch.withUnsafeBufferPointer { UTF8Validation.isValid($0) ? String(decoding: $0, as: UTF8.self) : nil }
            } else {
                decoded = UTF8Validation.isValid(raw) ? String(decoding: raw, as: UTF8.self) : nil
            }
            guard let name = decoded else {
                throw .problem(CSVProblem(
                    offset: field.offset, message: "invalid UTF-8 in column name",
                    help: "Tally reads CSV files as UTF-8; re-export or convert the file (iconv -t UTF-8)"))
            }
            if let first = seen[name] {
                throw .problem(CSVProblem(
                    offset: field.offset, message: "duplicate column name '\(name)'",
                    help: "column \(first + 1) of the header has the same name; rename one of them in the file"))
            }
            seen[name] = index
            names.append(name)
        }
        return names
    }

    /// Replaces header names by the requested column names; every named header must exist.
    private static func apply(
        _ renames: [(column: String, header: String)], to headers: [String], fields: [(ref: CSVFieldRef, offset: Int)],
        file: String
    ) throws(HeaderStop) -> [String] {
        guard !renames.isEmpty else { return headers }
        let firstField = fields[0].offset
        var names = headers
        var renamed = Set<Int>()
        for rename in renames {
            guard let index = headers.firstIndex(of: rename.header) else {
                let list = headers.map { "'\($0)'" }.joined(separator: ", ")
                var help = "the columns are: \(list)"
                if let near = Suggestions.closest(to: rename.header, in: headers) {
                    help = "did you mean '\(near)'? " + help
                }
                throw .problem(CSVProblem(offset: firstField, message: "no column '\(rename.header)' in \(displayName(file))", help: help))
            }
            guard renamed.insert(index).inserted else {
                throw .problem(CSVProblem(
                    offset: firstField, message: "column '\(rename.header)' is renamed more than once",
                    help: "name each header in one rename only"))
            }
            names[index] = rename.column
        }
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if let other = seen[name] {
                // Report at whichever of the two clashing headers kept its own name, if any.
                let at = renamed.contains(index) ? other : index
                throw .problem(CSVProblem(
                    offset: fields[at].offset, message: "two columns would be named '\(name)' after renaming",
                    help: "rename '\(headers[at])' too, or choose another name"))
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
