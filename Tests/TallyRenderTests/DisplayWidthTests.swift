// Terminal cell widths: escape codes, wide East Asian characters, emoji and combining marks.

import TallyDiagnostics
import Testing

@Suite("Display width")
struct DisplayWidthTests {
    @Test(arguments: [
        ("plan", 4),
        ("", 0),
        ("\u{1B}[1mplan\u{1B}[0m", 4),  // bold: the codes take no cells
        ("\u{1B}[38;5;208morange\u{1B}[0m", 6),
        ("\u{1B}]0;title\u{07}x", 1),  // a terminal title (OSC) takes none
        ("東京", 4),
        ("ｶﾀｶﾅ", 4),  // halfwidth katakana are narrow
        ("ＡＢ", 4),  // fullwidth Latin is wide
        ("한국어", 6),
        ("e\u{301}", 1),  // e and a combining acute accent
        ("Zürich", 6),
        ("👍", 2),
        ("👨‍👩‍👧", 2),  // one emoji made of three joined by zero-width joiners
        ("🇯🇵", 2),  // a flag: two regional indicators
        ("❤️", 2),  // a text heart made emoji by U+FE0F
        ("❤", 1),
        ("a\u{200B}b", 2),  // zero-width space
        ("—", 1),
    ])
    func width(_ text: String, _ cells: Int) {
        #expect(DisplayWidth.of(text) == cells, "\(text.debugDescription)")
    }

    @Test func cuttingAndPadding() {
        #expect(DisplayWidth.truncated("enterprise", to: 8) == "enterpr…")
        #expect(DisplayWidth.truncated("enterprise", to: 10) == "enterprise")
        #expect(DisplayWidth.truncated("東京都庁", to: 5) == "東京…")  // a wide character never half fits
        #expect(DisplayWidth.truncated("abc", to: 0) == "")
        #expect(DisplayWidth.prefix("東京", fitting: 3) == "東")
        #expect(DisplayWidth.padded("東京", to: 6) == "東京  ")
        #expect(DisplayWidth.padded("東京", to: 6, right: true) == "  東京")
        #expect(DisplayWidth.padded("\u{1B}[1mab\u{1B}[0m", to: 3) == "\u{1B}[1mab\u{1B}[0m ")
    }
}
