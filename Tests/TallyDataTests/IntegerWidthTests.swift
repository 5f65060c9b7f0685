// Integer and decimal columns are held in 32 bits exactly when every value fits, and read the same
// values either way: in memory, from CSV at any chunk size, and through the column cache.

import Foundation
import Testing

@testable import TallyData

private let null = NullSentinel.int64
private let lowest = Int64(Int32.min)
private let highest = Int64(Int32.max)

@Suite struct IntegerWidthTests {
    @Test func narrowExactlyWhenEveryValueFits() {
        let cases: [([Int64], Bool)] = [
            ([], true), ([0], true), ([highest], true), ([lowest + 1], true), ([null, 5, null], true),
            // Int32.min is null in 32 bits, so a value equal to it needs 64.
            ([lowest], false), ([highest + 1], false), ([1, 2, lowest - 1], false), ([Int64.max], false),
        ]
        for (values, narrow) in cases {
            let integers = Integers(values)
            #expect(integers.isNarrow == narrow, "\(values)")
            #expect(integers.widened == values, "\(values)")
            #expect(integers.count == values.count)
            #expect((0..<values.count).map { integers[$0] } == values)
            #expect(integers.map { $0 } == values)
        }
        #expect(Integers.nulls(count: 3).widened == [null, null, null])
    }

    @Test func equalValuesAreEqualWhateverTheWidth() {
        #expect(Integers.narrow([1, Int32.min, 3]) == .wide([1, null, 3]))
        #expect(Integers.narrow([1, 2]) != .wide([1, 3]))
        #expect(Integers.narrow([1]) != .wide([1, 1]))
        #expect(Integers.narrow([7, Int32.min]).description == "[7, \(null)]")
    }

    /// Parts appended one after another give their concatenation, held in 32 bits until a part needs
    /// 64, and in 64 from then on.
    @Test func appendingKeepsEveryValueAndWidensOnce() {
        var random = SplitMix(seed: 29)
        for trial in 0..<300 {
            var all: [Int64] = []
            var column = Integers.reserved(Int(random.next() % 50))
            for _ in 0..<Int(random.next() % 6) {
                let part: [Int64] = (0..<Int(random.next() % 40)).map { _ in
                    switch random.next() % 12 {
                    case 0: null
                    case 1 where trial % 3 == 0: highest + Int64(random.next() % 3)
                    case 2 where trial % 3 == 0: lowest - Int64(random.next() % 2)
                    default: Int64(random.next() % 2001) - 1000
                    }
                }
                // Parts arrive in either width, as the readers hand them over.
                column.append(contentsOf: random.next() % 2 == 0 ? Integers(part) : .wide(part))
                all += part
                #expect(column.widened == all, "trial \(trial)")
                #expect(column.isNarrow == Integers(all).isNarrow, "trial \(trial)")
            }
        }
    }

    @Test func rescaledAndPickedKeepValuesAndNulls() {
        let values = Integers([5, null, -7, highest])
        #expect(values.rescaled(by: 0) == values)
        #expect(values.rescaled(by: 2)?.widened == [500, null, -700, highest * 100])
        #expect(values.rescaled(by: 2)?.isNarrow == false)
        #expect(Integers([5, null, -7]).rescaled(by: 2)?.isNarrow == true)
        #expect(Integers.wide([Int64.max / 2]).rescaled(by: 1) == nil)
        for integers in [values, Integers.wide(values.widened)] {
            #expect(integers.picked([3, -1, 0, 1, 0]).widened == [highest, null, 5, null, 5])
            #expect(integers.slice(1..<3).widened == [null, -7])
            #expect(integers.picked([2]).isNarrow == integers.isNarrow)
        }
    }

    // MARK: Reading CSV

    /// Ids that fit read in 32 bits; one that does not, anywhere in the file, makes the whole column
    /// 64 bits with every value exact, at every chunk size.
    @Test(arguments: [nil, 0, 1_000, 2_999])
    func aValueBeyondThirtyTwoBitsWidensTheColumn(at row: Int?) throws {
        let rows = 3_000
        var values = (0..<rows).map { Int64($0 * 7 - 9_000) }
        values[17] = null
        if let row { values[row] = highest + 1 + Int64(row) }
        let text = "id\n" + values.map { $0 == null ? "" : String($0) }.joined(separator: "\n") + "\n"
        for chunkSize in [7, 64, 4_096, 1 << 20] {
            let load = try CSVReader.parse(bytes: Array(text.utf8), fileName: "n.csv", name: "n", chunkSize: chunkSize)
            guard case .integer(let read) = load.dataset.columns[0].storage else {
                Issue.record("read as \(load.dataset.columns[0].storage)")
                return
            }
            #expect(read.isNarrow == (row == nil), "chunk size \(chunkSize)")
            #expect(read.widened == values, "chunk size \(chunkSize)")
        }
    }

    /// The boundaries: the lowest 32-bit value is null there, so it is read in 64 bits; decimals count
    /// their scaled units, so a later row's extra fraction digit can push the column to 64 bits.
    @Test(arguments: [
        ("2147483647\n-2147483647\n", true, [highest, lowest + 1]),
        ("1\n-2147483648\n", false, [1, lowest]),
        ("1\n2147483648\n", false, [1, highest + 1]),
        ("21474836.47\n-0.01\n", true, [highest, -1]),
        ("21474836.48\n0.5\n", false, [highest + 1, 50]),
        ("214748364.7\n0.01\n", false, [highest * 10, 1]),
    ] as [(String, Bool, [Int64])])
    func boundariesOfThirtyTwoBits(_ text: String, _ narrow: Bool, _ expected: [Int64]) throws {
        let load = try CSVReader.parse(bytes: Array(("x\n" + text).utf8), fileName: "n.csv", name: "n", chunkSize: 1 << 20)
        switch load.dataset.columns[0].storage {
        case .integer(let v), .decimal(let v, _):
            #expect(v.isNarrow == narrow, "\(text)")
            #expect(v.widened == expected, "\(text)")
        default:
            Issue.record("\(text) read as \(load.dataset.columns[0].storage)")
        }
    }

    // MARK: The column cache

    /// Each width is cached as it is and read back in the same width with the same values.
    @Test func theCacheKeepsEachWidth() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        var text = "small,big,cents,bigcents\n"
        for i in 0..<80_000 {
            let big = i == 79_999 ? "9000000000" : String(i)
            text += i % 97 == 0 ? ",,,\n" : "\(i),\(big),\(i % 500).25,\(i)\(i == 7 ? "000000000.5" : ".5")\n"
        }
        let csv = folder.path + "/widths.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: csv))
        let cache = ColumnCache(folder: folder.path + "/cache")
        let plain = try CSVFile(path: csv).read()
        let widths = plain.columns.map { column -> Bool? in
            switch column.storage {
            case .integer(let v), .decimal(let v, _): v.isNarrow
            default: nil
            }
        }
        #expect(widths == [true, false, true, false])
        _ = try CSVFile(path: csv, cache: cache).read()
        #expect(folder.entries(of: cache).count == 1)
        let cached = try CSVFile(path: csv, cache: cache).read()
        #expect(ColumnCacheTests.differences(cached, plain) == [])
    }
}
