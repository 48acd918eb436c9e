import Foundation
import XCTest

/// `policysim plot` and `policysim run --plot`.
final class PlotCommandTests: XCTestCase {
  /// A small run of the reference county (3 options) into a fresh folder.
  private func smallRun(_ extra: [String] = []) throws -> String {
    let out = try PolicySimBinary.temporaryFolder(self) + "/results"
    let outcome = try PolicySimBinary.run(
      ["run", PolicySimBinary.referenceScenario, "--replications", "3", "--households", "200", "--threads", "2", "--out", out, "--quiet"] + extra)
    XCTAssertEqual(outcome.status, 0, outcome.error)
    return out
  }

  func testEveryKindWritesAnSVG() throws {
    let folder = try smallRun()
    for kind in ["fan", "bars", "difference"] {
      let file = folder + "/\(kind).svg"
      let outcome = try PolicySimBinary.run(["plot", folder, "--metric", "incidence", "--kind", kind, "--out", file])
      XCTAssertEqual(outcome.status, 0, outcome.error)
      XCTAssertEqual(outcome.output, "Wrote \(file)\n")
      let svg = try String(contentsOfFile: file, encoding: .utf8)
      XCTAssertTrue(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "), kind)
      XCTAssertTrue(svg.contains("Reference county"), kind)
    }
    let outcome = try PolicySimBinary.run(["plot", folder, "--metric", "cost_total", "--kind", "bars", "--options", "baseline,subsidy 60k", "--year", "2020"])
    XCTAssertEqual(outcome.status, 0, outcome.error)
    XCTAssertEqual(outcome.output, "Wrote \(folder)/cost_total-bars.svg\n")
  }

  func testBadMetricIsAUsageErrorWithASuggestion() throws {
    let folder = try smallRun()
    let outcome = try PolicySimBinary.run(["plot", folder, "--metric", "incidance"])
    XCTAssertEqual(outcome.status, 64)
    XCTAssertTrue(outcome.error.hasPrefix("Error: unknown metric 'incidance' (did you mean 'incidence'?); the results have: incidence, "), outcome.error)
    XCTAssertTrue(outcome.error.contains("Usage: policysim plot <results-dir>"), outcome.error)
    XCTAssertTrue(outcome.error.contains("See 'policysim plot --help' for more information."), outcome.error)
    XCTAssertEqual(outcome.output, "")
  }

  func testMissingFolderAndMissingArgument() throws {
    let missing = try PolicySimBinary.temporaryFolder(self) + "/nothing"
    let outcome = try PolicySimBinary.run(["plot", missing])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertEqual(outcome.error, "error: \(missing): no such results folder\n")
    let bare = try PolicySimBinary.run(["plot"])
    XCTAssertEqual(bare.status, 64)
    XCTAssertTrue(bare.error.hasPrefix("Error: missing results folder\n"), bare.error)
    let kind = try PolicySimBinary.run(["plot", missing, "--kind", "pie"])
    XCTAssertEqual(kind.status, 64)
    XCTAssertTrue(kind.error.hasPrefix("Error: '--kind' expects one of fan, bars, difference, sweep, not 'pie'\n"), kind.error)
  }

  func testSweepWithoutSweepColumnsIsAnInputError() throws {
    let folder = try smallRun()
    let outcome = try PolicySimBinary.run(["plot", folder, "--kind", "sweep"])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertEqual(
      outcome.error, "error: the results have no swept parameter (no sweep columns in summary.csv); a sweep chart needs a scenario with a 'sweep'\n")
  }

  func testRunPlotWritesTheHeadlineChartsAndListsThem() throws {
    let folder = try smallRun(["--plot"])
    let figures = ["incidence-fan.svg", "incidence-bars.svg", "cost_total-bars.svg", "incidence-difference.svg"]
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), (["summary.csv", "comparison.csv", "manifest.json"] + figures).sorted())
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
    let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    XCTAssertEqual(manifest["files"] as? [String], ["summary.csv", "comparison.csv"] + figures + ["manifest.json"])
  }

  func testHelp() throws {
    let outcome = try PolicySimBinary.run(["plot", "--help"])
    XCTAssertEqual(outcome.status, 0)
    XCTAssertTrue(outcome.output.contains("--kind <kind>"), outcome.output)
  }
}
