import Foundation
import XCTest

/// `policysim fmt`: prints, rewrites (`--write`) and checks (`--check`) canonical layout.
final class FmtCommandTests: XCTestCase {
  private let messy = "# kept\nscenario \"F\" {   years 2016 to 2020 seed 7   # seven\n  option baseline {} }\n"
  private let tidy = "# kept\nscenario \"F\" {\n  years 2016 to 2020\n  seed 7  # seven\n  option baseline {}\n}\n"

  func testPrintsFormattedTextAndLeavesTheFile() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try messy.write(toFile: folder + "/f.scenario", atomically: true, encoding: .utf8)
    let outcome = try PolicySimBinary.run(["fmt", "f.scenario"], in: folder)
    XCTAssertEqual(outcome.status, 0, outcome.error)
    XCTAssertEqual(outcome.output, tidy)
    XCTAssertEqual(try String(contentsOfFile: folder + "/f.scenario", encoding: .utf8), messy)
  }

  func testCheckNamesUnformattedFilesAndExitsOne() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try messy.write(toFile: folder + "/messy.scenario", atomically: true, encoding: .utf8)
    try tidy.write(toFile: folder + "/tidy.scenario", atomically: true, encoding: .utf8)
    let outcome = try PolicySimBinary.run(["fmt", "--check", "messy.scenario", "tidy.scenario"], in: folder)
    XCTAssertEqual(outcome.status, 1)
    XCTAssertEqual(outcome.output, "messy.scenario\n")
    let clean = try PolicySimBinary.run(["fmt", "--check", "tidy.scenario"], in: folder)
    XCTAssertEqual(clean.status, 0)
    XCTAssertEqual(clean.output, "")
  }

  func testWriteRewritesOnlyWhatChanges() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try messy.write(toFile: folder + "/f.scenario", atomically: true, encoding: .utf8)
    let first = try PolicySimBinary.run(["fmt", "-w", "f.scenario"], in: folder)
    XCTAssertEqual(first.status, 0, first.error)
    XCTAssertEqual(first.output, "formatted f.scenario\n")
    XCTAssertEqual(try String(contentsOfFile: folder + "/f.scenario", encoding: .utf8), tidy)
    let second = try PolicySimBinary.run(["fmt", "--write", "f.scenario"], in: folder)
    XCTAssertEqual(second.status, 0)
    XCTAssertEqual(second.output, "")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["f.scenario"])
  }

  func testSyntaxErrorsAreReportedAndTheFileIsNotTouched() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let broken = "scenario \"B\" {\n  seed 7 +\n}\n"
    try broken.write(toFile: folder + "/b.scenario", atomically: true, encoding: .utf8)
    let outcome = try PolicySimBinary.run(["fmt", "--write", "b.scenario"], in: folder)
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.error.contains("b.scenario:3:1: error: expected a value, found `}`"), outcome.error)
    XCTAssertEqual(try String(contentsOfFile: folder + "/b.scenario", encoding: .utf8), broken)
  }

  func testWriteAndCheckTogetherIsAUsageError() throws {
    let outcome = try PolicySimBinary.run(["fmt", "--write", "--check", PolicySimBinary.referenceScenario])
    XCTAssertEqual(outcome.status, 64)
    XCTAssertTrue(outcome.error.contains("Error: '--write' and '--check' cannot be used together"), outcome.error)
  }

  func testShippedScenariosFormatWithoutError() throws {
    let outcome = try PolicySimBinary.run(["fmt", PolicySimBinary.referenceScenario])
    XCTAssertEqual(outcome.status, 0, outcome.error)
    XCTAssertTrue(outcome.output.hasPrefix("# The reference county"), outcome.output)
    XCTAssertTrue(outcome.output.contains("    cost 35% of income * size  # yuan per household\n"), outcome.output)
  }
}
