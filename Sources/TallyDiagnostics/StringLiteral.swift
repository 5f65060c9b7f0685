// Text written as a Tally string literal, for code printed back and for values quoted in messages.

/// The spelling of a string in the language: in double quotes, with the escapes the lexer reads.
public enum StringLiteral {
    /// `s` quoted and escaped so that the lexer reads back the same value: `say "hi"` → `"say \"hi\""`.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }
}
