import Foundation
import Reports
import ScenarioLanguage
import XCTest

@testable import Simulation

/// A swept run's CSVs: one column per swept parameter right after `option`, holding the
/// option's value (empty for the baseline and written options); sweep points are the same
/// as options written by hand with the same override, bit for bit.
final class SweepColumnsTests: XCTestCase {
  private static let body = """
      years 2016 to 2018
      replications 4
      seed 11
      poverty_line 2952 yuan per person per year
      population 60 households {
        income ~ lognormal(median: 3000, sigma: 0.5)
        size ~ categorical(1: 20%, 2: 30%, 4: 50%)
      }
      income growth normal(mean: 3%, sd: 10%) per year
      identification { detect 90% of poor }
      programme subsidy support { amount 200 yuan per person  eligible when registered }
      option baseline {}
      option "by hand" { support.amount = 400 }
    """

  private func run(_ extra: String) throws -> (Scenario, ReplicationResults) {
    let scenario = try ResultsFixture.scenario("scenario \"sweep\" {\n\(Self.body)\n\(extra)\n}")
    return (scenario, SimulationRunner(scenario: scenario, threads: 2).run())
  }

  private func rows(_ table: CSVTable) -> [[String]] { table.rows }

  func testSummaryAndComparisonCarryTheSweptValues() throws {
    let (scenario, results) = try run("sweep support.amount over (400, 600)\nsweep identification.detect over (80%, 100%)")
    let design = RunDesign(scenario: scenario)
    let summary = SummaryTable.make(results, design: design)
    XCTAssertEqual(Array(summary.header.prefix(4)), ["option", "support.amount", "identification.detect", "year"])
    let comparison = ComparisonTable.make(results, design: design)
    XCTAssertEqual(Array(comparison.header.prefix(4)), ["option", "support.amount", "identification.detect", "baseline"])
    var cells: [String: [String]] = [:]
    for row in summary.rows { cells[row[0]] = Array(row[1...2]) }
    XCTAssertEqual(cells["baseline"], ["", ""])
    XCTAssertEqual(cells["by hand"], ["", ""])
    XCTAssertEqual(cells["support.amount=400, identification.detect=80%"], ["400", "0.8"])
    XCTAssertEqual(cells["support.amount=600, identification.detect=100%"], ["600", "1"])
    for row in comparison.rows where row[0] == "support.amount=600, identification.detect=80%" {
      XCTAssertEqual(Array(row[1...3]), ["600", "0.8", "baseline"])
    }
    // Every row has as many cells as the header.
    XCTAssertTrue((summary.rows + comparison.rows).allSatisfy { $0.count == summary.header.count || $0.count == comparison.header.count })
  }

  func testWithoutSweepsTheColumnsAreUnchanged() throws {
    let (scenario, results) = try run("")
    let design = RunDesign(scenario: scenario)
    XCTAssertEqual(SummaryTable.make(results, design: design).header, SummaryTable.header)
    XCTAssertEqual(ComparisonTable.make(results, design: design).header, ComparisonTable.header)
    XCTAssertEqual(SummaryTable.make(results, design: design).rendered(), SummaryTable.make(results).rendered())
  }

  func testASweepPointEqualsTheSameOptionWrittenByHandBitForBit() throws {
    let (_, results) = try run("sweep support.amount from 200 to 600 step 200")
    let byHand = try XCTUnwrap(results.options.firstIndex(of: "by hand"))
    let point = try XCTUnwrap(results.options.firstIndex(of: "support.amount=400"))
    let baseline = try XCTUnwrap(results.options.firstIndex(of: "support.amount=200"))
    var differs = false
    for year in results.years.indices {
      for metric in results.metrics.indices {
        let a = results.samples(option: byHand, year: year, metric: metric)
        let b = results.samples(option: point, year: year, metric: metric)
        XCTAssertEqual(a.map(\.bitPattern), b.map(\.bitPattern), "\(results.metrics[metric]) \(results.years[year])")
        // The point at the baseline's own value is the baseline.
        XCTAssertEqual(
          results.samples(option: baseline, year: year, metric: metric).map(\.bitPattern),
          results.samples(option: results.baselineIndex, year: year, metric: metric).map(\.bitPattern))
        if a != results.samples(option: results.baselineIndex, year: year, metric: metric) { differs = true }
      }
    }
    XCTAssertTrue(differs, "the subsidy changes something, so the comparison is not vacuous")
  }

  func testTheResultsFolderWritesTheColumnsAndTheManifestTheSweptParameters() throws {
    let (scenario, results) = try run("sweep support.amount over (400)")
    var manifest = RunManifest(
      toolVersion: ToolVersion.current, scenario: scenario.name, scenarioFile: "sweep.scenario", scenarioSHA256: "", seed: scenario.seed,
      replications: scenario.replications, households: scenario.households, firstYear: 2016, lastYear: 2018, options: [], baseline: "baseline",
      settings: [], commandLine: [], started: "", finished: "", threads: 2, files: [])
    manifest.sweptParameters = scenario.sweptParameters
    let folder = try ResultsFixture.temporaryFolder(self) + "/run"
    try ResultsFolder(path: folder).write(results, manifest: manifest, design: RunDesign(scenario: scenario))
    let summary = try String(contentsOfFile: folder + "/summary.csv", encoding: .utf8)
    XCTAssertTrue(summary.hasPrefix("option,support.amount,year,metric,mean,"))
    XCTAssertTrue(summary.contains("\nsupport.amount=400,400,2016,incidence,"))
    XCTAssertTrue(summary.contains("\nbaseline,,2016,incidence,"))
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))) as? [String: Any]
    XCTAssertEqual(json?["swept_parameters"] as? [String], ["support.amount"])
    XCTAssertEqual(json?["discount_rate"] as? Double, 0)
  }
}
