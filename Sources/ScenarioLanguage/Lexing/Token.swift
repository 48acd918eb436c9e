/// One token of scenario text.
public struct Token: Sendable, Equatable {
  /// What kind of token it is. Keywords are identifiers: the parser gives them meaning by
  /// position, so a user may still name an attribute `cost` or `years`.
  public enum Kind: Sendable, Equatable {
    case identifier
    case number
    case string
    case percent
    case leftBrace, rightBrace, leftParen, rightParen
    case colon, comma, semicolon, dot, tilde
    case plus, minus, star, slash
    case assign, plusAssign, minusAssign, starAssign, slashAssign
    case less, lessEqual, greater, greaterEqual, equalEqual, notEqual
    case endOfFile
  }

  /// The kind.
  public var kind: Kind
  /// The source text of the token (for strings: the decoded contents).
  public var text: String
  /// The numeric value of a number token.
  public var number: Double
  /// Where it was written.
  public var range: SourceRange
  /// Whether the token is the first on its line (used to recover after a syntax error).
  public var startsLine = false

  /// Creates a token.
  public init(_ kind: Kind, text: String, number: Double = 0, range: SourceRange) {
    self.kind = kind
    self.text = text
    self.number = number
    self.range = range
  }

  /// Whether this is the identifier `word` (a contextual keyword).
  public func isWord(_ word: String) -> Bool { kind == .identifier && text == word }

  /// How the token is quoted in messages.
  public var quoted: String {
    switch kind {
    case .endOfFile: return "end of file"
    case .string: return "string \"\(text)\""
    default: return "`\(text)`"
    }
  }
}
