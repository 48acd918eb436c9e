import XCTest

@testable import Simulation

/// Step 8: `end of year` updates after measurement (the reference model's saving rule).
final class EndOfYearTests: XCTestCase {
  func testSavingsRuleAccumulatesTenPercentOfIncomeAboveTheLine() throws {
    let text = ScenarioRun.tiny(
      population: """
            income = 5000
            size = 2
        """,
      body: """
          end of year {
            savings += 10% of max(0, disposable - poverty_line) * size
          }
          programme subsidy probe {
            years 2018 to 2018
            amount savings yuan per household
            eligible when true
          }
        """)
    let results = try ScenarioRun.results(text)
    // Each year: savings += 0.1 · max(0, 5000 − 3000) · 2 = 400, after measurement.
    // At the 2018 probe (before 2018's own update): 2 · 400 = 800.
    assertClose(results.value("cost_probe", year: 2018), 800, "savings")
    // The probe is income in 2018: d = 5000 + 800 / 2 = 5400; before that 5000.
    assertClose(results.value("mean_income", year: 2018), 5400, "2018")
    XCTAssertEqual(results.value("mean_income", year: 2017), 5000)
  }

  func testSavingsRuleAddsNothingBelowTheLine() throws {
    let text = ScenarioRun.tiny(
      population: """
            income = 2000
            size = 2
            savings = 100
        """,
      body: """
          end of year {
            savings += 10% of max(0, disposable - poverty_line) * size
          }
          programme subsidy probe {
            years 2018 to 2018
            amount savings yuan per household
            eligible when true
          }
        """)
    let results = try ScenarioRun.results(text)
    // max(0, 2000 − 3000) = 0: savings stay 100.
    assertClose(results.value("cost_probe", year: 2018), 100, "savings")
  }
}
