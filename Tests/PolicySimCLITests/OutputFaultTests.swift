import Foundation
import XCTest

/// `policysim run` when its output cannot be written: a clear one-line error and exit 73,
/// never a crash; the check happens before the simulation where it can.
final class OutputFaultTests: XCTestCase {
  private func small(out: String) -> [String] {
    ["run", PolicySimBinary.referenceScenario, "--replications", "2", "--households", "200", "--threads", "2", "--out", out, "--quiet"]
  }

  func testAFullDiskIsExit73WithTheFileAndTheReason() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full on this system") }
    let out = try PolicySimBinary.temporaryFolder(self) + "/results"
    XCTAssertEqual(try PolicySimBinary.run(small(out: out)).status, 0)
    // The previous results' summary.csv now points at a device that is always full.
    try FileManager.default.removeItem(atPath: out + "/summary.csv")
    try FileManager.default.createSymbolicLink(atPath: out + "/summary.csv", withDestinationPath: "/dev/full")
    let outcome = try PolicySimBinary.run(small(out: out))
    XCTAssertEqual(outcome.status, 73, outcome.error)
    XCTAssertEqual(outcome.error, "error: cannot write \(out)/summary.csv: No space left on device\n")
    let entries = try FileManager.default.contentsOfDirectory(atPath: out)
    XCTAssertFalse(entries.contains { $0.contains(".tmp-") }, "\(entries)")
  }

  /// `/sys` refuses new folders even to root; the run stops before simulating.
  func testAnUnwritableFolderIsExit73BeforeTheRun() throws {
    let outcome = try PolicySimBinary.run(small(out: "/sys/policysim-results") + ["--replications", "100000"])
    XCTAssertEqual(outcome.status, 73, outcome.error)
    XCTAssertTrue(outcome.error.hasPrefix("error: cannot create directory /sys/policysim-results: "), outcome.error)
    XCTAssertEqual(outcome.error.split(separator: "\n").count, 1, outcome.error)
  }

  /// `/proc` has no room for new entries: also exit 73.
  func testAReadOnlyFileSystemIsExit73() throws {
    let outcome = try PolicySimBinary.run(small(out: "/proc/policysim-results"))
    XCTAssertEqual(outcome.status, 73, outcome.error)
    XCTAssertTrue(outcome.error.hasPrefix("error: cannot create directory /proc/policysim-results: "), outcome.error)
  }
}
