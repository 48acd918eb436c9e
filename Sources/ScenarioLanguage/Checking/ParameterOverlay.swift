/// An overlay file: `path = value` lines applied to a scenario as repeated `--set` would be
/// (written by `policysim calibrate`, read by `policysim run --overlay`).
///
/// Lines are `path = value` (the value is any expression `--set` accepts, with the same
/// unit rules); blank lines and lines starting with `#` are ignored. Diagnostics point into
/// the overlay file itself.
public struct ParameterOverlay: Sendable {
  /// The overrides, in file order.
  public var overrides: [ParameterOverride]
  /// The `path = value` texts, in file order (for the manifest).
  public var lines: [String]

  /// Parses an overlay file; returns nil with diagnostics when a line is malformed.
  public static func parse(_ source: SourceFile) -> (ParameterOverlay?, [Diagnostic]) {
    var overrides: [ParameterOverride] = []
    var lines: [String] = []
    var diagnostics: [Diagnostic] = []
    let bytes = source.bytes
    var lineStart = 0
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
      defer { lineStart = lineEnd + 1 }
      var contentEnd = lineEnd
      while contentEnd > lineStart && [UInt8(ascii: "\r"), UInt8(ascii: " "), UInt8(ascii: "\t")].contains(bytes[contentEnd - 1]) { contentEnd -= 1 }
      var contentStart = lineStart
      while contentStart < contentEnd && [UInt8(ascii: " "), UInt8(ascii: "\t")].contains(bytes[contentStart]) { contentStart += 1 }
      if contentStart == contentEnd || bytes[contentStart] == UInt8(ascii: "#") { continue }
      let line = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)
      guard let equals = bytes[contentStart..<contentEnd].firstIndex(of: UInt8(ascii: "=")) else {
        diagnostics.append(
          Diagnostic(
            id: "expected-assignment", message: "expected `path = value`", file: source.path, range: SourceRange(start: contentStart, end: contentEnd),
            hint: "an overlay holds one `path = value` per line, e.g. `relocation.subsidy = 40000`"))
        continue
      }
      // The path, parsed alone; then the value, with everything else blanked so that its
      // offsets are the file's own.
      var pathEnd = equals
      while pathEnd > contentStart && bytes[pathEnd - 1] == UInt8(ascii: " ") { pathEnd -= 1 }
      let pathText = String(decoding: bytes[contentStart..<pathEnd], as: UTF8.self)
      guard !pathText.isEmpty, !pathText.contains(" ") else {
        diagnostics.append(
          Diagnostic(
            id: "expected-name", message: "expected a parameter path before `=`", file: source.path,
            range: pathText.isEmpty ? .point(contentStart) : SourceRange(start: contentStart, end: pathEnd), hint: "e.g. `relocation.subsidy = 40000`"))
        continue
      }
      var blanked = [UInt8](repeating: UInt8(ascii: " "), count: contentEnd)
      blanked[(equals + 1)..<contentEnd] = bytes[(equals + 1)..<contentEnd]
      var parser = Parser(source: SourceFile(path: source.path, text: String(decoding: blanked, as: UTF8.self)))
      let value = parser.parseStandaloneExpression()
      diagnostics += parser.diagnostics
      guard let value, parser.diagnostics.isEmpty else { continue }
      overrides.append(ParameterOverride(path: Located(pathText, SourceRange(start: contentStart, end: pathEnd)), value: value, file: source.path))
      lines.append(line)
    }
    guard diagnostics.isEmpty else { return (nil, diagnostics) }
    return (ParameterOverlay(overrides: overrides, lines: lines), [])
  }
}
