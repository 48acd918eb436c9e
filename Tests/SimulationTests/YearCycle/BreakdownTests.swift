import XCTest

@testable import Simulation

/// Measurement per category (`report by`), and amounts `per child`.
final class BreakdownTests: XCTestCase {
  func testHeadlineMetricsPerGroup() throws {
    let text = """
      scenario "groups" {
        years 2016 to 2017
        replications 1
        seed 3
        poverty_line 3000 yuan per person per year
        population 100 households {
          group poor share 30% { income = 1000  size = 2 }
          group rich share 70% { income = 5000  size = 3 }
        }
        report by group
      }
      """
    let results = try ScenarioRun.results(text)
    let poorPeople = results.value("people[group=poor]", year: 2016)
    let richPeople = results.value("people[group=rich]", year: 2016)
    XCTAssertEqual(poorPeople + richPeople, results.value("people", year: 2016))
    XCTAssertEqual(poorPeople.truncatingRemainder(dividingBy: 2), 0, "households of 2")
    XCTAssertEqual(results.value("incidence[group=poor]", year: 2016), 1)
    XCTAssertEqual(results.value("incidence[group=rich]", year: 2016), 0)
    assertClose(results.value("poverty_gap[group=poor]", year: 2016), 2.0 / 3, "(3000 − 1000) / 3000")
    XCTAssertEqual(results.value("poverty_gap[group=rich]", year: 2016), 0)
    assertClose(results.value("mean_income[group=poor]", year: 2016), 1000, "poor")
    assertClose(results.value("mean_income[group=rich]", year: 2016), 5000, "rich")
    // The parts add up to the whole.
    assertClose(results.value("incidence[group=poor]", year: 2016) * poorPeople, results.value("poor_people", year: 2016), "poor people")
  }

  func testSubsidyPerChildIsMultipliedByChildren() throws {
    let text = ScenarioRun.tiny(
      population: """
            income = 2000
            size = 4
            children = 2
        """,
      body: """
          programme subsidy school "education subsidy" {
            amount 500 yuan per child
          }
        """)
    let results = try ScenarioRun.results(text)
    // 500 · 2 children = 1000 per household, 250 per person.
    assertClose(results.value("mean_income", year: 2016), 2250, "d")
    assertClose(results.value("cost_school", year: 2016), 1000, "cost")
  }
}
