import ScenarioLanguage
import XCTest

@testable import Simulation

/// Step 5, industry support: grant per mu of land, success draw, income gain next year.
final class IndustryTests: XCTestCase {
  /// Three identical registered households (income 2000 < 3000) with 2.5 mu, growing 10%.
  private func scenario(options: String = "") -> String {
    ScenarioRun.tiny(
      households: 3,
      years: "2016 to 2019",
      population: """
            income = 2000
            size = 2
            land = 2.5
        """,
      body: """
          income growth 10% per year
          programme industry tea "White peony tea" {
            years 2017 to 2018
            eligible when registered and land >= 1
            grant 1000 yuan per mu
            success 100%
            gain 1200 yuan per person per year
          }
        \(options)
        """)
  }

  func testGrantPerMuTimesLandPaidOnceOnEnrolment() throws {
    let results = try ScenarioRun.results(scenario())
    // 2017: three households enrol, each granted 1000 · 2.5 = 2500 → 7500.
    XCTAssertEqual(results.value("participants_tea", year: 2017), 3)
    assertClose(results.value("cost_tea", year: 2017), 7500, "grant")
    assertClose(results.value("cost_total", year: 2017), 7500, "total")
    // Enrolment is once per household: nothing in 2018 although the programme is open,
    // nothing in 2016 and 2019 when it is closed.
    XCTAssertEqual((2016...2019).map { results.value("participants_tea", year: $0) }, [0, 3, 0, 0])
    XCTAssertEqual(results.value("cost_tea", year: 2018), 0)
  }

  func testSuccessGainIsAddedNextYearAfterGrowthAndOnlyOnce() throws {
    let results = try ScenarioRun.results(scenario())
    // 2017: 2000 · e^0.1 (the grant is not income).
    // 2018: growth first, then the pending gain: 2000 · e^0.2 + 1200.
    // 2019: (2000 · e^0.2 + 1200) · e^0.1, with no second gain.
    assertClose(results.value("mean_income", year: 2017), 2000 * exp(0.1), "2017")
    assertClose(results.value("mean_income", year: 2018), 2000 * exp(0.2) + 1200, "2018")
    assertClose(
      results.value("mean_income", year: 2019), (2000 * exp(0.2) + 1200) * exp(0.1), "2019")
  }

  func testFailedProjectsGiveNoGainButCostTheGrant() throws {
    let results = try ScenarioRun.results(
      scenario(
        options: """
            option baseline {}
            option failing { tea.success = 0% }
          """))
    assertClose(results.value("cost_tea", year: 2017, option: "failing"), 7500, "grant")
    assertClose(
      results.value("mean_income", year: 2018, option: "failing"), 2000 * exp(0.2), "no gain")
  }

  func testLandBelowTheThresholdIsNotEligible() throws {
    let results = try ScenarioRun.results(
      scenario(
        options: """
            option baseline {}
            option small { population.land = 0.5 }
          """))
    // land 0.5 < 1: nobody enrols, no cost, no gain.
    XCTAssertEqual(results.value("participants_tea", year: 2017, option: "small"), 0)
    XCTAssertEqual(results.value("cost_tea", year: 2017, option: "small"), 0)
    assertClose(
      results.value("mean_income", year: 2018, option: "small"), 2000 * exp(0.2), "no gain")
  }

  func testGainPerHouseholdIsSharedByItsMembers() throws {
    let text = scenario().replacingOccurrences(
      of: "gain 1200 yuan per person per year", with: "gain 1200 yuan per household per year")
    let results = try ScenarioRun.results(text)
    // 1200 per household / 2 persons = 600 per person: 2018 = 2000 · e^0.2 + 600.
    assertClose(results.value("mean_income", year: 2018), 2000 * exp(0.2) + 600, "2018")
  }
}

/// Overrides from options and from `--set`: their own unit if they have one, else the unit
/// of the setting they replace.
final class IndustryOverrideUnitTests: XCTestCase {
  private let text = ScenarioRun.tiny(
    households: 3,
    population: """
          income = 2000
          size = 2
          land = 2.5
      """,
    body: """
        programme industry tea {
          years 2017 to 2017
          eligible when registered
          grant 1000 yuan per mu
        }
        option baseline {}
        option flat { tea.grant = 500 yuan per household }
        option cheaper { tea.grant = 800 }
      """)

  private func run(setting: String) throws -> ReplicationResults {
    let (parsed, _, problems) = ParameterOverride.parse(commandLine: setting)
    XCTAssertEqual(problems.count, 0)
    let checked = ScenarioChecker.check(
      source: SourceFile(path: "test.scenario", text: text), settings: [try XCTUnwrap(parsed)])
    return SimulationRunner(scenario: try XCTUnwrap(checked.scenario), threads: 1).run()
  }

  func testOptionOverrides() throws {
    let results = try ScenarioRun.results(text)
    // Baseline: 1000 · 2.5 mu · 3 households = 7500.
    assertClose(results.value("cost_tea", year: 2017), 7500, "per mu")
    // `flat` says 500 yuan per household: 500 · 3 = 1500 (not 500 · 2.5 · 3 = 3750).
    assertClose(results.value("cost_tea", year: 2017, option: "flat"), 1500, "per household")
    // `cheaper` gives no unit: per mu as written in the block, 800 · 2.5 · 3 = 6000.
    assertClose(results.value("cost_tea", year: 2017, option: "cheaper"), 6000, "per mu")
  }

  func testCommandLineOverrides() throws {
    // `--set` applies to every option that does not set the path itself: the baseline here.
    assertClose(
      try run(setting: "tea.grant=500 yuan per household").value("cost_tea", year: 2017), 1500,
      "per household")
    assertClose(try run(setting: "tea.grant=800").value("cost_tea", year: 2017), 6000, "per mu")
    // Options that set the path keep their own value.
    assertClose(
      try run(setting: "tea.grant=800").value("cost_tea", year: 2017, option: "flat"), 1500,
      "option's own")
  }
}
