import Reports
import XCTest

@testable import Simulation

/// `comparison.csv` from hand-built results: paired differences and their intervals.
final class ComparisonTableTests: XCTestCase {
  func testPairedDifferenceHandCase() {
    // baseline 1, 2, 3, 4, 5; reform 2, 4, 5, 5, 9 → differences 1, 2, 2, 1, 4.
    let baseline: [Double] = [1, 2, 3, 4, 5]
    let reform: [Double] = [2, 4, 5, 5, 9]
    let results = ResultsFixture.make(
      options: ["baseline", "reform"], years: [2016], metrics: ["incidence"], replications: 0..<5
    ) { r, o, _, _ in
      o == 0 ? baseline[r] : reform[r]
    }
    let table = ComparisonTable.make(results)
    XCTAssertEqual(
      table.header,
      [
        "option", "baseline", "year", "metric", "option_mean", "baseline_mean", "difference", "se",
        "ci95_low", "ci95_high", "distinguishable",
      ])
    XCTAssertEqual(table.rows.count, 1)
    let row = table.record(["option": "reform"])
    XCTAssertEqual(row["baseline"], "baseline")
    XCTAssertEqual(row["year"], "2016")
    XCTAssertEqual(row["option_mean"], "5")
    XCTAssertEqual(row["baseline_mean"], "3")
    XCTAssertEqual(row["difference"], "2")
    // Deviations −1, 0, 0, −1, 2: Σ² = 6, sd = √(6/4) = √1.5, se = √1.5/√5 = √0.3.
    let se = 0.3.squareRoot()
    assertField(row["se"], se, "se")
    assertField(row["ci95_low"], 2 - 1.959963984540054 * se, "low")
    assertField(row["ci95_high"], 2 + 1.959963984540054 * se, "high")
    // 2 − 1.96 · 0.548 ≈ 0.93 > 0.
    XCTAssertEqual(row["distinguishable"], "yes")
  }

  func testPairingRemovesCommonNoise() {
    // Large common noise, constant effect 0.5: paired se is 0, so the difference is
    // distinguishable although the two samples overlap widely.
    let noise: [Double] = [10, -30, 25, 0, -5, 40]
    let results = ResultsFixture.make(
      options: ["baseline", "reform"], years: [2016], metrics: ["m"], replications: 0..<6
    ) { r, o, _, _ in
      noise[r] + (o == 1 ? 0.5 : 0)
    }
    let row = ComparisonTable.make(results).record(["option": "reform"])
    XCTAssertEqual(row["difference"], "0.5")
    XCTAssertEqual(row["se"], "0")
    XCTAssertEqual(row["ci95_low"], "0.5")
    XCTAssertEqual(row["ci95_high"], "0.5")
    XCTAssertEqual(row["distinguishable"], "yes")
  }

  func testIdenticalOptionIsNotDistinguishable() {
    let results = ResultsFixture.make(
      options: ["baseline", "same"], years: [2016, 2017], metrics: ["m"], replications: 0..<4
    ) { r, _, y, _ in
      Double(r * r + y)
    }
    for row in ComparisonTable.make(results).records {
      XCTAssertEqual(row["difference"], "0")
      XCTAssertEqual(row["se"], "0")
      XCTAssertEqual(row["distinguishable"], "no")
    }
  }

  func testIntervalAcrossZeroIsNotDistinguishable() {
    // Differences −1, 1, −2, 2: mean 0 → interval around 0.
    let differences: [Double] = [-1, 1, -2, 2]
    let results = ResultsFixture.make(
      options: ["baseline", "reform"], years: [2016], metrics: ["m"], replications: 0..<4
    ) { r, o, _, _ in
      o == 0 ? 100 : 100 + differences[r]
    }
    let row = ComparisonTable.make(results).record(["option": "reform"])
    XCTAssertEqual(row["difference"], "0")
    // sd = √(10/3), se = √(10/3)/2.
    assertField(row["se"], (10.0 / 3).squareRoot() / 2, "se")
    XCTAssertEqual(row["distinguishable"], "no")
  }

  func testBaselineNeedNotBeFirst() {
    let results = ResultsFixture.make(
      options: ["low", "standard", "high"], baselineIndex: 1, years: [2016], metrics: ["m"],
      replications: 0..<3
    ) { r, o, _, _ in
      Double(10 * o + r)
    }
    let table = ComparisonTable.make(results)
    XCTAssertEqual(table.rows.map { $0[0] }, ["low", "high"])
    XCTAssertTrue(table.records.allSatisfy { $0["baseline"] == "standard" })
    XCTAssertEqual(table.record(["option": "low"])["difference"], "-10")
    XCTAssertEqual(table.record(["option": "high"])["difference"], "10")
  }

  func testOneOptionGivesAHeaderOnly() {
    let results = ResultsFixture.make(
      options: ["baseline"], years: [2016], metrics: ["m"], replications: 0..<3
    ) { r, _, _, _ in Double(r) }
    XCTAssertEqual(ComparisonTable.make(results).rows.count, 0)
    XCTAssertEqual(
      ComparisonTable.make(results).rendered(),
      ComparisonTable.header.joined(separator: ",") + "\r\n")
  }
}
