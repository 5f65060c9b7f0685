// Golden-string tests for every renderer: nulls, quoting, unicode, dates, timestamps, empty and one-row results.

import Testing
import TallyData
@testable import TallyRender

/// Multi-line literals drop the final line break; every renderer ends its output with one.
private func golden(_ s: String) -> String { s + "\n" }

/// Two months of a sales query: time and text dimensions, then money, a rate and a count.
private let sales = ResultTable(
    columns: [
        ResultColumn(name: "month", role: .dimension(time: true)),
        ResultColumn(name: "plan", role: .dimension(time: false)),
        ResultColumn(name: "revenue", role: .measure(unit: .currency)),
        ResultColumn(name: "churn", role: .measure(unit: .percent)),
        ResultColumn(name: "customers", role: .measure(unit: .count)),
    ],
    rows: [
        [.text("2024-01"), .text("pro"), .number(12345.67), .number(0.05), .integer(1234)],
        [.text("2024-02"), .text("basic, \"legacy\""), .null, .number(0.048), .integer(0)],
    ]
)

/// Every kind of value, including a row of nulls and non-ASCII text.
private let kinds = ResultTable(
    columns: [
        ResultColumn(name: "day", role: .dimension(time: false)),
        ResultColumn(name: "at", role: .dimension(time: false)),
        ResultColumn(name: "flag", role: .dimension(time: false)),
        ResultColumn(name: "id", role: .dimension(time: false)),
        ResultColumn(name: "score", role: .measure(unit: .score)),
        ResultColumn(name: "note", role: .dimension(time: false)),
    ],
    rows: [
        [.date(19787), .timestamp(1_709_634_030_000_000), .bool(true), .integer(42), .number(42.5), .text("café")],
        [.date(19788), .timestamp(1_709_634_030_500_000), .bool(false), .integer(-7), .number(-12), .text("日本")],
        [.null, .null, .null, .null, .null, .null],
    ]
)

private let noRows = ResultTable(
    columns: [
        ResultColumn(name: "month", role: .dimension(time: true)),
        ResultColumn(name: "revenue", role: .measure(unit: .currency)),
    ],
    rows: []
)

private let nothing = ResultTable(columns: [], rows: [])

private let oneRow = ResultTable(
    columns: [ResultColumn(name: "revenue", role: .measure(unit: .currency))],
    rows: [[.number(1234.5)]]
)

@Suite("CSV")
struct CSVTests {
    @Test func sales() {
        #expect(CSVRenderer.render(TallyRenderTests.sales) == golden(#"""
            month,plan,revenue,churn,customers
            2024-01,pro,12345.67,0.05,1234
            2024-02,"basic, ""legacy""",,0.048,0
            """#))
    }

    @Test func kinds() {
        #expect(CSVRenderer.render(TallyRenderTests.kinds) == golden("""
            day,at,flag,id,score,note
            2024-03-05,2024-03-05T10:20:30Z,true,42,42.5,café
            2024-03-06,2024-03-05T10:20:30.5Z,false,-7,-12,日本
            ,,,,,
            """))
    }

    @Test func emptyAndOneRow() {
        #expect(CSVRenderer.render(noRows) == "month,revenue\n")
        #expect(CSVRenderer.render(nothing) == "")
        #expect(CSVRenderer.render(oneRow) == "revenue\n1234.5\n")
    }

    @Test("a row whose only field is null is written \"\", not as a blank line readers skip")
    func oneColumnNull() {
        let table = ResultTable(columns: [ResultColumn(name: "churn", role: .measure(unit: .percent))], rows: [[.null], [.number(0.5)]])
        #expect(CSVRenderer.render(table) == "churn\n\"\"\n0.5\n")
    }

    @Test("header names, empty text, short rows and non-finite numbers")
    func edges() {
        let table = ResultTable(
            columns: [
                ResultColumn(name: "plan, tier", role: .dimension(time: false)),
                ResultColumn(name: "x", role: .measure(unit: nil)),
            ],
            rows: [[.text("")], [.text(" pro"), .number(.nan)], [.text("a\nb"), .number(1e21)]]
        )
        #expect(CSVRenderer.render(table) == golden("""
            "plan, tier",x
            "",
            " pro",
            "a
            b",1000000000000000000000
            """))
    }

    @Test("RFC 4180 quoting", arguments: [
        ("plain", "plain"),
        ("", ""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("cr\rx", "\"cr\rx\""),
        (" lead", "\" lead\""),
        ("trail ", "\"trail \""),
        ("in side", "in side"),
        ("日本", "日本"),
    ])
    func quoting(field: String, expected: String) {
        #expect(CSVRenderer.quoted(field) == expected)
    }
}

@Suite("JSON")
struct JSONTests {
    @Test func sales() {
        #expect(JSONRenderer.render(TallyRenderTests.sales) == golden(#"""
            [
              {"month": "2024-01", "plan": "pro", "revenue": 12345.67, "churn": 0.05, "customers": 1234},
              {"month": "2024-02", "plan": "basic, \"legacy\"", "revenue": null, "churn": 0.048, "customers": 0}
            ]
            """#))
    }

    @Test func kinds() {
        #expect(JSONRenderer.render(TallyRenderTests.kinds) == golden(#"""
            [
              {"day": "2024-03-05", "at": "2024-03-05T10:20:30Z", "flag": true, "id": 42, "score": 42.5, "note": "café"},
              {"day": "2024-03-06", "at": "2024-03-05T10:20:30.5Z", "flag": false, "id": -7, "score": -12, "note": "日本"},
              {"day": null, "at": null, "flag": null, "id": null, "score": null, "note": null}
            ]
            """#))
    }

    @Test func emptyAndOneRow() {
        #expect(JSONRenderer.render(noRows) == "[]\n")
        #expect(JSONRenderer.render(nothing) == "[]\n")
        #expect(JSONRenderer.render(ResultTable(columns: [], rows: [[], []])) == "[\n  {},\n  {}\n]\n")
        #expect(JSONRenderer.render(oneRow) == "[\n  {\"revenue\": 1234.5}\n]\n")
    }

    @Test("escaped keys, non-finite numbers as null, huge and tiny numbers plain")
    func edges() {
        let table = ResultTable(
            columns: [
                ResultColumn(name: "a \"b\"", role: .dimension(time: false)),
                ResultColumn(name: "x", role: .measure(unit: nil)),
                ResultColumn(name: "y", role: .measure(unit: nil)),
            ],
            rows: [[.text("tab\there"), .number(.infinity), .number(1.5e21)], [.text("c:\\dir"), .number(1e-7)]]
        )
        #expect(JSONRenderer.render(table) == golden(#"""
            [
              {"a \"b\"": "tab\there", "x": null, "y": 1500000000000000000000},
              {"a \"b\"": "c:\\dir", "x": 0.0000001, "y": null}
            ]
            """#))
    }

    @Test("string escaping", arguments: [
        ("plain", #""plain""#),
        ("a\"b", #""a\"b""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nbreak", #""line\nbreak""#),
        ("cr\r", #""cr\r""#),
        ("tab\t", #""tab\t""#),
        ("\u{01}", #""\u0001""#),
        ("\u{1F}", #""\u001f""#),
        ("\u{08}\u{0C}", #""\b\f""#),
        ("é日本", #""é日本""#),
        ("", #""""#),
    ])
    func escaping(input: String, expected: String) {
        #expect(ValueText.jsonString(input) == expected)
    }
}

@Suite("Markdown")
struct MarkdownTests {
    @Test func sales() {
        #expect(MarkdownRenderer.render(TallyRenderTests.sales) == golden("""
            | month   | plan            |    revenue | churn | customers |
            | :------ | :-------------- | ---------: | ----: | --------: |
            | 2024-01 | pro             | $12,345.67 |  5.0% |     1,234 |
            | 2024-02 | basic, "legacy" |          — |  4.8% |         0 |
            """))
    }

    @Test func kinds() {
        #expect(MarkdownRenderer.render(TallyRenderTests.kinds) == golden("""
            | day        | at                     | flag  |  id | score | note |
            | :--------- | :--------------------- | :---- | --: | ----: | :--- |
            | 2024-03-05 | 2024-03-05T10:20:30Z   | true  |  42 |  42.5 | café |
            | 2024-03-06 | 2024-03-05T10:20:30.5Z | false |  -7 | -12.0 | 日本 |
            | —          | —                      | —     |   — |     — | —    |
            """))
    }

    @Test("pipes escaped, line breaks spelled out, widths in terminal cells")
    func escaping() {
        let table = ResultTable(
            columns: [
                ResultColumn(name: "name", role: .dimension(time: false)),
                ResultColumn(name: "city", role: .dimension(time: false)),
                ResultColumn(name: "n", role: .measure(unit: .count)),
            ],
            rows: [[.text("a|b"), .text("日本"), .integer(1_234_567)], [.text("é"), .text("x\ny"), .null]]
        )
        #expect(MarkdownRenderer.render(table) == golden(#"""
            | name | city |         n |
            | :--- | :--- | --------: |
            | a\|b | 日本 | 1,234,567 |
            | é    | x\ny |         — |
            """#))
    }

    @Test func emptyAndOneRow() {
        #expect(MarkdownRenderer.render(noRows) == "| month | revenue |\n| :---- | ------: |\n")
        #expect(MarkdownRenderer.render(nothing) == "")
        #expect(MarkdownRenderer.render(oneRow) == "|   revenue |\n| --------: |\n| $1,234.50 |\n")
    }
}

@Suite("Terminal table")
struct TableTests {
    @Test func sales() {
        #expect(TableRenderer.render(TallyRenderTests.sales) == golden("""
             month   │ plan            │    revenue │ churn │ customers
            ─────────┼─────────────────┼────────────┼───────┼──────────
             2024-01 │ pro             │ $12,345.67 │  5.0% │     1,234
             2024-02 │ basic, "legacy" │          — │  4.8% │         0
            2 rows
            """))
    }

    @Test func kinds() {
        #expect(TableRenderer.render(TallyRenderTests.kinds) == golden("""
             day        │ at                     │ flag  │ id │ score │ note
            ────────────┼────────────────────────┼───────┼────┼───────┼─────
             2024-03-05 │ 2024-03-05T10:20:30Z   │ true  │ 42 │  42.5 │ café
             2024-03-06 │ 2024-03-05T10:20:30.5Z │ false │ -7 │ -12.0 │ 日本
             —          │ —                      │ —     │  — │     — │ —
            3 rows
            """))
    }

    @Test("the design's example")
    func example() {
        let table = ResultTable(
            columns: [
                ResultColumn(name: "month", role: .dimension(time: true)),
                ResultColumn(name: "revenue", role: .measure(unit: .currency)),
                ResultColumn(name: "churn", role: .measure(unit: .percent)),
            ],
            rows: [
                [.text("2024-01"), .number(12345.67), .number(0.05)],
                [.text("2024-02"), .null, .number(0.048)],
            ]
        )
        #expect(TableRenderer.render(table) == golden("""
             month   │    revenue │ churn
            ─────────┼────────────┼──────
             2024-01 │ $12,345.67 │  5.0%
             2024-02 │          — │  4.8%
            2 rows
            """))
    }

    @Test func emptyAndOneRow() {
        #expect(TableRenderer.render(noRows) == golden("""
             month │ revenue
            ───────┼────────
            0 rows
            """))
        #expect(TableRenderer.render(nothing) == "0 rows\n")
        #expect(TableRenderer.render(ResultTable(columns: [], rows: [[]]), options: .init(timing: "1 ms")) == "1 row (1 ms)\n")
        #expect(TableRenderer.render(oneRow, options: .init(timing: "12 ms")) == golden("""
               revenue
            ──────────
             $1,234.50
            1 row (12 ms)
            """))
    }

    @Test("colour: bold header names, dim nulls")
    func color() {
        let table = ResultTable(
            columns: [
                ResultColumn(name: "plan", role: .dimension(time: false)),
                ResultColumn(name: "revenue", role: .measure(unit: .currency)),
            ],
            rows: [[.text("pro"), .null]]
        )
        let expected = " \u{1B}[1mplan\u{1B}[0m │ \u{1B}[1mrevenue\u{1B}[0m\n"
            + "──────┼────────\n"
            + " pro  │ \u{1B}[2m      —\u{1B}[0m\n"
            + "1 row (3 ms)\n"
        #expect(TableRenderer.render(table, options: .init(color: true, timing: "3 ms")) == expected)
    }

    @Test("control characters cannot break the layout or drive the terminal")
    func controlCharacters() {
        let table = ResultTable(
            columns: [ResultColumn(name: "note", role: .dimension(time: false))],
            rows: [[.text("tab\there")], [.text("esc\u{1B}[2J")]]
        )
        #expect(TableRenderer.render(table) == golden(#"""
             note
            ─────────────
             tab\there
             esc\u{1b}[2J
            2 rows
            """#))
    }

    @Test("short rows read as null; non-finite measures show as null")
    func robustness() {
        let table = ResultTable(
            columns: [
                ResultColumn(name: "a", role: .dimension(time: false)),
                ResultColumn(name: "x", role: .measure(unit: .ratio)),
            ],
            rows: [[.text("k")], [.text("m"), .number(.nan)], [.text("n"), .integer(2)]]
        )
        #expect(TableRenderer.render(table) == golden("""
             a │    x
            ───┼─────
             k │    —
             m │    —
             n │ 2.00
            3 rows
            """))
    }
}

@Suite("Renderer")
struct RendererEntryTests {
    @Test func formats() {
        #expect(OutputFormat.allCases.map(\.rawValue) == ["table", "csv", "json", "markdown", "html"])
        #expect(OutputFormat(rawValue: "csv") == .csv)
        #expect(OutputFormat(rawValue: "xml") == nil)
    }

    @Test("the entry point dispatches to each renderer", arguments: OutputFormat.allCases)
    func dispatch(format: OutputFormat) {
        let table = ResultTable(columns: [], rows: [[]])
        let expected: String = switch format {
        case .table: "1 row (5 ms)\n"
        case .csv: ""
        case .json: "[\n  {}\n]\n"
        case .markdown: ""
        case .html: HTMLReport.page(of: table)
        }
        #expect(Renderer.render(table, format: format, options: .init(timing: "5 ms")) == expected)
        #expect(Renderer.render(sales, format: format)
            == [TableRenderer.render(sales), CSVRenderer.render(sales), JSONRenderer.render(sales),
                MarkdownRenderer.render(sales), HTMLReport.page(of: sales)][OutputFormat.allCases.firstIndex(of: format) ?? 0])
    }
}

@Suite("ValueText")
struct ValueTextTests {
    @Test("plain text of each kind of value", arguments: [
        (Value.null, String?.none),
        (.integer(-9_223_372_036_854_775_808), "-9223372036854775808"),
        (.number(0.1 + 0.2), "0.30000000000000004"),
        (.number(.nan), nil),
        (.text(""), ""),
        (.bool(true), "true"),
        (.date(19787), "2024-03-05"),
        (.date(0), "1970-01-01"),
        (.timestamp(1_709_634_030_000_000), "2024-03-05T10:20:30Z"),
        (.timestamp(1_709_634_030_000_123), "2024-03-05T10:20:30.000123Z"),
    ])
    func plain(value: Value, expected: String?) {
        #expect(ValueText.plain(value) == expected)
        #expect(ValueText.csv(value) == (expected ?? ""))
    }

    @Test("JSON literals", arguments: [
        (Value.null, "null"),
        (.integer(7), "7"),
        (.number(-0.0), "0"),
        (.number(-.infinity), "null"),
        (.text("a\"b"), #""a\"b""#),
        (.bool(false), "false"),
        (.date(19787), #""2024-03-05""#),
        (.timestamp(1_709_634_030_500_000), #""2024-03-05T10:20:30.5Z""#),
    ])
    func json(value: Value, expected: String) {
        #expect(ValueText.json(value) == expected)
    }
}
