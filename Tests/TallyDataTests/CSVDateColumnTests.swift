// A column of dates read with the months met remembered gives the days each text names.

import Testing

@testable import TallyData

@Suite struct CSVDateColumnTests {
    /// Rows of a few months in runs, as orders grouped by customer are, and of more months than the
    /// reader remembers at once: days valid and not (the 30th of February, the 31st of April, day 00),
    /// years outside the two-word table beside years inside it, and empty fields. Read in chunks of several sizes, the column holds the day each text names, worked
    /// out here digit by digit, or is not read as dates at all when any text names no day.
    @Test(arguments: [11, 97, 1 << 20])
    func monthsInRunsReadAsTheirDays(chunkSize: Int) throws {
        let few = [
            ("2024-02", 29), ("2023-02", 28), ("2024-04", 30), ("2024-12", 31), ("2025-01", 31), ("1850-03", 31),
            ("2250-06", 30),
        ]
        // Every month of 1995 to 2014 beside them: 240 months.
        let many = few + (1995...2014).flatMap { year in
            (1...12).map { month in
                let next = month == 12 ? (year + 1, 1) : (year, month + 1)
                let days = (CivilDate.days(year: next.0, month: next.1, day: 1) ?? 0)
                    - (CivilDate.days(year: year, month: month, day: 1) ?? 0)
                return ("\(year)-" + (month < 10 ? "0\(month)" : "\(month)"), Int(days))
            }
        }
        var random = SplitMix(seed: 41)
        for (months, invalid) in [(few, false), (few, true), (many, false), (many, true)] {
            var texts: [String] = []
            var (month, last) = months[0]
            for i in 0..<4_000 {
                if random.next() % 3 == 0 { (month, last) = months[Int(random.next() % UInt64(months.count))] }
                var day = 1 + Int(random.next() % UInt64(last))
                if invalid, i == 2_500 { day = last + 1 }
                texts.append(random.next() % 50 == 0 ? "" : month + "-" + (day < 10 ? "0\(day)" : "\(day)"))
            }
            if invalid { texts[3_000] = month + "-00" }
            let bytes = Array((["d"] + texts).joined(separator: "\n").utf8)
            let load = try CSVReader.parse(bytes: bytes, fileName: "d.csv", name: "d", chunkSize: chunkSize)
            let column = load.dataset.columns[0].storage
            if invalid {
                if case .date = column { Issue.record("a column with days that do not exist read as dates") }
                continue
            }
            guard case .date(let days) = column else {
                Issue.record("read as another type than dates")
                continue
            }
            let expected = texts.map { text -> Int32 in
                guard !text.isEmpty else { return NullSentinel.int32 }
                let parts = text.split(separator: "-").compactMap { Int($0) }
                return Int32(CivilDate.days(year: parts[0], month: parts[1], day: parts[2]) ?? 0)
            }
            #expect(days == expected)
        }
    }
}
