import Reports
import XCTest

@testable import Simulation

/// `summary.csv` from hand-built results: layout, statistics and number text.
final class SummaryTableTests: XCTestCase {
  /// Two options, two years, two metrics, five replications. incidence of the baseline in
  /// 2016 is 0, 10, 20, 30, 40 over the replications; everything else is derived from the
  /// indices so that every cell is distinct.
  private let results = ResultsFixture.make(
    options: ["baseline", "reform"], years: [2016, 2017], metrics: ["incidence", "cost_total"],
    replications: 0..<5
  ) { replication, option, year, metric in
    Double(10 * replication) + Double(1000 * option + 100 * year + 10_000 * metric)
  }

  func testLayoutOneRowPerOptionYearAndMetric() {
    let table = SummaryTable.make(results)
    XCTAssertEqual(
      table.header,
      ["option", "year", "metric", "mean", "sd", "se", "p05", "p25", "p50", "p75", "p95"])
    XCTAssertEqual(table.rows.count, 2 * 2 * 2)
    // Option, then year, then metric, each in the results' order.
    XCTAssertEqual(
      table.rows.map { $0[0...2].joined(separator: " ") },
      [
        "baseline 2016 incidence", "baseline 2016 cost_total", "baseline 2017 incidence",
        "baseline 2017 cost_total",
        "reform 2016 incidence", "reform 2016 cost_total", "reform 2017 incidence",
        "reform 2017 cost_total",
      ])
    XCTAssertTrue(table.rows.allSatisfy { $0.count == table.header.count })
  }

  func testStatisticsOfAHandCase() {
    let row = SummaryTable.make(results).record([
      "option": "baseline", "year": "2016", "metric": "incidence",
    ])
    // Sample 0, 10, 20, 30, 40: mean 20; Σ(x − 20)² = 400 + 100 + 0 + 100 + 400 = 1000;
    // sd = √(1000/4) = √250; se = √250/√5 = √50.
    XCTAssertEqual(row["mean"], "20")
    assertField(row["sd"], 250.0.squareRoot(), "sd")
    assertField(row["se"], 50.0.squareRoot(), "se")
    // Type 7: h = 4p. p05: h = 0.2 → 0 + 0.2·10 = 2; p25: h = 1 → 10; p50 → 20; p75 → 30;
    // p95: h = 3.8 → 30 + 0.8·10 = 38.
    assertField(row["p05"], 2, "p05")
    XCTAssertEqual(row["p25"], "10")
    XCTAssertEqual(row["p50"], "20")
    XCTAssertEqual(row["p75"], "30")
    assertField(row["p95"], 38, "p95")
  }

  func testOffsetsDoNotChangeTheSpread() {
    // reform, 2017, cost_total: 11100 + 0, 10, …, 40: the same spread as the hand case.
    let row = SummaryTable.make(results).record([
      "option": "reform", "year": "2017", "metric": "cost_total",
    ])
    XCTAssertEqual(row["mean"], "11120")
    assertField(row["sd"], 250.0.squareRoot(), "sd")
    assertField(row["p95"], 11138, "p95")
  }

  func testOneReplicationHasNoSpread() {
    let single = ResultsFixture.make(
      options: ["baseline"], years: [2016], metrics: ["incidence"], replications: 3..<4
    ) { _, _, _, _ in 0.125 }
    let row = SummaryTable.make(single).record(["option": "baseline"])
    XCTAssertEqual(row["mean"], "0.125")
    XCTAssertEqual(row["sd"], "0")
    XCTAssertEqual(row["se"], "0")
    for column in ["p05", "p25", "p50", "p75", "p95"] {
      XCTAssertEqual(row[column], "0.125", column)
    }
  }

  func testNaNPropagatesToTheMeanAndPrintsAsNaN() {
    let odd = ResultsFixture.make(
      options: ["baseline"], years: [2016], metrics: ["x"], replications: 0..<2
    ) { replication, _, _, _ in
      replication == 0 ? .nan : 1
    }
    let row = SummaryTable.make(odd).record(["option": "baseline"])
    XCTAssertEqual(row["mean"], "NaN")
  }
}
