import Foundation
import XCTest

/// The command-line contract: help, usage errors (exit 64) and their messages.
final class UsageTests: XCTestCase {
  private func assertUsageError(
    _ arguments: [String], message: String, command: String?, file: StaticString = #filePath,
    line: UInt = #line
  ) throws {
    let outcome = try PolicySimBinary.run(arguments)
    XCTAssertEqual(outcome.status, 64, file: file, line: line)
    XCTAssertEqual(outcome.output, "", file: file, line: line)
    let lines = outcome.error.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.first, "Error: \(message)", outcome.error, file: file, line: line)
    XCTAssertTrue(
      lines.count > 1 && lines[1].hasPrefix("Usage: policysim \(command.map { $0 + " " } ?? "")"),
      outcome.error, file: file, line: line)
    XCTAssertEqual(
      lines.last, "  See 'policysim \(command.map { $0 + " " } ?? "")--help' for more information.",
      outcome.error, file: file, line: line)
  }

  func testUnknownOptionWithSuggestion() throws {
    try assertUsageError(
      ["run", PolicySimBinary.referenceScenario, "--replication", "2"],
      message: "unknown option '--replication' (did you mean '--replications'?)", command: "run")
  }

  func testUnknownOptionWithoutSuggestion() throws {
    try assertUsageError(
      ["run", PolicySimBinary.referenceScenario, "--zzzzzz"], message: "unknown option '--zzzzzz'",
      command: "run")
  }

  func testUnknownOptionOfCheck() throws {
    try assertUsageError(
      ["check", PolicySimBinary.referenceScenario, "--out", "x"], message: "unknown option '--out'",
      command: "check")
  }

  func testMissingValue() throws {
    try assertUsageError(
      ["run", PolicySimBinary.referenceScenario, "--replications"],
      message: "missing value for '--replications'", command: "run")
  }

  func testNumberOutOfRange() throws {
    try assertUsageError(
      ["run", PolicySimBinary.referenceScenario, "--replications", "0"],
      message: "'--replications' expects a whole number from 1 to 10000000, not '0'", command: "run"
    )
    try assertUsageError(
      ["run", PolicySimBinary.referenceScenario, "--threads", "two"],
      message: "'--threads' expects a whole number from 1 to 1024, not 'two'", command: "run")
  }

  func testMissingAndExtraScenarioFile() throws {
    try assertUsageError(["run"], message: "missing scenario file", command: "run")
    try assertUsageError(
      ["check", "a.scenario", "b.scenario"], message: "unexpected argument 'b.scenario'",
      command: "check")
  }

  func testUnknownSubcommand() throws {
    try assertUsageError(
      ["rn"], message: "unknown subcommand 'rn' (did you mean 'run'?)", command: nil)
  }

  func testHelpOfEachSubcommand() throws {
    for (arguments, usage) in [
      (["run", "--help"], "USAGE: policysim run <scenario-file>"),
      (["check", "-h"], "USAGE: policysim check <scenario-file>"),
      (["help", "run"], "USAGE: policysim run <scenario-file>"),
      (["help", "check"], "USAGE: policysim check <scenario-file>"),
    ] {
      let outcome = try PolicySimBinary.run(arguments)
      XCTAssertEqual(outcome.status, 0, "\(arguments)")
      XCTAssertEqual(outcome.error, "", "\(arguments)")
      XCTAssertTrue(outcome.output.hasPrefix("OVERVIEW: "), outcome.output)
      XCTAssertTrue(outcome.output.contains(usage), outcome.output)
      XCTAssertTrue(outcome.output.contains("-h, --help"), outcome.output)
    }
    let run = try PolicySimBinary.run(["run", "--help"]).output
    for option in [
      "--replications <R>", "--seed <S>", "--threads <T>", "--households <H>", "--set <path=value>",
      "--out <dir>", "--quiet",
    ] {
      XCTAssertTrue(run.contains(option), option)
    }
    XCTAssertEqual(run, try PolicySimBinary.run(["help", "run"]).output)
  }

  func testOverview() throws {
    for arguments in [[], ["--help"], ["help"]] {
      let outcome = try PolicySimBinary.run(arguments)
      XCTAssertEqual(outcome.status, 0, "\(arguments)")
      XCTAssertTrue(outcome.output.hasPrefix("OVERVIEW: PolicySim"), outcome.output)
      XCTAssertTrue(outcome.output.contains("SUBCOMMANDS:"), outcome.output)
      XCTAssertTrue(outcome.output.contains("  run "), outcome.output)
      XCTAssertTrue(outcome.output.contains("  check "), outcome.output)
    }
  }

  func testVersion() throws {
    let outcome = try PolicySimBinary.run(["--version"])
    XCTAssertEqual(outcome.status, 0)
    XCTAssertTrue(
      outcome.output.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil,
      outcome.output)
  }
}
