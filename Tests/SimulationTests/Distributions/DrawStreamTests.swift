import XCTest

@testable import Simulation

/// Draws are keyed by named streams, so that (Draw's documentation) "adding a random
/// element to a scenario never changes the draws of the others".
final class DrawStreamTests: XCTestCase {
  private func scenario(_ attributes: String) -> String {
    """
    scenario "streams" {
      years 2016 to 2017
      replications 2
      seed 5
      poverty_line 500 yuan per person per year
      population 1000 households {
    \(attributes)
        size = 2
      }
      income growth normal(mean: 2%, sd: 10%) per year
    }
    """
  }

  func testAnAttributeDeclaredAfterwardsLeavesEarlierDrawsAlone() throws {
    let before = try ScenarioRun.results(
      scenario("    income ~ lognormal(median: 1000, sigma: 0.5)"))
    let after = try ScenarioRun.results(
      scenario("    income ~ lognormal(median: 1000, sigma: 0.5)\n    health ~ uniform(0, 1)"))
    XCTAssertEqual(before.values.map(\.bitPattern), after.values.map(\.bitPattern))
  }

  func testAnAttributeDeclaredBeforeLeavesLaterDrawsAlone() throws {
    func text(_ attributes: String) -> String {
      """
      scenario "streams" {
        years 2016 to 2016
        replications 1
        seed 5
        poverty_line 500 yuan per person per year
        population 1000 households {
          income = 1000
          size = 2
      \(attributes)
          savings = 1000 * land
        }
        programme subsidy probe { amount savings yuan per household  eligible when true }
      }
      """
    }
    // cost_probe = Σ savings = 1000 · Σ land: a function of the land draws only.
    let without = try ScenarioRun.results(text("    land ~ uniform(0, 6)"))
    let with = try ScenarioRun.results(text("    health ~ uniform(0, 1)\n    land ~ uniform(0, 6)"))
    XCTAssertEqual(
      without.value("cost_probe", year: 2016).bitPattern,
      with.value("cost_probe", year: 2016).bitPattern)
    // The probe is not trivially constant: about 1000 households · 3 mu · 1000.
    XCTAssertEqual(without.value("cost_probe", year: 2016), 3_000_000, accuracy: 150_000)
  }

  func testSameScenarioWithAnotherSeedDrawsOtherIncomes() throws {
    let first = try ScenarioRun.results(
      scenario("    income ~ lognormal(median: 1000, sigma: 0.5)"))
    let other = try ScenarioRun.results(
      scenario("    income ~ lognormal(median: 1000, sigma: 0.5)").replacingOccurrences(
        of: "seed 5", with: "seed 6"))
    XCTAssertNotEqual(
      first.value("mean_income", year: 2016), other.value("mean_income", year: 2016))
    // Replications draw different populations too.
    XCTAssertNotEqual(
      first.value("mean_income", year: 2016, replication: 0),
      first.value("mean_income", year: 2016, replication: 1))
  }
}
