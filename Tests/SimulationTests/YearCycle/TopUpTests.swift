import XCTest

@testable import Simulation

/// Step 6: a top-up raises registered households below the level to it, at the cost of
/// the difference times the household's size.
final class TopUpTests: XCTestCase {
  private func scenario(level: String = "80%", years: String = "") -> String {
    ScenarioRun.tiny(
      population: """
            income = 2000
            size = 3
        """,
      body: """
          transfer dibao "minimum living guarantee" {
            \(years)
            top up to \(level) of poverty_line
            eligible when registered
          }
          option baseline {}
          option above { population.income = 2600 }
          option unregistered { identification.detect = 0% }
        """)
  }

  func testTopUpToTheLevelAndItsCost() throws {
    let results = try ScenarioRun.results(scenario())
    for year in 2016...2018 {
      // Level 80% · 3000 = 2400; d = 2000 → 2400; cost (2400 − 2000) · 3 = 1200.
      assertClose(results.value("mean_income", year: year), 2400, "d \(year)")
      assertClose(results.value("cost_dibao", year: year), 1200, "cost \(year)")
      XCTAssertEqual(results.value("participants_dibao", year: year), 1)
      // Still poor: (3000 − 2400) / 3000 = 0.2.
      assertClose(results.value("poverty_gap", year: year), 0.2, "gap \(year)")
    }
  }

  func testNoTopUpAboveTheLevel() throws {
    let results = try ScenarioRun.results(scenario())
    // income 2600 ≥ 2400: registered (2600 < 3000) but nothing to top up.
    XCTAssertEqual(results.value("registered_households", year: 2017, option: "above"), 1)
    XCTAssertEqual(results.value("cost_dibao", year: 2017, option: "above"), 0)
    XCTAssertEqual(results.value("participants_dibao", year: 2017, option: "above"), 0)
    XCTAssertEqual(results.value("mean_income", year: 2017, option: "above"), 2600)
  }

  func testNoTopUpForUnregisteredHouseholds() throws {
    let results = try ScenarioRun.results(scenario())
    // detect 0%: the poor household is never registered → d stays 2000, no cost.
    XCTAssertEqual(results.value("registered_households", year: 2016, option: "unregistered"), 0)
    XCTAssertEqual(results.value("cost_dibao", year: 2016, option: "unregistered"), 0)
    XCTAssertEqual(results.value("mean_income", year: 2018, option: "unregistered"), 2000)
  }

  func testIdentificationUsesPreTransferIncome() throws {
    let results = try ScenarioRun.results(scenario(level: "100%"))
    // Top-up to the line: d = 3000, not poor (d < 3000 is false), cost (3000 − 2000) · 3.
    // The registry for next year is drawn from pre-transfer 2000 < 3000, so the household
    // stays registered and is topped up every year.
    for year in 2016...2018 {
      XCTAssertEqual(results.value("incidence", year: year), 0, "\(year)")
      XCTAssertEqual(results.value("registered_households", year: year), 1, "\(year)")
      assertClose(results.value("cost_dibao", year: year), 3000, "cost \(year)")
    }
  }

  func testTransferOnlyInItsYears() throws {
    let results = try ScenarioRun.results(scenario(years: "years 2017 to 2017"))
    XCTAssertEqual((2016...2018).map { results.value("cost_dibao", year: $0) }, [0, 1200, 0])
    XCTAssertEqual(
      (2016...2018).map { results.value("mean_income", year: $0) }, [2000, 2400, 2000])
  }
}
