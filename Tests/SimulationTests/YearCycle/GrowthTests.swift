import XCTest

@testable import Simulation

/// Step 1 of the year cycle: market income grows by `exp(g)` each year after the first.
final class GrowthTests: XCTestCase {
  func testConstantLogGrowthMultipliesIncomeByExpOfTheRateFromTheSecondYear() throws {
    let results = try ScenarioRun.results(
      ScenarioRun.tiny(
        population: """
              income = 2000
              size = 2
          """,
        body: "  income growth 10% per year"))
    // 2016: no growth in the first year → 2000.
    // 2017: 2000 · e^0.1 = 2210.341836151295…
    // 2018: 2000 · e^0.2 = 2442.805516320340…
    assertClose(results.value("mean_income", year: 2016), 2000, "2016")
    assertClose(results.value("mean_income", year: 2017), 2000 * exp(0.1), "2017")
    assertClose(results.value("mean_income", year: 2018), 2000 * exp(0.2), "2018")
    // One household: the person-weighted median is its income.
    assertClose(results.value("median_income", year: 2018), 2000 * exp(0.2), "median 2018")
  }

  func testGroupGrowthReplacesTheCommonGrowth() throws {
    let results = try ScenarioRun.results(
      ScenarioRun.tiny(
        population: """
              group hill share 100% { income = 2000 }
              size = 2
          """,
        body: """
            income growth 10% per year
            income growth for hill 20% per year
          """))
    // The household is in `hill`: 2000 · e^0.2 in 2017, 2000 · e^0.4 in 2018 (not e^0.1).
    assertClose(results.value("mean_income", year: 2017), 2000 * exp(0.2), "2017")
    assertClose(results.value("mean_income", year: 2018), 2000 * exp(0.4), "2018")
  }

  func testWithoutGrowthIncomeStaysConstant() throws {
    let results = try ScenarioRun.results(
      ScenarioRun.tiny(
        population: """
              income = 2000
              size = 2
          """))
    // No `income growth`: 2000 in every year, exactly (×e^0 = ×1).
    for year in 2016...2018 {
      XCTAssertEqual(results.value("mean_income", year: year), 2000, "\(year)")
    }
  }
}
