import Foundation
import XCTest

/// `policysim calibrate` and `policysim run --overlay`.
final class CalibrateCommandTests: XCTestCase {
  private let scenario = """
    scenario "Small county" {
      years 2016 to 2020
      replications 3
      seed 11
      poverty_line 2952 yuan per person per year
      population 400 households {
        income ~ lognormal(median: 4000, sigma: 0.55)
        size ~ categorical(2: 50%, 4: 50%)
      }
      income growth normal(mean: 4%, sd: 10%) per year
      calibrate {
        target incidence 2016 = 20%
        target mean_income 2020 = 6000
        free growth.mean between 0% and 15%
        free population.income.median between 2000 and 8000
      }
    }
    """

  private func write(_ text: String, in folder: String, name: String = "small.scenario") throws -> String {
    let path = folder + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func testCalibrateWritesTheFitAndAnOverlayThatRunReproduces() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let file = try write(scenario, in: folder)
    let outcome = try PolicySimBinary.run(["calibrate", file, "--threads", "2", "--out", folder + "/fit"])
    XCTAssertEqual(outcome.status, 0, outcome.error)
    XCTAssertTrue(outcome.output.contains("  incidence 2016 "), outcome.output)
    XCTAssertTrue(outcome.output.contains("Fitted:\n  growth.mean = "), outcome.output)
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: folder + "/fit").sorted(), ["calibration.csv", "fitted.overlay", "manifest.json"])
    let csv = try String(contentsOfFile: folder + "/fit/calibration.csv", encoding: .utf8)
    let records = csv.components(separatedBy: "\r\n").dropLast()
    XCTAssertEqual(records.first, "metric,year,observed,simulated,se,error,relative_error,weight,scale,contribution")
    XCTAssertEqual(records.count, 3)
    let fields = records.dropFirst().map { $0.split(separator: ",").map(String.init) }
    for row in fields {
      XCTAssertLessThan(abs(try XCTUnwrap(Double(row[6]))), 0.02, "each target within 2%: \(row)")
    }
    let overlay = try String(contentsOfFile: folder + "/fit/fitted.overlay", encoding: .utf8)
    let lines = overlay.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    XCTAssertEqual(lines.count, 2)
    XCTAssertTrue(lines[0].hasPrefix("growth.mean = ") && lines[0].hasSuffix("%"), overlay)
    XCTAssertTrue(lines[1].hasPrefix("population.income.median = "), overlay)

    // The calibrated run reproduces the fit's simulated values exactly.
    let run = try PolicySimBinary.run(["run", file, "--overlay", folder + "/fit/fitted.overlay", "--out", folder + "/run", "--quiet"])
    XCTAssertEqual(run.status, 0, run.error)
    let summary = try String(contentsOfFile: folder + "/run/summary.csv", encoding: .utf8)
    XCTAssertTrue(summary.contains("baseline,2016,incidence,\(fields[0][3]),"), summary)
    XCTAssertTrue(summary.contains("baseline,2020,mean_income,\(fields[1][3]),"), summary)
    let manifest = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/run/manifest.json"))) as? [String: Any])
    XCTAssertEqual(manifest["overlay"] as? String, folder + "/fit/fitted.overlay")
    XCTAssertEqual(manifest["overlay_settings"] as? [String], lines)
    XCTAssertEqual((manifest["overlay_sha256"] as? String)?.count, 64)
  }

  func testOverlayErrorsPointIntoTheOverlay() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let file = try write(scenario, in: folder)
    let overlay = try write("# comment\ngrowth.maen = 5%\n", in: folder, name: "bad.overlay")
    let outcome = try PolicySimBinary.run(["run", file, "--overlay", overlay, "--out", folder + "/run"])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertEqual(
      outcome.error,
      """
      \(overlay):2:1: error: there is no parameter `growth.maen`
       2 | growth.maen = 5%
         | ^~~~~~~~~~~
         = hint: did you mean `growth.mean`?
      1 error generated.

      """)
    let missing = try PolicySimBinary.run(["run", file, "--overlay", folder + "/none.overlay", "--out", folder + "/run"])
    XCTAssertEqual(missing.status, 1)
    XCTAssertEqual(missing.error, "\(folder)/none.overlay: error: no such file\n")
  }

  func testUnknownMetricAndMissingBlock() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let file = try write(scenario.replacingOccurrences(of: "target mean_income", with: "target mean_incme"), in: folder)
    var outcome = try PolicySimBinary.run(["calibrate", file, "--out", folder + "/fit"])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.error.hasPrefix("\(file):13:12: error: there is no metric `mean_incme`\n"), outcome.error)
    XCTAssertTrue(outcome.error.contains("= hint: did you mean `mean_income`?"), outcome.error)
    outcome = try PolicySimBinary.run(["calibrate", PolicySimBinary.referenceScenario, "--out", folder + "/fit"])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.error.hasPrefix("\(PolicySimBinary.referenceScenario): error: the scenario has no `calibrate { … }` block\n"), outcome.error)
  }
}
