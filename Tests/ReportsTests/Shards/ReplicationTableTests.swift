import Reports
import Simulation
import XCTest

/// `replications.csv` values read back as the identical doubles, so merges are exact.
final class ReplicationTableTests: XCTestCase {
  func testValuesRoundTripBitForBit() {
    let values: [Double] = [
      0, -0.0, 1, -3, 0.1, 1e-05, 1e15, 1e16, -3.3197439968873346e-05, .pi, .ulpOfOne, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
      .infinity, -.infinity,
    ]
    for value in values {
      let text = ReplicationTable.format(value)
      XCTAssertEqual(ReplicationTable.parse(text)?.bitPattern, value.bitPattern, text)
    }
    XCTAssertEqual(ReplicationTable.format(-0.0), "-0")
    XCTAssertEqual(ReplicationTable.parse("NaN")?.isNaN, true)
    XCTAssertNil(ReplicationTable.parse("x"))
  }

  func testRowsFollowReplicationOptionYearOrder() throws {
    var values: [Double] = []
    for replication in 0..<2 { for option in 0..<2 { for year in 0..<2 { values.append(Double(100 * replication + 10 * option + year)) } } }
    let results = try XCTUnwrap(
      ReplicationResults(options: ["a", "b"], baselineIndex: 0, years: [2020, 2021], metrics: ["m"], replications: 5..<7, values: values))
    let table = ReplicationTable.make(results)
    XCTAssertEqual(table.header, ["option", "replication", "year", "m"])
    XCTAssertEqual(
      table.rows.map { $0.joined(separator: ",") },
      [
        "a,5,2020,0", "a,5,2021,1", "b,5,2020,10", "b,5,2021,11", "a,6,2020,100", "a,6,2021,101", "b,6,2020,110", "b,6,2021,111",
      ])
    XCTAssertNil(ReplicationResults(options: ["a"], baselineIndex: 0, years: [2020], metrics: ["m"], replications: 0..<2, values: [1]))
  }
}
