import Foundation
import Reports
import XCTest

@testable import Simulation

/// The CSV text of the reference county does not depend on the number of threads.
final class ThreadIndependentTablesTests: XCTestCase {
  func testSummaryAndComparisonTextIsIdenticalForOneAndFourThreads() throws {
    let url = ResultsFixture.packageRoot.appendingPathComponent(
      "scenarios/reference-county.scenario")
    var scenario = try ResultsFixture.scenario(
      try String(contentsOf: url, encoding: .utf8), path: url.path)
    scenario.households = 2000
    scenario.replications = 6
    let one = SimulationRunner(scenario: scenario, threads: 1).run()
    let four = SimulationRunner(scenario: scenario, threads: 4).run()
    let summary = SummaryTable.make(one).rendered()
    XCTAssertEqual(summary, SummaryTable.make(four).rendered())
    XCTAssertEqual(ComparisonTable.make(one).rendered(), ComparisonTable.make(four).rendered())
    // 3 options × 10 years × metrics rows plus the header.
    XCTAssertEqual(
      summary.components(separatedBy: "\r\n").count - 1, 1 + 3 * 10 * one.metrics.count)
  }
}
