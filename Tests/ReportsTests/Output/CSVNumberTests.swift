import Reports
import XCTest

final class CSVNumberTests: XCTestCase {
  func testFormattingTable() {
    let table: [(Double, String)] = [
      (0, "0"),
      (-0.0, "0"),
      (12345, "12345"),
      (-3, "-3"),
      (1, "1"),
      (999_999_999_999_999, "999999999999999"),
      (-999_999_999_999_999, "-999999999999999"),
      (1e15, "1000000000000000.0"),  // Swift's description below 2^53
      (-1e15, "-1000000000000000.0"),
      (1e16, "1e+16"),
      (123_456_789_012_345.5, "123456789012345.5"),
      (1e-4, "0.0001"),
      (0.1, "0.1"),
      (1e-05, "1e-05"),
      (-2.5, "-2.5"),
      (123.456, "123.456"),
      (0.1 + 0.2, "0.30000000000000004"),
      (1.0 / 3.0, "0.3333333333333333"),
      (Double.leastNonzeroMagnitude, "5e-324"),
      (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
      (.nan, "NaN"),
      (-Double.nan, "NaN"),
      (.infinity, "Inf"),
      (-.infinity, "-Inf"),
    ]
    for (value, expected) in table {
      XCTAssertEqual(CSVNumber.format(value), expected, "format(\(value))")
    }
  }

  /// Every finite output parses back to the same Double.
  func testRoundTrip() {
    let samples: [Double] = [
      0.1, 1e-05, 123.456, -7.25e-200, 6.02214076e23, 1e15, 2.5e14,
      4_503_599_627_370_497, 0.30000000000000004,
    ]
    for x in samples {
      XCTAssertEqual(Double(CSVNumber.format(x))?.bitPattern, x.bitPattern, "\(x)")
    }
  }
}
