import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Killing `policysim run` (SIGINT, SIGTERM, SIGKILL) at random moments never leaves a partial
/// result: the output folder holds the previous complete files or the new complete files.
final class InterruptionTests: XCTestCase {
  /// A run of about half a second (debug build) that overwrites `out`, with its own seed.
  private func arguments(seed: Int, out: String) -> [String] {
    [
      "run", PolicySimBinary.referenceScenario, "--replications", "8", "--households", "3000", "--threads", "2",
      "--seed", String(seed), "--out", out, "--quiet",
    ]
  }

  /// The bytes of each CSV file of a folder.
  private func csvFiles(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    for name in ["summary.csv", "comparison.csv"] {
      files[name] = FileManager.default.contents(atPath: folder + "/" + name)
    }
    return files
  }

  /// Starts a run, sends `signal` after a random delay, and returns its exit status and
  /// standard error.
  private func startAndKill(_ arguments: [String], signal: Int32, after delay: TimeInterval) throws -> (
    status: Int32, reason: Process.TerminationReason, error: String, stopSeconds: Double
  ) {
    let process = Process()
    process.executableURL = try PolicySimBinary.locate()
    process.arguments = arguments
    let error = Pipe()
    process.standardError = error
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    Thread.sleep(forTimeInterval: delay)
    let sent = Date()
    if process.isRunning { kill(process.processIdentifier, signal) }
    process.waitUntilExit()
    let stopSeconds = Date().timeIntervalSince(sent)
    let text = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return (process.terminationStatus, process.terminationReason, text, stopSeconds)
  }

  private func check(signal: Int32, name: String, rounds: Int) throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let out = folder + "/results"
    // The two complete outputs a folder may hold: the previous run's (seed 1) and the new run's (seed 2).
    let previous = try PolicySimBinary.run(arguments(seed: 1, out: folder + "/previous"))
    XCTAssertEqual(previous.status, 0, previous.error)
    let next = try PolicySimBinary.run(arguments(seed: 2, out: folder + "/next"))
    XCTAssertEqual(next.status, 0, next.error)
    let old = csvFiles(folder + "/previous")
    let new = csvFiles(folder + "/next")
    XCTAssertNotEqual(old, new)

    var generator = SystemRandomNumberGenerator()
    for round in 0..<rounds {
      try? FileManager.default.removeItem(atPath: out)
      if round % 3 != 0 {
        // Most rounds overwrite a previous complete output; some start from nothing.
        XCTAssertEqual(try PolicySimBinary.run(arguments(seed: 1, out: out)).status, 0)
      }
      let delay = Double.random(in: 0.0...0.9, using: &generator)
      let outcome = try startAndKill(arguments(seed: 2, out: out), signal: signal, after: delay)
      let context = "\(name) round \(round) after \(delay) s: status \(outcome.status), \(outcome.error)"
      let files = csvFiles(out)
      if round % 3 == 0 {
        XCTAssertTrue(files.values.isEmpty || files == new, "no partial file: \(context)")
      } else {
        XCTAssertTrue(files == old || files == new, "previous or new complete output: \(context)")
      }
      if let summary = files["summary.csv"] {
        XCTAssertTrue(summary == old["summary.csv"] || summary == new["summary.csv"], "never a partial summary.csv: \(context)")
      }
      if signal == SIGKILL { continue }
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
      XCTAssertFalse(entries.contains { $0.contains(".tmp-") }, "temporary files removed: \(entries) \(context)")
      // A signal in the first milliseconds, before `run` installs its handlers (while the
      // scenario is read), ends the process by the default action: nothing was written.
      if outcome.reason == .uncaughtSignal {
        XCTAssertEqual(outcome.status, signal, context)
        continue
      }
      XCTAssertTrue([0, 130].contains(outcome.status), context)
      if outcome.status == 130 {
        XCTAssertEqual(outcome.reason, .exit, context)
        XCTAssertLessThan(outcome.stopSeconds, 1.0, "stops within a second: \(context)")
        XCTAssertEqual(outcome.error.split(separator: "\n").count, 1, "one line: \(context)")
        // While simulating: nothing written; while writing (rare): the new files are complete.
        XCTAssertTrue(
          outcome.error.hasPrefix("policysim: interrupted by \(name); no results written")
            || outcome.error.hasPrefix("policysim: interrupted while writing; the results in '\(out)' are complete"), context)
      }
    }
  }

  func testSIGINTLeavesThePreviousOrTheNewCompleteOutput() throws {
    try check(signal: SIGINT, name: "SIGINT", rounds: 6)
  }

  func testSIGTERMLeavesThePreviousOrTheNewCompleteOutput() throws {
    try check(signal: SIGTERM, name: "SIGTERM", rounds: 6)
  }

  func testSIGKILLNeverLeavesAPartialFile() throws {
    try check(signal: SIGKILL, name: "SIGKILL", rounds: 6)
  }

  /// A single long replication: the workers cannot notice the signal between replications,
  /// so the watchdog ends the process, still within a second and with nothing written.
  func testSIGINTDuringALongReplicationStopsWithinASecond() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let outcome = try startAndKill(
      ["run", PolicySimBinary.referenceScenario, "--replications", "1", "--households", "2000000", "--threads", "1", "--out", folder + "/out", "--quiet"],
      signal: SIGINT, after: 1.5)
    XCTAssertEqual(outcome.status, 130, outcome.error)
    XCTAssertLessThan(outcome.stopSeconds, 1.0)
    XCTAssertEqual(outcome.error, "policysim: interrupted by SIGINT; no results written, '\(folder)/out' left as it was\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out"))
  }
}
