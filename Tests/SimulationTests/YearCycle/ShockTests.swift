import XCTest

@testable import Simulation

/// Step 3: a shock costs the household (1 − reimbursed) · cost, shared by its members.
final class ShockTests: XCTestCase {
  private func scenario(probability: String = "100%", years: String = "") -> String {
    ScenarioRun.tiny(
      population: """
            income = 2000
            size = 4
        """,
      body: """
          shock illness {
            \(years)
            probability \(probability) per year
            cost 35% of income * size
            reimbursed 50%
          }
          option baseline {}
          option "never ill" { illness.probability = 0% }
        """)
  }

  func testShockCostNetOfReimbursementIsSharedByTheHousehold() throws {
    let results = try ScenarioRun.results(scenario())
    // cost = 35% · 2000 · 4 = 2800 per household; borne (1 − 50%) · 2800 = 1400;
    // per person 1400 / 4 = 350 → d = 2000 − 350 = 1650 (every year, probability 100%).
    for year in 2016...2018 {
      assertClose(results.value("mean_income", year: year), 1650, "\(year)")
      XCTAssertEqual(results.value("shocked_households_illness", year: year), 1, "\(year)")
    }
    // The shock does not change market income: no cumulative loss (still 1650 in 2018).
    // Poverty gap against the line 3000: (3000 − 1650) / 3000 = 0.45.
    assertClose(results.value("poverty_gap", year: 2018), 0.45, "gap")
  }

  func testZeroProbabilityNeverHits() throws {
    let results = try ScenarioRun.results(scenario())
    for year in 2016...2018 {
      XCTAssertEqual(results.value("mean_income", year: year, option: "never ill"), 2000, "\(year)")
      XCTAssertEqual(
        results.value("shocked_households_illness", year: year, option: "never ill"), 0, "\(year)")
    }
  }

  func testShockOnlyInItsYears() throws {
    let results = try ScenarioRun.results(scenario(years: "years 2017 to 2017"))
    // Only 2017: 2000, 1650, 2000.
    XCTAssertEqual(results.value("mean_income", year: 2016), 2000)
    assertClose(results.value("mean_income", year: 2017), 1650, "2017")
    XCTAssertEqual(results.value("mean_income", year: 2018), 2000)
    XCTAssertEqual(
      (2016...2018).map { results.value("shocked_households_illness", year: $0) }, [0, 1, 0])
  }

  func testShockCostPerHouseholdWithNoReimbursementCanPushIncomeBelowZero() throws {
    let text = ScenarioRun.tiny(
      population: """
            income = 1000
            size = 2
        """,
      body: """
          shock fire {
            probability 100% per year
            cost 8000 yuan per household
          }
        """)
    let results = try ScenarioRun.results(text)
    // reimbursed defaults to 0: d = 1000 − 8000 / 2 = −3000.
    assertClose(results.value("mean_income", year: 2016), -3000, "d")
    // The gap is capped at 1: min(1, (3000 + 3000) / 3000 = 2) = 1; FGT2 = 1² = 1.
    XCTAssertEqual(results.value("poverty_gap", year: 2016), 1)
    XCTAssertEqual(results.value("poverty_gap_squared", year: 2016), 1)
    XCTAssertEqual(results.value("incidence", year: 2016), 1)
  }
}
