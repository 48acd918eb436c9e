import XCTest

@testable import Simulation

/// Step 5, subsidies: an amount per person, per household or per mu, every active year.
final class SubsidyTests: XCTestCase {
  func testAmountsPerPersonHouseholdAndMu() throws {
    let text = ScenarioRun.tiny(
      households: 3,
      population: """
            income = 2000
            size = 4
            land = 2
        """,
      body: """
          programme subsidy perperson { amount 300 yuan per person  eligible when registered }
          programme subsidy perhousehold { amount 300 yuan per household  eligible when registered }
          programme subsidy permu { amount 300 yuan per mu  eligible when registered }
        """)
    let results = try ScenarioRun.results(text)
    for year in 2016...2018 {
      // Per household: per person 300 · 4 = 1200; per household 300; per mu 300 · 2 = 600;
      // three households each.
      XCTAssertEqual(results.value("participants_perperson", year: year), 3)
      assertClose(results.value("cost_perperson", year: year), 3600, "per person \(year)")
      assertClose(results.value("cost_perhousehold", year: year), 900, "per household \(year)")
      assertClose(results.value("cost_permu", year: year), 1800, "per mu \(year)")
      assertClose(results.value("cost_total", year: year), 6300, "total \(year)")
      // d = 2000 + 1200/4 + 300/4 + 600/4 = 2000 + 300 + 75 + 150 = 2525.
      assertClose(results.value("mean_income", year: year), 2525, "d \(year)")
    }
  }

  func testSubsidyPaysOnlyInItsYears() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2019",
      population: """
            income = 2000
            size = 2
        """,
      body: """
          programme subsidy cash {
            years 2017 to 2018
            amount 100 yuan per person
            eligible when registered
          }
        """)
    let results = try ScenarioRun.results(text)
    // 100 · 2 persons = 200 in 2017 and 2018 only; d = 2100 then.
    XCTAssertEqual((2016...2019).map { results.value("cost_cash", year: $0) }, [0, 200, 200, 0])
    XCTAssertEqual(
      (2016...2019).map { results.value("mean_income", year: $0) }, [2000, 2100, 2100, 2000])
  }

  func testNextYearEffectsOfASubsidyApplyTheYearAfterEachPayment() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2019",
      population: """
            income = 2000
            size = 2
        """,
      body: """
          programme subsidy training {
            years 2017 to 2017
            amount 0 yuan per household
            eligible when registered
            next year { income += 300 }
          }
        """)
    let results = try ScenarioRun.results(text)
    // Paid (0 yuan) in 2017 only; market income rises by 300 at the start of 2018, once,
    // and stays: 2000, 2000, 2300, 2300.
    XCTAssertEqual(
      (2016...2019).map { results.value("mean_income", year: $0) }, [2000, 2000, 2300, 2300])
    XCTAssertEqual(
      (2016...2019).map { results.value("participants_training", year: $0) }, [0, 1, 0, 0])
  }

  func testAmountByCondition() throws {
    let text = ScenarioRun.tiny(
      households: 10,
      years: "2016 to 2016",
      population: """
            group small share 50% { income = 2000  size = 2 }
            group large share 50% { income = 2000  size = 6 }
        """,
      body: """
          programme subsidy child { amount if(size >= 5, 600, 100) yuan per household  eligible when registered }
          programme subsidy count_large { amount 0 yuan per household  eligible when group == large }
        """)
    let results = try ScenarioRun.results(text)
    let large = results.value("participants_count_large", year: 2016)
    XCTAssertTrue(large > 0 && large < 10, "both sizes drawn: \(large) large")
    // 600 for each household of 6, 100 for each household of 2.
    XCTAssertEqual(results.value("cost_child", year: 2016), 600 * large + 100 * (10 - large))
    XCTAssertEqual(results.value("participants_child", year: 2016), 10)
  }
}
