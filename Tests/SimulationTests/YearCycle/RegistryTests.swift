import XCTest

@testable import Simulation

/// Step 9 and step 5's eligibility: programmes use the registry drawn at the end of the
/// previous year; the registry of the first year is drawn from market income.
final class RegistryTests: XCTestCase {
  func testProgrammesUseLastYearsRegistry() throws {
    let text = ScenarioRun.tiny(
      population: """
            income = 2900
            size = 2
        """,
      body: """
          income growth 10% per year
          programme subsidy cash { amount 10 yuan per person  eligible when registered }
        """)
    let results = try ScenarioRun.results(text)
    // Initial registry: 2900 < 3000 → registered for 2016; paid 10 · 2 = 20.
    // 2016: d_pre = 2910 < 3000 → registered for 2017.
    // 2017: income 2900 · e^0.1 = 3205.0 > 3000, yet still paid (last year's registry);
    //       d_pre = 3215.0 ≥ 3000 → not registered for 2018.
    // 2018: not registered → not paid.
    XCTAssertEqual(
      (2016...2018).map { results.value("registered_households", year: $0) }, [1, 1, 0])
    XCTAssertEqual((2016...2018).map { results.value("cost_cash", year: $0) }, [20, 20, 0])
    assertClose(results.value("mean_income", year: 2017), 2900 * exp(0.1) + 10, "2017")
    assertClose(results.value("mean_income", year: 2018), 2900 * exp(0.2), "2018")
    XCTAssertEqual((2016...2018).map { results.value("incidence", year: $0) }, [1, 0, 0])
  }

  func testFirstRegistryComesFromMarketIncome() throws {
    let text = ScenarioRun.tiny(
      population: """
            income = 3500
            size = 2
        """,
      body: """
          shock flood {
            probability 100% per year
            cost 2000 yuan per household
          }
          programme subsidy cash { amount 10 yuan per person  eligible when registered }
        """)
    let results = try ScenarioRun.results(text)
    // Market income 3500 ≥ 3000 → not registered in 2016, although the flood brings d to
    // 3500 − 2000/2 = 2500 < 3000 that year. That 2016 d_pre = 2500 → registered for 2017.
    XCTAssertEqual(
      (2016...2018).map { results.value("registered_households", year: $0) }, [0, 1, 1])
    XCTAssertEqual((2016...2018).map { results.value("cost_cash", year: $0) }, [0, 20, 20])
    assertClose(results.value("mean_income", year: 2016), 2500, "2016")
    assertClose(results.value("mean_income", year: 2017), 2510, "2017")
  }

  func testInclusionOfTheNearPoor() throws {
    let text = ScenarioRun.tiny(
      population: """
            income = 3300
            size = 2
        """,
      body: """
          programme subsidy cash { amount 10 yuan per person  eligible when registered }
          option baseline {}
          option "not near" { population.income = 3700 }
        """
    ).replacingOccurrences(
      of: "identification { detect 100% of poor }",
      with: "identification { detect 100% of poor  include 100% below 1.2 * poverty_line }")
    let results = try ScenarioRun.results(text)
    // 3000 ≤ 3300 < 1.2 · 3000 = 3600: included with probability 100%.
    XCTAssertEqual(results.value("registered_households", year: 2016), 1)
    XCTAssertEqual(results.value("cost_cash", year: 2017), 20)
    // 3700 ≥ 3600: never included.
    XCTAssertEqual(results.value("registered_households", year: 2017, option: "not near"), 0)
  }
}
