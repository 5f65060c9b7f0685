// Lexer tests: every token kind, dates versus subtraction, periods, escapes, comments, CRLF, errors.

import Testing
import TallyDiagnostics
@testable import TallySyntax

@Suite struct LexerTests {
    @Test func identifiersAndKeywords() {
        checkTokens("revenue _x1 Plan2", "id:revenue id:_x1 id:Plan2 eof")
        checkTokens("by where since until order limit", "kw:by kw:where kw:since kw:until kw:order kw:limit eof")
        checkTokens(
            "and or not in is null true false between as on last for asc desc",
            "kw:and kw:or kw:not kw:in kw:is kw:null kw:true kw:false kw:between kw:as kw:on kw:last kw:for kw:asc kw:desc eof")
        // Statement and clause words are not reserved.
        checkTokens("metric load show unit with to", "id:metric id:load id:show id:unit id:with id:to eof")
        // Keywords are lowercase; `BY` is a name.
        checkTokens("BY", "id:BY eof")
        checkTokens("`order` `a b`", "id:order id:a b eof")
    }

    @Test func everyKeywordIsReserved() {
        for k in Keyword.allCases { checkTokens(k.rawValue, "kw:\(k.rawValue) eof") }
    }

    @Test func quotedNameIsAnIdentifier() {
        let source = SourceFile(name: nil, text: "`order`")
        let (tokens, _) = Lexer(source).tokens()
        #expect(tokens.first?.kind == .identifier)
        #expect(tokens.first?.span == Span(0, 7))
        #expect(tokens.first?.nameText(in: source) == "order")
        #expect(tokens.first?.isQuotedName(in: source) == true)
    }

    @Test func numbers() {
        checkTokens("0 42 3.14 1e5 1E-3 2.5e+10", "num:0 num:42 num:3.14 num:1e5 num:1E-3 num:2.5e+10 eof")
        // A dot not followed by a digit is not part of the number.
        checkTokens("1.x", "num:1 . id:x eof")
        checkTokens("1.", "num:1 . eof")
    }

    @Test func strings() {
        checkTokens(#""pro""#, #"str:"pro" eof"#)
        checkTokens(#""""#, #"str:"" eof"#)
        checkTokens(#""a\"b\\c\nd\te""#, #"str:"a\"b\\c\nd\te" eof"#)
        checkTokens(#""héllo, wörld ✓""#, #"str:"héllo, wörld ✓" eof"#)
        checkTokens(#""-- not a comment""#, #"str:"-- not a comment" eof"#)
    }

    @Test func stringValueDecodesEscapes() {
        let source = SourceFile(name: nil, text: #""a\"b\\c\nd\te\rf""#)
        let (tokens, diagnostics) = Lexer(source).tokens()
        #expect(diagnostics.isEmpty)
        #expect(tokens.first?.stringValue(in: source) == "a\"b\\c\nd\te\rf")
    }

    @Test func quotedStringsReadBackAsTheSameValue() {
        for value in ["plain", "say \"hi\"", "C:\\data", "two\nlines", "crlf\r\n", "tab\there", "é ✓"] {
            let source = SourceFile(name: nil, text: StringLiteral.quoted(value))
            let (tokens, diagnostics) = Lexer(source).tokens()
            #expect(diagnostics.isEmpty, "\(value)")
            #expect(tokens.first?.stringValue(in: source) == value)
        }
    }

    @Test func datesAndSubtraction() {
        checkTokens("2024-01-31", "date:2024-01-31 eof")
        checkTokens("2024 - 01", "num:2024 - num:01 eof")
        checkTokens("2024 -01-31", "num:2024 - num:01 - num:31 eof")
        checkTokens("2024-01-31 - 2024-01-01", "date:2024-01-31 - date:2024-01-01 eof")
        checkTokens("x-1", "id:x - num:1 eof")
        checkTokens("202-01", "num:202 - num:01 eof")
        checkTokens("(2024-01-31)", "( date:2024-01-31 ) eof")
        checkTokens("2024-01-31--comment", "date:2024-01-31 eof")
    }

    @Test func periods() {
        checkTokens("2024-03 2024-Q1 2024-W09 2024-q4 2024-w53", "period:2024-03 period:2024-Q1 period:2024-W09 period:2024-q4 period:2024-w53 eof")
    }

    @Test func symbols() {
        checkTokens("( ) , . ; = != <> < <= > >= + - * /", "( ) , . ; = != != < <= > >= + - * / eof")
        checkTokens("a<=b", "id:a <= id:b eof")
    }

    @Test func commentsAndNewlines() {
        checkTokens("revenue -- total\nby month", "id:revenue nl kw:by id:month eof")
        checkTokens("-- only a comment", "eof")
        checkTokens("a\r\nb", "id:a nl id:b eof")
        checkTokens("a\n\nb", "id:a nl nl id:b eof")
        checkTokens("a -- x\r\nb", "id:a nl id:b eof")
        checkTokens("\u{FEFF}a", "id:a eof")
        checkTokens("a\tb\r c", "id:a id:b id:c eof")
    }

    @Test func crlfNewlineIsOneToken() {
        let (tokens, _) = Lexer(SourceFile(name: nil, text: "a\r\nb")).tokens()
        #expect(tokens.map(\.span) == [Span(0, 1), Span(1, 3), Span(3, 4), Span(4, 4)])
    }

    @Test func spans() {
        let (tokens, _) = Lexer(SourceFile(name: nil, text: "ab  \"x\" 2024-01-01 <=")).tokens()
        #expect(tokens.map(\.span) == [Span(0, 2), Span(4, 7), Span(8, 18), Span(19, 21), Span(21, 21)])
    }

    @Test func errors() {
        checkLexError(#"x = ⟨"abc⟩"#, "unterminated string", help: "close it with \"")
        checkLexError("x = ⟨\"abc⟩\r\ny", "unterminated string")
        checkLexError("x = ⟨'pro'⟩", "strings use double quotes", help: #"write "pro""#)
        checkLexError(#"x = ⟨'say "hi"'⟩"#, "strings use double quotes", help: #"write "say \"hi\"""#)
        checkLexError("x ⟨#⟩ y", "unexpected character '#'")
        checkLexError("x ⟨##⟩ y", "unexpected characters '##'")
        checkLexError("⟨é⟩", "unexpected character 'é'")
        checkLexError("caf⟨é⟩", "unexpected character 'é'")
        checkLexError("a ⟨!⟩ b", "unexpected character '!'", help: "write != for 'not equal' and 'not' for negation")
        checkLexError("a ⟨&&⟩ b", "unexpected characters '&&'", help: "write 'and'")
        checkLexError("a⟨\u{7}⟩", "unexpected character '\\u{7}'")
        checkLexError("a⟨\u{A0}⟩b", "unexpected character '\\u{a0}'", help: "this is an invisible non-ASCII space, often pasted from a document; type a plain space")
        checkLexError("x = ⟨“⟩pro", "unexpected character '“'", help: "use straight double quotes: \"...\"")
        checkLexError("a ⟨==⟩ b", "use '=' to compare, not '=='")
        checkLexError(#"load "C:⟨\d⟩ata.csv""#, "unknown escape '\\d' in a string")
        checkLexError("⟨`order⟩", "unterminated quoted name")
        checkLexError("⟨``⟩", "empty quoted name")
        checkLexError("last ⟨3months⟩", "invalid number '3months'")
        checkLexError("since ⟨2024-1-5⟩", "invalid date '2024-1-5'")
        checkLexError("since ⟨2024-01-311⟩", "invalid date '2024-01-311'")
        checkLexError("for ⟨2024-Q12⟩", "invalid period '2024-Q12'")
        checkLexError("⟨2024-01-31x⟩", "invalid date '2024-01-31x'")
    }

    @Test func lexingGoesOnAfterErrors() {
        let (tokens, errors) = lexed("a # b 'c' \"d")
        #expect(tokens == #"id:a id:b str:"c" str:"d" eof"#)
        #expect(errors == ["unexpected character '#'", "strings use double quotes", "unterminated string"])
    }

    @Test func unterminatedStringStopsAtLineEnd() {
        let (tokens, errors) = lexed("\"abc\nrevenue")
        #expect(tokens == #"str:"abc" nl id:revenue eof"#)
        #expect(errors == ["unterminated string"])
    }
}
