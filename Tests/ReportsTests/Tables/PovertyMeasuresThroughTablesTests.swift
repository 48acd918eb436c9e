import Reports
import XCTest

@testable import Simulation

/// Hand-computed FGT values of a deterministic scenario, as they come out in the tables.
final class PovertyMeasuresThroughTablesTests: XCTestCase {
  /// One household of 2 at 1500 against a line of 3000; option `richer` at 2400. Three
  /// replications, identical because nothing is random.
  private let text = """
    scenario "fgt" {
      years 2016 to 2017
      replications 3
      seed 3
      poverty_line 3000 yuan per person per year
      population 1 households {
        income = 1500
        size = 2
      }
      identification { detect 0% of poor }
      option baseline {}
      option richer { population.income = 2400 }
    }
    """

  func testSummaryOfFGT() throws {
    let results = SimulationRunner(scenario: try ResultsFixture.scenario(text), threads: 1).run()
    let summary = SummaryTable.make(results)
    // baseline: poor; g = (3000 − 1500)/3000 = 0.5, g² = 0.25; richer: g = 0.2, g² = 0.04.
    let expected: [(String, String, Double)] = [
      ("baseline", "incidence", 1), ("baseline", "poverty_gap", 0.5),
      ("baseline", "poverty_gap_squared", 0.25),
      ("baseline", "mean_income", 1500), ("baseline", "median_income", 1500),
      ("baseline", "poor_people", 2),
      ("richer", "incidence", 1), ("richer", "poverty_gap", 0.2),
      ("richer", "poverty_gap_squared", 0.04),
      ("richer", "mean_income", 2400),
    ]
    for year in ["2016", "2017"] {
      for (option, metric, value) in expected {
        let row = summary.record(["option": option, "year": year, "metric": metric])
        assertField(row["mean"], value, "\(option) \(metric) mean")
        // Identical replications: no spread, every percentile the value.
        XCTAssertEqual(row["sd"], "0", "\(option) \(metric)")
        for column in ["p05", "p50", "p95"] {
          assertField(row[column], value, "\(option) \(metric) \(column)")
        }
      }
    }
  }

  func testComparisonOfFGT() throws {
    let results = SimulationRunner(scenario: try ResultsFixture.scenario(text), threads: 1).run()
    let comparison = ComparisonTable.make(results)
    // richer − baseline: gap 0.2 − 0.5 = −0.3, squared gap 0.04 − 0.25 = −0.21, incidence 0.
    let gap = comparison.record(["option": "richer", "year": "2016", "metric": "poverty_gap"])
    assertField(gap["difference"], -0.3, "gap")
    XCTAssertEqual(gap["distinguishable"], "yes")
    assertField(
      comparison.record(["option": "richer", "year": "2017", "metric": "poverty_gap_squared"])[
        "difference"], -0.21, "FGT2")
    let incidence = comparison.record(["option": "richer", "year": "2016", "metric": "incidence"])
    XCTAssertEqual(incidence["difference"], "0")
    XCTAssertEqual(incidence["distinguishable"], "no")
  }
}
