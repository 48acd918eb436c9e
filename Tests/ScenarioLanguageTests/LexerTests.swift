import ScenarioLanguage
import XCTest

/// The lexer: numbers, strings, comments, operators and the characters it refuses.
final class LexerTests: XCTestCase {
  private func lex(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
    var lexer = Lexer(source: SourceFile(path: "lex", text: text))
    let tokens = lexer.tokenize()
    return (tokens, lexer.diagnostics)
  }

  /// The tokens without the final end of file.
  private func tokens(_ text: String) -> [Token] {
    let all = lex(text).tokens
    XCTAssertEqual(all.last?.kind, .endOfFile)
    return Array(all.dropLast())
  }

  // MARK: - Numbers

  func testNumberValues() {
    let table: [(text: String, value: Double)] = [
      ("0", 0),
      ("7", 7),
      ("2952", 2952),
      ("85_000", 85_000),
      ("1_000_000", 1_000_000),
      ("0.55", 0.55),
      (".5", 0.5),
      ("1_000.000_1", 1000.0001),
      ("1e6", 1e6),
      ("1E6", 1e6),
      ("2.5e-3", 0.0025),
      ("1e+2", 100),
      ("1.7e308", 1.7e308),
      ("2.5e-300", 2.5e-300),
    ]
    for (text, value) in table {
      let (tokens, diagnostics) = lex(text)
      XCTAssertEqual(diagnostics, [], text)
      XCTAssertEqual(tokens.count, 2, text)
      XCTAssertEqual(tokens[0].kind, .number, text)
      XCTAssertEqual(tokens[0].number, value, text)
      XCTAssertEqual(tokens[0].text, text, "a number token keeps its text as written")
      XCTAssertEqual(tokens[0].range, SourceRange(start: 0, end: text.utf8.count), text)
    }
  }

  func testPercentIsItsOwnToken() {
    let tokens = tokens("4.5% 12 %")
    XCTAssertEqual(tokens.map(\.kind), [.number, .percent, .number, .percent])
    XCTAssertEqual(tokens[0].number, 4.5, "the parser, not the lexer, divides by 100")
  }

  func testDotNotFollowedByDigitIsNotPartOfANumber() {
    let tokens = tokens("3.x 2..5")
    XCTAssertEqual(tokens.map(\.kind), [.number, .dot, .identifier, .number, .dot, .number])
    XCTAssertEqual(tokens[0].number, 3)
    XCTAssertEqual(tokens[5].number, 0.5)
  }

  func testExponentWithoutDigitsIsNotAnExponent() {
    // `2e` is a number glued to a letter, like `12abc`.
    let (tokens, diagnostics) = lex("2e")
    XCTAssertEqual(tokens.map(\.kind), [.number, .endOfFile])
    XCTAssertEqual(diagnostics.map(\.id), ["malformed-number"])
    // `2 e` is a number and an identifier.
    XCTAssertEqual(self.tokens("2 e").map(\.kind), [.number, .identifier])
  }

  func testNumberTooLargeIsReportedAndReadAsZero() {
    let (tokens, diagnostics) = lex("seed 1e400")
    XCTAssertEqual(tokens[1].kind, .number)
    XCTAssertEqual(tokens[1].number, 0)
    XCTAssertEqual(diagnostics.count, 1)
    XCTAssertEqual(diagnostics.first?.id, "number-out-of-range")
    XCTAssertEqual(diagnostics.first?.message, "number `1e400` is too large")
    XCTAssertEqual(diagnostics.first?.range, SourceRange(start: 5, end: 10))
    XCTAssertEqual(diagnostics.first?.hint, "numbers must be below about 1.8e308")
  }

  func testTinyNumbersUnderflowWithoutDiagnostic() {
    let (tokens, diagnostics) = lex("1e-400")
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(tokens[0].number, 0)
  }

  func testLetterGluedToNumberIsOneMalformedNumber() {
    let (tokens, diagnostics) = lex("12abc + 1")
    XCTAssertEqual(tokens.map(\.kind), [.number, .plus, .number, .endOfFile], "`abc` is not a separate identifier")
    XCTAssertEqual(tokens[0].text, "12abc")
    XCTAssertEqual(tokens[0].number, 12)
    XCTAssertEqual(diagnostics.count, 1)
    XCTAssertEqual(diagnostics[0].id, "malformed-number")
    XCTAssertEqual(diagnostics[0].message, "malformed number `12abc`")
    XCTAssertEqual(diagnostics[0].range, SourceRange(start: 0, end: 5))
    XCTAssertEqual(diagnostics[0].hint, "put a space between a number and its unit, e.g. `12 abc`")
  }

  func testMisplacedUnderscores() {
    for text in ["85_", "85__000", "1___0", "1.5_"] {
      let (tokens, diagnostics) = lex(text)
      XCTAssertEqual(tokens.map(\.kind), [.number, .endOfFile], "\(text) is one token")
      XCTAssertEqual(diagnostics.map(\.id), ["malformed-number"], text)
      XCTAssertEqual(diagnostics.first?.range, SourceRange(start: 0, end: text.utf8.count), text)
      XCTAssertEqual(diagnostics.first?.hint, "`_` may only stand between digits, as in `85_000`", text)
    }
    // A leading underscore makes an identifier.
    XCTAssertEqual(tokens("_85").map(\.kind), [.identifier])
  }

  func testCommaNeverGroupsDigits() {
    let tokens = tokens("85,000")
    XCTAssertEqual(tokens.map(\.kind), [.number, .comma, .number])
    XCTAssertEqual(tokens.map(\.number), [85, 0, 0])
  }

  // MARK: - Strings

  func testStringsAndEscapes() {
    let (tokens, diagnostics) = lex(#""white peony tea" "say \"hi\"" "a\\b" "1\n2\t3" "白茶""#)
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(tokens.map(\.kind), [.string, .string, .string, .string, .string, .endOfFile])
    XCTAssertEqual(tokens.dropLast().map(\.text), ["white peony tea", "say \"hi\"", "a\\b", "1\n2\t3", "白茶"])
    XCTAssertEqual(tokens[0].range, SourceRange(start: 0, end: 17), "the range includes the quotes")
  }

  func testUnknownEscapeIsReportedAndDropped() {
    let (tokens, diagnostics) = lex(#""a\qb""#)
    XCTAssertEqual(tokens[0].text, "ab")
    XCTAssertEqual(diagnostics.map(\.id), ["bad-escape"])
    XCTAssertEqual(diagnostics[0].message, "unknown escape `\\q` in string")
    XCTAssertEqual(diagnostics[0].range, SourceRange(start: 2, end: 4))
  }

  func testUnterminatedStringStopsAtTheEndOfTheLine() {
    let (tokens, diagnostics) = lex("title \"white peony\nyears 2016")
    XCTAssertEqual(tokens.map(\.kind), [.identifier, .string, .identifier, .number, .endOfFile])
    XCTAssertEqual(tokens[1].text, "white peony")
    XCTAssertEqual(tokens[2].text, "years", "the next line is lexed normally")
    XCTAssertTrue(tokens[2].startsLine)
    XCTAssertEqual(diagnostics.map(\.id), ["unterminated-string"])
    XCTAssertEqual(diagnostics[0].range, SourceRange(start: 6, end: 18))
    XCTAssertEqual(diagnostics[0].hint, "close it with `\"` on the same line")
  }

  func testUnterminatedStringAtEndOfFile() {
    let (tokens, diagnostics) = lex("\"abc")
    XCTAssertEqual(tokens.map(\.kind), [.string, .endOfFile])
    XCTAssertEqual(diagnostics.map(\.id), ["unterminated-string"])
    XCTAssertEqual(diagnostics[0].range, SourceRange(start: 0, end: 4))
  }

  // MARK: - Trivia and line starts

  func testCommentsAndWhitespaceAreSkipped() {
    let tokens = tokens("# heading\n  years 2016 # first year\n\t# indented comment\r\n  seed 7 #")
    XCTAssertEqual(tokens.map(\.text), ["years", "2016", "seed", "7"])
    XCTAssertEqual(tokens.map(\.startsLine), [true, false, true, false])
  }

  func testHashInsideStringIsNotAComment() {
    XCTAssertEqual(tokens("\"# not a comment\" x").map(\.kind), [.string, .identifier])
  }

  func testCRLFLineEndings() {
    let tokens = tokens("a\r\nb\r\n")
    XCTAssertEqual(tokens.map(\.text), ["a", "b"])
    XCTAssertEqual(tokens.map(\.startsLine), [true, true])
  }

  func testEndOfFileIsAnEmptyRangeAtTheEnd() {
    let (tokens, _) = lex("years  ")
    XCTAssertEqual(tokens.last?.kind, .endOfFile)
    XCTAssertEqual(tokens.last?.range, .point(7))
    XCTAssertEqual(tokens.last?.quoted, "end of file")
    XCTAssertEqual(lex("").tokens.map(\.kind), [.endOfFile])
  }

  // MARK: - Identifiers and punctuation

  func testIdentifiersAreASCIIWordsWithDigitsAndUnderscores() {
    let tokens = tokens("poverty_line x2 _tmp Registered")
    XCTAssertEqual(tokens.map(\.kind), [.identifier, .identifier, .identifier, .identifier])
    XCTAssertEqual(tokens.map(\.text), ["poverty_line", "x2", "_tmp", "Registered"])
    XCTAssertTrue(tokens[0].isWord("poverty_line"))
    XCTAssertFalse(tokens[3].isWord("registered"), "keywords are case-sensitive")
  }

  func testOperatorsAndPunctuation() {
    let tokens = tokens("{ } ( ) : , ; . ~ % + - * / = += -= *= /= < <= > >= == !=")
    XCTAssertEqual(
      tokens.map(\.kind),
      [
        .leftBrace, .rightBrace, .leftParen, .rightParen, .colon, .comma, .semicolon, .dot, .tilde, .percent,
        .plus, .minus, .star, .slash, .assign, .plusAssign, .minusAssign, .starAssign, .slashAssign,
        .less, .lessEqual, .greater, .greaterEqual, .equalEqual, .notEqual,
      ])
  }

  func testLongestOperatorWins() {
    XCTAssertEqual(tokens("a<=b").map(\.kind), [.identifier, .lessEqual, .identifier])
    XCTAssertEqual(tokens("a< =b").map(\.kind), [.identifier, .less, .assign, .identifier])
    XCTAssertEqual(tokens("x===y").map(\.kind), [.identifier, .equalEqual, .assign, .identifier])
  }

  // MARK: - Unexpected characters

  func testExclamationMarkAloneIsRefusedWithAHint() {
    let (tokens, diagnostics) = lex("!registered")
    XCTAssertEqual(tokens.map(\.kind), [.identifier, .endOfFile], "the character is skipped")
    XCTAssertEqual(diagnostics.map(\.id), ["unexpected-character"])
    XCTAssertEqual(diagnostics[0].range, SourceRange(start: 0, end: 1))
    XCTAssertEqual(diagnostics[0].hint, "write `not` for negation, `!=` for 'not equal'")
  }

  func testFullWidthPunctuationIsReportedAndReadAsASCII() {
    let table: [(character: String, kind: Token.Kind)] = [
      ("（", .leftParen), ("）", .rightParen), ("，", .comma), ("：", .colon), ("％", .percent),
    ]
    for (character, kind) in table {
      let (tokens, diagnostics) = lex("a\(character)b")
      XCTAssertEqual(tokens.map(\.kind), [.identifier, kind, .identifier, .endOfFile], character)
      XCTAssertEqual(diagnostics.map(\.id), ["unexpected-character"], character)
      XCTAssertEqual(diagnostics.first?.message, "unexpected character `\(character)`")
      XCTAssertEqual(diagnostics.first?.range, SourceRange(start: 1, end: 4), "one three-byte character")
      XCTAssertEqual(diagnostics.first?.hint, "full-width punctuation: use the ASCII character instead")
    }
  }

  func testMultiplicationSignIsReportedAndReadAsStar() {
    let (tokens, diagnostics) = lex("2 × 3")
    XCTAssertEqual(tokens.map(\.kind), [.number, .star, .number, .endOfFile])
    XCTAssertEqual(diagnostics.map(\.hint), ["write `*` for multiplication"])
    XCTAssertEqual(diagnostics.first?.range, SourceRange(start: 2, end: 4))
  }

  func testOtherCharactersAreSkippedWhole() {
    let (tokens, diagnostics) = lex("a @ € 😀 b")
    XCTAssertEqual(tokens.map(\.text), ["a", "b", ""])
    XCTAssertEqual(diagnostics.map(\.message), ["unexpected character `@`", "unexpected character `€`", "unexpected character `😀`"])
    XCTAssertEqual(diagnostics.map(\.range), [SourceRange(start: 2, end: 3), SourceRange(start: 4, end: 7), SourceRange(start: 8, end: 12)])
    XCTAssertEqual(diagnostics.map(\.hint), [nil, nil, nil])
  }

  func testNonASCIILettersAreNotIdentifiers() {
    let (tokens, diagnostics) = lex("收入")
    XCTAssertEqual(tokens.map(\.kind), [.endOfFile])
    XCTAssertEqual(diagnostics.map(\.message), ["unexpected character `收`", "unexpected character `入`"])
  }

  func testInvalidUTF8IsRepairedAndReported() {
    let bytes: [UInt8] = Array("size = 4 ".utf8) + [0xFF, 0xFE] + Array(" x".utf8)
    let source = SourceFile(path: "bad", text: String(decoding: bytes, as: UTF8.self))
    var lexer = Lexer(source: source)
    let tokens = lexer.tokenize()
    XCTAssertEqual(tokens.map(\.text), ["size", "=", "4", "x", ""])
    XCTAssertEqual(lexer.diagnostics.count, 2, "one per invalid byte")
    for diagnostic in lexer.diagnostics {
      XCTAssertEqual(diagnostic.message, "unexpected character `\u{FFFD}`")
      XCTAssertEqual(diagnostic.hint, "the file is not valid UTF-8 here")
      XCTAssertEqual(diagnostic.range.end - diagnostic.range.start, 3, "U+FFFD is three bytes")
    }
  }

  func testByteOrderMarkIsIgnored() {
    let source = SourceFile(path: "bom", text: "\u{FEFF}years 2016")
    var lexer = Lexer(source: source)
    let tokens = lexer.tokenize()
    XCTAssertEqual(lexer.diagnostics, [])
    XCTAssertEqual(tokens.map(\.text), ["years", "2016", ""])
    XCTAssertEqual(tokens[0].range, SourceRange(start: 0, end: 5))
    XCTAssertTrue(tokens[0].startsLine)
    XCTAssertEqual(source.lineAndColumn(of: tokens[1].range.start).column, 7, "columns count from after the mark")
    XCTAssertEqual(source.lineText(1), "years 2016")
  }

  func testByteOrderMarkInsideTheTextIsAnUnexpectedCharacter() {
    let (_, diagnostics) = lex("a \u{FEFF}b")
    XCTAssertEqual(diagnostics.map(\.id), ["unexpected-character"])
  }

  func testTokenQuoting() {
    let tokens = tokens(#"cost "tea""#)
    XCTAssertEqual(tokens.map(\.quoted), ["`cost`", "string \"tea\""])
  }
}
