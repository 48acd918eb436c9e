/// Formats a scenario file (`policysim fmt`): parse, print canonically with the comments,
/// and prove the result means the same before handing it out.
///
/// Why the proof: `fmt --write` replaces people's hand-written files, so a printer bug must
/// never change what a scenario says or drop a comment. Every result is parsed again and
/// its `SyntaxShape` and comments are compared with the original's; a difference is a
/// `format-changed-meaning` error and no text is returned.
public enum ScenarioFormatter {
  /// The formatted text, or why there is none.
  public struct Result: Sendable {
    /// The canonical text; nil when the file has syntax errors (or the check above failed).
    public var text: String?
    /// Syntax errors of the file, or the `format-changed-meaning` error.
    public var diagnostics: [Diagnostic]
  }

  /// Formats `source`. Files with syntax errors are not formatted: error recovery skips
  /// text, which the printer would then drop.
  /// - Complexity: O(size of the file), three parses.
  public static func format(_ source: SourceFile) -> Result {
    var parser = Parser(source: source)
    let parsed = parser.parseScenario()
    let errors = parser.diagnostics.filter { $0.severity == .error }
    guard let syntax = parsed, errors.isEmpty else { return Result(text: nil, diagnostics: parser.diagnostics) }
    var lexer = Lexer(source: source)
    _ = lexer.tokenize()
    let text = ScenarioPrinter.print(syntax, source: source, comments: lexer.comments)

    if let problem = verify(text, formats: syntax, source: source, comments: lexer.comments) {
      return Result(text: nil, diagnostics: [problem])
    }
    return Result(text: text, diagnostics: parser.diagnostics)
  }

  /// The `format-changed-meaning` error when `text`, the printed form of `syntax` (parsed
  /// from `source`, whose comments are at `comments`), does not parse to the same
  /// `SyntaxShape` or does not hold the same comments in the same order; nil when it does.
  /// - Complexity: O(size of the text), one parse.
  public static func verify(_ text: String, formats syntax: ScenarioSyntax, source: SourceFile, comments: [SourceRange]) -> Diagnostic? {
    let printed = SourceFile(path: source.path, text: text)
    var reparser = Parser(source: printed)
    let reparsed = reparser.parseScenario()
    var relexer = Lexer(source: printed)
    _ = relexer.tokenize()
    let sameTree = reparser.diagnostics.isEmpty && reparsed.map { SyntaxShape.of($0) } == SyntaxShape.of(syntax)
    let sameComments = relexer.comments.map { trimmed(printed.text(in: $0)) } == comments.map { trimmed(source.text(in: $0)) }
    if sameTree && sameComments { return nil }
    let problem = sameTree ? "would lose or change a comment" : "would change what the scenario says"
    return Diagnostic(
      id: "format-changed-meaning", message: "formatting \(problem); the file is left as it is", file: source.path,
      range: .point(0), hint: "this is a bug in `policysim fmt`; please report it with the file")
  }

  private static func trimmed(_ comment: String) -> String {
    var text = comment
    while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
    return text
  }
}
