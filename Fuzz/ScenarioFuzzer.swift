// libFuzzer entry point for the scenario front end (lexer, parser, checker, renderer) and
// the formatter (`policysim fmt`).
//
// Compiled together with Sources/ScenarioLanguage/**/*.swift by `tools/fuzz.sh`; not part
// of the Swift package. Any input must be answered with diagnostics, never a crash or hang.

/// Runs one fuzzer input through the whole front end: the bytes are decoded as UTF-8
/// (invalid sequences become U+FFFD, as `policysim check` would refuse them earlier),
/// checked, and the diagnostics rendered. Inputs that parse are also formatted: the
/// formatter's own re-parse check must pass and formatting must be idempotent (a failure of
/// either is a formatter bug, reported as a crash).
@_cdecl("LLVMFuzzerTestOneInput")
public func scenarioFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  guard let data else { return 0 }
  let bytes = UnsafeBufferPointer(start: data, count: count)
  let source = SourceFile(path: "fuzz.scenario", text: String(decoding: bytes, as: UTF8.self))
  let result = ScenarioChecker.check(source: source)
  _ = DiagnosticRenderer(sources: [source]).render(result.diagnostics)
  let formatted = ScenarioFormatter.format(source)
  if formatted.diagnostics.contains(where: { $0.id == "format-changed-meaning" }) {
    fatalError("fmt would change the meaning or lose a comment")
  }
  if let text = formatted.text, ScenarioFormatter.format(SourceFile(path: "fuzz.scenario", text: text)).text != text {
    fatalError("fmt is not idempotent")
  }
  return 0
}
