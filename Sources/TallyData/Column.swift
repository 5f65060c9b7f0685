// Typed, contiguous column storage. Nulls are sentinels so inner loops stay branch-light and allocation-free.

/// The type a column was inferred as, as users see it in `describe`.
public enum ColumnType: String, Sendable {
    case integer, decimal, boolean, date, timestamp, text
}

/// The values of one column. Null sentinels: `Int64.min`, `Int32.min`, NaN, boolean 2, text code -1.
public enum ColumnStorage: Sendable {
    case integer(Integers)
    /// Exact decimals as scaled integers: value = mantissa / 10^scale. One scale for the whole column.
    case decimal(Integers, scale: Int)
    /// Decimals that do not fit a scaled Int64 (more than 9 fraction digits, scaled values beyond 64 bits, exponents).
    case double([Double])
    /// 0 = false, 1 = true, 2 = null.
    case boolean([UInt8])
    /// Days since 1970-01-01.
    case date([Int32])
    /// Microseconds since 1970-01-01T00:00:00Z.
    case timestamp([Int64])
    /// Dictionary-encoded text: `dictionary[codes[i]]`, code -1 = null. Dictionary entries are distinct.
    case text(codes: [Int32], dictionary: [String])
}

extension ColumnStorage {
    /// `count` nulls of `type`: an empty column as its use needs it.
    public static func nulls(_ type: ColumnType, count: Int) -> ColumnStorage {
        switch type {
        case .integer: .integer(.nulls(count: count))
        case .decimal: .decimal(.nulls(count: count), scale: 0)
        case .boolean: .boolean(Array(repeating: NullSentinel.boolean, count: count))
        case .date: .date(Array(repeating: NullSentinel.int32, count: count))
        case .timestamp: .timestamp(Array(repeating: NullSentinel.int64, count: count))
        case .text: .text(codes: Array(repeating: NullSentinel.textCode, count: count), dictionary: [])
        }
    }
}

public enum NullSentinel {
    public static let int64 = Int64.min
    public static let int32 = Int32.min
    public static let boolean: UInt8 = 2
    public static let textCode: Int32 = -1
}

/// One named column.
public struct Column: Sendable {
    public let name: String
    public let storage: ColumnStorage
    /// For a text column some of whose values are written as numbers, the first value that is not one.
    public let firstNonNumber: FirstNonNumber?

    public init(name: String, storage: ColumnStorage, firstNonNumber: FirstNonNumber? = nil) {
        self.name = name
        self.storage = storage
        self.firstNonNumber = firstNonNumber
    }

    public var type: ColumnType {
        switch storage {
        case .integer: .integer
        case .decimal, .double: .decimal
        case .boolean: .boolean
        case .date: .date
        case .timestamp: .timestamp
        case .text: .text
        }
    }

    public var count: Int {
        switch storage {
        case .integer(let v), .decimal(let v, _): v.count
        case .timestamp(let v): v.count
        case .double(let v): v.count
        case .boolean(let v): v.count
        case .date(let v): v.count
        case .text(let codes, _): codes.count
        }
    }

    /// A text column without a single value: how the reader keeps a column whose every field is empty
    /// (a header-only file, a column left blank). No value tells its type, so it fits any use.
    public var isEmptyText: Bool {
        if case .text(_, let dictionary) = storage { return dictionary.isEmpty }
        return false
    }

    public func isNull(_ row: Int) -> Bool {
        switch storage {
        case .integer(let v), .decimal(let v, _): v[row] == NullSentinel.int64
        case .timestamp(let v): v[row] == NullSentinel.int64
        case .double(let v): v[row].isNaN
        case .boolean(let v): v[row] == NullSentinel.boolean
        case .date(let v): v[row] == NullSentinel.int32
        case .text(let codes, _): codes[row] < 0
        }
    }
}

/// A table loaded from one file: columns of equal length.
public struct Dataset: Sendable {
    public let name: String
    public let columns: [Column]
    public let rowCount: Int
    /// Where it was loaded from, for messages and `show datasets`.
    public let source: String?
    /// Set when the rows are read a block at a time because they do not fit in memory at once: engines
    /// then read every column from here, and a column of `columns` may hold only its type (no values).
    public let blocks: (any RowBlocks)?

    public init(name: String, columns: [Column], rowCount: Int, source: String?, blocks: (any RowBlocks)? = nil) {
        self.name = name
        self.columns = columns
        self.rowCount = rowCount
        self.source = source
        self.blocks = blocks
    }

    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }
}
