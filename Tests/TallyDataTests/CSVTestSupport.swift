// Shared by the CSV tests: parse text in memory, read typed column values back as optionals, compress
// bytes as gzip does.

import CZlib
import Testing

@testable import TallyData

enum CSV {
    static func load(_ text: String, file: String = "t.csv", options: CSVOptions = .init()) throws(CSVError) -> CSVLoad {
        try CSVReader.parse(bytes: Array(text.utf8), fileName: file, name: "t", options: options)
    }

    static func load(bytes: [UInt8], options: CSVOptions = .init()) throws(CSVError) -> CSVLoad {
        try CSVReader.parse(bytes: bytes, fileName: "t.csv", name: "t", options: options)
    }

    /// The error loading `text` throws, or nil if it loads.
    static func error(_ text: String, file: String = "t.csv", options: CSVOptions = .init()) -> CSVError? {
        do {
            _ = try load(text, file: file, options: options)
            return nil
        } catch {
            return error
        }
    }

    static func error(bytes: [UInt8]) -> CSVError? {
        do {
            _ = try load(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    /// Every column's name, type and values, as text that differs whenever the data does.
    static func render(_ dataset: Dataset) -> String {
        var lines = ["rows \(dataset.rowCount)"]
        for column in dataset.columns {
            let values: String
            switch column.storage {
            case .integer(let v): values = "\(v)"
            case .decimal(let v, let scale): values = "scale \(scale) \(v)"
            case .double(let v): values = "\(v.map { $0.isNaN ? "null" : "\($0)" })"
            case .boolean(let v): values = "\(v)"
            case .date(let v): values = "\(v)"
            case .timestamp(let v): values = "\(v)"
            case .text(let codes, let dictionary): values = "\(codes) \(dictionary)"
            }
            lines.append("\(column.name) \(column.storage) \(values) \(column.firstNonNumber.map { "\($0)" } ?? "-")")
        }
        return lines.joined(separator: "\n")
    }

    /// What reading `bytes` by chunks of `chunkSize` gives: the rendered dataset with its skipped rows, or
    /// the error with its help; equal outcomes mean equal values, types and error positions.
    static func outcome(_ bytes: [UInt8], file: String = "t.csv", options: CSVOptions = .init(), chunkSize: Int) -> String {
        do {
            let load = try CSVReader.parse(bytes: bytes, fileName: file, name: "t", options: options, chunkSize: chunkSize)
            return render(load.dataset) + "\nskipped \(load.skippedRows)"
        } catch {
            return "error \(error.description)\nhelp \(error.help ?? "-")"
        }
    }

    /// The first column of a loaded text; nil if loading fails or there is no column.
    static func column(_ text: String, _ index: Int = 0) -> Column? {
        guard let load = try? load(text), index < load.dataset.columns.count else { return nil }
        return load.dataset.columns[index]
    }
}

extension Column {
    var texts: [String?]? {
        guard case .text(let codes, let dictionary) = storage else { return nil }
        return codes.map { $0 < 0 ? nil : dictionary[Int($0)] }
    }

    var integers: [Int64?]? {
        guard case .integer(let v) = storage else { return nil }
        return v.map { $0 == NullSentinel.int64 ? nil : $0 }
    }

    var decimals: (mantissas: [Int64?], scale: Int)? {
        guard case .decimal(let v, let scale) = storage else { return nil }
        return (v.map { $0 == NullSentinel.int64 ? nil : $0 }, scale)
    }

    var doubles: [Double?]? {
        guard case .double(let v) = storage else { return nil }
        return v.map { $0.isNaN ? nil : $0 }
    }

    var booleans: [Bool?]? {
        guard case .boolean(let v) = storage else { return nil }
        return v.map { $0 == NullSentinel.boolean ? nil : $0 == 1 }
    }

    var dates: [Int32?]? {
        guard case .date(let v) = storage else { return nil }
        return v.map { $0 == NullSentinel.int32 ? nil : $0 }
    }

    var timestamps: [Int64?]? {
        guard case .timestamp(let v) = storage else { return nil }
        return v.map { $0 == NullSentinel.int64 ? nil : $0 }
    }
}

/// Gzip data made in memory with zlib, as the `gzip` command writes it.
enum Gzip {
    /// `bytes` as one gzip member.
    static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        // 31: 15 bits of window, +16 for a gzip header and trailer.
        let started = deflateInit2_(
            &stream, level, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        precondition(started == Z_OK)
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
        precondition(status == Z_STREAM_END)
        output.removeLast(Int(stream.avail_out))
        return output
    }

    static func compress(_ text: String) -> [UInt8] { compress(Array(text.utf8)) }
}
