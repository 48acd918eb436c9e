import Foundation
import XCTest

/// `policysim compare`.
final class CompareCommandTests: XCTestCase {
  /// A small run of the reference county, made once per test.
  private func results() throws -> String {
    let out = try PolicySimBinary.temporaryFolder(self) + "/results"
    let outcome = try PolicySimBinary.run([
      "run", PolicySimBinary.referenceScenario, "--replications", "4", "--households", "300", "--threads", "2", "--out", out, "--quiet",
    ])
    XCTAssertEqual(outcome.status, 0, outcome.error)
    return out
  }

  func testTextTableOfTheLastYear() throws {
    let outcome = try PolicySimBinary.run(["compare", try results()])
    XCTAssertEqual(outcome.status, 0, outcome.error)
    let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    XCTAssertEqual(lines.filter { $0.hasSuffix(", 2025:") }, ["incidence, 2025:", "poverty_gap, 2025:", "cost_total, 2025:"])
    XCTAssertTrue(lines.contains { $0.hasPrefix("  option ") && $0.contains("value") && $0.contains("difference") && $0.contains("95% CI") })
    XCTAssertTrue(lines.contains { $0.hasPrefix("  baseline ") })
    // `subsidy 40k` equals the baseline under these draws: its interval is [0, 0] and marked.
    XCTAssertTrue(lines.contains { $0.hasPrefix("  subsidy 40k") && $0.hasSuffix("~") }, outcome.output)
    XCTAssertTrue(outcome.output.hasSuffix("~ marks a 95% interval that includes zero.\n"))
  }

  func testCSVCarriesTheNumbersOfTheResultsFolder() throws {
    let folder = try results()
    let outcome = try PolicySimBinary.run(["compare", folder, "--format", "csv", "--year", "2020", "--metrics", "incidence,mean_income"])
    XCTAssertEqual(outcome.status, 0, outcome.error)
    let records = outcome.output.components(separatedBy: "\r\n")
    XCTAssertEqual(records.first, "year,metric,option,value,difference,ci95_low,ci95_high,distinguishable")
    XCTAssertEqual(records.count, 1 + 2 * 3 + 1)  // header, 2 metrics × 3 options, the empty rest after the last CRLF
    XCTAssertTrue(records[1].hasPrefix("2020,incidence,baseline,"))
    XCTAssertTrue(records[1].hasSuffix(",,,,"))
    let comparison = try String(contentsOfFile: folder + "/comparison.csv", encoding: .utf8)
    let row = try XCTUnwrap(comparison.components(separatedBy: "\r\n").first { $0.hasPrefix("subsidy 60k,baseline,2020,incidence,") })
    let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    XCTAssertTrue(records.contains("2020,incidence,subsidy 60k,\(fields[4]),\(fields[6]),\(fields[8]),\(fields[9]),\(fields[10])"), outcome.output)
  }

  func testMarkdownAndAllYears() throws {
    let outcome = try PolicySimBinary.run(["compare", try results(), "--format", "markdown", "--year", "all", "--metrics", "incidence"])
    XCTAssertEqual(outcome.status, 0, outcome.error)
    XCTAssertEqual(outcome.output.components(separatedBy: "### incidence, ").count - 1, 10)
    XCTAssertTrue(outcome.output.contains("| option | value | difference | 95% CI | n.s. |"))
  }

  func testToleratesExtraColumnsAndCRLFQuotedFields() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try #"{"baseline": "base", "replications": 2}"#.write(toFile: folder + "/manifest.json", atomically: true, encoding: .utf8)
    try "option,relocation.subsidy,year,metric,mean,sd,se\r\nbase,18720,2020,incidence,0.2,0,0\r\n\"a, b\",40000,2020,incidence,0.15,0,0\r\n"
      .write(toFile: folder + "/summary.csv", atomically: true, encoding: .utf8)
    let comparison =
      "option,relocation.subsidy,baseline,year,metric,option_mean,baseline_mean,difference,se,ci95_low,ci95_high,distinguishable,extra\r\n"
      + "\"a, b\",40000,base,2020,incidence,0.15,0.2,-0.05,0.01,-0.07,-0.03,yes,x\r\n"
      + "\"a, b\",40000,base,2020,cost_per_person_lifted,,,1200,100,1000,1400,yes,x\r\n"
    try comparison.write(toFile: folder + "/comparison.csv", atomically: true, encoding: .utf8)
    let outcome = try PolicySimBinary.run(["compare", folder, "--format", "csv", "--metrics", "incidence,cost_per_person_lifted"])
    XCTAssertEqual(outcome.status, 0, outcome.error)
    XCTAssertEqual(
      outcome.output,
      "year,metric,option,value,difference,ci95_low,ci95_high,distinguishable\r\n2020,incidence,base,0.2,,,,\r\n"
        + "2020,incidence,\"a, b\",0.15,-0.05,-0.07,-0.03,yes\r\n"
        + "2020,cost_per_person_lifted,base,,,,,\r\n2020,cost_per_person_lifted,\"a, b\",,1200,1000,1400,yes\r\n")
  }

  func testErrors() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    var outcome = try PolicySimBinary.run(["compare", folder])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertEqual(outcome.error, "error: \(folder): not a PolicySim results folder (no manifest.json); give the folder written by 'policysim run'\n")
    outcome = try PolicySimBinary.run(["compare", folder + "/missing"])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertEqual(outcome.error, "error: \(folder)/missing: no such folder\n")
    outcome = try PolicySimBinary.run(["compare"])
    XCTAssertEqual(outcome.status, 64)
    XCTAssertTrue(outcome.error.hasPrefix("Error: missing results folder\nUsage: policysim compare <results-dir>"), outcome.error)
    XCTAssertTrue(outcome.error.hasSuffix("  See 'policysim compare --help' for more information.\n"), outcome.error)
    let results = try results()
    outcome = try PolicySimBinary.run(["compare", results, "--metrics", "incidense"])
    XCTAssertEqual(outcome.status, 64)
    XCTAssertTrue(outcome.error.hasPrefix("Error: no metric 'incidense' in \(results) (did you mean 'incidence'?)\n"), outcome.error)
    outcome = try PolicySimBinary.run(["compare", results, "--year", "1999"])
    XCTAssertEqual(outcome.status, 64)
    XCTAssertTrue(outcome.error.hasPrefix("Error: '--year' expects all or a year of the run, 2016 to 2025, not '1999'\n"), outcome.error)
    outcome = try PolicySimBinary.run(["compare", results, "--format", "html"])
    XCTAssertEqual(outcome.status, 64)
    outcome = try PolicySimBinary.run(["compare", results, "--baseline", "subsidy 60k"])
    XCTAssertEqual(outcome.status, 64)
    XCTAssertTrue(outcome.error.hasPrefix("Error: the run's baseline is 'baseline', not 'subsidy 60k'"), outcome.error)
    XCTAssertEqual(try PolicySimBinary.run(["compare", results, "--baseline", "baseline"]).status, 0)
    try "option,year\r\n\"unclosed".write(toFile: results + "/summary.csv", atomically: true, encoding: .utf8)
    outcome = try PolicySimBinary.run(["compare", results])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertEqual(outcome.error, "error: \(results)/summary.csv: line 2: a quoted field is not closed\n")
  }
}
