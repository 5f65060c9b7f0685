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

    /// Prepares the named columns for reading in blocks: one pass over the file agrees each column's
    /// type (as a whole read would) and counts the rows, keeping no values. The columns returned hold
    /// only their type (and a few of a text column's values, for messages); the blocks hold the rows.
    public func streamed(_ names: [String], dataset: String, isCancelled: @escaping @Sendable () -> Bool)
        throws(Diagnostic) -> (columns: [Column], rowCount: Int, blocks: CSVBlocks)
    {
        let index = Dictionary(columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let indexes = names.compactMap { index[$0] }
        var evidence = [TypeInference.Evidence](repeating: .init(), count: indexes.count)
        var samples = [[String]](repeating: [], count: indexes.count)
        var rows = 0
        try MemoryPolicy.returningFreedMemory(reusingBuffers: true) { () throws(Diagnostic) in
            try forEachChunk(wanted: indexes, forced: [:], isCancelled: isCancelled) { (chunk) throws(Diagnostic) in
                rows += chunk.rows
                for slot in indexes.indices {
                    // A problem only a numeric column has waits for the agreed type (the blocks meet it then).
                    if let problem = chunk.convertProblems[slot], !problem.onlyInNumericColumn {
                        throw locate(problem).diagnostic()
                    }
                    evidence[slot].merge(chunk.evidence[slot])
                    if samples[slot].count < Self.sampleValues, case .text(_, let dictionary)? = chunk.values[slot] {
                        for value in dictionary.prefix(Self.sampleValues) where !samples[slot].contains(value) {
                            samples[slot].append(value)
                        }
                    }
                }
            }
        }
        var types: [String: InferredType] = [:]
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
        return (columns, rows, CSVBlocks(file: self, dataset: dataset, types: types, isCancelled: isCancelled))
    }

    /// Text values kept per streamed column, for messages that say what the values look like.
    private static let sampleValues = 16

    /// Storage with a type and no rows.
    private static func typeOnly(_ type: InferredType, sample: [String]) -> ColumnStorage {
        switch type {
        case .boolean: .boolean([])
        case .integer: .integer([])
        case .decimal(let scale): .decimal([], scale: scale)
        case .double: .double([])
        case .date: .date([])
        case .timestamp: .timestamp([])
        case .text: .text(codes: [], dictionary: sample)
        }
    }

    /// Scans every chunk a batch at a time, the batch's chunks in parallel as a whole read does, and
    /// hands each to `body` in file order, so at most one batch of chunks is held at once.
    func forEachChunk(
        wanted: [Int], forced: [Int: InferredType], isCancelled: @escaping @Sendable () -> Bool,
        _ body: (CSVChunk) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var expected = dataStart
        let scratch = CSVScratch()
        let scratches = (0..<workers).map { _ in CSVScratch() }
        repeat {
            let starts: [Int]
            do { starts = try guessStarts(from: expected, count: batchSize) } catch { throw error.diagnostic() }
            let count = starts.count - 1
            let results = UnsafeMutableBufferPointer<CSVChunk?>.allocate(capacity: count)
            results.initialize(repeating: nil)
            defer { results.deinitialize().deallocate() }
            let shared = SendableBuffer(results)
            let batchWorkers = min(count, workers)
            DispatchQueue.concurrentPerform(iterations: batchWorkers) { worker in
                var i = worker
                while i < count, !isCancelled() {
                    shared.buffer[i] = self.scanChunk(
                        from: starts[i], before: starts[i + 1], wanted: wanted, forced: forced,
                        scratch: scratches[worker])
                    i += batchWorkers
                }
            }
            if isCancelled() { throw cancelled.diagnostic() }
            for i in 0..<count {
                var chunk =
                    results[i]
                    ?? scanChunk(from: expected, before: starts[i + 1], wanted: wanted, forced: forced, scratch: scratch)
                results[i] = nil
                // A guessed start inside a quoted field: the chunk is read again from the true start.
                if chunk.start != expected {
                    chunk = scanChunk(from: expected, before: starts[i + 1], wanted: wanted, forced: forced, scratch: scratch)
                }
                if let error = chunk.readError { throw error.diagnostic() }
                if let problem = chunk.scanProblem { throw locate(problem).diagnostic() }
                expected = chunk.end
                try body(chunk)
            }
        } while expected < dataEnd
    }
}

/// The rows of a CSV file in blocks of one chunk (4 MiB of text, some 100,000 rows), each column
/// converted to the type agreed over the whole file.
public struct CSVBlocks: RowBlocks {
    let file: CSVFile
    let dataset: String
    let types: [String: InferredType]
    let isCancelled: @Sendable () -> Bool

    /// These blocks with the columns of `other` (of the same file) too.
    public func adding(_ other: CSVBlocks) -> CSVBlocks {
        CSVBlocks(file: file, dataset: dataset, types: types.merging(other.types) { $1 }, isCancelled: other.isCancelled)
    }

    public func forEachBlock(columns names: [String], _ body: (Dataset) throws(Diagnostic) -> Void) throws(Diagnostic) {
        let index = Dictionary(file.columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let wanted = names.filter { types[$0] != nil && index[$0] != nil }
        let indexes = wanted.compactMap { index[$0] }
        var forced: [Int: InferredType] = [:]
        for (slot, name) in wanted.enumerated() { forced[slot] = types[name] }
        try MemoryPolicy.returningFreedMemory(reusingBuffers: true) { () throws(Diagnostic) in
            try file.forEachChunk(wanted: indexes, forced: forced, isCancelled: isCancelled) { (chunk) throws(Diagnostic) in
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
