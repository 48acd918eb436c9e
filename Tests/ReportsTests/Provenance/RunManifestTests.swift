import Foundation
import Reports
import XCTest

@testable import Simulation

/// `manifest.json`: what a run was, readable by any JSON tool and by `RunManifest` itself.
final class RunManifestTests: XCTestCase {
  private let manifest = RunManifest(
    toolVersion: ToolVersion.current, scenario: "Reference county",
    scenarioFile: "scenarios/reference-county.scenario",
    scenarioSHA256: SHA256.hexDigest(Array("scenario".utf8)), seed: 20_161_231, replications: 3,
    households: 50,
    firstYear: 2016, lastYear: 2018,
    options: [
      RunManifest.Option(name: "baseline", overrides: []),
      RunManifest.Option(name: "subsidy 40k", overrides: ["relocation.subsidy = 40000"]),
    ],
    baseline: "baseline", settings: ["relocation.cost=90000"],
    commandLine: [
      "policysim", "run", "scenarios/reference-county.scenario", "--set", "relocation.cost=90000",
    ],
    started: RunManifest.timestamp(Date(timeIntervalSince1970: 0)),
    finished: RunManifest.timestamp(Date(timeIntervalSince1970: 90)),
    threads: 2, files: [])

  private let expectedKeys: Set<String> = [
    "tool_version", "scenario", "scenario_file", "scenario_sha256", "seed", "replications",
    "households", "first_year", "last_year",
    "options", "baseline", "settings", "command_line", "started", "finished", "threads", "files",
    "swept_parameters", "discount_rate",
  ]

  func testJSONHasTheDocumentedKeysAndDecodes() throws {
    let json = manifest.json()
    XCTAssertTrue(json.hasSuffix("}\n"))
    let object = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    XCTAssertEqual(Set(object.keys), expectedKeys)
    XCTAssertEqual(object["seed"] as? Int, 20_161_231)
    XCTAssertEqual(object["started"] as? String, "1970-01-01T00:00:00Z")
    XCTAssertEqual(object["finished"] as? String, "1970-01-01T00:01:30Z")
    XCTAssertEqual(
      object["scenario_file"] as? String, "scenarios/reference-county.scenario",
      "slashes are not escaped")
    let options = try XCTUnwrap(object["options"] as? [[String: Any]])
    XCTAssertEqual(options.map { Set($0.keys) }, [["name", "overrides"], ["name", "overrides"]])
    XCTAssertEqual(options[1]["overrides"] as? [String], ["relocation.subsidy = 40000"])
    let decoded = try JSONDecoder().decode(RunManifest.self, from: Data(json.utf8))
    XCTAssertEqual(decoded, manifest)
  }

  func testKeysAreSortedAndOutputIsStable() {
    let json = manifest.json()
    XCTAssertEqual(json, manifest.json())
    let keys = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
      $0.dropFirst(3).prefix { $0 != "\"" }
    }.map(String.init)
    XCTAssertEqual(keys, keys.sorted())
    XCTAssertEqual(Set(keys), expectedKeys)
  }

  func testResultsFolderWritesThreeFilesAndListsThemInTheManifest() throws {
    let results = ResultsFixture.make(
      options: ["baseline", "subsidy 40k"], years: [2016, 2017, 2018], metrics: ["incidence"],
      replications: 0..<3
    ) {
      r, o, y, _ in Double(r + o + y) / 10
    }
    let folder = try ResultsFixture.temporaryFolder(self) + "/out/run"
    let written = try ResultsFolder(path: folder).write(results, manifest: manifest)
    XCTAssertEqual(
      written.map { ($0 as NSString).lastPathComponent },
      ["summary.csv", "comparison.csv", "manifest.json"])
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted(),
      ["comparison.csv", "manifest.json", "summary.csv"])
    let summary = try String(contentsOfFile: folder + "/summary.csv", encoding: .utf8)
    XCTAssertEqual(summary, SummaryTable.make(results).rendered())
    let comparison = try String(contentsOfFile: folder + "/comparison.csv", encoding: .utf8)
    XCTAssertEqual(comparison, ComparisonTable.make(results).rendered())
    let decoded = try JSONDecoder().decode(
      RunManifest.self, from: try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
    XCTAssertEqual(decoded.files, ["summary.csv", "comparison.csv", "manifest.json"])
    var expected = manifest
    expected.files = decoded.files
    XCTAssertEqual(decoded, expected)
    // Writing again replaces the files.
    let other = ResultsFixture.make(
      options: ["baseline"], years: [2016], metrics: ["incidence"], replications: 0..<1
    ) { _, _, _, _ in 0.5 }
    try ResultsFolder(path: folder).write(other, manifest: manifest)
    XCTAssertEqual(
      try String(contentsOfFile: folder + "/summary.csv", encoding: .utf8),
      SummaryTable.make(other).rendered())
  }
}
