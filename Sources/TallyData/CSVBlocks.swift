// A CSV file read a block of rows at a time, for columns that do not fit in memory at once.

import Dispatch
import Foundation
import TallyDiagnostics

extension CSVFile {
    /// Whether `count` columns read whole fit in the memory left (the check `read` makes before it starts).
    public func fitsInMemory(columns count: Int) -> Bool {
        let known = cache.flatMap { cache in source.origin.flatMap { cache.rowCount(in: cache.entry(for: $0, options: options).folder) } }
        do { try reserveMemory(columns: count, rows: known) } catch { return false }
        return true
    }

    /// Refuses a read in blocks that cannot fit either, before its first pass: a batch of chunks in
    /// flight with their values, the workers' buffers, and a block's per-row work in the engine (at most
    /// 64 bytes a row). Then the refusal is the whole read's, which says what would help.
    func reserveBlocks(columns count: Int) throws(CSVError) {
        let rows = estimatedRows()
        let data = Double(max(1, dataEnd - dataStart))
        let chunkRows = Int((Double(rows) * Double(chunkSize) / data).rounded(.up))
        let batchRows = min(rows, chunkRows * batchSize)
        let workers = Cores.count
        let needed = workers * 3 * min(chunkSize, max(1, source.size)) + batchRows * (8 * count + 4) + min(rows, chunkRows) * 64
        do throws(MemoryShortage) { try MemoryBudget.reserve(needed) } catch {
            try reserveMemory(columns: count, rows: nil)
        }
    }

    /// Prepares the named columns for reading in blocks: one pass over the file agrees each column's
    /// type (as a whole read would) and counts the rows, keeping no values. The columns returned hold
    /// only their type (and a few of a text column's values, for messages); the blocks hold the rows.
    /// `whole` are columns already read, which the blocks hold too, at the types they were read as.
    public func streamed(
        _ names: [String], alongside whole: [Column], dataset: String, isCancelled: @escaping @Sendable () -> Bool
    ) throws(Diagnostic) -> (columns: [Column], rowCount: Int, blocks: CSVBlocks) {
        // Read in several passes, gzip data needs its size checked first (no pass may fail halfway).
        if let gzip = source as? GzipBytes, !gzip.isConfirmed {
            let checked: CSVFile
            do { checked = try atCheckedSize(gzip) } catch { throw error.diagnostic() }
            return try checked.streamed(names, alongside: whole, dataset: dataset, isCancelled: isCancelled)
        }
        // Smaller chunks than a whole read's: a batch of them in flight is most of a stream's memory.
        guard chunkSize <= Self.blockChunkSize else {
            let smaller: CSVFile
            do {
                smaller = try CSVFile(
                    source: source, file: file, options: options, chunkSize: Self.blockChunkSize, cache: cache)
            } catch { throw error.diagnostic() }
            return try smaller.streamed(names, alongside: whole, dataset: dataset, isCancelled: isCancelled)
        }
        let index = Dictionary(columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let indexes = names.compactMap { index[$0] }
        do { try reserveBlocks(columns: indexes.count) } catch { throw error.diagnostic() }
        var evidence = [TypeInference.Evidence](repeating: .init(), count: indexes.count)
        var samples = [[String]](repeating: [], count: indexes.count)
        var dayRanges = [ClosedRange<Int32>?](repeating: nil, count: indexes.count)
        var rows = 0
        try MemoryPolicy.returningFreedMemory(reusingBuffers: true) { () throws(Diagnostic) in
            try forEachChunk(wanted: indexes, isCancelled: isCancelled, failure: { $0.diagnostic() }) {
                (chunk) throws(Diagnostic) in
                rows += chunk.rows
                for slot in indexes.indices {
                    // A problem only a numeric column has waits for the agreed type (the blocks meet it then).
                    if let problem = chunk.convertProblems[slot], !problem.onlyInNumericColumn {
                        throw locate(problem).diagnostic()
                    }
                    evidence[slot].merge(chunk.evidence[slot])
                    if let range = chunk.values[slot]?.dayRange { dayRanges[slot] = range.spanning(dayRanges[slot]) }
                    if samples[slot].count < Self.sampleValues, case .text(_, let dictionary)? = chunk.values[slot] {
                        for value in dictionary.prefix(Self.sampleValues) where !samples[slot].contains(value) {
                            samples[slot].append(value)
                        }
                    }
                }
            }
        }
        var types: [String: InferredType] = [:]
        var days: [String: ClosedRange<Int32>] = [:]
        for column in whole {
            types[column.name] = InferredType(column.storage)
            days[column.name] = column.storage.dayRange
        }
        var columns: [Column] = []
        for (slot, column) in indexes.enumerated() {
            var type = evidence[slot].type
            if !evidence[slot].sawValue, let format = declared[column] {
                // A declared column keeps its type with no values at all (as in a whole read).
                switch format {
                case .text: type = .text
                case .number: type = .integer
                case .date: type = .date
                case .timestamp: type = .timestamp
                }
            }
            types[columnNames[column]] = type
            if type == .date || type == .timestamp { days[columnNames[column]] = dayRanges[slot] }
            var first: FirstNonNumber?
            if type == .text, evidence[slot].sawNumber, let spot = evidence[slot].firstNonNumber {
                do {
                    if let place = try CSVLocator(source: source).locations(of: [spot.offset]).first {
                        first = FirstNonNumber(line: place.line, column: place.column, value: spot.value, kind: spot.kind)
                    }
                } catch { throw error.diagnostic() }
            }
            columns.append(
                Column(
                    name: columnNames[column], storage: Self.typeOnly(type, sample: samples[slot]),
                    firstNonNumber: first))
        }
        return (
            columns, rows, CSVBlocks(file: self, dataset: dataset, types: types, dayRanges: days, isCancelled: isCancelled)
        )
    }

    /// The text of one block: some 25,000 rows of a typical export.
    static let blockChunkSize = 1 << 20

    /// Text values kept per streamed column, for messages that say what the values look like.
    private static let sampleValues = 16

    /// Storage with a type and no rows.
    private static func typeOnly(_ type: InferredType, sample: [String]) -> ColumnStorage {
        switch type {
        case .boolean: .boolean([])
        case .integer: .integer(.narrow([]))
        case .decimal(let scale): .decimal(.narrow([]), scale: scale)
        case .double: .double([])
        case .date: .date([])
        case .timestamp: .timestamp([])
        case .text: .text(codes: [], dictionary: sample)
        }
    }
}

/// The rows of a CSV file in blocks of one chunk (1 MiB of text), each column converted to the type
/// agreed over the whole file.
public struct CSVBlocks: RowBlocks {
    let file: CSVFile
    let dataset: String
    let types: [String: InferredType]
    /// The days date and timestamp columns span, found while their types were agreed.
    let dayRanges: [String: ClosedRange<Int32>]
    let isCancelled: @Sendable () -> Bool

    public var isFallback: Bool { false }

    public func dayRange(of column: String) -> ClosedRange<Int32>? { dayRanges[column] }

    /// These blocks with the columns of `other` (of the same file) too.
    public func adding(_ other: CSVBlocks) -> CSVBlocks {
        CSVBlocks(
            file: file, dataset: dataset, types: types.merging(other.types) { $1 },
            dayRanges: dayRanges.merging(other.dayRanges) { $1 }, isCancelled: other.isCancelled)
    }

    public func forEachBlock(columns names: [String], _ body: (Dataset) throws(Diagnostic) -> Void) throws(Diagnostic) {
        let index = Dictionary(file.columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let wanted = names.filter { types[$0] != nil && index[$0] != nil }
        let indexes = wanted.compactMap { index[$0] }
        var forced: [Int: InferredType] = [:]
        for (slot, name) in wanted.enumerated() { forced[slot] = types[name] }
        try MemoryPolicy.returningFreedMemory(reusingBuffers: true) { () throws(Diagnostic) in
            try file.forEachChunk(
                wanted: indexes, forced: forced, isCancelled: isCancelled, failure: { $0.diagnostic() }
            ) { (chunk) throws(Diagnostic) in
                var columns: [Column] = []
                for (slot, name) in wanted.enumerated() {
                    if let problem = chunk.convertProblems[slot] { throw file.locate(problem).diagnostic() }
                    guard let type = forced[slot], let values = chunk.values[slot],
                        let storage = CSVColumnMerge.widen(values, rows: chunk.rows, to: type)
                    else {
                        // Only a decimal whose scaled value overflows 64 bits changes type here.
                        throw Diagnostic(
                            "\(file.file): column '\(name)' has a value with more digits than an exact decimal holds, "
                                + "which reading in blocks cannot follow",
                            help: "give Tally memory enough to read the column whole, or run on PostgreSQL with --db")
                    }
                    columns.append(Column(name: name, storage: storage))
                }
                try body(Dataset(name: dataset, columns: columns, rowCount: chunk.rows, source: file.file))
            }
        }
    }
}

extension InferredType {
    /// The type a column was read as.
    init(_ storage: ColumnStorage) {
        switch storage {
        case .integer: self = .integer
        case .decimal(_, let scale): self = .decimal(scale: scale)
        case .double: self = .double
        case .boolean: self = .boolean
        case .date: self = .date
        case .timestamp: self = .timestamp
        case .text: self = .text
        }
    }
}
