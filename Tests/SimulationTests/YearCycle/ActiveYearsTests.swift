import XCTest

@testable import Simulation

/// Programme, transfer and shock `years` may be written anywhere in their block; a `years`
/// line after a condition is not read as the condition's unit.
final class ActiveYearsTests: XCTestCase {
  func testYearsLineAfterOtherSettings() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2019",
      population: """
            income = 2000
            size = 2
        """,
      body: """
          programme subsidy cash {
            amount 100 yuan per person
            eligible when registered
            years 2017 to 2017
          }
          transfer dibao {
            top up to 80% of poverty_line
            eligible when registered
            years 2019 to 2019
          }
        """)
    let results = try ScenarioRun.results(text)
    // cash: 100 · 2 in 2017 only; dibao: (2400 − 2000) · 2 = 800 in 2019 only.
    XCTAssertEqual((2016...2019).map { results.value("cost_cash", year: $0) }, [0, 200, 0, 0])
    XCTAssertEqual((2016...2019).map { results.value("cost_dibao", year: $0) }, [0, 0, 0, 800])
    XCTAssertEqual((2016...2019).map { results.value("cost_total", year: $0) }, [0, 200, 0, 800])
    XCTAssertEqual(
      (2016...2019).map { results.value("mean_income", year: $0) }, [2000, 2100, 2000, 2400])
  }
}
