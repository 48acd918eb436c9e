import XCTest

@testable import Simulation

/// Any numeric parameter may be a year schedule or an indexed value: the engine takes each
/// year's value, in programmes, transfers, shocks, the line and option overrides alike.
final class TimeVaryingParameterTests: XCTestCase {
  func testSubsidyStandardRaisedByScheduleAndTopUpPhasedOut() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2020",
      population: """
            income = 1000
            size = 2
            land = 3
        """,
      body: """
          programme subsidy planting { amount schedule(2016: 100, 2019: 150) yuan per mu  eligible when true }
          transfer dibao { top up to schedule(2016: 2000, 2018: 1500, 2020: 0) }
        """)
    let results = try ScenarioRun.results(text)
    // Planting: 100 · 3 mu = 300 a household until 2018, then 150 · 3 = 450: per person
    // 150 then 225, so d before the top-up is 1150 then 1225.
    XCTAssertEqual((2016...2020).map { results.value("cost_planting", year: $0) }, [300, 300, 300, 450, 450])
    // Top-up to 2000 (2016-17), 1500 (2018-19), 0 (2020: phased out).
    XCTAssertEqual((2016...2020).map { results.value("mean_income", year: $0) }, [2000, 2000, 1500, 1500, 1225])
    // Paid per household: (level − d) · 2 persons.
    XCTAssertEqual((2016...2020).map { results.value("cost_dibao", year: $0) }, [1700, 1700, 700, 550, 0])
  }

  func testIndexedValueInAnOptionOverride() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2018",
      population: """
            income = 1000
            size = 1
        """,
      body: """
          programme subsidy cash { amount 100 yuan per household  eligible when true }
          option baseline {}
          option indexed { cash.amount = 100 indexed 10% per year }
        """)
    let results = try ScenarioRun.results(text)
    let costs = (2016...2018).map { results.value("cost_cash", year: $0, option: "indexed") }
    // 100 · 1.1^(year − 2016).
    XCTAssertEqual(costs[0], 100, accuracy: 1e-9)
    XCTAssertEqual(costs[1], 110, accuracy: 1e-9)
    XCTAssertEqual(costs[2], 121, accuracy: 1e-9)
    XCTAssertEqual((2016...2018).map { results.value("cost_cash", year: $0) }, [100, 100, 100])
  }

  func testShockProbabilityAndReimbursementBySchedule() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2019",
      population: """
            income = 5000
            size = 1
        """,
      body: """
          shock illness {
            probability schedule(2016: 0%, 2017: 100%, 2019: 0%)
            cost 1000 yuan
            reimbursed schedule(2016: 0%, 2018: 40%)
          }
        """)
    let results = try ScenarioRun.results(text)
    // No shock in 2016 and 2019; in 2017 the household bears 1000, in 2018 60% of it.
    XCTAssertEqual((2016...2019).map { results.value("shocked_households_illness", year: $0) }, [0, 1, 1, 0])
    XCTAssertEqual((2016...2019).map { results.value("mean_income", year: $0) }, [5000, 4000, 4400, 5000])
  }
}
