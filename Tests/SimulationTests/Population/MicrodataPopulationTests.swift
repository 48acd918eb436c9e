import Foundation
import ScenarioLanguage
import XCTest

@testable import Simulation

/// A population read from a household file: rows become households, sampling weights
/// weigh every person-based metric, and the bootstrap resamples rows per replication.
final class MicrodataPopulationTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("microdata-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // Three households against a line of 3,000: two poor (1,000 and 2,000 per person).
    try Data("income,size,weight\n1000,2,1\n2000,1,3\n4000,3,1\n".utf8).write(to: folder.appendingPathComponent("h.csv"))
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  private func scenario(_ population: String, replications: Int = 1, body: String = "") throws -> Scenario {
    let text = """
      scenario "micro" {
        years 2016 to 2016
        replications \(replications)
        seed 7
        poverty_line 3000 yuan per person per year
        population from "h.csv" {
      \(population)
        }
        identification { detect 100% of poor }
      \(body)
      }
      """
    let source = SourceFile(path: "micro.scenario", text: text)
    let result = ScenarioChecker.check(source: source, dataDirectory: folder.path)
    guard let scenario = result.scenario else {
      throw ScenarioRun.FixtureError(description: DiagnosticRenderer(sources: [source]).render(result.diagnostics))
    }
    return scenario
  }

  func testRowsAreHouseholdsUnweighted() throws {
    let scenario = try scenario(
      """
          column income = "income"
          column size = "size"
          land = 2 * size
      """, body: "programme subsidy per_land { eligible when true  amount land yuan per household }")
    XCTAssertEqual(scenario.households, 3)
    let results = SimulationRunner(scenario: scenario, threads: 1).run()
    // Persons 2 + 1 + 3 = 6; poor 2 + 1 = 3.
    assertClose(results.value("people", year: 2016), 6)
    assertClose(results.value("poor_people", year: 2016), 3)
    assertClose(results.value("incidence", year: 2016), 0.5)
    // The subsidy (land = 2 · size yuan per household) adds 2 per person: gaps of 1,998
    // (2 persons) and 998 (1 person) below 3,000.
    assertClose(results.value("poverty_gap", year: 2016), (2 * 1998.0 / 3000 + 998.0 / 3000) / 6)
    assertClose(results.value("mean_income", year: 2016), (2 * 1002 + 1 * 2002 + 3 * 4002) / 6.0)
    // Land derived from the mapped size; cost is the sum over simulated households.
    assertClose(results.value("cost_per_land", year: 2016), 2 * (2 + 1 + 3))
    assertClose(results.value("registered_households", year: 2016), 2)
  }

  func testWeightsWeighPersonMetricsNotHouseholdCounts() throws {
    let scenario = try scenario(
      """
          column income = "income"
          column size = "size"
          weight "weight"
      """, body: "programme subsidy cash { eligible when registered  amount 10 yuan per household }")
    let results = SimulationRunner(scenario: scenario, threads: 1).run()
    // Person weights: 2 · 1, 1 · 3, 3 · 1 = 8; poor 2 + 3 = 5.
    assertClose(results.value("people", year: 2016), 8)
    assertClose(results.value("poor_people", year: 2016), 5)
    assertClose(results.value("incidence", year: 2016), 5.0 / 8)
    // Registered households get 10 yuan: 5 per person (household 1), 10 (household 2).
    assertClose(results.value("mean_income", year: 2016), (2 * 1005 + 3 * 2010 + 3 * 4000) / 8.0)
    assertClose(results.value("poverty_gap", year: 2016), (2 * (1995.0 / 3000) + 3 * (990.0 / 3000)) / 8)
    assertClose(
      results.value("poverty_gap_squared", year: 2016), (2 * pow(1995.0 / 3000, 2) + 3 * pow(990.0 / 3000, 2)) / 8)
    // Cumulative person weight 2 at 1,005, 5 at 2,010 of 8: the median is 2,010.
    assertClose(results.value("median_income", year: 2016), 2010)
    // Counts and costs are of the simulated households, not weighted.
    assertClose(results.value("registered_households", year: 2016), 2)
    assertClose(results.value("participants_cash", year: 2016), 2)
    assertClose(results.value("cost_cash", year: 2016), 20)
  }

  func testWeightsWeighBreakdownsByCategory() throws {
    let scenario = try scenario(
      """
          column income = "income"
          column size = "size"
          weight "weight"
      """, body: "report by group")
    let results = SimulationRunner(scenario: scenario, threads: 1).run()
    // One group (`all`): the breakdown equals the weighted totals, 8 persons, 5 poor.
    let name = try XCTUnwrap(results.metrics.first { $0.hasPrefix("people[") })
    assertClose(results.value(name, year: 2016), 8)
    let incidence = try XCTUnwrap(results.metrics.first { $0.hasPrefix("incidence[") })
    assertClose(results.value(incidence, year: 2016), 5.0 / 8)
  }

  func testBootstrapIsDeterministicAndDiffersAcrossReplications() throws {
    let scenario = try scenario(
      """
          column income = "income"
          column size = "size"
          bootstrap 300 households
      """, replications: 200)
    XCTAssertEqual(scenario.households, 300)
    let one = SimulationRunner(scenario: scenario, threads: 1).run()
    let again = SimulationRunner(scenario: scenario, threads: 1).run()
    let two = SimulationRunner(scenario: scenario, threads: 2).run()
    XCTAssertEqual(one.values, again.values)
    XCTAssertEqual(one.values, two.values, "results do not depend on threads")
    let people = (0..<200).map { one.value("people", year: 2016, replication: $0) }
    XCTAssertGreaterThan(Set(people).count, 20, "each replication draws its own sample")
    // Every household is a row of the file: sizes 1, 2 or 3, mean 2 per household.
    for total in people { XCTAssertTrue(total >= 300 && total <= 900) }
    let mean = people.reduce(0, +) / Double(people.count) / 300
    XCTAssertEqual(mean, 2, accuracy: 0.02)
    // Poor persons are those of rows 1 and 2: incidence = poor persons / persons.
    for replication in 0..<5 {
      let poor = one.value("poor_people", year: 2016, replication: replication)
      assertClose(one.value("incidence", year: 2016, replication: replication), poor / people[replication])
    }
  }

  /// `--households 7` with a file of 3 rows: 7 rows are drawn with replacement.
  func testAnotherHouseholdCountResamplesRows() throws {
    var scenario = try scenario(
      """
          column income = "income"
          column size = "size"
      """, replications: 30)
    scenario.households = 7
    let results = SimulationRunner(scenario: scenario, threads: 2).run()
    let people = (0..<30).map { results.value("people", year: 2016, replication: $0) }
    for total in people { XCTAssertTrue(total >= 7 && total <= 21, "\(total)") }
    XCTAssertGreaterThan(Set(people).count, 3)
    XCTAssertEqual(results.values, SimulationRunner(scenario: scenario, threads: 1).run().values)
  }

  func testWithoutBootstrapEveryReplicationIsTheSame() throws {
    let scenario = try scenario(
      """
          column income = "income"
          column size = "size"
      """, replications: 3)
    let results = SimulationRunner(scenario: scenario, threads: 2).run()
    for replication in 0..<3 { assertClose(results.value("incidence", year: 2016, replication: replication), 0.5) }
  }
}
