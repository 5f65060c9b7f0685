// A long script is parsed and run a part at a time, so memory does not grow with its length: a
// session of 60,000 statements piped into one process holds one part's syntax trees, not all of them.

import TallyDiagnostics
import TallySyntax

/// The parts ("windows") of a script, each parsed on its own exactly as the whole text would be.
///
/// A window is cut only where a statement starts a line and at least one more whole line follows in
/// the window. The parser decides where a statement ends from its own tokens and the first tokens of
/// the next line, and the lexer reads line by line (strings and comments end with their line), so
/// every statement and diagnostic before such a cut comes out of the window as out of the whole text;
/// the next window starts at the cut. A window with no such cut grows until it has one or reaches the
/// end of the text. A text of one window is parsed as it is, with no copy.
struct ScriptWindows: Sequence {
    let source: SourceFile
    /// The names the parser's suggestions may use.
    var vocabulary = Vocabulary()
    /// Bytes a window covers before it looks for a cut.
    var size = 16 << 10

    /// Whether the whole text is one window.
    var isOneWindow: Bool { source.utf8.count <= size }

    /// One window: its text (a `SourceFile` numbered from the line it starts at), the statements that
    /// start before its cut and the diagnostics found there.
    struct Window {
        let source: SourceFile
        let statements: [Statement]
        let diagnostics: [Diagnostic]
    }

    func makeIterator() -> Iterator { Iterator(whole: source, size: size, vocabulary: vocabulary) }

    struct Iterator: IteratorProtocol {
        let whole: SourceFile
        let size: Int
        let vocabulary: Vocabulary
        /// Where the next window starts (always at the start of a line) and that line's number.
        private var start = 0
        private var line: Int

        init(whole: SourceFile, size: Int, vocabulary: Vocabulary) {
            self.whole = whole
            self.size = size
            self.vocabulary = vocabulary
            line = whole.firstLine
        }

        mutating func next() -> Window? {
            let total = whole.utf8.count
            guard start < total else { return nil }
            if start == 0, total <= size {
                start = total
                let (script, diagnostics) = Parser.parse(whole, vocabulary: vocabulary)
                return Window(source: whole, statements: script.statements, diagnostics: diagnostics)
            }
            var length = size
            while true {
                let end = lineEnd(atOrAfter: start + length)
                let text = SourceFile(
                    name: whole.name, text: String(decoding: whole.utf8[start..<end], as: UTF8.self), firstLine: line)
                let (script, diagnostics) = Parser.parse(text, vocabulary: vocabulary)
                guard end < total else {
                    start = total
                    return Window(source: text, statements: script.statements, diagnostics: diagnostics)
                }
                // The window ends with a line break, so its last line starts after the one before it.
                let bytes = text.utf8
                let lastLine = (bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
                let cut = script.statements.lazy.map(\.span.start).last { at in
                    at > 0 && at < lastLine && bytes[at - 1] == UInt8(ascii: "\n")
                }
                guard let cut else {
                    length *= 2
                    continue
                }
                start += cut
                line += bytes[..<cut].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                return Window(
                    source: text, statements: script.statements.filter { $0.span.start < cut },
                    diagnostics: diagnostics.filter { ($0.span?.start ?? 0) < cut })
            }
        }

        /// The offset just after the first line break at or after `offset`, or the end of the text.
        private func lineEnd(atOrAfter offset: Int) -> Int {
            let bytes = whole.utf8
            var i = Swift.min(offset, bytes.count)
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
            return Swift.min(i + 1, bytes.count)
        }
    }
}
