// Golden-string tests for terminal charts, bars and sparklines, their errors, and a width property over random tables.

import Testing
import TallyData
@testable import TallyRender

/// Multi-line literals drop the final line break; every chart line ends with one.
private func chartGolden(_ s: String) -> String { s + "\n" }

private func money(_ x: Double?) -> Value { x.map(Value.number) ?? .null }

/// `s` without ANSI colour escapes, to compare coloured output with plain.
private func stripped(_ s: String) -> String {
    var out = ""
    var inEscape = false
    for scalar in s.unicodeScalars {
        if scalar == "\u{1B}" { inEscape = true; continue }
        if inEscape { if scalar == "m" { inEscape = false }; continue }
        out.unicodeScalars.append(scalar)
    }
    return out
}

/// A month (`2024-03`) or quarter (`2024-Q1`) as results carry it.
private func period(_ label: String) -> Value {
    let parts = label.split(separator: "-")
    let year = Int(parts[0]) ?? 0
    if parts[1].hasPrefix("Q") {
        return .period(Period(grain: .quarter, index: year * 4 + (Int(parts[1].dropFirst()) ?? 1) - 1))
    }
    return .period(Period(grain: .month, index: year * 12 + (Int(parts[1]) ?? 1) - 1))
}

private let monthlyRevenue = ResultTable(
    columns: [
        ResultColumn(name: "month", role: .dimension(time: true)),
        ResultColumn(name: "revenue", role: .measure(unit: .currency)),
    ],
    rows: [
        ("2024-01", 1200), ("2024-02", 1500), ("2024-03", 1350), ("2024-04", nil),
        ("2024-05", 1900), ("2024-06", 2400), ("2024-07", 2100), ("2024-08", 2600),
    ].map { [period($0.0), money($0.1)] }
)

private let customersByPlan = ResultTable(
    columns: [
        ResultColumn(name: "month", role: .dimension(time: true)),
        ResultColumn(name: "plan", role: .dimension(time: false)),
        ResultColumn(name: "customers", role: .measure(unit: .count)),
    ],
    rows: [
        ("2024-01", "pro", 10), ("2024-01", "basic", 30), ("2024-02", "pro", 14), ("2024-02", "basic", 26),
        ("2024-03", "pro", 19), ("2024-03", "basic", nil), ("2024-04", "pro", 25), ("2024-04", "basic", 18),
        ("2024-05", "pro", 31), ("2024-05", "basic", 15),
    ].map { [period($0.0), .text($0.1), $0.2.map { Value.integer(Int64($0)) } ?? .null] }
)

/// Rows ordered by revenue, not by time, as `order by` would leave them.
private let revenueAndCost = ResultTable(
    columns: [
        ResultColumn(name: "quarter", role: .dimension(time: true)),
        ResultColumn(name: "revenue", role: .measure(unit: .currency)),
        ResultColumn(name: "cost", role: .measure(unit: .currency)),
    ],
    rows: [("2024-Q3", 90, 70), ("2024-Q1", 100, 80), ("2024-Q2", 120, 85), ("2024-Q4", 150, 95)]
        .map { [period($0.0), money($0.1), money($0.2)] }
)

private let profitByRegion = ResultTable(
    columns: [
        ResultColumn(name: "region", role: .dimension(time: false)),
        ResultColumn(name: "profit", role: .measure(unit: .currency)),
    ],
    rows: [("north", 640), ("south", -250), ("east", nil), ("a very long region name indeed", 1234.5), ("west", 3)]
        .map { [.text($0.0), money($0.1)] }
)

private let revenueAndChurnByPlan = ResultTable(
    columns: [
        ResultColumn(name: "plan", role: .dimension(time: false)),
        ResultColumn(name: "revenue", role: .measure(unit: .currency)),
        ResultColumn(name: "churn", role: .measure(unit: .percent)),
    ],
    rows: [("basic", 4000, 0.061), ("pro", 12345.67, 0.032), ("enterprise", 30000, nil)]
        .map { [.text($0.0), money($0.1), money($0.2)] }
)

private let totals = ResultTable(
    columns: [
        ResultColumn(name: "revenue", role: .measure(unit: .currency)),
        ResultColumn(name: "cost", role: .measure(unit: .currency)),
        ResultColumn(name: "churn", role: .measure(unit: .percent)),
    ],
    rows: [[.number(1000), .number(-300), .number(0.05)]]
)

@Suite("Line chart")
struct LineChartTests {
    @Test("one series with a gap for a null month")
    func singleSeriesWithGap() throws {
        #expect(try Chart.render(monthlyRevenue, options: .init(width: 40, height: 8)) == chartGolden("""
            $3,000.00 ┤
                      │                            ⡠
            $2,500.00 ┤                   ⢀⠔⠤⡀   ⡠⠊
                      │                 ⢀⠔⠁  ⠈⠑⠢⠊
            $2,000.00 ┤                ⠐⠁
            $1,500.00 ┤    ⣀
                      │⢀⡠⠒⠉ ⠉⠒⠢⠄
            $1,000.00 ┤⠁
                      └┬───────────┬───────────────┬
                    2024-01     2024-04      2024-08
            """))
    }
}

@Suite("Line chart with several series")
struct SeriesTests {
    @Test("one line per value of the second dimension, with markers and a legend")
    func twoSeriesWithLegend() throws {
        #expect(try Chart.render(customersByPlan, options: .init(width: 40, height: 8)) == chartGolden("""
            35 ┤
            30 ┤◆⣀⣀                             ⢀⣀⠤●
               │   ⠉⠑⠒⠢⠤⢄◆                 ⢀⡠⠤⠒⠉⠁
            25 ┤                       ⣀⠤⠒●⠁
            20 ┤                   ⣀⠤⠒⠉
               │             ⣀⡠⠤⠒⠊●       ◆⠒⠤⠤⣀⣀⡀
            15 ┤      ⢀⣀⡠●⠒⠊⠉                   ⠈⠉⠑◆
            10 ┤●⠤⠤⠒⠊⠉⠁
               └┬────────┬────────┬────────────────┬
             2024-01  2024-02  2024-03       2024-05
            ● pro   ◆ basic
            """))
    }

    @Test("one line per measure, periods put back in time order")
    func measuresAsSeries() throws {
        #expect(try Chart.render(revenueAndCost, options: .init(width: 40, height: 6)) == chartGolden("""
            $160.00 ┤                             ⢀●
            $140.00 ┤                           ⡠⠒⠁
            $120.00 ┤     ⣀⣀⠤⠤⠒●⠤⢄⣀          ⡠⠔⠉
            $100.00 ┤●⠒⠒⠉⠉         ⠉⠑⠒⠤⢄⣀ ⣀⠔⠉      ◆
             $80.00 ┤◆⠤⠤⠤⠤⠒⠒⠒⠒⠒◆⠢⠤⠤⣀⣀⣀   ●  ⣀⣀⠤⠔⠒⠉⠉
             $60.00 ┤                 ⠉⠉⠑◆⠊⠉
                    └┬─────────┬───────────────────┬
                  2024-Q1   2024-Q2          2024-Q4
            ● revenue   ◆ cost
            """))
    }

    @Test("a null dimension value is a series named —")
    func nullSeriesName() throws {
        var table = customersByPlan
        table.rows.append([period("2024-03"), .null, .integer(21)])
        let lines = try Chart.render(table, options: .init(width: 40, height: 8)).split(separator: "\n")
        #expect(lines.last == "● pro   ◆ basic   ▲ —")
    }

    @Test("colour wraps each series' runs and legend marker, and is all that changes")
    func color() throws {
        let plain = try Chart.render(customersByPlan, options: .init(width: 40, height: 8))
        let colored = try Chart.render(customersByPlan, options: .init(width: 40, height: 8, color: true))
        #expect(stripped(colored) == plain)
        #expect(colored.hasSuffix("\u{1B}[36m●\u{1B}[0m pro   \u{1B}[33m◆\u{1B}[0m basic\n"))
        #expect(colored.contains("10 ┤\u{1B}[36m●⠤⠤⠒⠊⠉⠁\u{1B}[0m\n"))
    }

    @Test("one period, all-equal values and all-null values still draw an axis")
    func degenerate() throws {
        func months(_ values: [Double?]) -> ResultTable {
            ResultTable(
                columns: [
                    ResultColumn(name: "month", role: .dimension(time: true)),
                    ResultColumn(name: "revenue", role: .measure(unit: .currency)),
                ],
                rows: values.enumerated().map { [period("2024-0\($0.offset + 1)"), money($0.element)] })
        }
        #expect(try Chart.render(months([5]), options: .init(width: 30, height: 4)) == chartGolden("""
            $6.00 ┤           ⠤
            $4.00 ┤
            $2.00 ┤
            $0.00 ┤
                  └───────────┬───────────
                           2024-01
            """))
        #expect(try Chart.render(months([5, 5, 5]), options: .init(width: 30, height: 4)) == chartGolden("""
            $6.00 ┤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤
            $4.00 ┤
            $2.00 ┤
            $0.00 ┤
                  └┬─────────────────────┬
                2024-01            2024-03
            """))
        #expect(try Chart.render(months([nil, nil]), options: .init(width: 30, height: 4)) == chartGolden("""
            $1.50 ┤
            $1.00 ┤
            $0.50 ┤
            $0.00 ┤
                  └┬─────────────────────┬
                2024-01            2024-02
            """))
    }
}

@Suite("Bar chart")
struct BarChartTests {
    @Test("negative values left of the zero axis, null with no bar, long labels cut")
    func categories() throws {
        #expect(try Chart.render(profitByRegion, options: .init(width: 50)) == chartGolden("""
            north                   │███████▋ $640.00
            south                ███│ -$250.00
            east                    │ —
            a very long region …    │██████████████▉ $1,234.50
            west                    │▏ $3.00
            """))
    }

    @Test("several measures: grouped bars, a scale per unit, markers and a legend")
    func grouped() throws {
        #expect(try Chart.render(revenueAndChurnByPlan, options: .init(width: 50)) == chartGolden("""
            basic      ● ███▌ $4,000.00
                       ◆ ██████████████████████████ 6.1%
            pro        ● ██████████▊ $12,345.67
                       ◆ █████████████▋ 3.2%
            enterprise ● ██████████████████████████ $30,000.00
                       ◆ —
            ● revenue   ◆ churn
            """))
    }

    @Test("no dimension: a bar per measure")
    func measuresOnly() throws {
        #expect(try Chart.render(totals, options: .init(width: 50)) == chartGolden("""
            revenue       │████████████████████ $1,000.00
            cost    ██████│ -$300.00
            churn         │█████████████████████████ 5.0%
            """))
    }

    @Test("all positive: no axis; zero and tiny values")
    func positive() throws {
        let table = ResultTable(
            columns: [
                ResultColumn(name: "plan", role: .dimension(time: false)),
                ResultColumn(name: "customers", role: .measure(unit: .count)),
            ],
            rows: [[.text("pro"), .integer(16)], [.text("basic"), .integer(0)], [.null, .integer(1)],
                   [.text("trial"), .number(0.01)]])
        #expect(try Chart.render(table, options: .init(width: 30)) == chartGolden("""
            pro   ███████████████████ 16
            basic 0
            —     █▎ 1
            trial ▏ 0.01
            """))
    }
}

@Suite("Sparkline")
struct SparklineTests {
    @Test func values() {
        #expect(Sparkline.render([1, nil, 3, 8]) == "▁ ▃█")
        #expect(Sparkline.render([]) == "")
        #expect(Sparkline.render([nil, nil]) == "  ")
        #expect(Sparkline.render([2, 2, 2]) == "▄▄▄")
        #expect(Sparkline.render([-1.7e308, 0, 1.7e308, .nan]) == "▁▅█ ")
    }
}

@Suite("Chart errors")
struct ChartErrorTests {
    @Test("no measure column")
    func noMeasure() {
        let table = ResultTable(
            columns: [ResultColumn(name: "plan", role: .dimension(time: false))], rows: [[.text("pro")]])
        #expect(throws: ChartError(message: "nothing to chart: the result has no measure, only dimensions")) {
            try Chart.render(table)
        }
    }

    @Test("several measures by several dimensions")
    func tooManySeries() {
        let table = ResultTable(
            columns: [
                ResultColumn(name: "month", role: .dimension(time: true)),
                ResultColumn(name: "plan", role: .dimension(time: false)),
                ResultColumn(name: "region", role: .dimension(time: false)),
                ResultColumn(name: "revenue", role: .measure(unit: .currency)),
                ResultColumn(name: "churn", role: .measure(unit: .percent)),
            ],
            rows: [[period("2024-01"), .text("pro"), .text("eu"), .number(1), .number(0.1)]])
        #expect(throws: ChartError(message: "cannot chart several measures by several dimensions (plan, region): "
            + "chart one measure, or group by one dimension")) {
            try Chart.render(table)
        }
    }

    @Test("no rows")
    func noRows() {
        let table = ResultTable(
            columns: [
                ResultColumn(name: "month", role: .dimension(time: true)),
                ResultColumn(name: "revenue", role: .measure(unit: .currency)),
            ],
            rows: [])
        #expect(throws: ChartError(message: "nothing to chart: the result has no rows")) {
            try Chart.render(table)
        }
    }
}

/// SplitMix64: a fixed seed makes every run draw the same tables.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Chart width property")
struct ChartPropertyTests {
    @Test("random tables: no line is wider than the width, and nothing traps")
    func neverTooWide() {
        var random = SeededGenerator(state: 20_240_301)
        let numbers: [Value] = [
            .null, .number(0), .number(-0.0), .number(1), .number(-1), .number(0.125), .number(1234.5),
            .number(-98_765.4321), .number(1e300), .number(-1.7e308), .number(1.7e308), .number(5e-324),
            .number(-1e-300), .number(.nan), .number(.infinity), .integer(.max), .integer(.min), .integer(42),
            .text("x"), .bool(true),
        ]
        let dimensionValues: [Value] = [
            .null, .text("pro"), .text("basic"), .text(""), .text("a\nb\u{1B}[31m"),
            .text("日本語のとても長い名前です、本当に長い"), .text(String(repeating: "long ", count: 30)),
            .integer(-7), .date(19_787), .timestamp(1_709_634_030_000_000),
            period("2024-01"), period("2024-02"), period("2023-12"), .period(Period(grain: .week, index: 2825)), period("2024-Q1"),
            .text("2024-01"), .bool(false),
        ]
        let units: [MetricUnit?] = [nil] + MetricUnit.allCases.map { $0 }
        var drawn = 0
        for _ in 0..<400 {
            var columns: [ResultColumn] = []
            for index in 0..<Int.random(in: 0...3, using: &random) {
                columns.append(ResultColumn(name: "d\(index)", role: .dimension(time: Bool.random(using: &random))))
            }
            for index in 0..<Int.random(in: 0...3, using: &random) {
                let unit = units.randomElement(using: &random) ?? nil
                columns.append(ResultColumn(name: "measure number \(index)", role: .measure(unit: unit)))
            }
            let rows = (0..<Int.random(in: 0...25, using: &random)).map { _ in
                // Short rows happen too; a chart must read them as nulls.
                columns.prefix(Int.random(in: max(0, columns.count - 1)...columns.count, using: &random)).map {
                    column -> Value in
                    if case .measure = column.role { return numbers.randomElement(using: &random) ?? .null }
                    return dimensionValues.randomElement(using: &random) ?? .null
                }
            }
            let options = ChartOptions(
                width: Int.random(in: -2...130, using: &random), height: Int.random(in: -1...24, using: &random),
                color: Bool.random(using: &random))
            guard let chart = try? Chart.render(ResultTable(columns: columns, rows: rows), options: options) else {
                continue
            }
            drawn += 1
            #expect(chart.hasSuffix("\n"))
            for line in stripped(chart).split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                #expect(line.count <= max(0, options.width), "\(options) \(columns) \(rows)")
            }
        }
        // The seed must exercise the drawing code, not just the errors.
        #expect(drawn > 150)
    }
}
