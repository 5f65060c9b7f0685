// Values as machine text: the exact, unit-free spelling CSV and JSON output are contracted to use.

import TallyData

/// The plain text of a `Value`, as CSV and JSON show it.
public enum ValueText {
    /// The value's plain text, or nil for null.
    ///
    /// integer → digits; number → `NumberText.plain` (full precision, no exponent); decimal → its
    /// exact digits, trailing zeros dropped (`19843.90` → "19843.9"); text as is;
    /// bool → "true"/"false"; date → "2024-03-05"; timestamp → "2024-03-05T10:20:30Z" (a fraction
    /// only when nonzero); period → its calendar's label ("2024-03", "2024-W10"). A NaN or infinite number counts as null: it has no honest spelling.
    public static func plain(_ value: Value) -> String? {
        switch value {
        case .null: nil
        case .integer(let n): String(n)
        case .number(let x): x.isFinite ? NumberText.plain(x) : nil
        case .decimal(let m, let s): NumberText.plain(m, scale: s)
        case .text(let s): s
        case .bool(let b): b ? "true" : "false"
        case .date(let days): CivilDate.format(days)
        case .timestamp(let micros): CivilDate.formatTimestamp(micros)
        case .period(let p): p.label
        }
    }

    /// The value's unquoted CSV text: `plain`, with null as the empty string.
    public static func csv(_ value: Value) -> String {
        plain(value) ?? ""
    }

    /// The value as a JSON literal: `null`, a bare number, `true`/`false`, or a quoted string
    /// (text, dates, timestamps and periods).
    public static func json(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .integer(let n): return String(n)
        case .number(let x): return x.isFinite ? NumberText.plain(x) : "null"
        case .decimal(let m, let s): return NumberText.plain(m, scale: s)
        case .bool(let b): return b ? "true" : "false"
        case .text, .date, .timestamp, .period:
            guard let text = plain(value) else { return "null" }
            return jsonString(text)
        }
    }

    /// `s` as a JSON string literal: quotes, backslashes and control characters escaped; other
    /// characters (including non-ASCII) written as themselves, since the output is UTF-8.
    public static func jsonString(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case let c where c.value < 0x20:
                out += "\\u00" + hexByte(UInt8(c.value))
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let hex = Array("0123456789abcdef")
        return String([hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
    }
}
