// libFuzzer harness: any bytes as a CSV file, read strictly and with bad rows skipped; then, with options
// chosen by the input's first three bytes (a delimiter, a `.tsv` name, declared date, timestamp, number and
// text columns, small chunks), the rest read plainly, gzip-compressed (one member or two) and behind a gzip
// magic number it does not live up to.
// Errors must render; a loaded dataset must hold what its shape promises (every column one value
// per row, every text code inside its dictionary), which the engine indexes without checks.

import CZlib
import TallyData
import TallyDiagnostics

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for skip in [false, true] {
        check(bytes, file: "fuzz.csv", options: CSVOptions(skipBadRows: skip))
    }
    guard bytes.count >= 3 else { return 0 }
    let content = Array(bytes[3...])
    let (file, options, chunkSize) = choices(bytes[0], bytes[1], bytes[2], content: content)
    let small = check(content, file: file, options: options, chunkSize: chunkSize)
    if chunkSize != CSVFile.defaultChunkSize {
        // Chunks of a few bytes send every row to the field-by-field scanner and each value to the
        // general conversion; one chunk takes the fast paths. What is read must not depend on it.
        let whole = check(content, file: file, options: options)
        precondition(small == whole, "chunks of \(chunkSize) bytes read differently:\n\(small)\nwhole:\n\(whole)")
    }
    let split = content.isEmpty ? 0 : Int(bytes[2]) % content.count
    check(gzip(content), file: file + ".gz", options: options, chunkSize: chunkSize)
    check(gzip(Array(content[..<split])) + gzip(Array(content[split...])), file: file + ".gz", options: options, chunkSize: chunkSize)
    check([0x1F, 0x8B] + content, file: file + ".gz", options: options, chunkSize: chunkSize)
    return 0
}

/// What reading `bytes` gives, as text: the error rendered, or each column's name and values.
@discardableResult
private func check(_ bytes: [UInt8], file: String, options: CSVOptions, chunkSize: Int = CSVFile.defaultChunkSize) -> String {
    do {
        let load = try CSVReader.parse(bytes: bytes, fileName: file, name: "fuzz", options: options, chunkSize: chunkSize)
        for column in load.dataset.columns {
            precondition(column.count == load.dataset.rowCount, "column \(column.name) has \(column.count) values")
            if case .text(let codes, let dictionary) = column.storage {
                precondition(codes.allSatisfy { $0 >= -1 && Int($0) < dictionary.count }, "text code outside the dictionary")
            }
        }
        return "\(load.dataset.rowCount) rows, skipped \(load.skippedRows)\n"
            + load.dataset.columns.map { "\($0.name): \(values($0.storage))" }.joined(separator: "\n")
    } catch {
        return DiagnosticRenderer(color: false).render(error.diagnostic())
    }
}

/// A column's values as text, each as it is held (nulls as their sentinels), whatever its width.
private func values(_ storage: ColumnStorage) -> String {
    switch storage {
    case .integer(let v): "integer \(v.widened)"
    case .decimal(let v, let scale): "decimal \(scale) \(v.widened)"
    case .double(let v): "double \(v.map(\.bitPattern))"
    case .boolean(let v): "boolean \(v)"
    case .date(let v): "date \(v)"
    case .timestamp(let v): "timestamp \(v)"
    case .text(let codes, let dictionary): "text \(codes.map { $0 < 0 ? "null" : dictionary[Int($0)] })"
    }
}

/// Byte 0: the delimiter (none, `;`, tab, or a `.tsv` name), skipping bad rows, and a chunk size (bytes, or
/// the default); bytes 1 and 2: four bits for each of the header's first four columns, a declared format.
private func choices(_ a: UInt8, _ b: UInt8, _ c: UInt8, content: [UInt8]) -> (String, CSVOptions, Int) {
    var options = CSVOptions(skipBadRows: a & 4 != 0)
    var file = "fuzz.csv"
    switch a & 3 {
    case 1: options.delimiter = UInt8(ascii: ";")
    case 2: options.delimiter = UInt8(ascii: "\t")
    case 3: file = "fuzz.tsv"
    default: break
    }
    let chunkSize = a >> 3 == 0 ? CSVFile.defaultChunkSize : Int(a >> 3)
    let delimiter = options.delimiter ?? (file.hasSuffix(".tsv") ? UInt8(ascii: "\t") : guessedDelimiter(content))
    let kinds = UInt16(b) | UInt16(c) << 8
    for (k, name) in headerNames(content, delimiter: delimiter).prefix(4).enumerated() {
        if let format = format(Int(kinds >> (4 * k) & 0xF)) { options.formats[name] = format }
    }
    return (file, options, chunkSize)
}

private let dateLayouts = ["%m/%d/%Y", "%d.%m.%y", "%d %b %Y", "%B %d, %Y"]
private let timestampLayouts = ["%m/%d/%Y %I:%M %p", "%Y-%m-%dT%H:%M:%S.%f%z", "%d/%m/%Y %H:%M"]
private let numberExamples = ["1,234.56", "1.234,56", "1 234,56", "1'234.56"]

/// None for 0–2; then dates, timestamps (in a layout or ISO), exported numbers and text.
private func format(_ kind: Int) -> ColumnFormat? {
    switch kind {
    case 3: return .date(nil)
    case 4...7: return .date(try? DateFormat(pattern: dateLayouts[kind - 4]))
    case 8: return .timestamp(nil)
    case 9...11: return .timestamp(try? DateFormat(pattern: timestampLayouts[kind - 9]))
    case 12...14: return (try? NumberFormat(example: numberExamples[kind - 12])).map { ColumnFormat.number($0) }
    case 15: return .text
    default: return nil
    }
}

/// The first of `,` `;` tab `|` on the first line, as the reader tells the delimiter (roughly: quotes aside).
private func guessedDelimiter(_ content: [UInt8]) -> UInt8 {
    let line = content.prefix { $0 != UInt8(ascii: "\n") }
    return line.first { [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")].contains($0) } ?? UInt8(ascii: ",")
}

/// The first line's fields, quotes removed: enough to name columns that exist, so declarations apply.
private func headerNames(_ content: [UInt8], delimiter: UInt8) -> [String] {
    var line = content.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }[...]
    if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
    return line.split(separator: delimiter, omittingEmptySubsequences: false).map { field in
        var field = field[...]
        if field.count >= 2, field.first == UInt8(ascii: "\""), field.last == UInt8(ascii: "\"") { field = field.dropFirst().dropLast() }
        return String(decoding: field, as: UTF8.self)
    }
}

/// `bytes` as one gzip member, through zlib.
private func gzip(_ bytes: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    // 31: 15 bits of window, +16 for a gzip header and trailer.
    guard deflateInit2_(&stream, 1, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { fatalError("deflateInit2 failed") }
    defer { deflateEnd(&stream) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 64)
    let status = input.withUnsafeMutableBufferPointer { input in
        output.withUnsafeMutableBufferPointer { output in
            stream.next_in = input.baseAddress
            stream.avail_in = uInt(input.count)
            stream.next_out = output.baseAddress
            stream.avail_out = uInt(output.count)
            return deflate(&stream, Z_FINISH)
        }
    }
    precondition(status == Z_STREAM_END, "deflate did not finish")
    output.removeLast(Int(stream.avail_out))
    return output
}
