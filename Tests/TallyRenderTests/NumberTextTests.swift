// Table-driven tests for NumberText: plain full-precision text, grouping, and unit formatting with its rounding edges.

import Testing
import TallyData
@testable import TallyRender

@Suite("NumberText.plain")
struct PlainTests {
    @Test("shortest round-trip digits, never an exponent", arguments: [
        (12.0, "12"),
        (0.0, "0"),
        (-0.0, "0"),
        (100.0, "100"),
        (0.125, "0.125"),
        (-0.125, "-0.125"),
        (1e-7, "0.0000001"),
        (-1e-7, "-0.0000001"),
        (1e-5, "0.00001"),
        (0.001, "0.001"),
        (1.5e21, "1500000000000000000000"),
        (-1.5e21, "-1500000000000000000000"),
        (1e21, "1000000000000000000000"),
        (1e16, "10000000000000000"),
        (1e15, "1000000000000000"),
        (123456789012345680000.0, "123456789012345680000"),
        (1234.5600000000002, "1234.5600000000002"),
        (0.1 + 0.2, "0.30000000000000004"),
        (-1234.5, "-1234.5"),
        (9007199254740993.0, "9007199254740992"),
        (2.675, "2.675"),
        (1.2345e-10, "0.00000000012345"),
    ])
    func plain(x: Double, expected: String) {
        #expect(NumberText.plain(x) == expected)
    }

    @Test("extremes of Double")
    func extremes() {
        #expect(NumberText.plain(Double.leastNonzeroMagnitude) == "0." + String(repeating: "0", count: 323) + "5")
        #expect(NumberText.plain(Double.greatestFiniteMagnitude) == "17976931348623157" + String(repeating: "0", count: 292))
    }

    @Test("NaN and infinity become the null text", arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(x: Double) {
        #expect(NumberText.plain(x) == "")
    }

    @Test("every plain string reads back as the same Double", arguments: [
        0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-300, 6.02214076e23, -9.87654321e-12, 1e22, 123.456e18,
    ])
    func roundTrips(x: Double) {
        let text = NumberText.plain(x)
        #expect(!text.contains("e"))
        #expect(Double(text) == x)
    }
}

@Suite("NumberText.grouped")
struct GroupedTests {
    @Test(arguments: [
        ("1234567.5", "1,234,567.5"),
        ("-1234", "-1,234"),
        ("123", "123"),
        ("-123", "-123"),
        ("1000", "1,000"),
        ("123456", "123,456"),
        ("0.12345", "0.12345"),
        ("1234567890.0001", "1,234,567,890.0001"),
        ("", ""),
        ("-", "-"),
        ("12345 h", "12,345 h"),
    ])
    func grouped(input: String, expected: String) {
        #expect(NumberText.grouped(input) == expected)
    }
}

@Suite("NumberText.human")
struct HumanTests {
    @Test("count", arguments: [
        (1234.0, "1,234"),
        (0.0, "0"),
        (-0.0, "0"),
        (-1234.0, "-1,234"),
        (7.0, "7"),
        (2.5, "2.50"),
        (1234567.891, "1,234,567.89"),
        (0.005, "0.01"),
        (0.004, "0.00"),
        (1.5e21, "1,500,000,000,000,000,000,000"),
    ])
    func count(x: Double, expected: String) {
        #expect(NumberText.human(x, unit: .count) == expected)
    }

    @Test("currency", arguments: [
        (1234.5, "$1,234.50"),
        (-1234.5, "-$1,234.50"),
        (12345.67, "$12,345.67"),
        (0.0, "$0.00"),
        (-0.0, "$0.00"),
        (1.005, "$1.01"),
        (2.675, "$2.68"),
        (-2.675, "-$2.68"),
        (0.005, "$0.01"),
        (0.004, "$0.00"),
        (-0.004, "$0.00"),
        (999.995, "$1,000.00"),
        (1e-7, "$0.00"),
        (1234567.0, "$1,234,567.00"),
        (0.1 + 0.2, "$0.30"),
    ])
    func currency(x: Double, expected: String) {
        #expect(NumberText.human(x, unit: .currency) == expected)
    }

    @Test("percent", arguments: [
        (0.125, "12.5%"),
        (0.05, "5.0%"),
        (1.0, "100.0%"),
        (0.0, "0.0%"),
        (-0.125, "-12.5%"),
        (0.048, "4.8%"),
        (0.1235, "12.4%"),
        (0.0005, "0.1%"),
        (-0.0005, "-0.1%"),
        (0.00049, "0.0%"),
        (-0.0004, "0.0%"),
        (12.5, "1,250.0%"),
        (1.0 / 3.0, "33.3%"),
        (2.0 / 3.0, "66.7%"),
        (0.9995, "100.0%"),
    ])
    func percent(x: Double, expected: String) {
        #expect(NumberText.human(x, unit: .percent) == expected)
    }

    @Test("ratio", arguments: [
        (1.85, "1.85"),
        (1.855, "1.86"),
        (-1.855, "-1.86"),
        (0.0, "0.00"),
        (3.0, "3.00"),
        (1234.5, "1,234.50"),
        (1.0 / 3.0, "0.33"),
        (-0.001, "0.00"),
    ])
    func ratio(x: Double, expected: String) {
        #expect(NumberText.human(x, unit: .ratio) == expected)
    }

    @Test("score", arguments: [
        (42.5, "42.5"),
        (-12.0, "-12.0"),
        (0.0, "0.0"),
        (100.0, "100.0"),
        (-100.0, "-100.0"),
        (42.25, "42.3"),
        (-42.25, "-42.3"),
        (42.24, "42.2"),
        (-0.04, "0.0"),
    ])
    func score(x: Double, expected: String) {
        #expect(NumberText.human(x, unit: .score) == expected)
    }

    @Test("hours", arguments: [
        (3.2, "3.2 h"),
        (3.25, "3.3 h"),
        (0.0, "0.0 h"),
        (-1.5, "-1.5 h"),
        (1234.56, "1,234.6 h"),
        (0.04, "0.0 h"),
    ])
    func hours(x: Double, expected: String) {
        #expect(NumberText.human(x, unit: .hours) == expected)
    }

    @Test("days", arguments: [
        (12.4, "12.4 d"),
        (12.44, "12.4 d"),
        (12.45, "12.5 d"),
        (0.0, "0.0 d"),
        (-3.0, "-3.0 d"),
        (9999.96, "10,000.0 d"),
    ])
    func days(x: Double, expected: String) {
        #expect(NumberText.human(x, unit: .days) == expected)
    }

    @Test("no unit", arguments: [
        (0.12345, "0.1235"),
        (1234.5, "1,234.5"),
        (1234.0, "1,234"),
        (0.0, "0"),
        (-0.0, "0"),
        (-1234.5, "-1,234.5"),
        (0.00001, "0"),
        (-0.00001, "0"),
        (0.99999, "1"),
        (2.00005, "2.0001"),
        (0.1 + 0.2, "0.3"),
        (1.5e21, "1,500,000,000,000,000,000,000"),
        (-0.5, "-0.5"),
    ])
    func noUnit(x: Double, expected: String) {
        #expect(NumberText.human(x, unit: nil) == expected)
    }

    @Test("integers are exact in every unit", arguments: [
        (Int64.max, MetricUnit?.some(.count), "9,223,372,036,854,775,807"),
        (Int64.min, MetricUnit?.some(.count), "-9,223,372,036,854,775,808"),
        (1, .percent, "100.0%"),
        (0, .percent, "0.0%"),
        (5, .currency, "$5.00"),
        (-5, .currency, "-$5.00"),
        (3, .ratio, "3.00"),
        (-12, .score, "-12.0"),
        (3, .hours, "3.0 h"),
        (12, .days, "12.0 d"),
        (1234567, nil, "1,234,567"),
        (0, nil, "0"),
    ])
    func integers(n: Int64, unit: MetricUnit?, expected: String) {
        #expect(NumberText.human(n, unit: unit) == expected)
    }

    @Test("NaN and infinity show as the null marker", arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(x: Double) {
        for unit in MetricUnit.allCases {
            #expect(NumberText.human(x, unit: unit) == "—")
        }
        #expect(NumberText.human(x, unit: nil) == "—")
    }
}
