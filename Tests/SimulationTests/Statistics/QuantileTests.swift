import Simulation
import XCTest

final class QuantileTests: XCTestCase {
  /// |actual − expected| ≤ 1e-12·max(|expected|, 1).
  private func assertClose(
    _ actual: Double, _ expected: Double, _ message: String,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertLessThanOrEqual(
      abs(actual - expected), 1e-12 * max(abs(expected), 1),
      "\(message): got \(actual), expected \(expected)",
      file: file, line: line)
  }

  /// Expectations generated with NumPy 2.4.6: `float(np.percentile(xs, p * 100))`
  /// (method "linear", i.e. Hyndman–Fan type 7).
  private let numpyCases: [(data: [Double], probabilities: [Double], expected: [Double])] = [
    (
      [1, 2, 3, 4], [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1],
      [1.0, 1.15, 1.75, 2.5, 3.25, 3.8499999999999996, 4.0]
    ),
    (
      (1...20).map(Double.init), [0.05, 0.25, 0.5, 0.75, 0.95, 0.333],
      [1.9500000000000002, 5.75, 10.5, 15.25, 19.05, 7.327]
    ),
    ([3.5], [0, 0.3, 1], [3.5, 3.5, 3.5]),
    (
      [-2.0, 0.1, 0.1, 7.25, 1e3], [0.05, 0.1, 0.5, 0.9, 0.95, 0.999],
      [-1.58, -1.16, 0.1, 602.9000000000001, 801.4499999999998, 996.029]
    ),
    (
      (0..<7).map { 0.1 * Double($0) }, [0.05, 0.95, 1.0 / 3.0],
      [0.030000000000000006, 0.57, 0.2]
    ),
  ]

  func testAgainstNumPy() {
    for (data, probabilities, expected) in numpyCases {
      for (p, e) in zip(probabilities, expected) {
        assertClose(Quantile.type7(sorted: data, p), e, "\(data) at p = \(p)")
      }
    }
  }

  func testHandComputedCases() {
    // h = (n − 1)p = 0.75 → 1 + 0.75·(2 − 1).
    assertClose(Quantile.type7(sorted: [1, 2, 3, 4], 0.25), 1.75, "[1,2,3,4] p25")
    // 1...20, p05: h = 0.95 → 1.95.
    assertClose(Quantile.type7(sorted: (1...20).map(Double.init), 0.05), 1.95, "p05 1...20")
    // Exact order statistics are returned unchanged.
    XCTAssertEqual(Quantile.type7(sorted: [10, 20, 30], 0.5), 20)
    XCTAssertEqual(Quantile.type7(sorted: [10, 20, 30], 0), 10)
    XCTAssertEqual(Quantile.type7(sorted: [10, 20, 30], 1), 30)
  }

  func testEdgeCases() {
    XCTAssertTrue(Quantile.type7(sorted: [], 0.5).isNaN)
    XCTAssertEqual(Quantile.type7(sorted: [42], 0.05), 42)
    XCTAssertEqual(Quantile.type7(sorted: [42], 0.95), 42)
    XCTAssertTrue(Quantile.type7(sorted: [1, 2], .nan).isNaN)
    XCTAssertEqual(Quantile.type7(sorted: [1, 2], -0.5), 1, "p clamped to 0")
    XCTAssertEqual(Quantile.type7(sorted: [1, 2], 1.5), 2, "p clamped to 1")
    XCTAssertEqual(Quantile.type7(sorted: [5, 5, 5, 5], 0.37), 5, "ties")
    XCTAssertEqual(Quantile.type7(sorted: [-.infinity, 0], 0), -.infinity)
    XCTAssertEqual(Quantile.type7(sorted: [1, .infinity, .infinity], 0.75), .infinity)
  }

  func testBufferAndArrayOverloadsAgree() {
    let data: [Double] = [0.5, 1.25, 2, 8, 13]
    data.withUnsafeBufferPointer { buffer in
      for p in stride(from: 0.0, through: 1.0, by: 0.05) {
        XCTAssertEqual(
          Quantile.type7(sorted: buffer, p).bitPattern,
          Quantile.type7(sorted: data, p).bitPattern)
      }
    }
  }
}
