import Foundation
import ScenarioLanguage
import XCTest

/// Every scenario in the repository's `scenarios/` folder checks without errors, including
/// scenarios added later.
final class ScenarioFilesTests: XCTestCase {
  private func scenarioFiles() throws -> [URL] {
    let directory = ScenarioFixture.scenariosDirectory
    return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "scenario" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  func testScenariosFolderIsFound() throws {
    let names = try scenarioFiles().map(\.lastPathComponent)
    XCTAssertTrue(names.contains("reference-county.scenario"), "found \(names) in \(ScenarioFixture.scenariosDirectory.path)")
  }

  func testEveryScenarioChecksWithoutErrors() throws {
    for url in try scenarioFiles() {
      // Read as the command line reads it: bytes, decoded with invalid UTF-8 repaired.
      let path = "scenarios/\(url.lastPathComponent)"
      let source = SourceFile(path: path, text: String(decoding: try Data(contentsOf: url), as: UTF8.self))
      let result = ScenarioChecker.check(source: source, dataDirectory: url.deletingLastPathComponent().path)
      let errors = result.diagnostics.filter { $0.severity == .error }
      XCTAssertEqual(errors.count, 0, "\(path):\n\(DiagnosticRenderer(sources: [source]).render(result.diagnostics))")
      XCTAssertNotNil(result.scenario, path)
      if let scenario = result.scenario {
        XCTAssertFalse(scenario.options.isEmpty, path)
        XCTAssertTrue(scenario.options.indices.contains(scenario.baselineIndex), path)
      }
    }
  }

  func testReferenceCountyHasNoDiagnosticsAtAll() throws {
    let text = try ScenarioFixture.referenceCounty
    let diagnostics = ScenarioFixture.diagnostics(text)
    XCTAssertEqual(diagnostics, [], ScenarioFixture.rendered(text, diagnostics))
  }
}
