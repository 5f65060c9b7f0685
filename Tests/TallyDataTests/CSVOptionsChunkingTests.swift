// Declared layouts, other delimiters, gzip input and timestamps with a space must read the same by chunks as
// whole: every value, type and error position is compared at every chunk size from 1 to 97 bytes.

import Testing

@testable import TallyData

@Suite struct CSVOptionsChunkingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var file = "t.csv"
        var options = CSVOptions()
        var testDescription: String { name }
    }

    static func date(_ pattern: String) -> ColumnFormat { .date(try! DateFormat(pattern: pattern)) }
    static func timestamp(_ pattern: String) -> ColumnFormat { .timestamp(try! DateFormat(pattern: pattern)) }
    static func number(_ example: String) -> ColumnFormat { .number(try! NumberFormat(example: example)) }

    static let usDates = "id,d,note\n1,3/5/2024,a\n2,,\"b\nc\"\n3,\"12/31/1999\",d\r\n4,2/29/2024,\n5,1/1/1970,e\n"
    static let stamps = "t,u\n3/5/2024 12:00 AM,2024-03-05 10:20:30\n,2024-03-05 10:20\n3/5/2024 1:15 pm,\n"
        + "12/31/1999 11:59 PM,2024-03-01 00:30:00 +02:00\n1/1/2000 12:01 am,2024-03-05\n"
    static let amounts = "n,amount\n1,\"$1,234.56\"\n2,(12)\n3,\n4,7\n5,-0.125 USD\n6,\"1,000,000\"\n"
    static let semicolons = "id;amount;when;note\n1;1.234,56 €;05.03.2024;\"x;y\"\n2;-0,5;;\"line\nbreak\"\n3;12;31.12.1999;z\r\n"
    static let tabs = "id\tnote\tn\n1\t\"tab\there\"\t1\n2\ta,b;c\t2.5\n3\t\t\n4\t\"two\r\nlines\"\t-3\n"
    static let spaces = "t\n2024-03-05 10:20:30\n2024-03-05 10:20\n2024-03-05 10:20:30 UTC\n2024-03-01 00:30:00+02\n"
        + "2024-03-05T10:20:30.123456789 +01:00\n2024-03-05\n"

    static let files: [Case] = [
        Case(name: "declared dates", bytes: Array(usDates.utf8), options: CSVOptions(formats: ["d": date("%m/%d/%Y")])),
        Case(name: "declared timestamps", bytes: Array(stamps.utf8),
             options: CSVOptions(formats: ["t": timestamp("%m/%d/%Y %I:%M %p"), "u": .timestamp(nil)])),
        Case(name: "declared numbers, scale from a later row", bytes: Array(amounts.utf8),
             options: CSVOptions(formats: ["amount": .number(.standard)])),
        Case(name: "declared numbers, integers then decimals", bytes: Array("x\n1\n2\n3\n4\n5.5\n6\n".utf8),
             options: CSVOptions(formats: ["x": .number(.standard)])),
        Case(name: "declared numbers turning double", bytes: Array("x\n1.5\n\n771757970383.2308966\n2\n0.1234567891\n3.25\n".utf8),
             options: CSVOptions(formats: ["x": .number(.standard)])),
        Case(name: "declared numbers overflowing when scaled", bytes: Array("x\n9223372036854775807\n1\n0.5\n".utf8),
             options: CSVOptions(formats: ["x": .number(.standard)])),
        Case(name: "declared numbers beyond Int64", bytes: Array("x\n1\n-9223372036854775808\n2.5\n".utf8),
             options: CSVOptions(formats: ["x": .number(.standard)])),
        Case(name: "declared text", bytes: Array("zip,code\n02134,007\n10001,1e5\n,\n00501,\"x\"\"y\"\n".utf8),
             options: CSVOptions(formats: ["zip": .text, "code": .text])),
        Case(name: "declared columns without values", bytes: Array("id,d,n,t,s\n1,,,,\n2,,,,\n3,,,,\n".utf8),
             options: CSVOptions(formats: ["d": date("%d/%m/%Y"), "n": .number(.standard), "t": .timestamp(nil), "s": .text])),
        Case(name: "values only at the end", bytes: Array("id,d,n\n1,,\n2,,\n3,,\n4,5/3/2024,\"1,5\"\n".utf8),
             options: CSVOptions(formats: ["d": date("%d/%m/%Y"), "n": number("1.234,56")])),
        Case(name: "semicolons", bytes: Array(semicolons.utf8),
             options: CSVOptions(formats: ["amount": number("1.234,56"), "when": date("%d.%m.%Y")])),
        Case(name: "semicolons inferred", bytes: Array("a;b;c\n1;x,y;2024-03-05\n2;\"p;q\";\n3;;2024-03-06 10:00\n".utf8)),
        Case(name: "tabs by name", bytes: Array(tabs.utf8), file: "t.tsv"),
        Case(name: "tabs from the header", bytes: Array(tabs.utf8)),
        Case(name: "pipes", bytes: Array("a|b\n1|\"x|y\"\n2|z\n".utf8)),
        Case(name: "declared delimiter", bytes: Array("a;b,c\n1;2,3\n4;5,6\n".utf8), options: CSVOptions(delimiter: UInt8(ascii: ";"))),
        Case(name: "timestamps with a space", bytes: Array(spaces.utf8)),
        Case(name: "gzip", bytes: Gzip.compress(usDates), options: CSVOptions(formats: ["d": date("%m/%d/%Y")])),
        Case(name: "gzip semicolons", bytes: Gzip.compress(semicolons),
             options: CSVOptions(formats: ["amount": number("1.234,56"), "when": date("%d.%m.%Y")])),
        Case(name: "gzip tabs", bytes: Gzip.compress(tabs), file: "t.tsv.gz"),
        Case(name: "gzip in several members",
             bytes: Gzip.compress(String(spaces.prefix(30))) + Gzip.compress(String(spaces.dropFirst(30)))),
        Case(name: "gzip inferred", bytes: Gzip.compress("a,b\n1,x\n2.5,\"y\nz\"\n,\n4,w\n")),
        // Errors: the first in the file, at the same line and column however the file is cut.
        Case(name: "date mismatch", bytes: Array((usDates + "6,2024-01-01,f\n").utf8),
             options: CSVOptions(formats: ["d": date("%m/%d/%Y")])),
        Case(name: "no such date", bytes: Array((usDates + "6,\"2/30/2024\",f\n7,x,y\n").utf8),
             options: CSVOptions(formats: ["d": date("%m/%d/%Y")])),
        Case(name: "timestamp mismatch", bytes: Array((stamps + "1/1/2000 13:00 PM,\n").utf8),
             options: CSVOptions(formats: ["t": timestamp("%m/%d/%Y %I:%M %p")])),
        Case(name: "number mismatch after CRLF", bytes: Array("n,amount\r\n1,2\r\n2,\"1,23,456\"\r\n3,x\r\n".utf8),
             options: CSVOptions(formats: ["amount": .number(.standard)])),
        Case(name: "mismatch then a bad row", bytes: Array("a,b\n1,3/5/2024\n2,bad\n3\n".utf8),
             options: CSVOptions(formats: ["b": date("%m/%d/%Y")])),
        Case(name: "semicolon row too short", bytes: Array("a;b;c\n1;2;3\n4;\"5;6\"\n".utf8)),
        Case(name: "tab row too long", bytes: Array("a\tb\n1\t2\n3\t4\t5\n".utf8), file: "t.tsv"),
        Case(name: "two delimiters", bytes: Array("a;b,c\n1;2,3\n".utf8)),
        Case(name: "gzip with a bad row", bytes: Gzip.compress("a;b\n1;2\n\"x\ny\";3\n4\n")),
        Case(name: "gzip with a mismatch", bytes: Gzip.compress(semicolons + "4;1,2,3;;\n"),
             options: CSVOptions(formats: ["amount": number("1.234,56"), "when": date("%d.%m.%Y")])),
        Case(name: "gzip truncated", bytes: Array(Gzip.compress(usDates).dropLast(5))),
    ]

    @Test(arguments: files)
    func sameAtEveryChunkSize(_ c: Case) {
        let whole = CSV.outcome(c.bytes, file: c.file, options: c.options, chunkSize: 1 << 30)
        for size in 1...97 {
            let chunked = CSV.outcome(c.bytes, file: c.file, options: c.options, chunkSize: size)
            #expect(chunked == whole, "chunk size \(size)")
            if chunked != whole { break }
        }
    }

    /// The cases above are what they say they are: they load, or fail where expected.
    @Test func casesShowWhatTheyTest() {
        func whole(_ name: String) -> String {
            let c = Self.files.first { $0.name == name }!
            return CSV.outcome(c.bytes, file: c.file, options: c.options, chunkSize: 1 << 30)
        }
        #expect(whole("declared numbers, scale from a later row").contains("scale 3 [1234560, -12000, "))
        #expect(whole("declared numbers turning double").contains("771757970383.231,"))
        #expect(whole("gzip truncated").hasPrefix("error t.csv: the compressed data ends early"))
        #expect(whole("date mismatch").hasPrefix("error t.csv:8:3: \"2024-01-01\" does not match the format"))
        #expect(whole("no such date").hasPrefix("error t.csv:8:3: \"2/30/2024\" is not a real date"))
        #expect(whole("timestamp mismatch").hasPrefix("error t.csv:7:1: \"1/1/2000 13:00 PM\" does not match"))
        #expect(whole("number mismatch after CRLF").hasPrefix("error t.csv:3:3: \"1,23,456\" is not a number"))
        #expect(whole("mismatch then a bad row").hasPrefix("error t.csv:4:2: expected 2 fields, found 1"))
        #expect(whole("semicolon row too short").hasPrefix("error t.csv:3:8: expected 3 fields, found 2"))
        #expect(whole("tab row too long").hasPrefix("error t.tsv:3:5: expected 2 fields, found 3"))
        #expect(whole("two delimiters").hasPrefix("error t.csv:1:1: cannot tell which character"))
        #expect(whole("gzip with a bad row").hasPrefix("error t.csv:5:2: expected 2 fields, found 1"))
        #expect(whole("gzip with a mismatch").hasPrefix("error t.csv:6:3: \"1,2,3\" is not a number"))
        for c in Self.files where !c.name.contains("mismatch") && !c.name.contains("such") && !c.name.contains("row")
            && !c.name.contains("two") && !c.name.contains("truncated")
        {
            #expect(!whole(c.name).hasPrefix("error"), "\(c.name): \(whole(c.name))")
        }
    }

    /// Random files of declared columns, with random delimiters, some values that do not match, some gzip.
    @Test func generatedFilesMatch() {
        var random = SplitMix(seed: 23)
        for _ in 0..<60 {
            let c = Self.generate(&random)
            let whole = CSV.outcome(c.bytes, file: c.file, options: c.options, chunkSize: 1 << 30)
            for size in [1, 2, 3, 5, 8, 13, 31, 64, 97] {
                let chunked = CSV.outcome(c.bytes, file: c.file, options: c.options, chunkSize: size)
                #expect(chunked == whole, "chunk size \(size) of \(c.bytes)")
            }
        }
    }

    static func generate(_ random: inout SplitMix) -> Case {
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        let delimiter = pick([",", ";", "\t"])
        // Each pool: a column name, its declared format, values matching it, and values that do not (in some files).
        let pools: [(String, ColumnFormat?, [String], [String])] = [
            ("d", date("%d/%m/%Y"), ["5/3/2024", "31/12/1999", "", "\"1/1/2000\""], ["30/2/2024", "2024-03-05"]),
            ("t", timestamp("%Y-%m-%d %H:%M%z"), ["2024-03-05 10:20Z", "2024-03-05 0:00+02", ""], ["2024-03-05 10:20"]),
            ("n", number(delimiter == "," ? "1,234.56" : "1.234,56"),
             delimiter == ","
                ? ["\"1,234.5\"", "7", "", "(3)", "$0.125", "1.2345678901"] : ["1.234,5", "7", "", "(3)", "0,125 €", "1,2345678901"],
             delimiter == "," ? ["\"1,23\""] : ["1.23"]),
            ("s", .text, ["007", "", "\"a\(delimiter)b\"", "\"x\ny\"", "1e5"], []),
            ("i", nil, ["1", "2.5", "", "2024-03-05 10:20", "x"], []),
        ]
        let withBadValues = random.next() % 3 == 0
        var lines = [pools.map(\.0).joined(separator: delimiter)]
        for _ in 0..<Int(random.next() % 10) {
            lines.append(pools.map { pick(withBadValues ? $0.2 + $0.3 : $0.2) }.joined(separator: delimiter))
        }
        let text = lines.joined(separator: pick(["\n", "\r\n"])) + "\n"
        var formats: [String: ColumnFormat] = [:]
        for (name, format, _, _) in pools where random.next() % 4 != 0 { formats[name] = format }
        let declared = random.next() % 2 == 0 ? delimiter.utf8.first : nil
        let gzip = random.next() % 3 == 0
        return Case(
            name: "generated", bytes: gzip ? Gzip.compress(text) : Array(text.utf8), file: gzip ? "t.csv.gz" : "t.csv",
            options: CSVOptions(formats: formats, delimiter: declared))
    }
}
