import Foundation
import XCTest

/// `policysim run --replications A..<B` (shards) and `policysim merge`: the merged results
/// are byte-identical to a single run, and shards of different runs, overlapping or leaving
/// a gap are refused (exit 1) with a message naming the shard.
final class MergeCommandTests: XCTestCase {
  private func run(_ range: String, out: String, scenario: String = PolicySimBinary.referenceScenario, _ extra: [String] = []) throws {
    let outcome = try PolicySimBinary.run(
      ["run", scenario, "--replications", range, "--households", "200", "--threads", "2", "--quiet", "--out", out] + extra)
    XCTAssertEqual(outcome.status, 0, outcome.error)
  }

  private func bytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }

  private func assertMergeMatchesSingleRun(_ ranges: [String], _ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try run("7", out: folder + "/single", extra)
    var parts: [String] = []
    for (index, range) in ranges.enumerated() {
      parts.append(folder + "/part-\(index)")
      try run(range, out: parts[index], extra)
    }
    let outcome = try PolicySimBinary.run(["merge"] + parts.reversed() + ["--out", folder + "/merged"])
    XCTAssertEqual(outcome.status, 0, outcome.error, file: file, line: line)
    for name in ["summary.csv", "comparison.csv"] {
      XCTAssertEqual(try bytes(folder + "/merged/" + name), try bytes(folder + "/single/" + name), "\(name) of \(ranges)", file: file, line: line)
    }
    let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: bytes(folder + "/merged/manifest.json")) as? [String: Any])
    XCTAssertEqual(manifest["replications"] as? Int, 7, file: file, line: line)
    XCTAssertEqual(manifest["replication_range"] as? [Int], [0, 7], file: file, line: line)
    XCTAssertEqual(manifest["merged_from"] as? [String], parts, file: file, line: line)
    XCTAssertEqual(manifest["files"] as? [String], ["summary.csv", "comparison.csv", "replications.csv", "manifest.json"], file: file, line: line)
  }

  func testTwoShardsMergeToTheSingleRunByteForByte() throws {
    try assertMergeMatchesSingleRun(["0..<3", "3..<7"])
  }

  func testThreeShardsMergeToTheSingleRunByteForByte() throws {
    try assertMergeMatchesSingleRun(["0..<2", "2..<5", "5..<7"])
  }

  func testShardsOfASweepMergeWithTheirSweptColumns() throws {
    try assertMergeMatchesSingleRun(["0..<4", "4..<7"], ["--sweep", "relocation.subsidy=20000,60000", "--discount", "3%"])
  }

  func testAShardWritesReplicationsCSVAndItsRange() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try run("2..<4", out: folder + "/part")
    let text = try String(contentsOfFile: folder + "/part/replications.csv", encoding: .utf8)
    let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    XCTAssertTrue(lines[0].hasPrefix("option,replication,year,incidence,poverty_gap,"), lines[0])
    XCTAssertEqual(lines.count, 1 + 2 * 3 * 10)  // header + replications × options × years
    XCTAssertTrue(lines[1].hasPrefix("baseline,2,2016,"), lines[1])
    let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: bytes(folder + "/part/manifest.json")) as? [String: Any])
    XCTAssertEqual(manifest["replications"] as? Int, 2)
    XCTAssertEqual(manifest["replication_range"] as? [Int], [2, 4])
  }

  func testACountRunWritesNoReplicationsCSV() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try run("2", out: folder + "/run")
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/run/replications.csv"))
  }

  private func assertMergeFails(_ parts: [String], message: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let out = (parts[0] as NSString).deletingLastPathComponent + "/merged"
    let outcome = try PolicySimBinary.run(["merge"] + parts + ["--out", out])
    XCTAssertEqual(outcome.status, 1, outcome.error, file: file, line: line)
    XCTAssertTrue(outcome.error.contains(message), outcome.error, file: file, line: line)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/summary.csv"), file: file, line: line)
  }

  func testOverlappingRangesAreRefused() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try run("0..<3", out: folder + "/a")
    try run("2..<5", out: folder + "/b")
    try assertMergeFails([folder + "/a", folder + "/b"], message: "error: \(folder)/b: replications 2..<5 overlap those of \(folder)/a (0..<3)")
  }

  func testAGapIsRefused() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try run("0..<2", out: folder + "/a")
    try run("3..<5", out: folder + "/b")
    try assertMergeFails(
      [folder + "/a", folder + "/b"], message: "error: \(folder)/b: replications 3..<5 leave a gap after \(folder)/a (0..<2): no shard holds 2..<3")
  }

  func testShardsNotStartingAtZeroAreRefused() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try run("1..<3", out: folder + "/a")
    try assertMergeFails([folder + "/a"], message: "error: \(folder)/a: starts at replication 1; no shard holds replications 0..<1")
  }

  func testADifferentScenarioFileIsRefused() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let edited = folder + "/edited.scenario"
    let text = try String(contentsOfFile: PolicySimBinary.referenceScenario, encoding: .utf8)
    try (text + "\n# edited\n").write(toFile: edited, atomically: true, encoding: .utf8)
    try run("0..<2", out: folder + "/a")
    try run("2..<4", out: folder + "/b", scenario: edited)
    try assertMergeFails([folder + "/a", folder + "/b"], message: "error: \(folder)/b: the scenario file (SHA-256) differs from \(folder)/a's")
  }

  func testADifferentSeedIsRefused() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try run("0..<2", out: folder + "/a")
    try run("2..<4", out: folder + "/b", ["--seed", "5"])
    try assertMergeFails([folder + "/a", folder + "/b"], message: "error: \(folder)/b: the seed differs from \(folder)/a's (5 vs ")
  }

  func testARunWithoutReplicationRangeIsRefused() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try run("2", out: folder + "/a")
    try assertMergeFails([folder + "/a"], message: "error: \(folder)/a/manifest.json: no replication_range; run the shard with '--replications A..<B'")
  }

  func testMergeUsageErrors() throws {
    let noOut = try PolicySimBinary.run(["merge", "x"])
    XCTAssertEqual(noOut.status, 64)
    XCTAssertTrue(noOut.error.hasPrefix("Error: missing '--out <dir>'\nUsage: policysim merge "), noOut.error)
    let noShards = try PolicySimBinary.run(["merge", "--out", "x"])
    XCTAssertEqual(noShards.status, 64)
    XCTAssertTrue(noShards.error.hasPrefix("Error: missing shard folders\n"), noShards.error)
  }

  func testABadReplicationRangeIsAUsageError() throws {
    for text in ["5..<3", "a..<3", "0..<0", "-1..<3"] {
      let outcome = try PolicySimBinary.run(["run", PolicySimBinary.referenceScenario, "--replications", text])
      XCTAssertEqual(outcome.status, 64, text)
      XCTAssertTrue(outcome.error.hasPrefix("Error: '--replications' expects a count or a range A..<B"), outcome.error)
    }
  }
}
