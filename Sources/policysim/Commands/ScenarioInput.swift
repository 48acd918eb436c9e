import Foundation
import ScenarioLanguage

/// Reads a scenario file and its `--set` overrides, reporting problems as diagnostics.
struct ScenarioInput {
  /// Files larger than this are refused rather than read.
  static let maximumBytes = 50_000_000

  let source: SourceFile
  var sources: [SourceFile]
  var settings: [ParameterOverride] = []
  /// `--sweep` sweeps; nil when none was given (the file's `sweep` statements apply).
  var sweeps: [CommandLineSweep]?
  var diagnostics: [Diagnostic] = []
  let bytes: [UInt8]

  /// Problems reading the file itself (missing, a folder, too large).
  struct ReadError: Error {
    var message: String
  }

  init(path: String, settings texts: [String], sweeps sweepTexts: [String] = []) throws(ReadError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ReadError(message: "\(path): error: no such file")
    }
    guard !isDirectory.boolValue else { throw ReadError(message: "\(path): error: is a folder, not a scenario file") }
    guard let data = FileManager.default.contents(atPath: path) else { throw ReadError(message: "\(path): error: cannot be read") }
    guard data.count <= Self.maximumBytes else {
      throw ReadError(message: "\(path): error: the file is \(data.count / 1_000_000) MB; scenario files are limited to \(Self.maximumBytes / 1_000_000) MB")
    }
    bytes = [UInt8](data)
    source = SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self))
    sources = [source]
    for text in texts {
      let (setting, settingSource, problems) = ParameterOverride.parse(commandLine: text)
      sources.append(settingSource)
      diagnostics += problems
      if let setting { settings.append(setting) }
    }
    if !sweepTexts.isEmpty { sweeps = [] }
    for text in sweepTexts {
      let (sweep, sweepSource, problems) = CommandLineSweep.parse(commandLine: text)
      sources.append(sweepSource)
      diagnostics += problems
      if let sweep { sweeps?.append(sweep) }
    }
  }

  /// Checks the scenario with the settings applied.
  func check() -> ScenarioChecker.Result {
    var result = ScenarioChecker.check(source: source, settings: settings, sweeps: sweeps)
    result.diagnostics = diagnostics + result.diagnostics
    if !diagnostics.isEmpty { result.scenario = nil }
    return result
  }

  /// Checks the scenario and prints its diagnostics (if any) to standard error.
  func check(reportingTo output: inout TerminalOutput) -> ScenarioChecker.Result {
    let result = check()
    if !result.diagnostics.isEmpty { output.error(render(result.diagnostics), newline: false) }
    return result
  }

  /// Renders diagnostics with source lines.
  func render(_ diagnostics: [Diagnostic]) -> String {
    DiagnosticRenderer(sources: sources).render(diagnostics)
  }
}
