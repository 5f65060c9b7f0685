// Reading a short number from one word must give what reading it byte by byte gives, or leave it to that.

import Testing

@testable import TallyData

@Suite struct CSVShortDecimalTests {
    @Test func agreesWithPlainDecimal() {
        let alphabet = Array("0123456789.-+e ,\"".utf8) + [0x00, 0x2F, 0x3A, 0x9E, 0xB0, 0xFF]
        var random = SplitMix(seed: 13)
        for _ in 0..<200_000 {
            let length = 1 + Int(random.next() % 8)
            let field = (0..<length).map { _ in
                random.next() % 3 == 0
                    ? alphabet[Int(random.next() % UInt64(alphabet.count))]
                    : UInt8(ascii: "0") + UInt8(random.next() % 10)
            }
            Self.check(field, after: random.next())
        }
    }

    @Test(arguments: [
        "0", "7", "42", "00", "007", "99999999", "12345678", "1.000000", "123.45", "0.5", "999999.9", "10.01",
    ])
    func readsNumbers(_ text: String) {
        let field = Array(text.utf8)
        let plain = field.withUnsafeBufferPointer(CSVColumnConverter.plainDecimal)
        let short = CSVColumnConverter.shortDecimal(Self.word(field, after: 0x2C2C_2C2C_2C2C_2C2C), length: field.count)
        #expect(short != nil && short?.0 == plain?.0 && short?.1 == plain?.1, "\(text)")
    }

    @Test(arguments: ["-1", "+1", "1.", ".5", "1..2", "1.2.3", "1e5", " 1", "1,5", "x", "12345678.9"])
    func leavesOtherShapes(_ text: String) {
        let field = Array(text.utf8)
        #expect(CSVColumnConverter.shortDecimal(Self.word(field, after: 0), length: field.count) == nil, "\(text)")
    }

    /// The field's bytes in a word, first byte lowest, with `after`'s bytes past them.
    static func word(_ field: [UInt8], after: UInt64) -> UInt64 {
        var word = after
        for (i, c) in field.prefix(8).enumerated() {
            word = word & ~(0xFF << (8 * UInt64(i))) | UInt64(c) << (8 * UInt64(i))
        }
        return word
    }

    static func check(_ field: [UInt8], after: UInt64) {
        let plain = field.withUnsafeBufferPointer(CSVColumnConverter.plainDecimal)
        guard let short = CSVColumnConverter.shortDecimal(word(field, after: after), length: field.count) else {
            return
        }
        #expect(short.0 == plain?.0 && short.1 == plain?.1, "\(field)")
    }
}
