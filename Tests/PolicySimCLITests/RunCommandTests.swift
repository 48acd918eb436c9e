import Foundation
import XCTest

/// `policysim run`.
final class RunCommandTests: XCTestCase {
  private func small(_ extra: [String] = [], out: String) -> [String] {
    [
      "run", PolicySimBinary.referenceScenario, "--replications", "2", "--households", "200",
      "--threads", "2", "--out", out,
    ] + extra
  }

  private func manifest(_ folder: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
    return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// summary.csv rows keyed by "option|year|metric", with the mean.
  private func means(_ folder: String) throws -> [String: String] {
    let text = try String(contentsOfFile: folder + "/summary.csv", encoding: .utf8)
    var table: [String: String] = [:]
    for line in text.components(separatedBy: "\r\n").dropFirst() where !line.isEmpty {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      table[fields[0...2].joined(separator: "|")] = fields[3]
    }
    return table
  }

  func testRunWritesTheResultsFolderAndPrintsATable() throws {
    let out = try PolicySimBinary.temporaryFolder(self) + "/results"
    let outcome = try PolicySimBinary.run(small(out: out))
    XCTAssertEqual(outcome.status, 0, outcome.error)
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted(),
      ["comparison.csv", "manifest.json", "summary.csv"])
    XCTAssertTrue(
      outcome.output.contains(
        "Wrote \(out)/summary.csv, \(out)/comparison.csv, \(out)/manifest.json"), outcome.output)
    XCTAssertTrue(
      outcome.output.contains(
        "\"Reference county\": 2 replications × 3 options × 200 households × 10 years"),
      outcome.output)
    XCTAssertTrue(
      outcome.output.contains("Year 2025 (mean ± 95% CI half-width over 2 replications):"),
      outcome.output)
    let table = outcome.output.split(separator: "\n").map(String.init)
    XCTAssertTrue(
      table.contains {
        $0.hasPrefix("  option") && $0.contains("incidence") && $0.contains("cost (yuan)")
      }, outcome.output)
    XCTAssertTrue(table.contains { $0.hasPrefix("  baseline ") }, outcome.output)
    XCTAssertTrue(table.contains { $0.hasPrefix("  subsidy 60k") }, outcome.output)
    let manifest = try manifest(out)
    XCTAssertEqual(manifest["replications"] as? Int, 2)
    XCTAssertEqual(manifest["households"] as? Int, 200)
    XCTAssertEqual(manifest["seed"] as? Int, 20_161_231)
    XCTAssertEqual(manifest["settings"] as? [String], [])
    XCTAssertEqual(manifest["threads"] as? Int, 2)
    XCTAssertEqual((manifest["command_line"] as? [String])?.dropFirst().first, "run")
    // Header plus 3 options × 10 years × metrics rows.
    let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
    XCTAssertTrue(summary.hasPrefix("option,year,metric,mean,sd,se,p05,p25,p50,p75,p95\r\n"))
    XCTAssertEqual(try means(out).count % 30, 0)
  }

  func testQuietPrintsNothing() throws {
    let out = try PolicySimBinary.temporaryFolder(self) + "/results"
    let outcome = try PolicySimBinary.run(small(["--quiet"], out: out))
    XCTAssertEqual(outcome.status, 0, outcome.error)
    XCTAssertEqual(outcome.output, "")
    XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/summary.csv"))
  }

  func testSetOverridesTheParameterForOptionsThatDoNotSetIt() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let outcome = try PolicySimBinary.run(
      small(["--set", "relocation.subsidy=40000"], out: folder + "/set"))
    XCTAssertEqual(outcome.status, 0, outcome.error)
    XCTAssertEqual(
      try manifest(folder + "/set")["settings"] as? [String], ["relocation.subsidy=40000"])
    // The baseline now has the subsidy of option "subsidy 40k", and the two share their
    // random numbers: every mean is the same.
    let means = try means(folder + "/set")
    let baselineRows = means.filter { $0.key.hasPrefix("baseline|") }
    XCTAssertEqual(baselineRows.count, means.count / 3)
    for (key, value) in baselineRows {
      XCTAssertEqual(
        means[key.replacingOccurrences(of: "baseline|", with: "subsidy 40k|")], value, key)
    }
    // "subsidy 60k" keeps its own value: relocation costs 60000 per mover there.
    XCTAssertNotEqual(
      means["subsidy 60k|2017|cost_relocation"], means["baseline|2017|cost_relocation"])
  }

  func testSetChangesTheNumbers() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    XCTAssertEqual(try PolicySimBinary.run(small(out: folder + "/default")).status, 0)
    let outcome = try PolicySimBinary.run(
      small(["--set", "relocation.subsidy=85000"], out: folder + "/free"))
    XCTAssertEqual(outcome.status, 0, outcome.error)
    let before = try means(folder + "/default")
    let after = try means(folder + "/free")
    // Free housing: every registered remote household moves in 2017; at 18720 nobody does.
    XCTAssertEqual(before["baseline|2017|relocated_households"], "0")
    XCTAssertGreaterThan(Double(after["baseline|2017|relocated_households"] ?? "") ?? 0, 0)
    // 2016 is before relocation starts: unchanged.
    XCTAssertEqual(before["baseline|2016|incidence"], after["baseline|2016|incidence"])
  }

  func testUnknownParameterInSetSuggestsTheClosest() throws {
    let out = try PolicySimBinary.temporaryFolder(self) + "/results"
    let outcome = try PolicySimBinary.run(small(["--set", "relocation.subsidyy=40000"], out: out))
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(
      outcome.error.contains("there is no parameter `relocation.subsidyy`"), outcome.error)
    XCTAssertTrue(outcome.error.contains("did you mean `relocation.subsidy`?"), outcome.error)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
  }

  func testMalformedSet() throws {
    let out = try PolicySimBinary.temporaryFolder(self) + "/results"
    let outcome = try PolicySimBinary.run(small(["--set", "relocation.subsidy"], out: out))
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.error.contains("expected `path=value`"), outcome.error)
  }

  func testRefusesANonEmptyFolderThatIsNotAResultsFolder() throws {
    let out = try PolicySimBinary.temporaryFolder(self) + "/thesis"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    try "my notes".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
    let refused = try PolicySimBinary.run(small(out: out))
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(
      refused.error.contains("is not empty and is not a PolicySim results folder"), refused.error)
    XCTAssertTrue(refused.error.contains("--force"), refused.error)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), ["notes.txt"])
    // --force writes next to the notes, which stay.
    let forced = try PolicySimBinary.run(small(["--force"], out: out))
    XCTAssertEqual(forced.status, 0, forced.error)
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted(),
      ["comparison.csv", "manifest.json", "notes.txt", "summary.csv"])
    XCTAssertEqual(try String(contentsOfFile: out + "/notes.txt", encoding: .utf8), "my notes")
  }

  func testRewritesAnExistingResultsFolder() throws {
    let out = try PolicySimBinary.temporaryFolder(self) + "/results"
    XCTAssertEqual(try PolicySimBinary.run(small(out: out)).status, 0)
    let again = try PolicySimBinary.run(small(["--seed", "8"], out: out))
    XCTAssertEqual(again.status, 0, again.error)
    XCTAssertEqual(try manifest(out)["seed"] as? Int, 8)
  }

  func testOutIsAFile() throws {
    let file = try PolicySimBinary.temporaryFolder(self) + "/file.txt"
    try "x".write(toFile: file, atomically: true, encoding: .utf8)
    let outcome = try PolicySimBinary.run(small(out: file))
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.error.contains("exists and is not a folder"), outcome.error)
  }

  func testMissingScenarioFile() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let outcome = try PolicySimBinary.run(["run", "missing.scenario", "--out", "out"], in: folder)
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.error.contains("missing.scenario: error: no such file"), outcome.error)
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out"))
  }

  func testScenarioErrorsStopTheRun() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try "scenario \"x\" {\n  years 2016 to 2015\n}\n".write(
      toFile: folder + "/bad.scenario", atomically: true, encoding: .utf8)
    let outcome = try PolicySimBinary.run(["run", "bad.scenario", "--out", "out"], in: folder)
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.error.contains("bad.scenario:2:"), outcome.error)
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out"))
  }
}
