// Exported numbers: formats read from an example, and values with thousands separators, decimal commas,
// currencies, signs and accounting negatives written as plain numbers, or refused when they do not fit.

import Testing

@testable import TallyData

struct NumberFormatTests {
    static func normalised(_ example: String, _ value: String) throws -> String? {
        let format = try NumberFormat(example: example)
        var value = value
        var out: [UInt8] = []
        let ok = value.withUTF8 { format.normalise($0, into: &out) }
        return ok ? String(decoding: out, as: UTF8.self) : nil
    }

    // MARK: Examples

    @Test(arguments: [
        ("1,234.56", ",", ".", "\"1,234.56\""), ("1.234,56", ".", ",", "\"1.234,56\""), ("1 234,56", " ", ",", "\"1 234,56\""),
        ("1'234.56", "'", ".", "\"1'234.56\""), ("1234.56", nil, ".", "\"1234.56\""), ("1234,5", nil, ",", "\"1234,56\""),
        ("0.5", nil, ".", "\"1234.56\""), ("1,234,567.89", ",", ".", "\"1,234.56\""), ("12.345.678,9", ".", ",", "\"1.234,56\""),
        // The last mark is the decimal mark: a lone one is a decimal mark unless three digits follow it.
        ("1,2345", nil, ",", "\"1234,56\""),
    ] as [(String, Character?, Character, String)])
    func examples(_ example: String, _ thousands: Character?, _ mark: Character, _ shown: String) throws {
        let format = try NumberFormat(example: example)
        #expect(format.thousands == thousands?.asciiValue)
        #expect(format.decimalMark == mark.asciiValue)
        #expect(format.description == shown)
    }

    static let notAnExample =
        "a number format is an example number ending in its decimal mark and digits, such as \"1,234.56\" or \"1.234,56\""
    static func eitherWay(_ example: String) -> String {
        "\"\(example)\" could be read either way; write the example with two decimals, such as \"1,234.56\" or \"1.234,56\""
    }
    static let oneSeparator = "the example uses one thousands separator and a different decimal mark, such as \"1.234,56\""

    @Test(arguments: [
        ("", notAnExample), ("1234", notAnExample), ("1,234.", notAnExample), (".5", notAnExample), ("$1,234.56", notAnExample),
        ("1,234.56 €", notAnExample), ("-1,234.56", notAnExample), ("1_234.56", notAnExample), ("1 234", notAnExample),
        ("1.5e3", notAnExample), ("1,234,56", oneSeparator), ("1.234.56", oneSeparator), ("1.234 567,89", oneSeparator),
        ("1,234.567.89", oneSeparator),
        // Three digits after a lone mark could be thousands or a fraction: the example must tell.
        ("1,234", eitherWay("1,234")), ("1.234", eitherWay("1.234")),
    ])
    func rejectedExamples(_ example: String, _ message: String) {
        let error = #expect(throws: FormatError.self) { try NumberFormat(example: example) }
        #expect(error?.message == message)
    }

    @Test func standardIsCommasAndAPoint() throws {
        #expect(NumberFormat.standard == (try NumberFormat(example: "1,234.56")))
    }

    // MARK: Values

    @Test(arguments: [
        // Thousands separators, or none.
        ("1,234.56", "1,234.56", "1234.56"), ("1,234.56", "1234.56", "1234.56"), ("1,234.56", "1,234,567", "1234567"),
        ("1,234.56", "0.5", "0.5"), ("1,234.56", "12", "12"), ("1,234.56", "123,456.7", "123456.7"),
        ("1,234.56", "-0.00", "-0.00"),
        // Currency signs and codes, before or after, with or without a space.
        ("1,234.56", "$1,234.56", "1234.56"), ("1,234.56", "$ 1,234.56", "1234.56"), ("1,234.56", "1,234.56 $", "1234.56"),
        ("1,234.56", "USD 1,234.56", "1234.56"), ("1,234.56", "1,234.56 USD", "1234.56"), ("1,234.56", "1,234.56USD", "1234.56"),
        ("1,234.56", "€5", "5"), ("1,234.56", "£5", "5"), ("1,234.56", "¥5", "5"), ("1,234.56", "₹5", "5"), ("1,234.56", "5¢", "5"),
        ("1,234.56", "  $5  ", "5"),
        // Signs before or after the currency, a trailing minus, parentheses.
        ("1,234.56", "-$12.00", "-12.00"), ("1,234.56", "$-12.00", "-12.00"), ("1,234.56", "+$12.00", "12.00"),
        ("1,234.56", "12.00-", "-12.00"), ("1,234.56", "12.00 $-", "-12.00"), ("1,234.56", "- 5", "-5"),
        ("1,234.56", "(12.00)", "-12.00"), ("1,234.56", "($1,234.50)", "-1234.50"), ("1,234.56", "( 12.00 )", "-12.00"),
        // Accounting formats put the currency outside the parentheses.
        ("1,234.56", "$(12.00)", "-12.00"), ("1,234.56", "$ (1,234.50)", "-1234.50"), ("1,234.56", "(12.00) USD", "-12.00"),
        // A decimal comma, with dots, spaces or no-break spaces between thousands.
        ("1.234,56", "1.234,56", "1234.56"), ("1.234,56", "1.234.567,8", "1234567.8"), ("1.234,56", "-1.234,56 €", "-1234.56"),
        ("1.234,56", "0,5", "0.5"), ("1.234,56", "1.234", "1234"), ("1 234,56", "1 234 567,89", "1234567.89"),
        ("1 234,56", "1\u{A0}234,56", "1234.56"), ("1 234,56", "1\u{202F}234,56\u{A0}€", "1234.56"),
        ("1 234,56", "€ 1 234,56", "1234.56"), ("1'234.56", "CHF 1'234.50", "1234.50"),
        // Without thousands in the example, none in the values.
        ("1234.56", "1234567.5", "1234567.5"),
    ])
    func values(_ example: String, _ value: String, _ plain: String) throws {
        #expect(try Self.normalised(example, value) == plain)
    }

    @Test(arguments: [
        // Thousands must group by three.
        ("1,234.56", "1,23,456"), ("1,234.56", "12,3456"), ("1,234.56", "1234,567"), ("1,234.56", ",123"),
        ("1,234.56", "1,,234"), ("1,234.56", "1,234,"), ("1,234.56", "1,234.5,6"),
        // Separators of another format.
        ("1,234.56", "1 234.56"), ("1,234.56", "1.234,56"), ("1.234,56", "1,234.56"), ("1.234,56", "1234.5"),
        ("1 234,56", "1.234,56"), ("1234.56", "1,234.5"), ("1.234,56", "1\u{A0}234,56"),
        // Too many signs or currencies.
        ("1,234.56", "--5"), ("1,234.56", "+-5"), ("1,234.56", "-5-"), ("1,234.56", "(-5)"), ("1,234.56", "(5)-"),
        ("1,234.56", "-(5)"), ("1,234.56", "$$5"), ("1,234.56", "$5 USD"), ("1,234.56", "USD 5 EUR"), ("1,234.56", "€5$"),
        // Not a number at all, or half of one.
        ("1,234.56", "12."), ("1,234.56", ".5"), ("1,234.56", "1.2.3"), ("1,234.56", "1e5"), ("1,234.56", "abc"),
        ("1,234.56", "$"), ("1,234.56", "USD"), ("1,234.56", "-"), ("1,234.56", "()"), ("1,234.56", "5 %"),
        ("1,234.56", "Usd 5"), ("1,234.56", "5 5"), ("1,234.56", "(5"), ("1,234.56", " "), ("1,234.56", "0x10"),
    ])
    func rejectedValues(_ example: String, _ value: String) throws {
        #expect(try Self.normalised(example, value) == nil)
    }
}
