import Simulation
import XCTest

final class SummaryStatisticsTests: XCTestCase {
  /// |actual − expected| ≤ tolerance·max(|expected|, 1).
  private func assertClose(
    _ actual: Double, _ expected: Double, _ tolerance: Double = 1e-12,
    _ message: String = "", file: StaticString = #filePath,
    line: UInt = #line
  ) {
    XCTAssertLessThanOrEqual(
      abs(actual - expected), tolerance * max(abs(expected), 1),
      "\(message): got \(actual), expected \(expected)",
      file: file, line: line)
  }

  func testHandComputedCase() {
    let s = SummaryStatistics([4, 1, 3, 2])
    XCTAssertEqual(s.count, 4)
    assertClose(s.mean, 2.5)
    assertClose(s.sd, (5.0 / 3.0).squareRoot(), 1e-12, "sd")  // Σd² = 5, n − 1 = 3
    assertClose(s.se, (5.0 / 3.0).squareRoot() / 2, 1e-12, "se")
    // numpy.percentile([1,2,3,4], [5,25,50,75,95]) = 1.15, 1.75, 2.5, 3.25, 3.85
    assertClose(s.p05, 1.15, 1e-12, "p05")
    assertClose(s.p25, 1.75, 1e-12, "p25")
    assertClose(s.p50, 2.5, 1e-12, "p50")
    assertClose(s.p75, 3.25, 1e-12, "p75")
    assertClose(s.p95, 3.85, 1e-12, "p95")
  }

  func testSingleValue() {
    let s = SummaryStatistics([7.5])
    XCTAssertEqual(s.count, 1)
    XCTAssertEqual(s.mean, 7.5)
    XCTAssertEqual(s.sd, 0)
    XCTAssertEqual(s.se, 0)
    for p in [s.p05, s.p25, s.p50, s.p75, s.p95] { XCTAssertEqual(p, 7.5) }
  }

  func testEmpty() {
    let s = SummaryStatistics([])
    XCTAssertEqual(s.count, 0)
    XCTAssertTrue(s.mean.isNaN)
    XCTAssertEqual(s.sd, 0)
    XCTAssertTrue(s.se.isNaN)
    XCTAssertTrue(s.p50.isNaN)
  }

  /// Constant samples give the constant back and a standard deviation of exactly 0,
  /// even for values like 0.1 whose repeated sums are inexact.
  func testConstantValuesHaveExactlyZeroSpread() {
    for (value, count) in [(0.1, 3), (0.1, 1000), (1e9 + 0.3, 17), (-2.5e-300, 5), (0, 2)] {
      let s = SummaryStatistics([Double](repeating: value, count: count))
      XCTAssertEqual(s.mean, value, "mean of constant \(value)")
      XCTAssertEqual(s.sd, 0, "sd of constant \(value)")
      XCTAssertEqual(s.se, 0, "se of constant \(value)")
      XCTAssertEqual(s.p05, value)
      XCTAssertEqual(s.p95, value)
    }
  }

  /// 1e9 + 0.001·k for k = 0..<1000: the noise has sd 0.001·√(n(n+1)/12) exactly.
  /// A naive Σx² − n·x̄² formula loses every digit here.
  func testLargeOffsetStability() {
    let n = 1000
    let values = (0..<n).map { 1e9 + 0.001 * Double($0) }
    let s = SummaryStatistics(values)
    let expectedSD = 0.001 * (Double(n) * Double(n + 1) / 12).squareRoot()
    assertClose(s.sd, expectedSD, 1e-6, "sd with offset")
    assertClose(s.mean, 1e9 + 0.001 * Double(n - 1) / 2, 1e-15, "mean with offset")
    // Shuffled order gives the same sd to high accuracy (order only affects rounding).
    let shuffled = (0..<n).map { values[($0 * 337) % n] }
    assertClose(SummaryStatistics(shuffled).sd, s.sd, 1e-9, "order insensitivity")
  }

  func testDeterministicAndEquatable() {
    let values = (0..<513).map { Double(($0 * 7919) % 1000) / 7 }
    XCTAssertEqual(SummaryStatistics(values), SummaryStatistics(values))
    XCTAssertNotEqual(SummaryStatistics(values), SummaryStatistics(Array(values.dropLast())))
  }

  /// A larger case against NumPy: x = [(k·37) mod 101 / 10 for k in 0..<250]
  /// mean, std(ddof=1), percentile(…, [5, 25, 50, 75, 95]) computed with NumPy 2.4.6.
  func testAgainstNumPy() {
    let values = (0..<250).map { Double(($0 * 37) % 101) / 10 }
    let s = SummaryStatistics(values)
    assertClose(s.mean, 4.9784, 1e-12, "mean")
    assertClose(s.sd, 2.927163573554676, 1e-12, "sd")
    assertClose(s.se, 2.927163573554676 / 250.0.squareRoot(), 1e-12, "se")
    assertClose(s.p05, 0.4450000000000001, 1e-12, "p05")
    assertClose(s.p25, 2.425, 1e-12, "p25")
    assertClose(s.p50, 4.95, 1e-12, "p50")
    assertClose(s.p75, 7.5, 1e-12, "p75")
    assertClose(s.p95, 9.5, 1e-12, "p95")
  }
}
