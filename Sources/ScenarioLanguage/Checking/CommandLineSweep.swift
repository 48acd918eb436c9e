/// A sweep given on the command line, `--sweep path=A:B:S` or `--sweep path=v1,v2,…`:
/// the same statement as `sweep path from A to B step S` or `sweep path over (v1, v2, …)`.
public struct CommandLineSweep: Sendable {
  /// The sweep, with ranges into `file`.
  public var syntax: SweepSyntax
  /// The pseudo-file the sweep was written in (`--sweep <text>`), for diagnostics.
  public var file: String

  /// Creates a sweep from already parsed syntax.
  public init(syntax: SweepSyntax, file: String) {
    self.syntax = syntax
    self.file = file
  }

  /// Parses `path=A:B:S` or `path=v1,v2,…` as given to `policysim run --sweep`.
  ///
  /// The text is its own pseudo-file named `--sweep <text>` so diagnostics can point into it.
  public static func parse(commandLine text: String) -> (CommandLineSweep?, SourceFile, [Diagnostic]) {
    let source = SourceFile(path: "--sweep \(text)", text: text)
    let hint = "e.g. `--sweep relocation.subsidy=20000:80000:10000` or `--sweep relocation.subsidy=20000,40000`"
    guard let equals = text.firstIndex(of: "=") else {
      let diagnostic = Diagnostic(
        id: "expected-assignment", message: "expected `path=from:to:step` or `path=v1,v2,…`", file: source.path,
        range: SourceRange(start: 0, end: source.bytes.count), hint: hint)
      return (nil, source, [diagnostic])
    }
    var diagnostics: [Diagnostic] = []
    let pathText = String(text[..<equals]).trimmingWhitespace()
    let leading = text.prefix { $0 == " " }.utf8.count
    let path = Located(pathText, SourceRange(start: leading, end: leading + pathText.utf8.count))
    if pathText.isEmpty {
      diagnostics.append(Diagnostic(id: "expected-name", message: "expected a parameter path before `=`", file: source.path, range: .point(0), hint: hint))
    }
    // Each value is parsed with everything before it blanked out, so that its offsets are
    // the text's own.
    let valuesStart = text.index(after: equals)
    let valuesText = text[valuesStart...]
    let isRange = valuesText.contains(":")
    let parts = valuesText.split(separator: isRange ? ":" : ",", omittingEmptySubsequences: false)
    var expressions: [Expression] = []
    for part in parts {
      let offset = text.utf8.distance(from: text.startIndex, to: part.startIndex)
      let blanked = String(repeating: " ", count: offset) + String(part)
      var parser = Parser(source: SourceFile(path: source.path, text: blanked))
      if part.allSatisfy({ $0 == " " }) {
        diagnostics.append(
          Diagnostic(id: "expected-number", message: "expected a value", file: source.path, range: .point(offset), hint: hint))
        continue
      }
      let value = parser.parseStandaloneExpression()
      diagnostics += parser.diagnostics
      if let value { expressions.append(value) }
    }
    if isRange && parts.count != 3 {
      diagnostics.append(
        Diagnostic(
          id: "expected-sweep-values", message: "a range is written `from:to:step`, with three values", file: source.path,
          range: SourceRange(start: text.utf8.distance(from: text.startIndex, to: valuesStart), end: source.bytes.count), hint: hint))
    }
    guard diagnostics.isEmpty, expressions.count == parts.count else { return (nil, source, diagnostics) }
    let values: SweepSyntax.Values = isRange ? .range(from: expressions[0], to: expressions[1], step: expressions[2]) : .list(expressions)
    let sweep = SweepSyntax(path: path, values: values, range: SourceRange(start: 0, end: source.bytes.count))
    return (CommandLineSweep(syntax: sweep, file: source.path), source, diagnostics)
  }
}
