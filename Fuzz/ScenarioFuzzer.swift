// libFuzzer entry point for the scenario front end (lexer, parser, checker, renderer).
//
// Compiled together with Sources/ScenarioLanguage/**/*.swift by `tools/fuzz.sh`; not part
// of the Swift package. Any input must be answered with diagnostics, never a crash or hang.

/// Runs one fuzzer input through the whole front end: the bytes are decoded as UTF-8
/// (invalid sequences become U+FFFD, as `policysim check` would refuse them earlier),
/// checked, and the diagnostics rendered.
@_cdecl("LLVMFuzzerTestOneInput")
public func scenarioFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  guard let data else { return 0 }
  let bytes = UnsafeBufferPointer(start: data, count: count)
  let source = SourceFile(path: "fuzz.scenario", text: String(decoding: bytes, as: UTF8.self))
  let result = ScenarioChecker.check(source: source)
  _ = DiagnosticRenderer(sources: [source]).render(result.diagnostics)
  return 0
}
