// Tables at the prompt: bands that fill the terminal with colour on, nothing but free text cut, long
// results cut only when it is worth it.

import TallyData
import TallyDiagnostics
import Testing

@testable import TallyRender

@Suite("Terminal table")
struct TerminalTableTests {
    /// Thirteen library metrics by quarter for 2024, as the demo data answers them.
    static let thirteen: ResultTable = {
        let names: [(String, MetricUnit)] = [
            ("revenue", .currency), ("purchases", .count), ("paying_customers", .count), ("avg_order_value", .currency),
            ("purchase_frequency", .ratio), ("new_revenue", .currency), ("recurring_revenue", .currency),
            ("customers_start", .count), ("customers_end", .count), ("new_customers", .count),
            ("lost_customers", .count), ("churn", .percent), ("arpu", .currency),
        ]
        let values: [[Double]] = [
            [194814.26, 1354, 590, 143.88, 2.29, 38815.99, 138811.39, 396, 562, 199, 33, 0.058, 406.71],
            [246965.85, 1608, 709, 153.59, 2.27, 32966.27, 182339.63, 562, 668, 169, 63, 0.096, 401.57],
            [320667.12, 1971, 865, 162.69, 2.28, 50206.18, 226231.28, 668, 784, 211, 95, 0.103, 441.69],
            [403570.90, 2471, 1077, 163.32, 2.29, 64896.83, 293346.87, 784, 1015, 338, 107, 0.114, 448.66],
        ]
        return ResultTable(
            columns: [ResultColumn(name: "quarter", role: .dimension(time: true))]
                + names.map { ResultColumn(name: $0.0, role: .measure(unit: $0.1)) },
            rows: values.enumerated().map { i, row in [.text("2024-Q\(i + 1)")] + row.map { .number($0) } })
    }()

    /// The header lines of the bands: each starts with the first dimension's name.
    private func bands(_ text: String, first: String) -> Int {
        text.split(separator: "\n").filter { plain($0).hasPrefix(" \(first) ") }.count
    }

    private func plain<S: StringProtocol>(_ line: S) -> String {
        String(line).replacing(/\u{1B}\[[0-9;]*m/, with: "")
    }

    private func widest(_ text: String) -> Int {
        text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
    }

    @Test("13 measures at 160 columns: two bands, with colour as without, none wider than the terminal")
    func bandsWithColour() {
        for color in [true, false] {
            let text = TerminalTable(columns: 160, color: color).render(Self.thirteen, timing: "17 ms", whole: false)
            #expect(bands(text, first: "quarter") == 2, "colour \(color):\n\(text)")
            #expect(widest(text) <= 160, "colour \(color):\n\(text)")
            #expect(text.hasSuffix("4 rows (17 ms)\n"))
        }
    }

    @Test("a table exactly as wide as the terminal is one band; its rule is as wide as its header")
    func exactWidth() {
        let whole = TableRenderer.render(Self.thirteen)
        let lines = whole.split(separator: "\n").map(String.init)
        let width = DisplayWidth.of(lines[0])
        #expect(DisplayWidth.of(lines[1]) == width)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
        #expect(
            TerminalTable(columns: width, color: true).render(Self.thirteen, timing: nil, whole: false)
                == TableRenderer.render(Self.thirteen, options: .init(color: true)))
        #expect(
            bands(
                TerminalTable(columns: width - 1, color: false).render(Self.thirteen, timing: nil, whole: false),
                first: "quarter") == 2)
    }

    @Test("in bands, dimension values stay whole")
    func dimensionsNeverCut() {
        let table = ResultTable(
            columns: [
                ResultColumn(name: "plan", role: .dimension(time: false)),
                ResultColumn(name: "region", role: .dimension(time: false)),
            ] + (1...6).map { ResultColumn(name: "measure_\($0)", role: .measure(unit: .currency)) },
            rows: [
                [.text("enterprise"), .text("東京 (Tokyo)")] + (1...6).map { .number(Double($0) * 1000.5) },
                [.text("basic"), .text("europe")] + (1...6).map { _ in .null },
            ])
        let text = TerminalTable(columns: 60, color: false).render(table, timing: nil, whole: false)
        #expect(text.contains(" enterprise │ 東京 (Tokyo) │"))
        #expect(!text.contains("…"))
        #expect(bands(text, first: "plan") > 1)
        #expect(widest(text) <= 60)
        let lines = text.split(separator: "\n").map(String.init)
        // Wide characters line up: the separators of a band's lines fall in the same cells.
        let header = lines[0]
        let tokyo = lines.first { $0.contains("東京") } ?? ""
        #expect(
            DisplayWidth.of(String(header.prefix { $0 != "│" })) == DisplayWidth.of(String(tokyo.prefix { $0 != "│" })))
    }

    @Test("free text is cut to fit, and the table says so")
    func freeTextCut() {
        let table = ResultTable(
            columns: [
                ResultColumn(name: "metric", role: .dimension(time: false)),
                ResultColumn(name: "description", role: .dimension(time: false), isFreeText: true),
            ],
            rows: [
                [
                    .text("revenue"),
                    .text("Sum of order amounts, in the currency of the orders, over every kind of order"),
                ],
                [.text("churn"), .text("Customers lost in the period over customers at its start")],
            ])
        let text = TerminalTable(columns: 60, color: false).render(table, timing: nil, whole: false)
        #expect(widest(text) <= 60, "\(text)")
        #expect(text.contains("\n revenue │ Sum of order amounts, in the currency of the ord…\n"))
        #expect(text.hasSuffix("2 rows\n… cut to fit the terminal; `format csv` shows it whole\n"))
        // Wide enough: nothing cut, nothing said.
        let wide = TerminalTable(columns: 200, color: false).render(table, timing: nil, whole: false)
        #expect(!wide.contains("…"))
    }

    private func days(_ n: Int) -> ResultTable {
        ResultTable(
            columns: [
                ResultColumn(name: "day", role: .dimension(time: true)),
                ResultColumn(name: "revenue", role: .measure(unit: .currency)),
            ],
            rows: (1...n).map { [.text("day \($0)"), .number(Double($0))] })
    }

    @Test("a result is cut to 40 rows only when that hides more than a few; the footer says how many are shown")
    func rowLimit() {
        let table = TerminalTable(columns: 80, color: false)
        let fortyOne = table.render(days(41), timing: nil, whole: false)
        #expect(fortyOne.hasSuffix(" day 41 │  $41.00\n41 rows\n"))
        let fifty = table.render(days(50), timing: nil, whole: false)
        #expect(fifty.hasSuffix("50 rows\n"))
        let sixty = table.render(days(60), timing: "5 ms", whole: false)
        #expect(sixty.hasSuffix(" day 40 │  $40.00\n60 rows (40 shown, 5 ms)\n`last` shows all 60 rows\n"))
        #expect(!sixty.contains("day 41"))
        let whole = table.render(days(60), timing: nil, whole: true)
        #expect(whole.hasSuffix(" day 60 │  $60.00\n60 rows\n"))
    }
}
