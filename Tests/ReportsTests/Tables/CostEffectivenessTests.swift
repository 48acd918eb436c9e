import Foundation
import Reports
import XCTest

@testable import Simulation

/// The cost-effectiveness rows of `comparison.csv`, against values computed by hand: on
/// hand-built results (several replications, discounting) and on a tiny deterministic
/// scenario run end to end.
final class CostEffectivenessTests: XCTestCase {
  /// Baseline: gap 10%, 100 poor, no cost. "reform": lifts 10 + r people in 2016 and
  /// 20 + 2r in 2017 at a cost of 1000 + 100r then 2000, gap 8% then 5%. "noise": lifts
  /// 5, 0, −5 people (a mean of 0) at a cost of 10.
  private func results() -> ReplicationResults {
    ResultsFixture.make(
      options: ["baseline", "reform", "noise"], years: [2016, 2017], metrics: ["poverty_gap", "poor_people", "cost_total"], replications: 0..<3
    ) { r, option, year, metric in
      let r = Double(r)
      switch (option, metric) {
      case (0, 0): return 0.10
      case (0, 1): return 100
      case (0, 2): return 0
      case (1, 0): return year == 0 ? 0.08 : 0.05
      case (1, 1): return year == 0 ? 100 - (10 + r) : 100 - (20 + 2 * r)
      case (1, 2): return year == 0 ? 1000 + 100 * r : 2000
      case (2, 0): return 0.10
      case (2, 1): return 100 + (r - 1) * 5
      default: return 10
      }
    }
  }

  private func table(discount: Double) -> CSVTable {
    ComparisonTable.make(results(), design: RunDesign(discountRate: discount))
  }

  func testRowsFollowEachYearsMetricsInOrder() {
    let rows = table(discount: 0).rows.filter { $0[0] == "reform" && $0[2] == "2016" }.map { $0[3] }
    XCTAssertEqual(
      rows,
      [
        "poverty_gap", "poor_people", "cost_total", "cumulative_cost_total", "cumulative_poor_people", "cumulative_people_lifted",
        "cumulative_gap_points_reduced", "cost_per_person_lifted", "cost_per_gap_point",
      ])
  }

  func testFirstYearEqualsTheYearsOwnDifferences() {
    let table = table(discount: 0.1)
    let cost = table.record(["option": "reform", "year": "2016", "metric": "cumulative_cost_total"])
    assertField(cost["option_mean"], 1100)
    assertField(cost["baseline_mean"], 0)
    assertField(cost["difference"], 1100)
    assertField(cost["se"], 100 / 3.0.squareRoot())
    XCTAssertEqual(cost["distinguishable"], "yes")
    let lifted = table.record(["option": "reform", "year": "2016", "metric": "cumulative_people_lifted"])
    XCTAssertEqual(lifted["option_mean"], "")
    XCTAssertEqual(lifted["baseline_mean"], "")
    assertField(lifted["difference"], 11)
    let perPerson = table.record(["option": "reform", "year": "2016", "metric": "cost_per_person_lifted"])
    assertField(perPerson["difference"], 100)
    assertField(perPerson["se"], 0, tolerance: 1e-9)
    let perPoint = table.record(["option": "reform", "year": "2016", "metric": "cost_per_gap_point"])
    assertField(perPoint["difference"], 1100 / 2.0, tolerance: 1e-12)
  }

  func testCumulativeDiscountedValuesAndRatiosByHand() {
    let table = table(discount: 0.1)
    // 2017 counts 1/1.1 of its values.
    let cost = table.record(["option": "reform", "year": "2017", "metric": "cumulative_cost_total"])
    assertField(cost["difference"], 1100 + 2000 / 1.1)
    let poor = table.record(["option": "reform", "year": "2017", "metric": "cumulative_poor_people"])
    assertField(poor["option_mean"], 89 + 78 / 1.1)
    assertField(poor["baseline_mean"], 100 + 100 / 1.1)
    assertField(poor["difference"], -(11 + 22 / 1.1))
    let lifted = table.record(["option": "reform", "year": "2017", "metric": "cumulative_people_lifted"])
    assertField(lifted["difference"], 11 + 22 / 1.1)
    let points = table.record(["option": "reform", "year": "2017", "metric": "cumulative_gap_points_reduced"])
    assertField(points["difference"], 2 + 5 / 1.1)
    // Per replication: lifted y = (10 + r) + (20 + 2r)/1.1 = (10 + r)·k with k = 3.1/1.1,
    // extra cost x = 100 (10 + r) + 2000/1.1. R = mean x / mean y = 3210 / 34.1; the
    // residuals x − R·y = (10 + r)(100 − R·k) + const have sd |100 − R·k| (sd of r is 1),
    // so se = |100 − R·k| / (√3 · 11k).
    let k = 3.1 / 1.1
    let ratio = 3210 / 34.1
    let se = abs(100 - ratio * k) / (3.0.squareRoot() * 11 * k)
    let perPerson = table.record(["option": "reform", "year": "2017", "metric": "cost_per_person_lifted"])
    assertField(perPerson["difference"], ratio)
    assertField(perPerson["se"], se)
    assertField(perPerson["ci95_low"], ratio - ComparisonTable.z95 * se)
    assertField(perPerson["ci95_high"], ratio + ComparisonTable.z95 * se)
    XCTAssertEqual(perPerson["distinguishable"], "yes")
    // 3210 / 7.2; the gap points do not vary, so the residuals are the costs' deviations
    // (−100, 0, 100): se = 100 / (√3 · 72/11).
    let perPoint = table.record(["option": "reform", "year": "2017", "metric": "cost_per_gap_point"])
    assertField(perPoint["difference"], 3210 / 7.2)
    assertField(perPoint["se"], 100 / (3.0.squareRoot() * 72 / 11))
  }

  func testWithoutDiscountingEveryYearCountsFully() {
    let cost = table(discount: 0).record(["option": "reform", "year": "2017", "metric": "cumulative_cost_total"])
    assertField(cost["difference"], 3100)
    let perPerson = table(discount: 0).record(["option": "reform", "year": "2017", "metric": "cost_per_person_lifted"])
    assertField(perPerson["difference"], 3100 / 33.0)
  }

  func testARatioIsLeftEmptyWhenItsDenominatorIsNotDistinguishablyPositive() {
    let table = table(discount: 0)
    for metric in ["cost_per_person_lifted", "cost_per_gap_point"] {
      let row = table.record(["option": "noise", "year": "2017", "metric": metric])
      for column in ["option_mean", "baseline_mean", "difference", "se", "ci95_low", "ci95_high", "distinguishable"] {
        XCTAssertEqual(row[column], "", "\(metric) \(column)")
      }
    }
    let lifted = table.record(["option": "noise", "year": "2017", "metric": "cumulative_people_lifted"])
    assertField(lifted["difference"], 0)
    XCTAssertEqual(lifted["distinguishable"], "no")
    XCTAssertFalse(table.rendered().contains("NaN"))
  }

  func testRatioEstimateEdgeCases() {
    XCTAssertFalse(RatioEstimate(numerator: [], denominator: []).isDefined)
    XCTAssertFalse(RatioEstimate(numerator: [1, 2], denominator: [0, 0]).isDefined)
    XCTAssertFalse(RatioEstimate(numerator: [1, 2], denominator: [-1, -2]).isDefined, "nobody lifted: no cost per person lifted")
    let one = RatioEstimate(numerator: [50], denominator: [2])
    XCTAssertTrue(one.isDefined)
    XCTAssertEqual(one.ratio, 25)
    XCTAssertEqual(one.se, 0)
  }

  func testWithoutThePovertyAndCostMetricsThereAreNoSuchRows() {
    let results = ResultsFixture.make(options: ["baseline", "reform"], years: [2016], metrics: ["incidence"], replications: 0..<2) { r, o, _, _ in
      Double(r + o)
    }
    XCTAssertEqual(ComparisonTable.make(results).rows.map { $0[3] }, ["incidence"])
  }

  /// Two identical households of two at 2800 yuan a head under a line of 3000: the
  /// baseline pays nothing; "cash" pays 300 a head to the registered, lifting all four
  /// people at 1200 yuan. Lifted in 2016, they leave the registry, so 2017 pays nothing
  /// (and lifts nobody); poor again, they are registered and paid in 2018.
  func testATinyDeterministicScenarioEndToEnd() throws {
    let text = """
      scenario "tiny" {
        years 2016 to 2018
        replications 1
        seed 7
        discount 10% per year
        poverty_line 3000 yuan per person per year
        population 2 households {
          income = 2800
          size = 2
        }
        identification { detect 100% of poor }
        programme subsidy cash { amount 0 yuan per person  eligible when registered }
        option baseline {}
        option cash { cash.amount = 300 }
      }
      """
    let scenario = try ResultsFixture.scenario(text)
    let results = SimulationRunner(scenario: scenario, threads: 1).run()
    let table = ComparisonTable.make(results, design: RunDesign(scenario: scenario))
    let factors = [1, 0, 1 / 1.21]  // paid in 2016 and 2018, discounted 10% a year
    for (index, year) in (2016...2018).enumerated() {
      let sum = factors[...index].reduce(0, +)
      func row(_ metric: String) -> [String: String] { table.record(["option": "cash", "year": String(year), "metric": metric]) }
      assertField(row("cumulative_cost_total")["difference"], 1200 * sum, tolerance: 1e-12, "cost \(year)")
      assertField(row("cumulative_people_lifted")["difference"], 4 * sum, tolerance: 1e-12, "lifted \(year)")
      // The gap of each person is (3000 − 2800) / 3000 = 6⅔ points.
      assertField(row("cumulative_gap_points_reduced")["difference"], 20 / 3 * sum, tolerance: 1e-12, "points \(year)")
      assertField(row("cost_per_person_lifted")["difference"], 300, tolerance: 1e-12, "per person \(year)")
      assertField(row("cost_per_gap_point")["difference"], 180, tolerance: 1e-12, "per point \(year)")
    }
  }
}
