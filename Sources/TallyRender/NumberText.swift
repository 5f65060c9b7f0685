// Numbers as text: plain full-precision decimals for machines, rounded and unit-decorated text for people.

import TallyData

/// Number formatting shared by every renderer.
///
/// All rounding works on the *shortest round-trip decimal* of a `Double` (the digits Swift's
/// `description` prints), never on the binary value and never through the locale. So 2.675,
/// whose binary value is 2.67499999999999982236431605997495353221893310546875, is treated as
/// the decimal 2.675 and rounds to 2.68; 1.005 rounds to 1.01; 0.125 as a percent is exactly
/// 12.5%. Ties round half away from zero (2.5 → 3, -2.5 → -3). A result that rounds to zero
/// never carries a minus sign ("0.0%", "$0.00", not "-0.0%").
public enum NumberText {
    /// The shortest decimal that reads back as `x`, never in exponent notation.
    ///
    /// 12.0 → "12", 0.125 → "0.125", 1e-7 → "0.0000001", 1.5e21 → "1500000000000000000000",
    /// -0.0 → "0". NaN and infinity have no decimal form; engines must turn them into null
    /// before they get here, and if one slips through this returns "" (the null text), so a
    /// CSV shows an empty field rather than "nan".
    public static func plain(_ x: Double) -> String {
        guard let decimal = DecimalDigits(x) else { return "" }
        return decimal.fixed(minimumFractionDigits: 0)
    }

    /// The exact decimal `units` × 10^-`scale`, in the same form as a double's: "-29.8", "12".
    public static func plain(_ units: Int64, scale: Int) -> String {
        DecimalDigits(units).shifted(by: -scale).fixed(minimumFractionDigits: 0)
    }

    /// `s` with a comma between each group of three digits of its integer part.
    ///
    /// "1234567.5" → "1,234,567.5", "-1234" → "-1,234". A leading sign is kept; everything from
    /// the first non-digit after it (a decimal point, a unit) is left untouched.
    public static func grouped(_ s: String) -> String {
        var scalars = Array(s.unicodeScalars)
        var start = 0
        if let first = scalars.first, first == "-" || first == "+" { start = 1 }
        var end = start
        while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
        let digitCount = end - start
        guard digitCount > 3 else { return s }
        var groupedDigits: [Unicode.Scalar] = []
        groupedDigits.reserveCapacity(digitCount + digitCount / 3)
        for (offset, scalar) in scalars[start..<end].enumerated() {
            if offset > 0, (digitCount - offset) % 3 == 0 { groupedDigits.append(",") }
            groupedDigits.append(scalar)
        }
        scalars.replaceSubrange(start..<end, with: groupedDigits)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// `x` formatted for people according to its metric's unit.
    ///
    /// - count: integer with separators ("1,234"); a non-integral count gets 2 decimals ("2.50").
    /// - currency: 2 decimals with a dollar sign after the sign ("$1,234.50", "-$1,234.50").
    /// - percent: the fraction × 100 with 1 decimal ("12.5%" for 0.125, "100.0%" for 1).
    /// - ratio: 2 decimals ("1.85"); score: 1 decimal ("42.5"); hours: 1 decimal + " h" ("3.2 h");
    ///   days: 1 decimal + " d" ("12.4 d").
    /// - no unit: integral values as integers, others with up to 4 decimals, trailing zeros
    ///   trimmed ("0.1235", "1,234.5").
    ///
    /// Integer parts always get thousands separators. NaN and infinity return "—", the null
    /// marker for people (see `plain`).
    public static func human(_ x: Double, unit: MetricUnit?) -> String {
        guard let decimal = DecimalDigits(x) else { return nullMarker }
        return human(decimal, unit: unit)
    }

    /// An integer formatted for people according to its metric's unit; exact for every `Int64`,
    /// which a round trip through `Double` would not be above 2^53.
    public static func human(_ n: Int64, unit: MetricUnit?) -> String {
        human(DecimalDigits(n), unit: unit)
    }

    /// An exact decimal formatted for people according to its metric's unit.
    public static func human(_ units: Int64, scale: Int, unit: MetricUnit?) -> String {
        human(DecimalDigits(units).shifted(by: -scale), unit: unit)
    }

    /// What people see for a missing value.
    public static let nullMarker = "—"

    static func human(_ decimal: DecimalDigits, unit: MetricUnit?) -> String {
        switch unit {
        case .count:
            return decimal.isIntegral ? grouped(decimal.fixed(minimumFractionDigits: 0))
                                      : fixedGrouped(decimal, digits: 2)
        case .currency:
            // The sign goes before the dollar sign, and is decided after rounding so -0.001 is "$0.00".
            let cents = decimal.rounded(toFractionDigits: 2)
            return (cents.negative ? "-$" : "$") + fixedGrouped(cents.magnitude, digits: 2)
        case .percent:
            return fixedGrouped(decimal.shifted(by: 2), digits: 1) + "%"
        case .ratio:
            return fixedGrouped(decimal, digits: 2)
        case .score:
            return fixedGrouped(decimal, digits: 1)
        case .hours:
            return fixedGrouped(decimal, digits: 1) + " h"
        case .days:
            return fixedGrouped(decimal, digits: 1) + " d"
        case nil:
            if decimal.isIntegral { return grouped(decimal.fixed(minimumFractionDigits: 0)) }
            return grouped(decimal.rounded(toFractionDigits: 4).fixed(minimumFractionDigits: 0))
        }
    }

    private static func fixedGrouped(_ decimal: DecimalDigits, digits: Int) -> String {
        grouped(decimal.rounded(toFractionDigits: digits).fixed(minimumFractionDigits: digits))
    }
}

/// A finite decimal: `negative`, then `digits` (0...9, no leading or trailing zeros; empty for
/// zero) times 10^`exponent`. Rounding on this form is what makes the output predictable.
struct DecimalDigits: Equatable {
    var negative: Bool
    var digits: [UInt8]
    var exponent: Int

    init(negative: Bool, digits: [UInt8], exponent: Int) {
        self.negative = negative
        self.digits = digits
        self.exponent = exponent
        normalize()
    }

    /// The shortest round-trip decimal of `x`; nil for NaN and infinity.
    init?(_ x: Double) {
        guard x.isFinite else { return nil }
        // `description` is Swift's shortest round-trip form, e.g. "-1.2345678901234568e+20".
        var negative = false
        var digits: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for byte in x.description.utf8 {
            switch byte {
            case UInt8(ascii: "-") where inExponent: exponentSign = -1
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "+"): break
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = byte - UInt8(ascii: "0")
                if inExponent {
                    exponent = exponent * 10 + Int(digit)
                } else {
                    digits.append(digit)
                    if seenPoint { fractionDigits += 1 }
                }
            default:
                return nil
            }
        }
        self.init(negative: negative, digits: digits, exponent: exponentSign * exponent - fractionDigits)
    }

    init(_ n: Int64) {
        let digits = String(n.magnitude).utf8.map { $0 - UInt8(ascii: "0") }
        self.init(negative: n < 0, digits: digits, exponent: 0)
    }

    var isZero: Bool { digits.isEmpty }
    var isIntegral: Bool { exponent >= 0 }
    var magnitude: DecimalDigits { DecimalDigits(negative: false, digits: digits, exponent: exponent) }

    /// The value times 10^`places`: exact, unlike multiplying the `Double`.
    func shifted(by places: Int) -> DecimalDigits {
        DecimalDigits(negative: negative, digits: digits, exponent: exponent + places)
    }

    /// Rounded to `places` fraction digits, ties away from zero.
    func rounded(toFractionDigits places: Int) -> DecimalDigits {
        let dropCount = -places - exponent
        guard dropCount > 0 else { return self }
        let keepCount = digits.count - dropCount
        // Below half a unit of the last kept place: the first dropped digit lies further out.
        guard keepCount >= 0 else { return DecimalDigits(negative: false, digits: [], exponent: 0) }
        var kept = Array(digits[0..<keepCount])
        if digits[keepCount] >= 5 {
            var index = kept.count - 1
            while index >= 0, kept[index] == 9 {
                kept[index] = 0
                index -= 1
            }
            if index >= 0 { kept[index] += 1 } else { kept.insert(1, at: 0) }
        }
        return DecimalDigits(negative: negative, digits: kept, exponent: -places)
    }

    /// Positional notation with at least `minimumFractionDigits` digits after the point.
    func fixed(minimumFractionDigits: Int) -> String {
        var integerPart = ""
        var fractionPart = ""
        if exponent >= 0 {
            integerPart = digitString(digits) + String(repeating: "0", count: exponent)
        } else {
            let fractionCount = -exponent
            if digits.count > fractionCount {
                integerPart = digitString(digits[0..<(digits.count - fractionCount)])
                fractionPart = digitString(digits[(digits.count - fractionCount)...])
            } else {
                fractionPart = String(repeating: "0", count: fractionCount - digits.count) + digitString(digits)
            }
        }
        if integerPart.isEmpty { integerPart = "0" }
        if fractionPart.count < minimumFractionDigits {
            fractionPart += String(repeating: "0", count: minimumFractionDigits - fractionPart.count)
        }
        let sign = negative ? "-" : ""
        return fractionPart.isEmpty ? sign + integerPart : sign + integerPart + "." + fractionPart
    }

    private mutating func normalize() {
        let firstNonZero = digits.firstIndex { $0 != 0 } ?? digits.count
        digits.removeFirst(firstNonZero)
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        // One zero, one spelling: no "-0", and a canonical exponent so values compare equal.
        if digits.isEmpty {
            negative = false
            exponent = 0
        }
    }

    private func digitString<C: Collection>(_ ds: C) -> String where C.Element == UInt8 {
        String(decoding: ds.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }
}
