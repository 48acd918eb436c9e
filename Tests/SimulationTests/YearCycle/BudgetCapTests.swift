import XCTest

@testable import Simulation

/// Budget caps: demand first, then a selection in priority order, then the programme on
/// the selected households only (docs/model.md § Budget caps).
final class BudgetCapTests: XCTestCase {
  /// Ten households of two kinds; `counted` gives the number of poor-kind households.
  private func twoKinds(_ programme: String, line: String = "1200 yuan per person per year") -> String {
    ScenarioRun.tiny(
      households: 10, years: "2016 to 2016", line: line,
      population: """
            group low share 40% { income = 1000  size = 3 }
            group high share 60% { income = 2000  size = 1 }
        """,
      body: """
          identification { detect 100% of poor  include 100% below 10 * poverty_line }
          programme subsidy counted { amount 0 yuan per household  eligible when group == low }
        \(programme)
        """
    ).replacingOccurrences(of: "  identification { detect 100% of poor }\n", with: "")
  }

  func testPlacesServeTheLowestIncomeFirst() throws {
    let lowest = try ScenarioRun.results(
      twoKinds("programme subsidy cash { amount 300 yuan per person  eligible when registered  places 2 per year  priority lowest income }"))
    let low = lowest.value("participants_counted", year: 2016)
    XCTAssertGreaterThanOrEqual(low, 2, "the fixture needs two low households")
    XCTAssertEqual(lowest.value("participants_cash", year: 2016), 2)
    XCTAssertEqual(lowest.value("unserved_cash", year: 2016), 8)
    // Two low households (3 persons each) get 900 yuan: 1000 + 300 = 1300 per person, above
    // the line of 1200; the other low households stay poor.
    XCTAssertEqual(lowest.value("cost_cash", year: 2016), 1800)
    XCTAssertEqual(lowest.value("poor_people", year: 2016), 3 * (low - 2))

    let highest = try ScenarioRun.results(
      twoKinds("programme subsidy cash { amount 300 yuan per person  eligible when registered  places 2 per year  priority highest income }"))
    // The two served are high households (1 person, 300 yuan each): every low one stays poor.
    XCTAssertEqual(highest.value("cost_cash", year: 2016), 600)
    XCTAssertEqual(highest.value("poor_people", year: 2016), 3 * low)
  }

  func testABudgetPassesOverHouseholdsThatDoNotFitAndServesCheaperOnes() throws {
    let results = try ScenarioRun.results(
      twoKinds("programme subsidy cash { amount 300 yuan per person  eligible when registered  budget 1200 yuan per year  priority lowest income }"))
    let low = results.value("participants_counted", year: 2016)
    XCTAssertTrue(low >= 2 && low <= 9, "the fixture needs two low and one high household: \(low)")
    // Low first: the first costs 900 (300 left); the other low ones (900) do not fit and are
    // passed over; the first high one (300) fits; nothing is left for the rest.
    XCTAssertEqual(results.value("participants_cash", year: 2016), 2)
    XCTAssertEqual(results.value("cost_cash", year: 2016), 1200)
    XCTAssertEqual(results.value("unserved_cash", year: 2016), 8)
  }

  func testRegistryOrderAndABudgetThatChangesByYear() throws {
    let text = ScenarioRun.tiny(
      households: 5,
      population: """
            income = 2000
            size = 1
        """,
      body: """
          programme subsidy cash {
            amount 300 yuan per household
            eligible when registered
            budget schedule(2016: 600, 2017: 900, 2018: 10000) yuan per year
          }
        """)
    let results = try ScenarioRun.results(text)
    XCTAssertEqual((2016...2018).map { results.value("participants_cash", year: $0) }, [2, 3, 5])
    XCTAssertEqual((2016...2018).map { results.value("unserved_cash", year: $0) }, [3, 2, 0])
    XCTAssertEqual((2016...2018).map { results.value("cost_cash", year: $0) }, [600, 900, 1500])
    // Five households of one person: mean income 2000 + cost / 5.
    XCTAssertEqual((2016...2018).map { results.value("mean_income", year: $0) }, [2120, 2180, 2300])
  }

  func testOneBudgetPerVillage() throws {
    let text = ScenarioRun.tiny(
      households: 10, years: "2016 to 2016",
      population: """
            income = 2000
            size = 1
            village ~ categorical(east: 50%, west: 50%)
        """,
      body: """
          programme subsidy east_count { amount 0 yuan per household  eligible when village == east }
          programme subsidy cash {
            amount 300 yuan per household
            eligible when registered
            budget 600 yuan per year by village
            priority random
          }
        """)
    let results = try ScenarioRun.results(text)
    let east = results.value("participants_east_count", year: 2016)
    XCTAssertTrue(east >= 2 && east <= 8, "the fixture needs two households in each village: \(east)")
    // 600 yuan per village: two households in each.
    XCTAssertEqual(results.value("participants_cash", year: 2016), 4)
    XCTAssertEqual(results.value("cost_cash", year: 2016), 1200)
    XCTAssertEqual(results.value("unserved_cash", year: 2016), 6)
  }

  func testCappedTransferTopsUpTheLowestFirst() throws {
    let results = try ScenarioRun.results(
      twoKinds(
        """
          transfer guarantee {
            top up to 1500 yuan per person
            eligible when registered
            budget 3000 yuan per year
            priority lowest disposable
          }
        """))
    let low = results.value("participants_counted", year: 2016)
    XCTAssertTrue(low >= 2 && low <= 9, "\(low)")
    // Each low household needs (1500 − 1000) · 3 = 1500: two fit in 3000; high ones need nothing.
    XCTAssertEqual(results.value("participants_guarantee", year: 2016), 2)
    XCTAssertEqual(results.value("cost_guarantee", year: 2016), 3000)
    XCTAssertEqual(results.value("unserved_guarantee", year: 2016), low - 2)
  }

  func testCapsGiveTheSameResultsForAnyThreadCount() throws {
    let text = """
      scenario "caps" {
        years 2016 to 2019
        replications 6
        seed 11
        poverty_line 3000 yuan per person per year
        population 1500 households {
          income ~ lognormal(median: 3000, sigma: 0.6)
          size ~ categorical(1: 30%, 2: 40%, 4: 30%)
          village ~ categorical(east: 30%, west: 70%)
        }
        income growth normal(mean: 3%, sd: 10%) per year
        programme subsidy cash { amount 500 yuan per person  budget 200_000 yuan per year by village  priority random }
        programme subsidy seeds { amount 200 yuan per household  places 100 per year  priority lowest income * size }
        transfer guarantee { top up to 80% of poverty_line  budget 400_000 yuan per year  priority lowest disposable }
      }
      """
    let one = try ScenarioRun.results(text, threads: 1)
    let three = try ScenarioRun.results(text, threads: 3)
    XCTAssertEqual(one.values, three.values)
    XCTAssertEqual(one.value("participants_seeds", year: 2017), 100)
    XCTAssertGreaterThan(one.value("unserved_cash", year: 2017), 0)
    XCTAssertLessThanOrEqual(one.value("cost_cash", year: 2017), 400_000)
    XCTAssertLessThanOrEqual(one.value("cost_guarantee", year: 2017), 400_000)
  }

  func testCappedOnceOnlyProgrammesServeNewHouseholdsEachYear() throws {
    let text = ScenarioRun.tiny(
      households: 3,
      population: """
            income = 2000
            size = 1
            savings = 100000
        """,
      body: """
          programme relocation {
            eligible when registered
            cost 50000 yuan per household
            subsidy 10000 yuan per household
            places 1 per year
          }
          programme industry tea {
            eligible when registered
            grant 500 yuan per household
            budget 1000 yuan per year
          }
        """)
    let results = try ScenarioRun.results(text)
    // One move a year in household order; movers never demand again.
    XCTAssertEqual((2016...2018).map { results.value("participants_relocation", year: $0) }, [1, 1, 1])
    XCTAssertEqual((2016...2018).map { results.value("unserved_relocation", year: $0) }, [2, 1, 0])
    XCTAssertEqual((2016...2018).map { results.value("relocated_households", year: $0) }, [1, 2, 3])
    XCTAssertEqual((2016...2018).map { results.value("cost_relocation", year: $0) }, [10000, 10000, 10000])
    // Two grants of 500 fit in 1000 in 2016; the third household enrols in 2017.
    XCTAssertEqual((2016...2018).map { results.value("participants_tea", year: $0) }, [2, 1, 0])
    XCTAssertEqual((2016...2018).map { results.value("unserved_tea", year: $0) }, [1, 0, 0])
  }

  func testUncappedScenariosHaveNoUnservedMetric() throws {
    let results = try ScenarioRun.results(
      ScenarioRun.tiny(population: "    income = 2000\n    size = 1", body: "  programme subsidy cash { amount 300 yuan per household }"))
    XCTAssertFalse(results.metrics.contains { $0.hasPrefix("unserved_") })
  }
}
