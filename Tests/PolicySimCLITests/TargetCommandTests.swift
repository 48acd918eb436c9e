import Foundation
import XCTest

/// `policysim target`.
final class TargetCommandTests: XCTestCase {
  private func target(_ extra: [String], out: String) -> [String] {
    [
      "target", PolicySimBinary.referenceScenario, "--parameter", "relocation.subsidy", "--metric", "incidence", "--year", "2020",
      "--replications", "4", "--households", "400", "--threads", "2", "--out", out,
    ] + extra
  }

  func testFindsTheSubsidyAndWritesTargetCSV() throws {
    let out = try PolicySimBinary.temporaryFolder(self) + "/target"
    let outcome = try PolicySimBinary.run(target(["--at-most", "16%", "--low", "18720", "--high", "85000", "--tolerance", "2000"], out: out))
    XCTAssertEqual(outcome.status, 0, outcome.error)
    let lines = outcome.output.split(separator: "\n").map(String.init)
    XCTAssertTrue(lines[0].hasPrefix("relocation.subsidy = "), outcome.output)
    XCTAssertTrue(lines[0].hasSuffix(": the least value found with incidence in 2020 at most 16% at 95% confidence"), outcome.output)
    XCTAssertTrue(lines.contains { $0.hasPrefix("  bracket: not met at ") }, outcome.output)
    XCTAssertTrue(lines.contains { $0.hasPrefix("  cost_total 2016–2025: ") }, outcome.output)
    XCTAssertEqual(lines.last, "Wrote \(out)/target.csv, \(out)/manifest.json")

    let csv = try String(contentsOfFile: out + "/target.csv", encoding: .utf8)
    let records = csv.components(separatedBy: "\r\n").dropLast()
    XCTAssertEqual(
      records.first,
      "evaluation,parameter,value,replications,metric,year,mean,se,bound,target,meets,cost_total_mean,cost_total_se,answer")
    let rows = records.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    XCTAssertEqual(rows[0][2], "18720")
    XCTAssertEqual(rows[0][10], "no")
    XCTAssertEqual(rows[1][2], "85000")
    XCTAssertEqual(rows[1][10], "yes")
    let answers = rows.filter { $0[13] == "yes" }
    XCTAssertEqual(answers.count, 1)
    XCTAssertEqual(answers[0][3], "8")  // doubled replications near the answer
    XCTAssertEqual(answers[0][10], "yes")
    XCTAssertLessThanOrEqual(try XCTUnwrap(Double(answers[0][8])), 0.16)
    // Deterministic: the same command gives the same table.
    let again = try PolicySimBinary.run(target(["--at-most", "16%", "--low", "18720", "--high", "85000", "--tolerance", "2000", "--force"], out: out))
    XCTAssertEqual(again.status, 0, again.error)
    XCTAssertEqual(try String(contentsOfFile: out + "/target.csv", encoding: .utf8), csv)
    let manifest = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))) as? [String: Any])
    let search = try XCTUnwrap(manifest["search"] as? [String: String])
    XCTAssertEqual(search["kind"], "target")
    XCTAssertEqual(search["parameter"], "relocation.subsidy")
    XCTAssertEqual(search["value"], answers[0][2])
    XCTAssertEqual(manifest["files"] as? [String], ["target.csv", "manifest.json"])
  }

  func testRefusesWhenTheTargetIsNotMetAtHigh() throws {
    let out = try PolicySimBinary.temporaryFolder(self) + "/target"
    let outcome = try PolicySimBinary.run(target(["--at-most", "1%", "--high", "30000"], out: out))
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.error.hasPrefix("error: the target is not met at --high 30000: incidence in 2020 is "), outcome.error)
    XCTAssertTrue(outcome.error.contains("  = hint: raise --high"), outcome.error)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
  }

  func testRefusesWhenTheTargetIsAlreadyMetAtLow() throws {
    let out = try PolicySimBinary.temporaryFolder(self) + "/target"
    let outcome = try PolicySimBinary.run(target(["--at-most", "90%", "--low", "10000", "--high", "30000"], out: out))
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.error.hasPrefix("error: the target is already met at --low 10000: incidence in 2020 is "), outcome.error)
  }

  func testUsageErrors() throws {
    let out = try PolicySimBinary.temporaryFolder(self) + "/target"
    var outcome = try PolicySimBinary.run(target(["--high", "30000"], out: out))
    XCTAssertEqual(outcome.status, 64)
    XCTAssertTrue(outcome.error.hasPrefix("Error: give exactly one of '--at-most <value>' and '--at-least <value>'\nUsage: policysim target"), outcome.error)
    outcome = try PolicySimBinary.run(target(["--at-most", "3%"], out: out))
    XCTAssertEqual(outcome.status, 64)
    XCTAssertTrue(outcome.error.hasPrefix("Error: missing '--high <value>'"), outcome.error)
    outcome = try PolicySimBinary.run(target(["--at-most", "3%", "--high", "1", "--low", "2"], out: out))
    XCTAssertEqual(outcome.status, 64)
    outcome = try PolicySimBinary.run(target(["--at-most", "3%", "--high", "9", "--metric", "incidense"], out: out))
    XCTAssertEqual(outcome.status, 64)
    XCTAssertTrue(outcome.error.hasPrefix("Error: no metric 'incidense' in this scenario (did you mean 'incidence'?)"), outcome.error)
    outcome = try PolicySimBinary.run(target(["--at-most", "3%", "--high", "9", "--year", "2040"], out: out))
    XCTAssertEqual(outcome.status, 64)
    outcome = try PolicySimBinary.run(target(["--at-most", "3%", "--high", "9", "--parameter", "relocation.subsidee"], out: out))
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.error.contains("error: there is no parameter `relocation.subsidee`"), outcome.error)
    XCTAssertTrue(outcome.error.contains("did you mean `relocation.subsidy`?"), outcome.error)
  }
}
