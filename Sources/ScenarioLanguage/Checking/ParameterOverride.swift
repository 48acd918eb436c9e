/// `path = value`: replaces the value of a parameter, from an option block or `--set`.
public struct ParameterOverride: Sendable {
  /// The parameter path, e.g. `relocation.subsidy`.
  public var path: Located<String>
  /// The new value.
  public var value: Expression
  /// The file (or `--set` pseudo-file) the override was written in, for diagnostics.
  public var file: String

  /// Creates an override.
  public init(path: Located<String>, value: Expression, file: String) {
    self.path = path
    self.value = value
    self.file = file
  }

  /// Parses `path=value` as given to `policysim run --set`.
  ///
  /// The text is its own pseudo-file named `--set <text>` so diagnostics can point into it.
  public static func parse(commandLine text: String) -> (ParameterOverride?, SourceFile, [Diagnostic]) {
    let source = SourceFile(path: "--set \(text)", text: text)
    guard let equals = text.firstIndex(of: "=") else {
      let diagnostic = Diagnostic(
        id: "expected-assignment", message: "expected `path=value`", file: source.path,
        range: SourceRange(start: 0, end: source.bytes.count),
        hint: "e.g. `--set relocation.subsidy=40000`")
      return (nil, source, [diagnostic])
    }
    let pathText = String(text[..<equals]).trimmingWhitespace()
    // The value is parsed with the path blanked out, so that its offsets are the text's own.
    let valueOffset = text.utf8.distance(from: text.startIndex, to: equals) + 1
    let blanked = String(repeating: " ", count: valueOffset) + String(text[text.index(after: equals)...])
    var parser = Parser(source: SourceFile(path: source.path, text: blanked))
    let value = parser.parseStandaloneExpression()
    var diagnostics = parser.diagnostics
    let leading = text.prefix { $0 == " " }.utf8.count
    let path = Located(pathText, SourceRange(start: leading, end: leading + pathText.utf8.count))
    if pathText.isEmpty {
      diagnostics.append(
        Diagnostic(
          id: "expected-name", message: "expected a parameter path before `=`", file: source.path,
          range: .point(0), hint: "e.g. `--set relocation.subsidy=40000`"))
    }
    guard let value, !pathText.isEmpty, diagnostics.isEmpty else { return (nil, source, diagnostics) }
    return (ParameterOverride(path: path, value: value, file: source.path), source, diagnostics)
  }
}

extension String {
  func trimmingWhitespace() -> String {
    var scalars = Substring(self)
    while scalars.first == " " { scalars.removeFirst() }
    while scalars.last == " " { scalars.removeLast() }
    return String(scalars)
  }
}
