import XCTest

@testable import Simulation

/// `ReplicationResults.firstNonFinite()` finds NaN and ±∞ and says where they are.
final class NonFiniteMetricTests: XCTestCase {
  private func results() -> ReplicationResults {
    ReplicationResults(
      options: ["baseline", "more"], baselineIndex: 0, years: [2016, 2017, 2018], metrics: ["incidence", "mean_income"],
      replications: 10..<13)
  }

  func testFiniteResultsHaveNone() {
    var table = results()
    for index in table.values.indices { table.values[index] = Double(index) - 3.5 }
    XCTAssertNil(table.firstNonFinite())
  }

  func testEachKindOfNonFiniteValueIsLocated() {
    for value in [Double.nan, .infinity, -.infinity] {
      var table = results()
      let index = table.offset(replication: 1, option: 1) + 2 * 2 + 1
      table.values[index] = value
      let found = table.firstNonFinite()
      XCTAssertEqual(found?.option, "more")
      XCTAssertEqual(found?.year, 2018)
      XCTAssertEqual(found?.replication, 11)
      XCTAssertEqual(found?.metric, "mean_income")
      XCTAssertEqual(found?.valueDescription, value.isNaN ? "NaN" : value > 0 ? "infinity" : "minus infinity")
    }
  }

  func testTheEarliestReplicationComesFirst() {
    var table = results()
    table.values[table.offset(replication: 2, option: 0)] = .nan
    table.values[table.offset(replication: 0, option: 1) + 3] = .infinity
    XCTAssertEqual(table.firstNonFinite()?.replication, 10)
    XCTAssertEqual(table.firstNonFinite()?.year, 2017)
  }
}
