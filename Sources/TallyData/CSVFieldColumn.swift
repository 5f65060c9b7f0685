// Where each field of one CSV column lies in the file's bytes, packed to 8 bytes per field.

/// One field's content: bytes `start..<start+length` of the file (inside the quotes when quoted).
/// `escaped` means the content holds doubled quotes that must be collapsed before use as text.
/// A zero length is a null: both an empty field and a quoted empty field `""`.
struct CSVFieldSlice {
    var start: Int
    var length: Int
    var escaped: Bool
}

/// The fields of one column, in row order.
///
/// Each field packs into a UInt64: start offset (40 bits, files up to 1 TiB), an escaped flag and the
/// length (23 bits). Longer fields keep the length in a side table so no content can overflow the packing.
struct CSVFieldColumn {
    static let maxFileSize = 1 << 40
    private static let lengthBits: UInt64 = 23
    private static let lengthMask: UInt64 = (1 << 23) - 1
    private static let escapedBit: UInt64 = 1 << 23

    private(set) var refs: [UInt64] = []
    private var longLengths: [Int: Int] = [:]

    var count: Int { refs.count }

    init(reservingCapacity capacity: Int) {
        refs.reserveCapacity(capacity)
    }

    mutating func append(_ field: CSVFieldSlice) {
        var packed = UInt64(truncatingIfNeeded: field.start) << (Self.lengthBits + 1)
        if field.escaped { packed |= Self.escapedBit }
        if UInt64(field.length) >= Self.lengthMask {
            packed |= Self.lengthMask
            longLengths[refs.count] = field.length
        } else {
            packed |= UInt64(field.length)
        }
        refs.append(packed)
    }

    subscript(row: Int) -> CSVFieldSlice {
        let packed = refs[row]
        var length = Int(packed & Self.lengthMask)
        if UInt64(length) == Self.lengthMask { length = longLengths[row] ?? length }
        return CSVFieldSlice(
            start: Int(packed >> (Self.lengthBits + 1)), length: length, escaped: packed & Self.escapedBit != 0)
    }
}
