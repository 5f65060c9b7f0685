// How many terminal cells text takes: escape codes none, wide East Asian characters and emoji two,
// combining marks none. Every width a table, chart or caret line lines up by is counted here.

/// The width of text on a terminal, in cells.
///
///     DisplayWidth.of("plan")            // 4
///     DisplayWidth.of("\u{1B}[1mplan\u{1B}[0m")  // 4: the bold codes take no cells
///     DisplayWidth.of("東京")             // 4
///     DisplayWidth.of("e\u{301}")         // 1: the accent combines with the e
public enum DisplayWidth {
    /// The cells `text` takes on one line. ANSI escape sequences (CSI such as colours, OSC such as
    /// titles) take none; so do other control characters.
    public static func of(_ text: String) -> Int {
        var width = 0
        var escape = EscapeState.none
        for character in text {
            if escape.consume(character) { continue }
            width += of(character)
        }
        return width
    }

    /// The cells one character (a grapheme cluster) takes: its widest scalar, so a base letter with
    /// combining marks is one cell, a Hangul syllable written in jamo two, an emoji sequence two.
    /// A text-default symbol followed by the emoji presentation selector (U+FE0F) is drawn as an
    /// emoji, in two cells.
    public static func of(_ character: Character) -> Int {
        var width = 0
        var first: Unicode.Scalar?
        for scalar in character.unicodeScalars {
            if first == nil { first = scalar }
            if scalar == "\u{FE0F}", let first, first.properties.isEmoji { width = 2 }
            width = max(width, of(scalar))
        }
        return width
    }

    /// The cells one scalar takes on its own.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }  // Latin, the common case, without looking anything up
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul vowels and finals join the syllable
        if scalar.properties.isEmojiPresentation { return 2 }
        return wide.contains { $0.contains(value) } ? 2 : 1
    }

    /// East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth.txt, W and F), emoji aside:
    /// those are found by their presentation property.
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FF1, 0x17000...0x18D08, 0x1AFF0...0x1B2FF,
        0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// The longest start of `text` that fits in `width` cells (escape sequences kept as they are).
    public static func prefix(_ text: String, fitting width: Int) -> String {
        var used = 0
        var out = ""
        var escape = EscapeState.none
        for character in text {
            if escape.consume(character) {
                out.append(character)
                continue
            }
            let cells = of(character)
            if used + cells > width { break }
            used += cells
            out.append(character)
        }
        return out
    }

    /// `text` cut to at most `width` cells, ending in "…" when anything was cut.
    public static func truncated(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        return prefix(text, fitting: width - 1) + "…"
    }

    /// `text` padded with spaces to `width` cells, on the left when `right` is set.
    public static func padded(_ text: String, to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(text)))
        return right ? fill + text : text + fill
    }

    /// Where a scan stands in an escape sequence: ESC starts one, `[` makes it a CSI sequence (ended by
    /// a byte from @ to ~), `]` an OSC string (ended by BEL or ESC \); anything else after ESC is a
    /// two-character sequence.
    private enum EscapeState {
        case none, escape, csi, osc, oscEscape

        /// Whether `character` belongs to an escape sequence (and so takes no cells).
        mutating func consume(_ character: Character) -> Bool {
            let scalar = character.unicodeScalars.first ?? " "
            switch self {
            case .none:
                guard scalar == "\u{1B}" else { return false }
                self = .escape
            case .escape:
                self = scalar == "[" ? .csi : scalar == "]" ? .osc : .none
            case .csi:
                if (0x40...0x7E).contains(scalar.value) { self = .none }
            case .osc:
                if scalar == "\u{07}" { self = .none } else if scalar == "\u{1B}" { self = .oscEscape }
            case .oscEscape:
                self = .none
            }
            return true
        }
    }
}
