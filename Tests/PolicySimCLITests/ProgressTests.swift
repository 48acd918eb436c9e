import Foundation
import XCTest

@testable import policysim

/// Progress of long runs: the line's text, its throttling, and silence off a terminal.
final class ProgressTests: XCTestCase {
  func testLineText() {
    XCTAssertEqual(ProgressMeter.line(done: 0, total: 200, elapsed: 0.4), "replications 0/200 (0%), 0:00 elapsed")
    XCTAssertEqual(ProgressMeter.line(done: 50, total: 200, elapsed: 12.9), "replications 50/200 (25%), 0:12 elapsed, about 0:38 left")
    XCTAssertEqual(ProgressMeter.line(done: 200, total: 200, elapsed: 3723), "replications 200/200 (100%), 1:02:03 elapsed")
    XCTAssertEqual(ProgressMeter.duration(59.99), "0:59")
    XCTAssertEqual(ProgressMeter.duration(-1), "0:00")
    XCTAssertEqual(ProgressMeter.duration(.infinity), "0:00")
  }

  func testAtMostTenUpdatesASecondAndAlwaysTheLast() {
    var meter = ProgressMeter(total: 100, start: 10)
    XCTAssertEqual(meter.update(done: 1, now: 10.01), "\rreplications 1/100 (1%), 0:00 elapsed, about 0:00 left")
    XCTAssertNil(meter.update(done: 2, now: 10.05))
    XCTAssertNil(meter.update(done: 3, now: 10.1))
    XCTAssertNotNil(meter.update(done: 4, now: 10.12))
    XCTAssertNil(meter.update(done: 3, now: 11), "counts reported out of order are ignored")
    let last = meter.update(done: 100, now: 10.13)
    XCTAssertEqual(last, "\rreplications 100/100 (100%), 0:00 elapsed" + String(repeating: " ", count: 13))
    XCTAssertEqual(meter.clear(), "\r" + String(repeating: " ", count: 41) + "\r")
    XCTAssertEqual(ProgressMeter(total: 5, start: 0).clear(), "")
  }

  func testNothingOnStandardErrorWhenItIsNotATerminal() throws {
    let out = try PolicySimBinary.temporaryFolder(self) + "/results"
    let outcome = try PolicySimBinary.run([
      "run", PolicySimBinary.referenceScenario, "--replications", "6", "--households", "300", "--threads", "2", "--out", out,
    ])
    XCTAssertEqual(outcome.status, 0)
    XCTAssertEqual(outcome.error, "")
    XCTAssertFalse(outcome.output.contains("\r"), outcome.output)
  }
}
