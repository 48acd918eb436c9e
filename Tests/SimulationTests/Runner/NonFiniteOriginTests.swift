import ScenarioLanguage
import XCTest

@testable import Simulation

/// `SimulationRunner.traceNonFinite`: the replay names the setting, household, year and
/// replication where a NaN or infinity first entered a household's state.
final class NonFiniteOriginTests: XCTestCase {
  /// 600 households (two blocks) with `land_class` 1.
  private func scenario(body: String, extraPopulation: String = "") throws -> SimulationRunner {
    let text = ScenarioRun.tiny(
      households: 600,
      population: """
          income ~ uniform(2000, 2001)
          size = 2
          ordinal ~ uniform(0, 1)
          land_class = 1
        \(extraPopulation)
        """, body: body)
    return SimulationRunner(scenario: try ScenarioRun.scenario(text), threads: 1)
  }

  func testDivisionByAZeroAttributeInAShockCostIsTracedToTheYearItHitAHousehold() throws {
    // About 1% of households have lowland 0, so their shock cost is infinite every year;
    // it reaches their income only in a year the shock hits them (30% a year).
    let runner = try scenario(
      body: """
          shock illness {
            probability 30% per year
            cost 100 / lowland
            reimbursed 0%
          }
        """, extraPopulation: "lowland = if(income < 2000.01, 0, 1)")
    let results = runner.run()
    let bad = try XCTUnwrap(results.firstNonFinite())
    let origin = try XCTUnwrap(runner.traceNonFinite(option: 0, replication: 0))
    XCTAssertEqual(origin.setting, "illness.cost")
    XCTAssertEqual(origin.year, bad.year, "the year the infinite cost hit a household, not the first year it was computed")
    XCTAssertFalse(origin.isPopulation)
    XCTAssertFalse(origin.isUpdate)
    XCTAssertEqual(origin.value, .infinity, "the value the setting computed")
    XCTAssertEqual(origin.replication, 0)
    XCTAssertEqual(origin.option, "baseline")
    XCTAssertTrue((0..<600).contains(origin.household))
  }

  func testTheFirstAffectedHouseholdInHouseholdOrderIsNamed() throws {
    // The cost is infinite for every household: the first in household order is named.
    let runner = try scenario(
      body: """
          shock illness {
            probability 100% per year
            cost 100 / (land_class - 1)
            reimbursed 0%
          }
        """)
    let origin = try XCTUnwrap(runner.traceNonFinite(option: 0, replication: 0))
    XCTAssertEqual(origin.setting, "illness.cost")
    XCTAssertEqual(origin.household, 0)
    XCTAssertEqual(origin.year, 2016)
    XCTAssertEqual(origin.value, .infinity)
  }

  func testAnUpdateThatDividesByZeroIsTracedToTheUpdate() throws {
    let runner = try scenario(body: "end of year { income /= land_class - 1 }")
    let bad = try XCTUnwrap(runner.run().firstNonFinite())
    XCTAssertEqual(bad.year, 2017, "the income is infinite from the next year's measurement")
    let origin = try XCTUnwrap(runner.traceNonFinite(option: 0, replication: 0))
    XCTAssertEqual(origin.setting, "end_of_year.income")
    XCTAssertTrue(origin.isUpdate)
    XCTAssertEqual(origin.household, 0)
    XCTAssertEqual(origin.year, 2016, "the update ran at the end of 2016")
  }

  func testOverflowInTheYearCycleIsTracedToTheSettingEvaluatedJustBefore() throws {
    // income · exp(800) overflows in the year cycle's own multiplication; no setting computed
    // a non-finite value.
    let runner = try scenario(body: "income growth 800")
    let origin = try XCTUnwrap(runner.traceNonFinite(option: 0, replication: 0))
    XCTAssertEqual(origin.setting, "income_growth")
    XCTAssertTrue(origin.isAfterSetting)
    XCTAssertFalse(origin.isUpdate)
    XCTAssertEqual(origin.household, 0)
    XCTAssertEqual(origin.year, 2017, "growth applies from the second year")
    XCTAssertEqual(origin.value, .infinity)
  }

  func testAPopulationAttributeIsTracedToThePopulation() throws {
    let runner = try scenario(body: "", extraPopulation: "wealth = log(land_class - 1)")
    let origin = try XCTUnwrap(runner.traceNonFinite(option: 0, replication: 0))
    XCTAssertEqual(origin.setting, "population.wealth")
    XCTAssertTrue(origin.isPopulation)
    XCTAssertEqual(origin.household, 0)
    XCTAssertEqual(origin.value, -.infinity)
  }

  func testAFiniteRunHasNoOrigin() throws {
    let runner = try scenario(body: "")
    XCTAssertNil(runner.run().firstNonFinite())
    XCTAssertNil(runner.traceNonFinite(option: 0, replication: 0))
  }

  func testSettingLocationFindsTheStatement() throws {
    let text = """
      scenario "S" {
        poverty_line 2952
        population 10 households {
          group remote share 30% { income ~ uniform(1, 2) }
          size = 4
        }
        income growth for remote normal(mean: 1%, sd: 1%)
        shock illness { cost 100 / size }
        programme relocation { next year { income *= 1.25 } }
        end of year { savings += 1 }
      }
      """
    let source = SourceFile(path: "s", text: text)
    var parser = Parser(source: source)
    let syntax = try XCTUnwrap(parser.parseScenario())
    func line(_ path: String) -> Int? { SettingLocation.range(of: path, in: syntax).map { source.lineAndColumn(of: $0.start).line } }
    XCTAssertEqual(line("poverty_line"), 2)
    XCTAssertEqual(line("population.remote.income"), 4)
    XCTAssertEqual(line("population.size"), 5)
    XCTAssertEqual(line("income_growth.remote"), 7)
    XCTAssertNil(line("income_growth"))
    XCTAssertEqual(line("illness.cost"), 8)
    XCTAssertEqual(line("relocation.next_year.income"), 9)
    XCTAssertEqual(line("end_of_year.savings"), 10)
    XCTAssertNil(line("illness.probability"))
  }
}
