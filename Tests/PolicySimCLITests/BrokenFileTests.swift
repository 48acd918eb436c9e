import Foundation
import XCTest

/// File-level broken inputs for `policysim check` (the rest of the broken-scenario corpus is
/// pinned by `DiagnosticGoldenTests`): each exits 1 with a `file:line:column:` diagnostic,
/// quickly, without a crash.
final class BrokenFileTests: XCTestCase {
  /// A 10 MB scenario of 450,000 `let`s: checked (the checker stays near-linear), not refused.
  func testATenMegabyteFileIsChecked() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    var text = "scenario \"Big\" {\n  years 2016 to 2020\n"
    var index = 0
    while text.utf8.count < 10_000_000 {
      text += "  let x\(index) = 1 + 2 * (3 - 4)  # padding padding padding padding padding\n"
      index += 1
    }
    text += "}\n"
    try text.write(toFile: folder + "/big.scenario", atomically: true, encoding: .utf8)
    let started = Date()
    let outcome = try PolicySimBinary.run(["check", "big.scenario"], in: folder, timeout: 120)
    XCTAssertEqual(outcome.status, 1, outcome.error)
    XCTAssertTrue(outcome.error.hasPrefix("big.scenario:1:10: error: the scenario has no `poverty_line`"), outcome.error)
    XCTAssertLessThan(Date().timeIntervalSince(started), 60)
  }

  /// Ten megabytes of unexpected characters: a loop, not a recursion per character, and a
  /// capped number of diagnostics.
  func testTenMegabytesOfUnexpectedCharactersAreCapped() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let text = "scenario \"Junk\" {\n" + String(repeating: "  @@@ $$$ ### nothing\n", count: 450_000) + "}\n"
    try text.write(toFile: folder + "/junk.scenario", atomically: true, encoding: .utf8)
    let outcome = try PolicySimBinary.run(["check", "junk.scenario"], in: folder, timeout: 120)
    XCTAssertEqual(outcome.status, 1, outcome.error)
    XCTAssertTrue(outcome.error.hasPrefix("junk.scenario:2:3: error: unexpected character `@`"), outcome.error)
    XCTAssertTrue(outcome.error.contains("error: more unexpected characters follow; they are not reported"), outcome.error)
    XCTAssertTrue(outcome.error.hasSuffix("21 errors generated.\n"), String(outcome.error.suffix(200)))
  }

  func testBinaryGarbageIsOneError() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    var bytes = [UInt8](repeating: 0, count: 4096)
    for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 7) }
    try Data(bytes).write(to: URL(fileURLWithPath: folder + "/image.scenario"))
    let outcome = try PolicySimBinary.run(["check", "image.scenario"], in: folder)
    XCTAssertEqual(outcome.status, 1, outcome.error)
    let first = outcome.error.split(separator: "\n").first.map(String.init) ?? ""
    XCTAssertTrue(first.hasPrefix("image.scenario:1:1: error: the file is not a text file (it holds binary data at line 1, column 1)"), first)
    XCTAssertTrue(outcome.error.hasSuffix("1 error generated.\n"))
  }

  func testAScenarioAskingForTooManyHouseholdsIsRefusedWithTheMemoryItNeeds() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let text = try String(contentsOfFile: PolicySimBinary.referenceScenario, encoding: .utf8)
      .replacingOccurrences(of: "population 20000 households", with: "population 1000000000000 households")
    try text.write(toFile: folder + "/huge.scenario", atomically: true, encoding: .utf8)
    let outcome = try PolicySimBinary.run(["run", "huge.scenario", "--out", "out"], in: folder)
    XCTAssertEqual(outcome.status, 1, outcome.error)
    XCTAssertTrue(
      outcome.error.contains(
        "huge.scenario:17:14: error: 1000000000000 households is more than the 100,000,000 a scenario may simulate; it would need at least"),
      outcome.error)
    XCTAssertTrue(outcome.error.contains("TiB of memory"), outcome.error)
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out"))
  }
}
