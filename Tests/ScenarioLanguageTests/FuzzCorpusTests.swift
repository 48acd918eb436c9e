import Foundation
import ScenarioLanguage
import XCTest

/// Replays the fuzzer's minimised corpus (`Golden/fuzz-corpus/`, kept by
/// `tools/fuzz.sh merge`) through the whole front end, as `Fuzz/ScenarioFuzzer.swift` does.
///
/// Each input must be answered (a checked scenario or diagnostics that render), without a
/// crash; a regression that makes one input crash or hang fails this test.
final class FuzzCorpusTests: XCTestCase {
  private static let folder = GoldenFile.bundledDirectory("fuzz-corpus")

  private func inputs() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }.sorted()
  }

  func testCorpusIsThere() throws {
    XCTAssertGreaterThanOrEqual(try inputs().count, 50, "run `tools/fuzz.sh merge` after a fuzzing run")
  }

  func testEveryCorpusInputIsAnswered() throws {
    for name in try inputs() {
      let bytes = try Data(contentsOf: Self.folder.appendingPathComponent(name))
      let source = SourceFile(path: name, text: String(decoding: bytes, as: UTF8.self))
      let result = ScenarioChecker.check(source: source)
      let rendered = DiagnosticRenderer(sources: [source]).render(result.diagnostics)
      XCTAssertTrue(result.scenario != nil || !result.diagnostics.isEmpty, "\(name): neither a scenario nor a diagnostic")
      XCTAssertEqual(rendered.isEmpty, result.diagnostics.isEmpty, name)
    }
  }
}
