import Foundation
import Reports
import Simulation
import XCTest

/// Shards written by `ResultsFolder` and merged by `ShardMerge` give the tables of the whole
/// run byte for byte, for awkward values and with sweeps.
final class ShardMergeTests: XCTestCase {
  private let options = ["baseline", "x=1", "x=2"]
  private let metrics = ["incidence", "poverty_gap", "poor_people", "cost_total"]
  private let design = RunDesign(sweptParameters: ["x"], sweptValues: [[:], ["x": 1], ["x": 2]], discountRate: 0.03)

  private func results(_ range: Range<Int>) -> ReplicationResults {
    ResultsFixture.make(options: options, years: [2020, 2021, 2022], metrics: metrics, replications: range) { r, o, y, m in
      let replication = r + range.lowerBound
      if replication == 1 && m == 0 { return -0.0 }
      return sin(Double(replication * 31 + o * 7 + y * 3 + m)) * pow(10, Double(m)) + Double(o) * 0.1
    }
  }

  private func manifest(_ range: Range<Int>) -> RunManifest {
    var manifest = RunManifest(
      toolVersion: ToolVersion.current, scenario: "test", scenarioFile: "test.scenario", scenarioSHA256: "abc", seed: 7,
      replications: range.count, households: 100, firstYear: 2020, lastYear: 2022,
      options: options.map { RunManifest.Option(name: $0, overrides: []) }, baseline: "baseline", settings: [], commandLine: ["policysim"],
      started: "2026-01-01T00:00:00Z", finished: "2026-01-01T00:00:01Z", threads: 1, files: [])
    manifest.sweptParameters = design.sweptParameters
    manifest.discountRate = design.discountRate
    manifest.replicationRange = [range.lowerBound, range.upperBound]
    return manifest
  }

  func testMergedTablesEqualTheWholeRunsTables() throws {
    let folder = try ResultsFixture.temporaryFolder(self)
    let ranges = [0..<4, 4..<5, 5..<11]
    for (index, range) in ranges.enumerated() {
      try ResultsFolder(path: "\(folder)/part-\(index)").write(results(range), manifest: manifest(range), design: design, replicationValues: true)
    }
    let shards = try ranges.indices.reversed().map { try Shard(folder: "\(folder)/part-\($0)") }
    let merge = try ShardMerge(shards)
    let whole = results(0..<11)
    XCTAssertEqual(merge.results.values.map(\.bitPattern), whole.values.map(\.bitPattern))
    XCTAssertEqual(merge.design, design)
    XCTAssertEqual(SummaryTable.make(merge.results, design: merge.design).rendered(), SummaryTable.make(whole, design: design).rendered())
    XCTAssertEqual(ComparisonTable.make(merge.results, design: merge.design).rendered(), ComparisonTable.make(whole, design: design).rendered())
    XCTAssertEqual(merge.manifest.replications, 11)
    XCTAssertEqual(merge.manifest.replicationRange, [0, 11])
    XCTAssertEqual(merge.manifest.mergedFrom, ranges.indices.map { "\(folder)/part-\($0)" })
  }

  func testADifferentHouseholdCountIsRefused() throws {
    let folder = try ResultsFixture.temporaryFolder(self)
    try ResultsFolder(path: "\(folder)/a").write(results(0..<2), manifest: manifest(0..<2), design: design, replicationValues: true)
    var other = manifest(2..<3)
    other.households = 200
    try ResultsFolder(path: "\(folder)/b").write(results(2..<3), manifest: other, design: design, replicationValues: true)
    XCTAssertThrowsError(try ShardMerge([Shard(folder: "\(folder)/a"), Shard(folder: "\(folder)/b")])) { error in
      XCTAssertEqual(
        (error as? MergeError)?.message,
        "\(folder)/b: the number of households differs from \(folder)/a's (200 vs 100); shards must come from one run")
    }
  }
}
