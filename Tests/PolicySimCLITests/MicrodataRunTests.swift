import Foundation
import XCTest

/// `policysim check` and `run` on a scenario that reads a household file.
final class MicrodataRunTests: XCTestCase {
  private var scenario: String { PolicySimBinary.packageRoot.appendingPathComponent("scenarios/zhengjia-microdata.scenario").path }

  /// Run from another folder: the household file is found beside the scenario, not in the
  /// working directory; the manifest names it with its SHA-256.
  func testZhengjiaMicrodataRunsFromAnotherFolder() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let check = try PolicySimBinary.run(["check", scenario], in: folder)
    XCTAssertEqual(check.status, 0, check.error)
    XCTAssertTrue(check.output.contains("2015 to 2020, 384 households"), check.output)
    let outcome = try PolicySimBinary.run(["run", scenario, "--replications", "20", "--out", "out"], in: folder)
    XCTAssertEqual(outcome.status, 0, outcome.error)
    let summary = try String(contentsOfFile: folder + "/out/summary.csv", encoding: .utf8)
    let people = try XCTUnwrap(summary.components(separatedBy: "\r\n").first { $0.hasPrefix("baseline,2015,people,") })
    let mean = try XCTUnwrap(Double(people.split(separator: ",")[3]))
    // 384 households drawn from a file of 1,279 people: about 1,279 people per replication.
    XCTAssertEqual(mean, 1279, accuracy: 60)
    let manifest = try String(contentsOfFile: folder + "/out/manifest.json", encoding: .utf8)
    XCTAssertTrue(manifest.contains("\"household_file\" : \"\(PolicySimBinary.packageRoot.path)/scenarios/data/zhengjia-households.csv\""), manifest)
    XCTAssertTrue(manifest.contains("\"household_file_sha256\" : \""), manifest)
  }

  func testBrokenHouseholdFileIsReportedWithRowAndColumn() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
    try "persons,income\n2,1000\n3,n/a\n".write(toFile: folder + "/data/h.csv", atomically: true, encoding: .utf8)
    try """
    scenario "m" {
      years 2016 to 2017
      poverty_line 2952 yuan per person per year
      population from "data/h.csv" {
        column income = "income"
        column size = "persons"
      }
    }
    """.write(toFile: folder + "/m.scenario", atomically: true, encoding: .utf8)
    let outcome = try PolicySimBinary.run(["check", "m.scenario"], in: folder)
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.error.contains("m.scenario:5:21: error: `data/h.csv`, row 3, column `income`: `n/a` is not a number"), outcome.error)
  }
}
