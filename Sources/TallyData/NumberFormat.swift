// A declared layout for numbers as spreadsheets and billing systems export them: thousands separators,
// a decimal comma, currency signs, accounting negatives. Only for columns declared `as number`.

import TallyDiagnostics

/// How exported numbers are written, given by an example such as `1,234.56` or `1.234,56`.
///
/// A value may carry, around its digits: spaces; one currency sign (`$ € £ ¥ ₹ ₩ ₽ ₺ ₪ ₫ ₴ ฿ ¢`) or a
/// three-letter code (`USD`), before or after; a sign before or after the currency and a trailing
/// minus (`12.00-`); parentheses for a negative amount (`(12.00)`). Thousands separators must group
/// digits by three. Nothing else is accepted, so a value that does not match is an error, never a guess.
public struct NumberFormat: Sendable, Equatable, CustomStringConvertible {
    /// Between groups of three digits (`,` in 1,234.56); nil when the example has none.
    public let thousands: UInt8?
    /// Before the fraction (`.` in 1,234.56).
    public let decimalMark: UInt8

    /// Thousands by commas, a decimal point: 1,234.56.
    public static let standard = NumberFormat(thousands: UInt8(ascii: ","), decimalMark: UInt8(ascii: "."))

    init(thousands: UInt8?, decimalMark: UInt8) {
        self.thousands = thousands
        self.decimalMark = decimalMark
    }

    /// Reads the separators from an example: digits, at most one kind of thousands separator, and a
    /// decimal mark followed by digits (`1,234.56`, `1.234,56`, `1 234,56`, `1234.56`).
    public init(example: String) throws(FormatError) {
        let bytes = Array(example.utf8)
        let isDigit = { (c: UInt8) in c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        let marks = bytes.filter { !isDigit($0) }
        let allowed: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: " "), UInt8(ascii: "'")]
        guard let last = bytes.lastIndex(where: { !isDigit($0) }), last + 1 < bytes.count, last > 0, isDigit(bytes[0]),
            marks.allSatisfy(allowed.contains), bytes[last] == UInt8(ascii: ",") || bytes[last] == UInt8(ascii: ".")
        else {
            throw FormatError(
                "a number format is an example number ending in its decimal mark and digits, such as \"1,234.56\" or \"1.234,56\"")
        }
        let separators = Set(marks.dropLast())
        guard separators.count <= 1, !separators.contains(bytes[last]) else {
            throw FormatError("the example uses one thousands separator and a different decimal mark, such as \"1.234,56\"")
        }
        // "1,234" could be a thousand or one and a fraction: the example must tell.
        guard !separators.isEmpty || bytes.count - last - 1 != 3 else {
            throw FormatError(
                "\(StringLiteral.quoted(example)) could be read either way; write the example with two decimals, such as \"1,234.56\" or \"1.234,56\"")
        }
        self.init(thousands: separators.first, decimalMark: bytes[last])
    }

    /// The example this format was read from.
    public var description: String {
        let mark = String(UnicodeScalar(decimalMark))
        return "\"1\(thousands.map { String(UnicodeScalar($0)) } ?? "")234\(mark)56\""
    }

    private static let currencySigns: [[UInt8]] = ["$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫", "₴", "฿", "¢"].map { Array($0.utf8) }
    /// Spaces that exports put between thousands or around a currency: plain, no-break, narrow no-break.
    private static let spaces: [[UInt8]] = [[0x20], [0xC2, 0xA0], [0xE2, 0x80, 0xAF]]

    /// Writes the value as `[-]digits[.digits]` into `out`; false when it is not a number in this format.
    func normalise(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        var lo = 0
        var hi = b.count
        var negative = false
        var signs = 0
        var currencies = 0
        func skip(_ words: [[UInt8]], atEnd: Bool) -> Bool {
            for w in words where hi - lo >= w.count {
                let at = atEnd ? hi - w.count : lo
                if (0..<w.count).allSatisfy({ b[at + $0] == w[$0] }) {
                    if atEnd { hi -= w.count } else { lo += w.count }
                    return true
                }
            }
            return false
        }
        func skipSpaces() { while skip(Self.spaces, atEnd: false) {}; while skip(Self.spaces, atEnd: true) {} }
        func code(atEnd: Bool) -> Bool {
            guard hi - lo >= 3 else { return false }
            let at = atEnd ? hi - 3 : lo
            guard (0..<3).allSatisfy({ b[at + $0] >= UInt8(ascii: "A") && b[at + $0] <= UInt8(ascii: "Z") }) else { return false }
            if atEnd { hi -= 3 } else { lo += 3 }
            return true
        }
        // Signs, currencies and parentheses in any order around the digits, each at most once (accounting
        // formats write the currency outside the parentheses: `$ (12.00)`).
        var changed = true
        while changed, lo < hi {
            changed = false
            skipSpaces()
            if hi - lo >= 2, b[lo] == UInt8(ascii: "("), b[hi - 1] == UInt8(ascii: ")") {
                negative = true
                signs += 1
                lo += 1
                hi -= 1
                changed = true
                continue
            }
            for atEnd in [false, true] {
                if hi > lo, case let c = b[atEnd ? hi - 1 : lo], c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
                    signs += 1
                    negative = negative || c == UInt8(ascii: "-")
                    if atEnd { hi -= 1 } else { lo += 1 }
                    changed = true
                } else if skip(Self.currencySigns, atEnd: atEnd) || code(atEnd: atEnd) {
                    currencies += 1
                    changed = true
                }
            }
        }
        guard signs <= 1, currencies <= 1, lo < hi else { return false }
        if negative { out.append(UInt8(ascii: "-")) }
        // Digits, thousands separators grouping by three, then an optional fraction.
        var group = 0
        var groups = 0
        var i = lo
        while i < hi {
            let c = b[i]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                out.append(c)
                group += 1
                i += 1
            } else if let t = thousands, separator(b, i, hi, t) > 0 {
                guard group > 0, groups == 0 ? group <= 3 : group == 3 else { return false }
                groups += 1
                group = 0
                i += separator(b, i, hi, t)
            } else {
                break
            }
        }
        guard group > 0, groups == 0 || group == 3 else { return false }
        if i < hi {
            guard b[i] == decimalMark, i + 1 < hi else { return false }
            out.append(UInt8(ascii: "."))
            i += 1
            while i < hi, b[i] >= UInt8(ascii: "0") && b[i] <= UInt8(ascii: "9") {
                out.append(b[i])
                i += 1
            }
            guard i == hi, out.last != UInt8(ascii: ".") else { return false }
        }
        return true
    }

    /// The length of the thousands separator at `i` (a space separator also matches no-break spaces), or 0.
    private func separator(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ hi: Int, _ t: UInt8) -> Int {
        if b[i] == t { return 1 }
        guard t == UInt8(ascii: " ") else { return 0 }
        for s in Self.spaces.dropFirst() where i + s.count <= hi && (0..<s.count).allSatisfy({ b[i + $0] == s[$0] }) {
            return s.count
        }
        return 0
    }
}
