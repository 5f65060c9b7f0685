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

    /// Read from the word that ends with the field, told how many fraction digits to expect, a field
    /// gives what `shortDecimal` gives when it has that many, and nil otherwise, whatever comes before it.
    @Test func endingWordAgreesWithShortDecimal() {
        let alphabet = Array("0123456789.-+e ,\"".utf8) + [0x00, 0x2F, 0x3A, 0x9E, 0xB0, 0xFF]
        var random = SplitMix(seed: 17)
        var read = 0
        for _ in 0..<400_000 {
            let length = 1 + Int(random.next() % 8)
            let field = (0..<length).map { i in
                random.next() % 4 == 0
                    ? (i == length - 1 - Int(random.next() % 4) ? UInt8(ascii: ".") : alphabet[Int(random.next() % UInt64(alphabet.count))])
                    : UInt8(ascii: "0") + UInt8(random.next() % 10)
            }
            let fraction = Int(random.next() % 5)
            let expected = CSVColumnConverter.shortDecimal(Self.word(field, after: 0), length: length)
            let before = random.next()
            let ending = length == 8 ? Self.word(field, after: 0) : before >> (8 * UInt64(length)) | Self.word(field, after: 0) << (8 * UInt64(8 - length))
            let got = CSVColumnConverter.shortDecimal(ending: ending, length: length, fraction: fraction)
            #expect(got == (expected?.1 == fraction ? expected?.0 : nil), "\(field) with \(fraction) fraction digits")
            if got != nil { read += 1 }
        }
        #expect(read > 30_000)
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

    /// Whole columns of numbers, read in chunks of various sizes: runs of short values written alike,
    /// then longer ones, another number of fraction digits, signs, empty fields and values at a chunk's
    /// very end give the values worked out here digit by digit.
    @Test(arguments: [7, 64, 1 << 20])
    func columnsOfNumbersReadAsTheirDigits(chunkSize: Int) throws {
        var random = SplitMix(seed: 29)
        let shapes: [(UInt64) -> String] = [
            { "\($0 % 100_000).\(10 + $0 % 90)" }, { "\($0 % 10_000_000)" }, { "\($0 % 1000).\($0 % 10)" },
            { "-\($0 % 1000).25" }, { "\($0 % 1_000_000_000_000)" }, { _ in "" }, { "+\($0 % 99)" },
        ]
        for mixed in [1, 2, 4, shapes.count] {
            var lines = ["v"]
            for i in 0..<3_000 {
                // Long runs of the first shape, as real columns have, with the others now and then.
                let shape = i % 97 < 90 ? 0 : Int(random.next() % UInt64(mixed))
                lines.append(shapes[shape](random.next()))
            }
            let expected = lines.dropFirst().map { Self.scaled($0, to: 2) }
            let load = try CSVReader.parse(
                bytes: Array(lines.joined(separator: "\n").utf8), fileName: "n.csv", name: "n", chunkSize: chunkSize)
            let column = load.dataset.columns[0].storage
            switch column {
            case .decimal(let values, 2): #expect(values.widened == expected, "\(mixed) shapes")
            case .integer(let values): #expect(values.map { $0 == Int64.min ? $0 : $0 * 100 } == expected, "\(mixed) shapes")
            default: Issue.record("\(mixed) shapes: read as \(column)")
            }
        }
    }

    /// A number written with at most two fraction digits, in hundredths (null for an empty field).
    static func scaled(_ text: String, to scale: Int) -> Int64 {
        guard !text.isEmpty else { return Int64.min }
        let negative = text.hasPrefix("-")
        let digits = text.drop { $0 == "-" || $0 == "+" }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        var value = Int64(parts[0]) ?? 0
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        fraction += String(repeating: "0", count: scale - fraction.count)
        for c in fraction { value = value * 10 + Int64(c.wholeNumberValue ?? 0) }
        return negative ? -value : value
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
