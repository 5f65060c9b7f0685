// Helpers for CSV tests: parse text in memory and read typed column values back as optionals.

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
