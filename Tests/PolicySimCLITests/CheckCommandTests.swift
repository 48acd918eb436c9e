import Foundation
import XCTest

/// `policysim check`.
final class CheckCommandTests: XCTestCase {
  func testGoodFileIsOK() throws {
    let outcome = try PolicySimBinary.run(["check", PolicySimBinary.referenceScenario])
    XCTAssertEqual(outcome.status, 0, outcome.error)
    XCTAssertEqual(outcome.error, "")
    XCTAssertTrue(
      outcome.output.contains(
        "reference-county.scenario: ok: \"Reference county\", 2016 to 2025, 20000 households, 200 replications"
      ), outcome.output)
    XCTAssertTrue(
      outcome.output.contains("options: baseline, subsidy 40k, subsidy 60k (baseline: baseline)"),
      outcome.output)
  }

  func testBrokenFileReportsPositionCaretAndHint() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let text = try String(contentsOfFile: PolicySimBinary.referenceScenario, encoding: .utf8)
      .replacingOccurrences(
        of: "    subsidy 18720 yuan per household", with: "    subsdy 18720 yuan per household")
    let lines = text.components(separatedBy: "\n")
    let line = try XCTUnwrap(lines.firstIndex { $0.contains("subsdy") }) + 1
    try text.write(toFile: folder + "/broken.scenario", atomically: true, encoding: .utf8)
    let outcome = try PolicySimBinary.run(["check", "broken.scenario"], in: folder)
    XCTAssertEqual(outcome.status, 1)
    XCTAssertEqual(outcome.output, "")
    // file:line:column: error: message, the source line, a caret under `subsdy`, a hint.
    XCTAssertTrue(
      outcome.error.contains(
        "broken.scenario:\(line):5: error: unknown setting `subsdy` in programme `relocation`"),
      outcome.error)
    XCTAssertTrue(
      outcome.error.contains(" \(line) |     subsdy 18720 yuan per household\n"), outcome.error)
    XCTAssertTrue(outcome.error.contains(" |     ^~~~~~\n"), outcome.error)
    XCTAssertTrue(outcome.error.contains("= hint: did you mean `subsidy`?"), outcome.error)
    XCTAssertTrue(outcome.error.contains("generated."), outcome.error)
  }

  func testMissingFile() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let outcome = try PolicySimBinary.run(["check", "nowhere.scenario"], in: folder)
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.error.contains("nowhere.scenario: error: no such file"), outcome.error)
  }

  func testFolderInsteadOfFile() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let outcome = try PolicySimBinary.run(["check", folder])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.error.contains("is a folder"), outcome.error)
  }

  func testParametersListsOverridablePaths() throws {
    let outcome = try PolicySimBinary.run([
      "check", PolicySimBinary.referenceScenario, "--parameters",
    ])
    XCTAssertEqual(outcome.status, 0, outcome.error)
    let paths = outcome.output.split(separator: "\n").map(String.init)
    for path in [
      "relocation.subsidy", "relocation.cost", "industry.grant", "seed", "population.households",
    ] {
      XCTAssertTrue(paths.contains(path), "\(path) in \(paths)")
    }
  }
}
