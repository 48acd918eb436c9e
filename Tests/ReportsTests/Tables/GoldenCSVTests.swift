import Foundation
import Reports
import XCTest

@testable import Simulation

/// A small scenario run end to end; `summary.csv` and `comparison.csv` must match their
/// golden files byte for byte, and read back with Python's csv module.
final class GoldenCSVTests: XCTestCase {
  /// 50 households, 3 replications, 3 years, two options; every kind of step is used.
  static let scenarioText = """
    scenario "golden" {
      years 2016 to 2018
      replications 3
      seed 20161231
      poverty_line 2952 yuan per person per year indexed 3% per year
      population 50 households {
        group remote share 30% { income ~ lognormal(median: 3400, sigma: 0.55)  land ~ uniform(0, 3) }
        group plain share 70% { income ~ lognormal(median: 5200, sigma: 0.55)  land ~ uniform(0, 6) }
        size ~ categorical(1: 10%, 2: 20%, 3: 25%, 4: 25%, 5: 12%, 6: 8%)
        savings = 0.8 * income * size
      }
      income growth normal(mean: 4.5%, sd: 12%) per year
      income growth for remote normal(mean: 3.5%, sd: 12%) per year
      shock illness { probability 7% per year  cost 35% of income * size  reimbursed 50% }
      identification { detect 90% of poor  include 5% below 1.2 * poverty_line }
      programme relocation {
        years 2017 to 2018
        eligible when group == remote and registered
        cost 85000 yuan per household
        subsidy 18720 yuan per household
        moves when cost - subsidy <= savings + 20000
        debt repaid over 5 years
        on join { group = relocated }
        next year { income *= 1.25 }
      }
      programme industry tea "White peony tea" {
        years 2017 to 2018
        eligible when registered and land >= 1
        grant 1000 yuan per mu
        success 60%
        gain 1200 yuan per person per year
      }
      transfer minimum_living { top up to 80% of poverty_line  eligible when registered }
      end of year { savings += 10% of max(0, disposable - poverty_line) * size }
      option baseline {}
      option "subsidy 60k" { relocation.subsidy = 60000 }
    }
    """

  static func results() throws -> ReplicationResults {
    SimulationRunner(
      scenario: try ResultsFixture.scenario(scenarioText, path: "golden.scenario"), threads: 1
    ).run()
  }

  func testSummaryMatchesGoldenFile() throws {
    try Snapshot.assertMatches(
      SummaryTable.make(try Self.results()).rendered(), named: "summary.csv")
  }

  func testComparisonMatchesGoldenFile() throws {
    try Snapshot.assertMatches(
      ComparisonTable.make(try Self.results()).rendered(), named: "comparison.csv")
  }

  func testSizes() throws {
    let results = try Self.results()
    let metrics = results.metrics.count
    // 2 options × 3 years × metrics rows; comparison: 1 option × 3 years × (metrics and the
    // cost-effectiveness rows).
    XCTAssertEqual(SummaryTable.make(results).rows.count, 2 * 3 * metrics)
    XCTAssertEqual(ComparisonTable.make(results).rows.count, 3 * (metrics + 6))
    XCTAssertEqual(
      results.metrics,
      [
        "incidence", "poverty_gap", "poverty_gap_squared", "mean_income", "median_income",
        "poor_people", "people",
        "registered_households", "relocated_households", "participants_relocation",
        "cost_relocation", "participants_tea", "cost_tea",
        "participants_minimum_living", "cost_minimum_living", "cost_total",
        "shocked_households_illness",
      ])
  }

  func testCSVReadsBackWithPythonsCSVModule() throws {
    guard let python = Self.executable("python3") else { throw XCTSkip("python3 is not installed") }
    let results = try Self.results()
    let folder = try ResultsFixture.temporaryFolder(self)
    for (name, table) in [
      ("summary.csv", SummaryTable.make(results)),
      ("comparison.csv", ComparisonTable.make(results)),
    ] {
      let path = folder + "/" + name
      try Data(table.rendered().utf8).write(to: URL(fileURLWithPath: path))
      // Python reads the file with the csv module (newline="" as its docs require) and prints
      // the records as JSON; every numeric field must parse as a float (an empty field is
      // a missing value: an undefined cost-effectiveness ratio).
      let script = """
        import csv, json, math, sys
        with open(sys.argv[1], newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        text = {"option", "baseline", "metric", "distinguishable"}
        for row in rows[1:]:
            for name, field in zip(rows[0], row):
                if name not in text and field != "":
                    value = float(field)
                    assert math.isfinite(value) or field in ("NaN", "Inf", "-Inf"), field
        json.dump(rows, sys.stdout)
        """
      let output = try Self.run(python, ["-c", script, path])
      XCTAssertEqual(output.status, 0, output.error)
      let parsed = try JSONDecoder().decode([[String]].self, from: Data(output.output.utf8))
      XCTAssertEqual(parsed, [table.header] + table.rows, name)
    }
  }

  // MARK: - Processes

  static func executable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  static func run(_ executable: String, _ arguments: [String]) throws -> (
    status: Int32, output: String, error: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outputData, as: UTF8.self),
      String(decoding: errorData, as: UTF8.self)
    )
  }
}
