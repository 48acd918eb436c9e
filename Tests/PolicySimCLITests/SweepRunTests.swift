import Foundation
import XCTest

/// `policysim run --sweep … --discount …`: the options a command-line sweep adds, the
/// swept-value columns, the manifest, and the usage and input errors.
final class SweepRunTests: XCTestCase {
  private func small(_ extra: [String], out: String) -> [String] {
    ["run", PolicySimBinary.referenceScenario, "--replications", "2", "--households", "100", "--threads", "2", "--out", out, "--quiet"] + extra
  }

  func testASweepAddsOptionsColumnsAndManifestEntries() throws {
    let out = try PolicySimBinary.temporaryFolder(self) + "/results"
    let outcome = try PolicySimBinary.run(
      small(["--sweep", "relocation.subsidy=20000:60000:20000", "--sweep", "identification.detect=80%,100%", "--discount", "3%"], out: out))
    XCTAssertEqual(outcome.status, 0, outcome.error)
    let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
    let lines = summary.components(separatedBy: "\r\n")
    XCTAssertTrue(lines[0].hasPrefix("option,relocation.subsidy,identification.detect,year,metric,mean,"), lines[0])
    XCTAssertTrue(lines.contains { $0.hasPrefix("baseline,,,2016,incidence,") })
    XCTAssertTrue(lines.contains { $0.hasPrefix("\"relocation.subsidy=40000, identification.detect=80%\",40000,0.8,2016,incidence,") })
    let comparison = try String(contentsOfFile: out + "/comparison.csv", encoding: .utf8)
    XCTAssertTrue(comparison.hasPrefix("option,relocation.subsidy,identification.detect,baseline,year,metric,"))
    XCTAssertTrue(comparison.contains(",2025,cost_per_person_lifted,"))
    let data = try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))
    let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    XCTAssertEqual(manifest["swept_parameters"] as? [String], ["relocation.subsidy", "identification.detect"])
    XCTAssertEqual(manifest["discount_rate"] as? Double, 0.03)
    XCTAssertEqual((manifest["options"] as? [Any])?.count, 3 + 3 * 2)
  }

  func testWithoutSweepsTheManifestListsNone() throws {
    let out = try PolicySimBinary.temporaryFolder(self) + "/results"
    let outcome = try PolicySimBinary.run(small([], out: out))
    XCTAssertEqual(outcome.status, 0, outcome.error)
    let data = try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))
    let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    XCTAssertEqual(manifest["swept_parameters"] as? [String], [])
    XCTAssertEqual(manifest["discount_rate"] as? Double, 0)
    let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
    XCTAssertTrue(summary.hasPrefix("option,year,metric,mean,"))
  }

  func testThreeSweepsAreAUsageError() throws {
    let out = try PolicySimBinary.temporaryFolder(self) + "/results"
    let outcome = try PolicySimBinary.run(small(["--sweep", "a=1,2", "--sweep", "b=1,2", "--sweep", "c=1,2"], out: out))
    XCTAssertEqual(outcome.status, 64)
    XCTAssertTrue(outcome.error.contains("Error: '--sweep' is given 3 times; a run sweeps at most 2 parameters"), outcome.error)
  }

  func testAMisspeltSweptPathIsAnInputErrorPointingIntoTheArgument() throws {
    let out = try PolicySimBinary.temporaryFolder(self) + "/results"
    let outcome = try PolicySimBinary.run(small(["--sweep", "relocation.subsidi=1000:2000:500"], out: out))
    XCTAssertEqual(outcome.status, 1)
    XCTAssertEqual(
      outcome.error,
      """
      --sweep relocation.subsidi=1000:2000:500:1:1: error: there is no parameter `relocation.subsidi`
       1 | relocation.subsidi=1000:2000:500
         | ^~~~~~~~~~~~~~~~~~
         = hint: did you mean `relocation.subsidy`?
      1 error generated.

      """)
  }
}
