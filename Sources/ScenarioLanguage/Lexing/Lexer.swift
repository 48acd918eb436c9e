/// Splits scenario text into tokens.
///
/// Lexical rules (see docs/language.md):
/// - `#` starts a comment that runs to the end of the line; whitespace and newlines separate
///   tokens and have no other meaning.
/// - identifiers: a letter or `_`, then letters, digits or `_` (ASCII).
/// - numbers: digits with optional `_` between them (`85_000`), an optional fraction
///   (`0.55`) and exponent (`1e6`). A comma never groups digits.
/// - strings: `"…"` on one line, with `\"`, `\\`, `\n` and `\t` escapes.
/// - `%` after a number divides it by 100.
///
/// Lexing never stops at an error: a bad character becomes a diagnostic and is skipped,
/// except full-width punctuation and `×`, which are then read as the ASCII character meant
/// (so that `lognormal（median: …)` is one error, not several). After
/// `maximumUnexpectedCharacters` such errors one more says the rest are not reported.
/// A file that looks binary (a NUL byte, or mostly control characters and invalid UTF-8
/// at its start) gets one `binary-file` error and no tokens: see `BinaryContent`.
public struct Lexer {
  private let source: SourceFile
  private let bytes: [UInt8]
  private var position = 0
  /// Problems found while lexing.
  public private(set) var diagnostics: [Diagnostic] = []
  /// The `#` comments skipped, in order (each from `#` to the end of its line, without
  /// the line break), for `ScenarioPrinter`, which must not lose them.
  public private(set) var comments: [SourceRange] = []
  /// How many unexpected characters were found.
  private var unexpectedCharacters = 0
  /// Unexpected characters reported one by one; the rest are summed up in one error.
  public static let maximumUnexpectedCharacters = 20

  /// Creates a lexer over a source file.
  public init(source: SourceFile) {
    self.source = source
    self.bytes = source.bytes
  }

  /// All tokens of the source, ending with `.endOfFile`.
  public mutating func tokenize() -> [Token] {
    if let binary = BinaryContent.firstBinaryByte(in: bytes) {
      let (line, column) = source.lineAndColumn(of: binary)
      diagnostics.append(
        Diagnostic(
          id: "binary-file", message: "the file is not a text file (it holds binary data at line \(line), column \(column))",
          file: source.path, range: SourceRange(start: binary, end: min(binary + 1, bytes.count)),
          hint: "a scenario is a UTF-8 text file; is this the right file?"))
      return [Token(.endOfFile, text: "", range: .point(bytes.count))]
    }
    var tokens: [Token] = []
    // About one token per 5 bytes in scenarios: one allocation instead of many copies.
    tokens.reserveCapacity(bytes.count / 5 + 16)
    while true {
      let before = position
      var token = next()
      token.startsLine =
        before == 0 || bytes[before..<token.range.start].contains(UInt8(ascii: "\n"))
        || tokens.isEmpty
      tokens.append(token)
      if token.kind == .endOfFile { return tokens }
    }
  }

  private func peek(_ offset: Int = 0) -> UInt8? {
    let index = position + offset
    return index < bytes.count ? bytes[index] : nil
  }

  private mutating func error(_ id: String, _ message: String, _ range: SourceRange, hint: String? = nil) {
    if id == "unexpected-character" {
      unexpectedCharacters += 1
      if unexpectedCharacters > Self.maximumUnexpectedCharacters {
        if unexpectedCharacters == Self.maximumUnexpectedCharacters + 1 {
          diagnostics.append(
            Diagnostic(
              id: "too-many-unexpected-characters", message: "more unexpected characters follow; they are not reported",
              file: source.path, range: range, hint: "is this a scenario file?"))
        }
        return
      }
    }
    diagnostics.append(Diagnostic(id: id, message: message, file: source.path, range: range, hint: hint))
  }

  /// The next token, skipping unexpected characters (a loop, not recursion: a file may hold
  /// millions of them in a row).
  private mutating func next() -> Token {
    while true {
      if let token = nextOrSkip() { return token }
    }
  }

  /// The next token, or nil after reporting and skipping an unexpected character.
  private mutating func nextOrSkip() -> Token? {
    skipTrivia()
    let start = position
    guard let byte = peek() else {
      return Token(.endOfFile, text: "", range: .point(bytes.count))
    }
    if byte.isIdentifierStart { return identifier() }
    if byte.isDigit || (byte == UInt8(ascii: ".") && (peek(1)?.isDigit ?? false)) { return number() }
    if byte == UInt8(ascii: "\"") { return string() }
    position += 1
    func make(_ kind: Token.Kind) -> Token {
      Token(kind, text: source.text(in: SourceRange(start: start, end: position)), range: SourceRange(start: start, end: position))
    }
    func followedBy(_ ascii: Unicode.Scalar, _ long: Token.Kind, else short: Token.Kind) -> Token {
      if peek() == UInt8(ascii: ascii) {
        position += 1
        return make(long)
      }
      return make(short)
    }
    switch byte {
    case UInt8(ascii: "{"): return make(.leftBrace)
    case UInt8(ascii: "}"): return make(.rightBrace)
    case UInt8(ascii: "("): return make(.leftParen)
    case UInt8(ascii: ")"): return make(.rightParen)
    case UInt8(ascii: ":"): return make(.colon)
    case UInt8(ascii: ","): return make(.comma)
    case UInt8(ascii: ";"): return make(.semicolon)
    case UInt8(ascii: "."): return make(.dot)
    case UInt8(ascii: "~"): return make(.tilde)
    case UInt8(ascii: "%"): return make(.percent)
    case UInt8(ascii: "+"): return followedBy("=", .plusAssign, else: .plus)
    case UInt8(ascii: "-"): return followedBy("=", .minusAssign, else: .minus)
    case UInt8(ascii: "*"): return followedBy("=", .starAssign, else: .star)
    case UInt8(ascii: "/"): return followedBy("=", .slashAssign, else: .slash)
    case UInt8(ascii: "<"): return followedBy("=", .lessEqual, else: .less)
    case UInt8(ascii: ">"): return followedBy("=", .greaterEqual, else: .greater)
    case UInt8(ascii: "="): return followedBy("=", .equalEqual, else: .assign)
    case UInt8(ascii: "!"):
      if peek() == UInt8(ascii: "=") {
        position += 1
        return make(.notEqual)
      }
      error(
        "unexpected-character", "unexpected character `!`", SourceRange(start: start, end: position), hint: "write `not` for negation, `!=` for 'not equal'")
      return nil
    default:
      // Skip a whole UTF-8 sequence so the caret sits under one character.
      while let continuation = peek(), continuation & 0xC0 == 0x80 { position += 1 }
      let range = SourceRange(start: start, end: position)
      let shown = source.text(in: range)
      let hint: String?
      switch shown {
      case "×": hint = "write `*` for multiplication"
      case "，", "：", "（", "）", "％": hint = "full-width punctuation: use the ASCII character instead"
      case "\u{FFFD}": hint = "the file is not valid UTF-8 here"
      default: hint = nil
      }
      error("unexpected-character", "unexpected character `\(shown)`", range, hint: hint)
      switch shown {
      case "×": return make(.star)
      case "，": return make(.comma)
      case "：": return make(.colon)
      case "（": return make(.leftParen)
      case "）": return make(.rightParen)
      case "％": return make(.percent)
      default: return nil
      }
    }
  }

  private mutating func skipTrivia() {
    while let byte = peek() {
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
        || byte == UInt8(ascii: "\r")
      {
        position += 1
      } else if byte == UInt8(ascii: "#") {
        let start = position
        while let c = peek(), c != UInt8(ascii: "\n") { position += 1 }
        comments.append(SourceRange(start: start, end: position))
      } else if byte == 0xEF, peek(1) == 0xBB, peek(2) == 0xBF, position == 0 {
        position += 3  // byte-order mark
      } else {
        return
      }
    }
  }

  private mutating func identifier() -> Token {
    let start = position
    while let byte = peek(), byte.isIdentifierStart || byte.isDigit { position += 1 }
    let range = SourceRange(start: start, end: position)
    return Token(.identifier, text: source.text(in: range), range: range)
  }

  private mutating func number() -> Token {
    let start = position
    var malformed = false
    var hasUnderscore = false
    func scanDigits() {
      var lastWasUnderscore = false
      while let byte = peek() {
        if byte.isDigit {
          lastWasUnderscore = false
        } else if byte == UInt8(ascii: "_") && position > start {
          // `1__000` is one malformed number, not a number and an identifier.
          if lastWasUnderscore { malformed = true }
          lastWasUnderscore = true
          hasUnderscore = true
        } else {
          break
        }
        position += 1
      }
      if lastWasUnderscore { malformed = true }
    }
    /// The value of the number's text up to `end`, without its `_`s.
    func numericValue(upTo end: Int) -> Double {
      let text = source.text(in: SourceRange(start: start, end: end))
      return Double(hasUnderscore ? text.filter { $0 != "_" } : text) ?? 0
    }
    scanDigits()
    if peek() == UInt8(ascii: "."), peek(1)?.isDigit ?? false {
      position += 1
      scanDigits()
    }
    if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      let signOffset = (peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-")) ? 1 : 0
      if peek(1 + signOffset)?.isDigit ?? false {
        position += 1 + signOffset
        scanDigits()
      }
    }
    // A letter glued to a number (`12abc`) is a typo, not two tokens.
    if let byte = peek(), byte.isIdentifierStart, byte != UInt8(ascii: "_") {
      let glued = position
      while let b = peek(), b.isIdentifierStart || b.isDigit { position += 1 }
      let range = SourceRange(start: start, end: position)
      error(
        "malformed-number", "malformed number `\(source.text(in: range))`", range,
        hint:
          "put a space between a number and its unit, e.g. `\(source.text(in: SourceRange(start: start, end: glued))) \(source.text(in: SourceRange(start: glued, end: position)))`"
      )
      return Token(.number, text: source.text(in: range), number: numericValue(upTo: glued), range: range)
    }
    let range = SourceRange(start: start, end: position)
    let text = source.text(in: range)
    if malformed {
      error("malformed-number", "malformed number `\(text)`", range, hint: "`_` may only stand between digits, as in `85_000`")
    }
    var value = hasUnderscore ? numericValue(upTo: position) : Double(text) ?? 0
    if !value.isFinite {
      error("number-out-of-range", "number `\(text)` is too large", range, hint: "numbers must be below about 1.8e308")
      value = 0
    }
    return Token(.number, text: text, number: value, range: range)
  }

  private mutating func string() -> Token {
    let start = position
    // Without escapes, the contents are the source text between the quotes.
    var end = start + 1
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] != UInt8(ascii: "\n") { end += 1 }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      position = end + 1
      return Token(.string, text: source.text(in: SourceRange(start: start + 1, end: end)), range: SourceRange(start: start, end: position))
    }
    position += 1
    var value: [UInt8] = []
    while true {
      guard let byte = peek(), byte != UInt8(ascii: "\n") else {
        let range = SourceRange(start: start, end: position)
        error("unterminated-string", "unterminated string", range, hint: "close it with `\"` on the same line")
        return Token(.string, text: String(decoding: value, as: UTF8.self), range: range)
      }
      position += 1
      if byte == UInt8(ascii: "\"") { break }
      if byte == UInt8(ascii: "\\"), let escaped = peek() {
        position += 1
        switch escaped {
        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): value.append(escaped)
        default:
          error(
            "bad-escape", "unknown escape `\\\(Character(Unicode.Scalar(escaped)))` in string",
            SourceRange(start: position - 2, end: position), hint: "known escapes are \\\" \\\\ \\n \\t")
        }
      } else {
        value.append(byte)
      }
    }
    return Token(.string, text: String(decoding: value, as: UTF8.self), range: SourceRange(start: start, end: position))
  }
}

extension UInt8 {
  fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
  fileprivate var isIdentifierStart: Bool {
    (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
      || self == UInt8(ascii: "_")
  }
}
