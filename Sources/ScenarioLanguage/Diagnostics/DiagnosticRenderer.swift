/// Renders diagnostics the way compilers do:
///
/// ```
/// scenarios/x.scenario:12:5: error: unknown field `subsdy` in programme `relocation`
///    12 |     subsdy 40000 yuan per household
///       |     ^~~~~~
///       = hint: did you mean `subsidy`?
/// ```
public struct DiagnosticRenderer: Sendable {
  private let sources: [String: SourceFile]

  /// Creates a renderer that can show lines of the given sources.
  public init(sources: [SourceFile]) {
    var table: [String: SourceFile] = [:]
    for source in sources { table[source.path] = source }
    self.sources = table
  }

  /// The full text of one diagnostic, ending with a newline.
  public func render(_ diagnostic: Diagnostic) -> String {
    guard let source = sources[diagnostic.file] else {
      var text = "\(diagnostic.file): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
      if let hint = diagnostic.hint { text += "  = hint: \(hint)\n" }
      return text
    }
    let (line, column) = source.lineAndColumn(of: diagnostic.range.start)
    var text = "\(source.path):\(line):\(column): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
    let lineText = source.lineText(line).replacingTabs()
    let gutter = String(line)
    let pad = String(repeating: " ", count: gutter.count)
    text += " \(gutter) | \(lineText)\n"
    let (endLine, endColumn) = source.lineAndColumn(of: diagnostic.range.end)
    let lineLength = lineText.unicodeScalars.count
    let underlineEnd = endLine == line ? endColumn : lineLength + 1
    let width = max(1, underlineEnd - column)
    let marker = "^" + String(repeating: "~", count: width - 1)
    text += " \(pad) | \(String(repeating: " ", count: column - 1))\(marker)\n"
    if let hint = diagnostic.hint { text += " \(pad) = hint: \(hint)\n" }
    return text
  }

  /// All diagnostics, in order, followed by a count line when there are errors.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    var text = diagnostics.map(render).joined()
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    if errors > 0 || warnings > 0 {
      var parts: [String] = []
      if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
      if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
      text += parts.joined(separator: " and ") + " generated.\n"
    }
    return text
  }
}

extension String {
  /// Tabs shown as single spaces so that carets line up with columns.
  fileprivate func replacingTabs() -> String {
    String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
  }
}
