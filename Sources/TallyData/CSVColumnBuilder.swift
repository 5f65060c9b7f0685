// Joins one column's chunks in file order as each batch of chunks is scanned.

/// One wanted column of a file being read, joined chunk by chunk in file order. Joining as chunks
/// arrive, not once all are scanned, keeps only a batch of chunks' values alive beside the column
/// and copies each chunk while it is still in the processor's cache; the column itself is reserved
/// once, at the size the file's first lines suggest.
///
/// The column has the type the chunks so far need, widened when that is exact. A chunk that cannot be
/// joined exactly (text after numbers, say) is left to `CSVColumnMerge`, as is every chunk after it, and
/// the merge reads the chunks joined so far again as the agreed type: the answer is the merge's either way.
struct CSVColumnBuilder {
    /// The chunks joined so far, nil before the first.
    private var storage: ColumnStorage?
    private var rows = 0
    /// Whether some chunk could not be joined (then no more are).
    private var gaveUp = false
    /// Rows to reserve at the first chunk.
    private let expectedRows: Int
    /// Text only: the code of each dictionary entry.
    private var codeOf: [TextKey: Int32] = [:]

    init(expectedRows: Int) {
        self.expectedRows = max(0, expectedRows)
    }

    /// Joins the next chunk's values (`rows` of them), taking them out of `values`; leaves them there
    /// when they cannot be joined.
    mutating func append(_ values: inout ColumnStorage?, rows count: Int) {
        guard !gaveUp, count > 0 else { return }
        guard let part = values else { return giveUp() }
        // Only the type is kept at hand: a second reference to the column would make it copy as it grows.
        guard let type = storage?.inferredType else {
            storage = Self.reserved(like: part, capacity: max(count, expectedRows))
            return join(part, &values, count)
        }
        if let part = CSVColumnMerge.widen(part, rows: count, to: type) {
            return join(part, &values, count)
        }
        if let current = storage, let wider = CSVColumnMerge.widen(current, rows: rows, to: part.inferredType) {
            storage = wider
            if case .text(_, let dictionary) = wider { codeOf = Self.codes(of: dictionary) }
            return join(part, &values, count)
        }
        giveUp()
    }

    /// The whole column as `type`, or nil when a chunk could not be joined or the column does not
    /// widen exactly to `type`.
    func finish(as type: InferredType) -> ColumnStorage? {
        guard !gaveUp, let storage else { return nil }
        return CSVColumnMerge.widen(storage, rows: rows, to: type)
    }

    private mutating func giveUp() {
        gaveUp = true
        storage = nil
        codeOf = [:]
    }

    /// Appends `part` (already of the column's type) and empties `values`. Each array is taken out of
    /// `column` before it grows, so that it is the only reference and grows in place.
    private mutating func join(_ part: ColumnStorage, _ values: inout ColumnStorage?, _ count: Int) {
        values = nil
        var column = storage
        storage = nil
        switch part {
        case .integer(let b):
            guard case .integer(var a)? = column else { break }
            column = nil
            a.append(contentsOf: b)
            storage = .integer(a)
        case .decimal(let b, _):
            guard case .decimal(var a, let scale)? = column else { break }
            column = nil
            a.append(contentsOf: b)
            storage = .decimal(a, scale: scale)
        case .double(let b):
            guard case .double(var a)? = column else { break }
            column = nil
            Self.append(b, to: &a)
            storage = .double(a)
        case .boolean(let b):
            guard case .boolean(var a)? = column else { break }
            column = nil
            Self.append(b, to: &a)
            storage = .boolean(a)
        case .date(let b):
            guard case .date(var a)? = column else { break }
            column = nil
            Self.append(b, to: &a)
            storage = .date(a)
        case .timestamp(let b):
            guard case .timestamp(var a)? = column else { break }
            column = nil
            Self.append(b, to: &a)
            storage = .timestamp(a)
        case .text(let local, let localDictionary):
            guard case .text(var codes, var dictionary)? = column else { break }
            column = nil
            // Too many distinct values: the merge reads the column again and says so.
            guard appendText(local, localDictionary, to: &codes, &dictionary) else { break }
            storage = .text(codes: codes, dictionary: dictionary)
        }
        guard storage != nil else { return giveUp() }
        rows += count
    }

    /// Appends a chunk's text codes, recoded into the column's dictionary (entries in order of first
    /// appearance, as `CSVColumnMerge` joins them).
    private mutating func appendText(
        _ local: [Int32], _ localDictionary: [String], to codes: inout [Int32], _ dictionary: inout [String]
    ) -> Bool {
        var remap = [Int32](repeating: 0, count: localDictionary.count)
        var identity = true
        for (i, s) in localDictionary.enumerated() {
            if let code = codeOf[TextKey(s)] {
                remap[i] = code
            } else {
                guard dictionary.count < Int(Int32.max) else { return false }
                remap[i] = Int32(dictionary.count)
                codeOf[TextKey(s)] = remap[i]
                dictionary.append(s)
            }
            identity = identity && remap[i] == Int32(i)
        }
        if identity {
            Self.append(local, to: &codes)
            return true
        }
        codes.makeRoom(for: local.count)
        // Raw buffers and no closure over `remap`: a captured variable is checked for exclusive access
        // on every read, and this runs once per row.
        let start = codes.count
        codes.append(contentsOf: local)
        remap.withUnsafeBufferPointer { remap in
            codes.withUnsafeMutableBufferPointer { codes in
                for i in start..<codes.count where codes[i] >= 0 { codes[i] = remap[Int(codes[i])] }
            }
        }
        return true
    }

    private static func append<T>(_ part: [T], to column: inout [T]) {
        column.makeRoom(for: part.count)
        column.append(contentsOf: part)
    }

    /// An empty column of `part`'s type with room for `capacity` rows.
    private static func reserved(like part: ColumnStorage, capacity: Int) -> ColumnStorage {
        switch part {
        case .integer: .integer(.reserved(capacity))
        case .decimal(_, let scale): .decimal(.reserved(capacity), scale: scale)
        case .double: .double(empty(capacity))
        case .boolean: .boolean(empty(capacity))
        case .date: .date(empty(capacity))
        case .timestamp: .timestamp(empty(capacity))
        case .text: .text(codes: empty(capacity), dictionary: [])
        }
    }

    private static func empty<T>(_ capacity: Int) -> [T] {
        var column: [T] = []
        column.reserveCapacity(capacity)
        return column
    }

    private static func codes(of dictionary: [String]) -> [TextKey: Int32] {
        var codes: [TextKey: Int32] = [:]
        codes.reserveCapacity(dictionary.count)
        for (i, s) in dictionary.enumerated() { codes[TextKey(s)] = Int32(i) }
        return codes
    }
}

extension ColumnStorage {
    /// The type these values were read as.
    var inferredType: InferredType {
        switch self {
        case .integer: .integer
        case .decimal(_, let scale): .decimal(scale: scale)
        case .double: .double
        case .boolean: .boolean
        case .date: .date
        case .timestamp: .timestamp
        case .text: .text
        }
    }
}
