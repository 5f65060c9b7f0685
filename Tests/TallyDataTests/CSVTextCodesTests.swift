// A text column's codes must name each field's own bytes, however short values are looked up.

import Testing

@testable import TallyData

@Suite struct CSVTextCodesTests {
    /// Values that share their first 8 or 16 bytes, differ only in length or in a trailing NUL, and sit
    /// at the buffer's end, all read back as written.
    @Test func everyRowReadsBackItsOwnValue() throws {
        let alphabet: [UInt8] = [UInt8(ascii: "a"), UInt8(ascii: "b"), 0]
        var random = SplitMix(seed: 29)
        var values: [[UInt8]] = []
        for _ in 0..<40 {
            let length = 1 + Int(random.next() % 20)
            var value = (0..<length).map { _ in alphabet[Int(random.next() % 3)] }
            if random.next() % 4 == 0 { value += Array("é".utf8) }
            values.append(value)
        }
        values += [Array("abcdefgh".utf8), Array("abcdefgh".utf8) + [0], Array("abcdefghabcdefgh".utf8),
            Array("abcdefghabcdefgh".utf8) + [0], Array("abcdefghabcdefg".utf8)]
        var bytes: [UInt8] = []
        var fields: [CSVFieldRef] = []
        var expected: [[UInt8]] = []
        for _ in 0..<5_000 {
            let value = values[Int(random.next() % UInt64(values.count))]
            fields.append(CSVFieldRef(start: bytes.count, length: value.count, escaped: false))
            expected.append(value)
            bytes += value + [UInt8(ascii: ",")]
        }
        bytes.removeLast()
        let storage = try bytes.withUnsafeBufferPointer { bytes in
            try fields.withUnsafeBufferPointer { fields in
                try CSVColumnConverter(bytes: bytes, base: 0).text(fields).storage
            }
        }
        guard case .text(let codes, let dictionary) = storage else {
            Issue.record("not text: \(storage)")
            return
        }
        #expect(codes.count == expected.count)
        for (code, value) in zip(codes, expected) {
            #expect(Array(dictionary[Int(code)].utf8) == value)
        }
        #expect(Set(dictionary.map { Array($0.utf8) }) == Set(expected))
    }
}
