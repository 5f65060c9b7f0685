// A CSV file opened for reading: the header is read at once, columns when asked for, by chunks in parallel.

import Dispatch
import Foundation
import Synchronization
import TallyDiagnostics

/// The columns read from a CSV file, with what was skipped on the way.
public struct CSVColumns: Sendable {
    public var columns: [Column]
    public var rowCount: Int
    /// 1-based physical line numbers where skipped rows start, in file order; empty unless `skipBadRows`.
    public var skippedRows: [Int]
}

/// A CSV file whose header is known; any subset of its columns can be read, each read being one pass
/// over the file's bytes by chunks on every core.
///
/// Chunks after the first start at the first line break past their nominal offset. That guess is wrong
/// only when the break lies inside a quoted field; each chunk's true start is the previous chunk's end,
/// so a chunk whose guess differs is scanned again from there, and its speculative result (even an
/// error) is dropped. Types are inferred per chunk, then agreed for the whole column: a chunk whose
/// values have another type is widened in place when that is exact, or read again as the agreed type.
public final class CSVFile: Sendable {
    /// The path or name errors mention.
    public let file: String
    /// Column names after renames, in file order.
    public let columnNames: [String]
    let source: any ByteSource
    let options: CSVOptions
    let dataStart: Int
    /// Rows start only before here: trailing line breaks are not rows.
    let dataEnd: Int
    let chunkSize: Int
    /// The byte between fields.
    public let delimiter: UInt8
    /// Declared layouts, by column index.
    let declared: [Int: ColumnFormat]
    /// Where columns read before are kept, if anywhere.
    let cache: ColumnCache?
    /// `estimatedRows()` once worked out (-1 before): a read asks for it twice, and each time it read
    /// 1 MiB into a fresh buffer, page by page.
    private let estimate = Atomic<Int>(-1)

    /// Size and modification time of the file when opened (nil for bytes in memory).
    public var fileStamp: (size: Int, modified: Int64)? {
        source.origin.map { ($0.size, $0.modified) }
    }

    /// A chunk is 1 MiB of text: large enough that scanning it dwarfs handing it out, small enough that
    /// a batch of chunks in flight (text, fields and values) adds little to the columns' own memory.
    public static let defaultChunkSize = 1 << 20

    /// Chunks scanned in parallel before they are checked and joined in order: a few per worker, so
    /// that one slow chunk leaves the others busy.
    var batchSize: Int { 4 * Cores.count }

    /// Opens a file, decompressing it as it is read when it holds gzip data (`orders.csv.gz`).
    public convenience init(path: String, options: CSVOptions = .init(), cache: ColumnCache? = nil) throws(CSVError) {
        let source = try Self.bytes(of: try FileBytes(path: path), file: path, options: options)
        try self.init(source: source, file: path, options: options, chunkSize: Self.defaultChunkSize, cache: cache)
    }

    /// The bytes to read `raw` as: decompressed when they are gzip data. A header that cannot be read
    /// at the size the trailer claims is read at the checked size, which tells the true problem.
    static func bytes(
        of raw: any ByteSource, file: String, options: CSVOptions, gzipTrailerFrom: Int = GzipBytes.sizedFromTrailerAbove
    ) throws(CSVError) -> any ByteSource {
        guard try GzipBytes.isGzip(raw) else { return raw }
        let gzip = try GzipBytes(raw, name: file, trailerFrom: gzipTrailerFrom)
        if gzip.isConfirmed { return gzip }
        let delimiter = options.delimiter ?? DataFileName.delimiter(of: file)
        do throws(CSVError) {
            _ = try CSVHeader.read(gzip, file: file, renames: options.renames, delimiter: delimiter)
            return gzip
        } catch {
            return try gzip.confirmed()
        }
    }

    init(source: any ByteSource, file: String, options: CSVOptions, chunkSize: Int, cache: ColumnCache? = nil)
        throws(CSVError)
    {
        guard source.size < 1 << 40 else {
            throw CSVError(file: file, line: 0, column: 0, message: "file is too large (over 1 TiB)")
        }
        self.source = source
        self.file = file
        self.options = options
        self.chunkSize = max(1, chunkSize)
        self.cache = cache
        let header = try CSVHeader.read(
            source, file: file, renames: options.renames,
            delimiter: options.delimiter ?? DataFileName.delimiter(of: file))
        columnNames = header.names
        dataStart = header.end
        dataEnd = header.dataEnd
        delimiter = header.delimiter
        var declared: [Int: ColumnFormat] = [:]
        for (name, format) in options.formats.sorted(by: { $0.key < $1.key }) {
            guard let index = header.names.firstIndex(of: name) else {
                var help = "the columns are: " + header.names.map { "'\($0)'" }.joined(separator: ", ")
                if let near = Suggestions.closest(to: name, in: header.names) {
                    help = "did you mean '\(near)'? " + help
                }
                throw CSVError(
                    file: file, line: 1, column: 1, message: "no column '\(name)' to declare a format for", help: help)
            }
            declared[index] = format
        }
        self.declared = declared
    }

    /// Reads the named columns (all when nil), in the order named: from the column cache when it holds
    /// them for this very file, else from the CSV (and then into the cache). `isCancelled` is asked
    /// between chunks and columns; when it says so, the read stops with nothing kept (Ctrl-C).
    public func read(
        columns names: [String]? = nil, isCancelled: @escaping @Sendable () -> Bool = { false }
    ) throws(CSVError) -> CSVColumns {
        guard let gzip = source as? GzipBytes, !gzip.isConfirmed else { return try readAsOpened(names, isCancelled) }
        do throws(CSVError) {
            return try readAsOpened(names, isCancelled)
        } catch {
            // The size came from the gzip trailer, and any failure may come of it being wrong: the read
            // is made again at the checked size, which gives the true columns or the true error.
            if isCancelled() { throw error }
            return try atCheckedSize(gzip).read(columns: names, isCancelled: isCancelled)
        }
    }

    /// This file opened with its gzip data's size checked by decompressing it whole.
    func atCheckedSize(_ gzip: GzipBytes) throws(CSVError) -> CSVFile {
        try CSVFile(source: try gzip.confirmed(), file: file, options: options, chunkSize: chunkSize, cache: cache)
    }

    private func readAsOpened(_ names: [String]?, _ isCancelled: @escaping @Sendable () -> Bool) throws(CSVError)
        -> CSVColumns
    {
        try MemoryPolicy.returningFreedMemory(reusingBuffers: dataEnd - dataStart > batchSize * chunkSize) {
            () throws(CSVError) in try readColumns(names, isCancelled)
        }
    }

    /// The error of a read stopped by `isCancelled`.
    var cancelled: CSVError {
        CSVError(
            file: file, line: 0, column: 0, message: "cancelled",
            help: "reading was stopped with Ctrl-C; nothing of it was kept")
    }

    private func readColumns(_ names: [String]?, _ isCancelled: @escaping @Sendable () -> Bool) throws(CSVError)
        -> CSVColumns
    {
        let indexes: [Int]
        if let names {
            // By a dictionary, not firstIndex per name: a file may have 100,000 columns.
            let index = Dictionary(columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            indexes = names.compactMap { index[$0] }
        } else {
            indexes = Array(columnNames.indices)
        }
        // A compressed file's copy is keyed on the compressed file, which is what changes; whether
        // caching pays depends on the bytes parsed.
        guard let cache, let file = source.origin, ColumnCache.caches(size: source.size, columns: columnNames.count),
            !options.skipBadRows
        else {
            try reserveMemory(columns: indexes.count, rows: nil)
            return try parse(indexes, isCancelled)
        }
        let entry = cache.entry(for: file, options: options)
        var found: [Int: Column] = [:]
        var rows = cache.rowCount(in: entry.folder)
        try reserveMemory(columns: indexes.count, rows: rows)
        if let rows {
            if isCancelled() { throw cancelled }
            // One column per worker: a copy is read at the speed of memory, which one core does not reach.
            let copies = SendableBuffer(UnsafeMutableBufferPointer<Column?>.allocate(capacity: indexes.count))
            copies.buffer.initialize(repeating: nil)
            defer { copies.buffer.deinitialize().deallocate() }
            DispatchQueue.concurrentPerform(iterations: indexes.count) { slot in
                let index = indexes[slot]
                copies.buffer[slot] = cache.column(index, in: entry.folder, rows: rows).map {
                    Column(name: self.columnNames[index], storage: $0.storage, firstNonNumber: $0.firstNonNumber)
                }
            }
            for (slot, index) in indexes.enumerated() { found[index] = copies.buffer[slot] }
        }
        let missing = indexes.filter { found[$0] == nil }
        if rows == nil || !missing.isEmpty {
            let parsed = try parse(missing, isCancelled)
            for (index, column) in zip(missing, parsed.columns) { found[index] = column }
            if rows != parsed.rowCount {
                // A copy that disagrees with the file is not used at all.
                rows = parsed.rowCount
                let parsedNow = Set(missing)
                found = found.filter { parsedNow.contains($0.key) }
                if found.count < indexes.count { return try parse(indexes, isCancelled) }
            }
            cache.store(
                zip(missing, parsed.columns).map { ($0, $1.storage, $1.firstNonNumber) }, rows: parsed.rowCount,
                in: entry)
        }
        let columns = indexes.compactMap { found[$0] }
        return CSVColumns(columns: columns, rowCount: rows ?? 0, skippedRows: [])
    }

    // MARK: Memory

    /// Refuses a read that cannot fit in memory before any of it is allocated. Its peak is at most 8
    /// bytes a row for each column's values, about half a column more while chunks are joined (their
    /// pieces are let go as the whole grows), and each worker's buffers (text dictionaries aside,
    /// which the budget's margin covers).
    func reserveMemory(columns count: Int, rows known: Int?) throws(CSVError) {
        guard count > 0 else { return }
        let rows = known ?? estimatedRows()
        let workers = Cores.count
        // A chunk is never longer than the file, so a small file needs small buffers whatever the chunk size.
        let buffers = workers * 3 * min(chunkSize, max(1, source.size))
        let needed = rows.multipliedReportingOverflow(by: 8 * count + 4).partialValue + buffers
        do throws(MemoryShortage) { try MemoryBudget.reserve(needed) } catch {
            let what = count == 1 ? "a column" : "\(count) columns"
            throw CSVError(
                file: file, line: 0, column: 0,
                message: "not enough memory to read \(what) of about \(rows) rows: \(error.amounts)",
                help:
                    "give Tally more memory (ulimit -v, the container's limit), or run on PostgreSQL with --db for data this size"
            )
        }
    }

    /// The rows of the file, told from the lines in its first MiB (exact for a file that small).
    func estimatedRows() -> Int {
        let known = estimate.load(ordering: .relaxed)
        if known >= 0 { return known }
        let rows = sampledRows()
        estimate.store(rows, ordering: .relaxed)
        return rows
    }

    private func sampledRows() -> Int {
        let data = max(0, dataEnd - dataStart)
        let wanted = min(data, 1 << 20)
        // Read a piece at a time into one small buffer: a buffer of the whole sample was faulted in and
        // copied again before it was counted, a third of reading a file of 50,000 rows, before any
        // worker had started.
        let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 8)
        defer { piece.deallocate() }
        var (sampled, lines) = (0, 0)
        while sampled < wanted {
            guard
                let got = try? source.read(into: piece, offset: dataStart + sampled, count: min(piece.count, wanted - sampled)),
                got > 0
            else { break }
            lines += Self.lineFeeds(UnsafeBufferPointer(rebasing: piece.bindMemory(to: UInt8.self)[0..<got]))
            sampled += got
        }
        guard sampled > 0 else { return 0 }
        return Int((Double(data) / Double(sampled) * Double(max(1, lines))).rounded(.up))
    }

    /// The line feeds in `bytes`, eight bytes at a time: counted byte by byte, the sample took 5 ms of
    /// every load, before any worker had started.
    static func lineFeeds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let (low7, feeds) = (UInt64(0x7F7F_7F7F_7F7F_7F7F), UInt64(0x0A0A_0A0A_0A0A_0A0A))
        var count = 0
        var i = 0
        while i + 8 <= bytes.count {
            // Line feeds become zero bytes; a byte's high bit is then set exactly when it is zero, and
            // the multiply adds the eight bits up in the top byte (no population count on plain x86-64).
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ feeds
            let zeros = ~(((x & low7) &+ low7) | x | low7) >> 7
            count &+= Int((zeros &* 0x0101_0101_0101_0101) >> 56)
            i &+= 8
        }
        while i < bytes.count {
            if bytes[i] == CSVByte.lf { count &+= 1 }
            i &+= 1
        }
        return count
    }

    /// Columns parsed in one pass at most. The scanner keeps a field buffer per wanted column and
    /// worker (128 KiB of address space, at least a page of memory), so a file of 100,000 columns is
    /// read in passes of this many: memory stays bounded, and each pass rescans only the file's bytes.
    static let columnsPerPass = 4096

    /// Reads columns (by index) from the CSV text.
    private func parse(_ indexes: [Int], _ isCancelled: @escaping @Sendable () -> Bool) throws(CSVError) -> CSVColumns {
        guard indexes.count > Self.columnsPerPass else { return try parsePass(indexes, isCancelled) }
        var read = CSVColumns(columns: [], rowCount: 0, skippedRows: [])
        for start in stride(from: 0, to: indexes.count, by: Self.columnsPerPass) {
            let pass = try parsePass(
                Array(indexes[start..<min(start + Self.columnsPerPass, indexes.count)]), isCancelled)
            read.columns += pass.columns
            (read.rowCount, read.skippedRows) = (pass.rowCount, pass.skippedRows)
        }
        return read
    }

    /// Reads columns (by index) from the CSV text in one pass over it.
    private func parsePass(_ indexes: [Int], _ isCancelled: @escaping @Sendable () -> Bool) throws(CSVError)
        -> CSVColumns
    {
        let builders = UnsafeMutableBufferPointer<CSVColumnBuilder>.allocate(capacity: indexes.count)
        builders.initialize(repeating: CSVColumnBuilder(expectedRows: estimatedRows()))
        defer { builders.deinitialize().deallocate() }
        var chunks = try scanChunks(wanted: indexes, into: builders, isCancelled)
        for slot in indexes.indices {
            for chunk in chunks {
                // The others leave the chunk without values, so the merge reads it again as the agreed type.
                if let problem = chunk.convertProblems[slot], !problem.onlyInNumericColumn { throw locate(problem) }
            }
        }
        // Each column is joined on its own worker, from values handed over so no two workers share them.
        let values = SendableBuffer(UnsafeMutableBufferPointer<[ColumnStorage?]>.allocate(capacity: indexes.count))
        _ = values.buffer.initialize(from: indexes.indices.map { slot in chunks.map { $0.values[slot] } })
        for i in chunks.indices { chunks[i].values = [] }
        let merged = SendableBuffer(
            UnsafeMutableBufferPointer<Result<(ColumnStorage, NonNumberSpot?), CSVError>?>.allocate(
                capacity: indexes.count))
        merged.buffer.initialize(repeating: nil)
        defer {
            values.buffer.deinitialize().deallocate()
            merged.buffer.deinitialize().deallocate()
        }
        let metadata = chunks
        let joined = SendableBuffer(builders)
        DispatchQueue.concurrentPerform(iterations: indexes.count) { slot in
            let merge = CSVColumnMerge(file: self, wanted: indexes, slot: slot)
            merged.buffer[slot] = Result { () throws(CSVError) in
                try merge.merge(&values.buffer[slot], chunks: metadata, joined: joined.buffer[slot])
            }
        }
        if isCancelled() { throw cancelled }
        var parts: [(index: Int, storage: ColumnStorage, spot: NonNumberSpot?)] = []
        for (slot, index) in indexes.enumerated() {
            guard let result = merged.buffer[slot] else { continue }
            let (storage, spot) = try result.get()
            parts.append((index, storage, spot))
        }
        let columns = try located(parts)
        let skippedOffsets = chunks.flatMap(\.skipped)
        let skipped = skippedOffsets.isEmpty ? [] : try CSVLocator(source: source).lines(of: skippedOffsets)
        return CSVColumns(columns: columns, rowCount: chunks.reduce(0) { $0 + $1.rows }, skippedRows: skipped)
    }

    /// The columns, each text column's first value that is not a number located by line and column
    /// (all in one pass over the file, up to the last of them).
    private func located(_ parts: [(index: Int, storage: ColumnStorage, spot: NonNumberSpot?)]) throws(CSVError)
        -> [Column]
    {
        let spots = parts.compactMap(\.spot)
        var places = spots.isEmpty ? [] : try CSVLocator(source: source).locations(of: spots.map(\.offset))[...]
        return parts.map { part in
            guard let spot = part.spot, let place = places.popFirst() else {
                return Column(name: columnNames[part.index], storage: part.storage)
            }
            let first = FirstNonNumber(line: place.line, column: place.column, value: spot.value, kind: spot.kind)
            return Column(name: columnNames[part.index], storage: part.storage, firstNonNumber: first)
        }
    }

    // MARK: Chunks

    /// Scans every chunk, a batch at a time, and keeps each chunk's values as a column being built.
    private func scanChunks(
        wanted: [Int], into builders: UnsafeMutableBufferPointer<CSVColumnBuilder>,
        _ isCancelled: @escaping @Sendable () -> Bool
    ) throws(CSVError) -> [CSVChunk] {
        var chunks: [CSVChunk] = []
        var committed = 0
        try forEachChunk(wanted: wanted, isCancelled: isCancelled, failure: { $0 }) { (chunk) throws(CSVError) in
            chunks.append(chunk)
        } afterBatch: { () throws(CSVError) in
            commit(&chunks, from: committed, into: builders)
            committed = chunks.count
        }
        return chunks
    }

    /// Scans every chunk, a batch at a time: the chunks of a batch in parallel, then each checked to
    /// start where the previous one ended and handed to `body` in file order, so at most one batch
    /// of chunks is held at once; `afterBatch` follows each batch. Batches keep the reads close
    /// together, so a compressed file is decompressed once, as a stream. Workers stop taking chunks
    /// once `isCancelled` says so. The file's own failures reach the caller through `failure`.
    func forEachChunk<E: Error>(
        wanted: [Int], forced: [Int: InferredType] = [:], isCancelled: @escaping @Sendable () -> Bool,
        failure: (CSVError) -> E, _ body: (CSVChunk) throws(E) -> Void, afterBatch: () throws(E) -> Void = {}
    ) throws(E) {
        let workers = Cores.count
        var expected = dataStart
        let scratch = CSVScratch()
        // Each worker keeps its memory from batch to batch: fresh buffers per batch would fault their
        // pages in again, since freed memory goes back to the system while files are read.
        let scratches = (0..<workers).map { _ in CSVScratch() }
        repeat {
            let starts: [Int]
            do { starts = try guessStarts(from: expected, count: batchSize) } catch { throw failure(error) }
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
            if isCancelled() { throw failure(cancelled) }
            for i in 0..<count {
                var chunk =
                    results[i]
                    ?? scanChunk(from: expected, before: starts[i + 1], wanted: wanted, forced: forced, scratch: scratch)
                // Taken out, so that each value buffer is freed as soon as its column has joined it.
                results[i] = nil
                // A guessed start inside a quoted field: the chunk is read again from the true start.
                if chunk.start != expected {
                    chunk = scanChunk(from: expected, before: starts[i + 1], wanted: wanted, forced: forced, scratch: scratch)
                }
                if let error = chunk.readError { throw failure(error) }
                if let problem = chunk.scanProblem { throw failure(locate(problem)) }
                expected = chunk.end
                try body(chunk)
            }
            try afterBatch()
        } while expected < dataEnd
    }

    /// Joins the values of the chunks from `first` on to the columns being built, each column on its own
    /// worker; what a builder does not take stays in its chunk for the merge.
    private func commit(
        _ chunks: inout [CSVChunk], from first: Int, into builders: UnsafeMutableBufferPointer<CSVColumnBuilder>
    ) {
        let slots = builders.count
        let batch = chunks.count - first
        guard slots > 0, batch > 0 else { return }
        // Handed over column by column, so that no two workers touch one array.
        let values = SendableBuffer(UnsafeMutableBufferPointer<[ColumnStorage?]>.allocate(capacity: slots))
        _ = values.buffer.initialize(from: (0..<slots).map { slot in chunks[first...].map { $0.values[slot] } })
        defer { values.buffer.deinitialize().deallocate() }
        for i in first..<chunks.count { chunks[i].values = [] }
        let rows = chunks[first...].map(\.rows)
        let shared = SendableBuffer(builders)
        DispatchQueue.concurrentPerform(iterations: slots) { slot in
            for i in 0..<batch { shared.buffer[slot].append(&values.buffer[slot][i], rows: rows[i]) }
        }
        for i in 0..<batch { chunks[first + i].values = (0..<slots).map { values.buffer[$0][i] } }
    }

    /// Boundaries of up to `count` chunks from `start` (a true row start): then the first row start at or
    /// after each multiple of the chunk size (a guess), up to the data's end.
    func guessStarts(from start: Int, count: Int) throws(CSVError) -> [Int] {
        var starts = [start]
        var nominal = start + chunkSize
        while nominal < dataEnd, starts.count <= count {
            let next = try CSVLocator(source: source).lineStart(atOrAfter: nominal, limit: dataEnd)
            guard next < dataEnd else { break }
            if next > starts[starts.count - 1] { starts.append(next) }
            nominal = max(nominal + chunkSize, next)
        }
        if starts.count <= count { starts.append(max(dataEnd, start)) }
        return starts
    }

    /// Scans the rows starting in `start..<limit` and converts the wanted columns, each to the type its
    /// own values suggest, or to `forced` where given.
    func scanChunk(
        from start: Int, before limit: Int, wanted: [Int], forced: [Int: InferredType] = [:],
        scratch: CSVScratch = CSVScratch()
    ) -> CSVChunk {
        var chunk = CSVChunk(start: start, end: start, wantedCount: wanted.count)
        let rowLimit = min(limit, dataEnd)
        guard start < rowLimit else { return chunk }
        var slotOf = [Int](repeating: -1, count: columnNames.count)
        for (slot, index) in wanted.enumerated() { slotOf[index] = slot }
        var slack = 1 << 16
        while true {
            let length = min(source.size - start, rowLimit - start + slack)
            let buffer = scratch.bytes(length)
            let got: Int
            do {
                got = try source.read(into: UnsafeMutableRawBufferPointer(buffer), offset: start, count: length)
            } catch {
                chunk.readError = error
                return chunk
            }
            let bytes = UnsafeBufferPointer(rebasing: buffer[0..<got])
            let atEOF = start + got == source.size
            let rows: CSVRows
            do throws(CSVScanStop) {
                let limit = rowLimit - start
                if delimiter == CSVByte.comma {
                    let scanner = CSVScanner(bytes, base: start, atEOF: atEOF, delimiter: Comma())
                    rows = try scanRows(scanner, before: limit, slotOf: slotOf, wanted: wanted.count, scratch: scratch)
                } else {
                    let scanner = CSVScanner(
                        bytes, base: start, atEOF: atEOF, delimiter: OtherDelimiter(byte: delimiter))
                    rows = try scanRows(scanner, before: limit, slotOf: slotOf, wanted: wanted.count, scratch: scratch)
                }
            } catch {
                guard let problem = error.problem(delimiter: delimiter) else {
                    slack *= 4
                    continue
                }
                chunk.scanProblem = problem
                return chunk
            }
            chunk.end = start + rows.end
            chunk.rows = rows.rowCount
            chunk.skipped = rows.skipped
            let converter = CSVColumnConverter(bytes: bytes, base: start)
            for slot in 0..<wanted.count {
                let fields = scratch.fields.fields(slot, rows: rows.rowCount)
                do throws(CSVProblem) {
                    if let format = declared[wanted[slot]] {
                        (chunk.values[slot], chunk.evidence[slot]) = try converter.convert(
                            fields, declared: format, as: forced[slot])
                    } else if let type = forced[slot] {
                        chunk.values[slot] = try converter.convert(fields, as: type)
                    } else {
                        chunk.values[slot] = try converter.inferAndConvert(fields, evidence: &chunk.evidence[slot])
                    }
                } catch {
                    chunk.convertProblems[slot] = error
                }
            }
            return chunk
        }
    }

    /// The rows of one buffer, scanned with the scanner specialised for the file's delimiter.
    private func scanRows<Delimiter>(
        _ scanner: CSVScanner<Delimiter>, before limit: Int, slotOf: [Int], wanted: Int, scratch: CSVScratch
    ) throws(CSVScanStop) -> CSVRows {
        var scanner = scanner
        return try CSVRows.scan(
            &scanner, from: 0, before: limit, columnCount: columnNames.count, slotOf: slotOf, into: scratch.fields,
            wantedCount: wanted, skipBadRows: options.skipBadRows)
    }

    func locate(_ problem: CSVProblem) -> CSVError {
        let (line, column) = (try? CSVLocator(source: source).location(of: problem.offset)) ?? (0, 0)
        return CSVError(file: file, line: line, column: column, message: problem.message, help: problem.help)
    }
}

/// One chunk's rows: where it started and ended, and its columns' values and type evidence.
struct CSVChunk {
    var start: Int
    var end: Int
    var rows = 0
    var values: [ColumnStorage?]
    var evidence: [TypeInference.Evidence]
    var skipped: [Int] = []
    var scanProblem: CSVProblem?
    var convertProblems: [CSVProblem?]
    var readError: CSVError?

    init(start: Int, end: Int, wantedCount: Int) {
        self.start = start
        self.end = end
        values = Array(repeating: nil, count: wantedCount)
        evidence = Array(repeating: TypeInference.Evidence(), count: wantedCount)
        convertProblems = Array(repeating: nil, count: wantedCount)
    }
}

/// A worker's reusable memory: the bytes of the chunk being scanned and its fields. Sendable so that
/// a batch's workers can be handed theirs; each is used by one worker at a time.
final class CSVScratch: @unchecked Sendable {
    let fields = CSVFieldBuffers()
    private var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1)

    deinit { buffer.deallocate() }

    /// A buffer of at least `count` bytes (its contents are not kept when it grows).
    func bytes(_ count: Int) -> UnsafeMutableBufferPointer<UInt8> {
        if buffer.count < count {
            buffer.deallocate()
            buffer = .allocate(capacity: count)
        }
        return buffer
    }
}

/// Lets parallel workers write distinct slots of one buffer.
struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
