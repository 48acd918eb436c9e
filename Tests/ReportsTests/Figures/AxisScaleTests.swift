import Reports
import XCTest

/// `AxisScale`: nice ticks over a table of ranges, including degenerate ones.
final class AxisScaleTests: XCTestCase {
  func testNiceTicks() {
    let cases: [(values: [Double], zero: Bool, ticks: [Double])] = [
      ([0.1, 0.3], false, [0.1, 0.15, 0.2, 0.25, 0.3]),
      ([0.123, 0.287], false, [0.1, 0.15, 0.2, 0.25, 0.3]),
      ([117_000, 92_000], true, [0, 25_000, 50_000, 75_000, 100_000, 125_000]),
      ([-0.027, 0.004], true, [-0.03, -0.02, -0.01, 0, 0.01]),
      ([50, 50], false, [44, 46, 48, 50, 52, 54, 56]),
      ([0], false, [-1, -0.5, 0, 0.5, 1]),
      ([], false, [0, 0.2, 0.4, 0.6, 0.8, 1]),
      ([.nan, 2, .infinity], true, [0, 0.5, 1, 1.5, 2]),
    ]
    for (values, zero, expected) in cases {
      let scale = AxisScale(covering: values, includingZero: zero)
      XCTAssertEqual(scale.ticks.count, expected.count, "\(values): \(scale.ticks)")
      for (tick, want) in zip(scale.ticks, expected) {
        XCTAssertEqual(tick, want, accuracy: 1e-12 * max(1, abs(want)), "\(values): \(scale.ticks)")
      }
      XCTAssertLessThanOrEqual(scale.lower, values.filter(\.isFinite).min() ?? 0)
      XCTAssertGreaterThanOrEqual(scale.upper, values.filter(\.isFinite).max() ?? 0)
    }
  }

  func testYearTicks() {
    XCTAssertEqual(AxisScale(years: 2016...2025).ticks, (2016...2025).map(Double.init))
    XCTAssertEqual(AxisScale(years: 2000...2030).ticks, [2000, 2005, 2010, 2015, 2020, 2025, 2030])
    XCTAssertEqual(AxisScale(years: 2016...2016).ticks, [2016])
  }

  func testPositionMapsTheDomainOntoPixels() {
    let scale = AxisScale(covering: [0, 10])
    XCTAssertEqual(scale.position(0, from: 100, to: 0), 100, accuracy: 1e-9)
    XCTAssertEqual(scale.position(5, from: 100, to: 0), 50, accuracy: 1e-9)
  }
}
