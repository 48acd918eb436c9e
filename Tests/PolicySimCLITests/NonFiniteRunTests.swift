import Foundation
import XCTest

/// A scenario whose arithmetic produces NaN or infinity at run time stops with a diagnostic
/// naming the metric, option, year and replication, the setting and household where it was
/// first computed (a replay of that replication), and the expressions that can produce it;
/// nothing is written.
final class NonFiniteRunTests: XCTestCase {
  /// The reference county with its `end of year` effect replaced by `effect`.
  private func scenario(_ effect: String, in folder: String) throws -> String {
    let text = try String(contentsOfFile: PolicySimBinary.referenceScenario, encoding: .utf8)
    let original = "savings += 10% of max(0, disposable - poverty_line) * size"
    XCTAssertTrue(text.contains(original))
    let path = folder + "/broken.scenario"
    try text.replacingOccurrences(of: original, with: effect).write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  private func run(_ path: String, out: String) throws -> PolicySimBinary.Outcome {
    try PolicySimBinary.run(["run", path, "--replications", "2", "--households", "100", "--threads", "1", "--out", out, "--quiet"])
  }

  func testLogOfANegativeNumberStopsTheRun() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let path = try scenario("income = log(0 - income)", in: folder)
    let outcome = try run(path, out: folder + "/out")
    XCTAssertEqual(outcome.status, 1, outcome.error)
    XCTAssertEqual(
      outcome.error,
      """
      error: the run produced NaN for mean_income (option "baseline", year 2017, replication 0); no results written
        = note: first computed by `end_of_year.income` (\(path):71:5) for household 0 in 2016, replication 0: NaN
       71 |     income = log(0 - income)
        = note: the arithmetic of \(path) that can produce it:
      \(path):71:14: warning: `log` gives NaN or minus infinity for 0 or a negative number
       71 |     income = log(0 - income)
          |              ^~~
      1 warning generated.
        = hint: guard the operand, e.g. `x / max(1, y)` or `log(max(1, x))`

      """)
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out"), "nothing written, no folder left")
  }

  func testDivisionByZeroStopsTheRunAndKeepsThePreviousOutput() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let out = folder + "/out"
    let good = try run(PolicySimBinary.referenceScenario, out: out)
    XCTAssertEqual(good.status, 0, good.error)
    let before = FileManager.default.contents(atPath: out + "/summary.csv")
    let path = try scenario("income = income / (land - land)", in: folder)
    let outcome = try run(path, out: out)
    XCTAssertEqual(outcome.status, 1, outcome.error)
    let first = outcome.error.split(separator: "\n").first.map(String.init) ?? ""
    XCTAssertTrue(first.hasPrefix("error: the run produced "), first)
    XCTAssertTrue(first.contains("(option \"baseline\", year 2017, replication 0); no results written"), first)
    XCTAssertTrue(
      outcome.error.contains("  = note: first computed by `end_of_year.income` (\(path):71:5) for household 0 in 2016, replication 0: infinity\n"),
      outcome.error)
    XCTAssertTrue(outcome.error.contains("\(path):71:21: warning: this division gives NaN or infinity when the divisor is 0"), outcome.error)
    XCTAssertEqual(FileManager.default.contents(atPath: out + "/summary.csv"), before, "the previous output is kept")
  }

  func testDivisionByAnAttributeThatCanBeZeroNamesTheSettingHouseholdYearAndReplication() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let text = try String(contentsOfFile: PolicySimBinary.referenceScenario, encoding: .utf8)
      .replacingOccurrences(of: "    cost 35% of income * size          # yuan per household", with: "    cost 100 / land_class")
      .replacingOccurrences(
        of: "    savings = 0.8 * income * size", with: "    savings = 0.8 * income * size\n    land_class ~ categorical(0: 10%, 1: 90%)")
    let path = folder + "/zero.scenario"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let outcome = try run(path, out: folder + "/out")
    XCTAssertEqual(outcome.status, 1, outcome.error)
    let lines = outcome.error.split(separator: "\n").map(String.init)
    XCTAssertGreaterThanOrEqual(lines.count, 3, outcome.error)
    // The metric's year and replication, then the setting, its place, the household, the
    // same year and replication, and the source line.
    let year = try XCTUnwrap(lines[0].range(of: #"year (\d+), replication 0\)"#, options: .regularExpression).map { String(lines[0][$0]) })
    let note =
      #"^  = note: first computed by `illness\.cost` \("#
      + NSRegularExpression.escapedPattern(for: path)
      + #":37:5\) for household \d+ in "# + String(year.dropFirst(5).prefix(4)) + #", replication 0: infinity$"#
    XCTAssertNotNil(lines[1].range(of: note, options: .regularExpression), lines[1])
    XCTAssertEqual(lines[2], " 37 |     cost 100 / land_class")
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out"))
  }
}
