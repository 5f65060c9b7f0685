// Agrees one type for a column read by chunks and joins the chunks' values into one storage.

/// Merges one wanted column of every chunk.
struct CSVColumnMerge {
    let file: CSVFile
    let wanted: [Int]
    let slot: Int

    /// Joins the column's values of every chunk; `values` (one per chunk) is emptied as it goes, so each
    /// chunk's copy is freed once joined. `chunks` gives each chunk's extent and type evidence; a chunk
    /// without values (`joined` took them, or they had a problem) is read again. Also gives the first
    /// value that is not a number, for a text column with some value written as a number.
    func merge(_ values: inout [ColumnStorage?], chunks: [CSVChunk], joined: CSVColumnBuilder? = nil) throws(CSVError)
        -> (ColumnStorage, NonNumberSpot?)
    {
        var evidence = TypeInference.Evidence()
        for chunk in chunks { evidence.merge(chunk.evidence[slot]) }
        var type = evidence.type
        if !evidence.sawValue, let format = file.declared[wanted[slot]] {
            // A declared column keeps its type with no values at all.
            switch format {
            case .text: type = .text
            case .number: type = .integer
            case .date: type = .date
            case .timestamp: type = .timestamp
            }
        }
        let spot = type == .text && evidence.sawNumber ? evidence.firstNonNumber : nil
        if let column = joined?.finish(as: type) { return (column, spot) }
        while true {
            var parts: [ColumnStorage] = []
            parts.reserveCapacity(chunks.count)
            var overflowed = false
            for i in chunks.indices where chunks[i].rows > 0 {
                let chunk = chunks[i]
                if let part = values[i].flatMap({ Self.widen($0, rows: chunk.rows, to: type) }) {
                    values[i] = nil
                    parts.append(part)
                    continue
                }
                // The chunk's values are not exactly convertible in place: read it again as `type`.
                let again = file.scanChunk(from: chunk.start, before: chunk.end, wanted: wanted, forced: [slot: type])
                if let error = again.readError { throw error }
                if let problem = again.scanProblem ?? again.convertProblems[slot] { throw file.locate(problem) }
                guard let part = again.values[slot].flatMap({ Self.widen($0, rows: again.rows, to: type) }) else {
                    overflowed = true
                    break
                }
                parts.append(part)
            }
            // A scaled decimal that overflows Int64 anywhere makes the whole column double. (Every other
            // type converts any field that inference admitted, so only a decimal can fail here.)
            if overflowed {
                guard type != .double else {
                    throw CSVError(
                        file: file.file, line: 0, column: 0, message: "the file changed while it was read",
                        help: "load it again")
                }
                type = .double
                continue
            }
            let storage = try Self.concatenate(&parts, as: type, file: file.file)
            return (storage, type == .text && evidence.sawNumber ? evidence.firstNonNumber : nil)
        }
    }

    /// `values` as `type` when that is exact without the text of the fields; nil otherwise.
    static func widen(_ values: ColumnStorage, rows: Int, to type: InferredType) -> ColumnStorage? {
        switch (values, type) {
        case (.boolean, .boolean), (.integer, .integer), (.double, .double), (.date, .date),
            (.timestamp, .timestamp), (.text, .text):
            return values
        case (.decimal(let v, let scale), .decimal(let target)) where scale <= target:
            return v.rescaled(by: target - scale).map { .decimal($0, scale: target) }
        case (.integer(let v), .decimal(let target)):
            return v.rescaled(by: target).map { .decimal($0, scale: target) }
        case (.date(let v), .timestamp):
            return .timestamp(
                v.map { $0 == NullSentinel.int32 ? NullSentinel.int64 : Int64($0) * CivilDate.microsPerDay })
        default:
            return allNull(values, rows: rows) ? nulls(rows, as: type) : nil
        }
    }

    /// A chunk with no values is text by itself (the all-null rule) and fits any type as nulls.
    private static func allNull(_ values: ColumnStorage, rows: Int) -> Bool {
        if case .text(_, let dictionary) = values { return dictionary.isEmpty }
        return false
    }

    private static func nulls(_ rows: Int, as type: InferredType) -> ColumnStorage {
        switch type {
        case .boolean: .boolean(Array(repeating: NullSentinel.boolean, count: rows))
        case .integer: .integer(.nulls(count: rows))
        case .decimal(let scale): .decimal(.nulls(count: rows), scale: scale)
        case .double: .double(Array(repeating: .nan, count: rows))
        case .date: .date(Array(repeating: NullSentinel.int32, count: rows))
        case .timestamp: .timestamp(Array(repeating: NullSentinel.int64, count: rows))
        case .text: .text(codes: Array(repeating: NullSentinel.textCode, count: rows), dictionary: [])
        }
    }

    /// Joins the chunks' values; text dictionaries are merged in order of first appearance.
    private static func concatenate(_ parts: inout [ColumnStorage], as type: InferredType, file: String)
        throws(CSVError) -> ColumnStorage
    {
        switch type {
        case .boolean: return .boolean(joined(&parts) { if case .boolean(let v) = $0 { v } else { [] } })
        case .integer: return .integer(joinedIntegers(&parts))
        case .decimal(let scale): return .decimal(joinedIntegers(&parts), scale: scale)
        case .double: return .double(joined(&parts) { if case .double(let v) = $0 { v } else { [] } })
        case .date: return .date(joined(&parts) { if case .date(let v) = $0 { v } else { [] } })
        case .timestamp: return .timestamp(joined(&parts) { if case .timestamp(let v) = $0 { v } else { [] } })
        case .text: return try text(&parts, file: file)
        }
    }

    /// Appends the parts in order, freeing each once copied, so memory peaks at one part over the result.
    private static func joined<T>(_ parts: inout [ColumnStorage], _ values: (ColumnStorage) -> [T]) -> [T] {
        if parts.count == 1 { return values(parts[0]) }
        if parts.isEmpty { return [] }
        var out: [T] = []
        out.reserveCapacity(parts.reduce(0) { $0 + values($1).count })
        for i in parts.indices {
            out.append(contentsOf: values(parts[i]))
            parts[i] = .boolean([])
        }
        return out
    }

    /// Appends integer or decimal parts in order, in 32 bits while every part's values fit.
    private static func joinedIntegers(_ parts: inout [ColumnStorage]) -> Integers {
        func values(_ part: ColumnStorage) -> Integers {
            switch part {
            case .integer(let v), .decimal(let v, _): v
            default: []
            }
        }
        if parts.count == 1 { return values(parts[0]) }
        var out = Integers.reserved(parts.reduce(0) { $0 + values($1).count })
        for i in parts.indices {
            out.append(contentsOf: values(parts[i]))
            parts[i] = .boolean([])
        }
        return out
    }

    private static func text(_ parts: inout [ColumnStorage], file: String) throws(CSVError) -> ColumnStorage {
        if parts.count == 1 { return parts[0] }
        if parts.isEmpty { return .text(codes: [], dictionary: []) }
        var dictionary: [String] = []
        var codeOf: [TextKey: Int32] = [:]
        var codes: [Int32] = []
        codes.reserveCapacity(parts.reduce(0) { if case .text(let c, _) = $1 { $0 + c.count } else { $0 } })
        for i in parts.indices {
            guard case .text(let local, let localDictionary) = parts[i] else { continue }
            parts[i] = .boolean([])
            var remap = [Int32](repeating: 0, count: localDictionary.count)
            var identity = true
            for (i, s) in localDictionary.enumerated() {
                if let code = codeOf[TextKey(s)] {
                    remap[i] = code
                } else {
                    guard dictionary.count < Int(Int32.max) else {
                        throw CSVError(
                            file: file, line: 0, column: 0,
                            message: "too many distinct values in one text column (over 2147483647)")
                    }
                    remap[i] = Int32(dictionary.count)
                    codeOf[TextKey(s)] = remap[i]
                    dictionary.append(s)
                }
                identity = identity && remap[i] == Int32(i)
            }
            if identity {
                codes.append(contentsOf: local)
            } else {
                let remapped = remap
                codes.append(contentsOf: local.lazy.map { $0 < 0 ? $0 : remapped[Int($0)] })
            }
        }
        return .text(codes: codes, dictionary: dictionary)
    }
}
