import Foundation
import Reports
import XCTest

/// Figures of small fixed runs must match their golden SVGs byte for byte
/// (`Golden/figures/`; re-record with `RECORD_SNAPSHOTS=1 swift test`).
final class GoldenFigureTests: XCTestCase {
  /// The golden CSV run (50 households, 3 replications, 2016–2018, two options) read back
  /// through its CSV text, as `policysim plot` reads a folder.
  private func goldenRun() throws -> SavedResults {
    let results = try GoldenCSVTests.results()
    return try SavedResults(
      summary: SummaryTable.make(results).rendered(), comparison: ComparisonTable.make(results).rendered(),
      manifest: #"{"baseline": "baseline", "replications": 3, "scenario": "golden"}"#, name: "golden")
  }

  func testFanChart() throws {
    try Snapshot.assertMatches(try FigureRequest(kind: .fan, metric: "incidence").render(goldenRun()), named: "figures/incidence-fan.svg")
  }

  func testBars() throws {
    try Snapshot.assertMatches(try FigureRequest(kind: .bars, metric: "cost_total").render(goldenRun()), named: "figures/cost_total-bars.svg")
  }

  func testDifference() throws {
    try Snapshot.assertMatches(
      try FigureRequest(kind: .difference, metric: "incidence").render(goldenRun()), named: "figures/incidence-difference.svg")
  }

  func testSweep() throws {
    try Snapshot.assertMatches(
      try FigureRequest(kind: .sweep, metric: "incidence", options: nil, year: 2019).render(FigureFixture.swept()),
      named: "figures/incidence-sweep.svg")
  }

  func testFanChartOfManyOptions() throws {
    try Snapshot.assertMatches(try FigureRequest(kind: .fan, metric: "incidence").render(FigureFixture.swept()), named: "figures/swept-fan.svg")
  }
}
