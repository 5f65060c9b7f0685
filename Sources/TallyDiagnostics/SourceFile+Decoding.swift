// Turns bytes read from a file or a pipe into a SourceFile, rejecting what is not UTF-8.

extension SourceFile {
    /// The bytes as text. Invalid UTF-8 is an error at its first bad byte rather than a silent
    /// U+FFFD, which would make a string literal quietly match nothing. The error's source is
    /// the text with each bad sequence shown as U+FFFD; bytes before the first are valid, so
    /// its offset is the same in both.
    public static func decoding(_ bytes: [UInt8], name: String?) throws(Diagnostic) -> SourceFile {
        guard let bad = firstInvalidUTF8(bytes) else {
            return SourceFile(name: name, text: String(decoding: bytes, as: UTF8.self))
        }
        let shown = SourceFile(name: name, text: String(decoding: bytes, as: UTF8.self))
        let hex = bytes[bad].map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        throw Diagnostic(
            bad.count == 1 ? "invalid UTF-8 byte \(hex)" : "invalid UTF-8 sequence \(hex)",
            at: Span(bad.lowerBound, bad.lowerBound + 3),
            help: "statements are read as UTF-8 text; convert the input, e.g. with iconv -t UTF-8",
            source: shown)
    }

    /// Byte range of the first ill-formed sequence, as the decoder delimits it.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Range<Int>? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error(let length): return offset..<offset + length
            case .emptyInput: return nil
            }
        }
    }
}
