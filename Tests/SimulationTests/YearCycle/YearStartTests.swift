import XCTest

@testable import Simulation

/// `start of year { … }` (after growth, from the second year) and `… when CONDITION` guards.
final class YearStartTests: XCTestCase {
  func testAgeingAndLabourLeavingByGuardedEffects() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2019",
      population: """
            income = 2000
            size = 2
            age = 58
            labour = 2
        """,
      body: """
          start of year {
            age += 1
            labour -= 1 when age >= 60 and labour > 0
          }
          programme subsidy cash { amount 100 * labour yuan per household  eligible when true }
        """)
    let results = try ScenarioRun.results(text)
    // Age 58 in 2016 (no start of year in the first year), 59, 60 (labour 1), 61 (labour 0).
    XCTAssertEqual((2016...2019).map { results.value("cost_cash", year: $0) }, [200, 200, 100, 0])
  }

  func testGuardedEffectInEndOfYearAndOnJoin() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2018",
      population: """
            income = 2000
            size = 2
            bonus = 0
        """,
      body: """
          programme subsidy cash {
            amount 100 + bonus yuan per household
            eligible when true
            on join { bonus += 50 when year >= 2017 }
          }
          end of year { bonus *= 2 when bonus > 0 }
        """)
    let results = try ScenarioRun.results(text)
    // 2016: paid 100, no bonus (year < 2017). 2017: paid 100, bonus 50 then doubled to 100.
    // 2018: paid 200.
    XCTAssertEqual((2016...2018).map { results.value("cost_cash", year: $0) }, [100, 100, 200])
  }
}
