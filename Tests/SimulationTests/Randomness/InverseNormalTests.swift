import Simulation
import XCTest

final class InverseNormalTests: XCTestCase {
  /// |actual − expected| ≤ tolerance·max(|expected|, 1e-300); exact match for 0.
  private func assertRelativelyClose(
    _ actual: Double, _ expected: Double, _ tolerance: Double,
    _ message: String, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    let scale = max(abs(expected), 1e-300)
    XCTAssertLessThanOrEqual(
      abs(actual - expected), tolerance * scale,
      "\(message): got \(actual), expected \(expected)",
      file: file, line: line)
  }

  /// Reference quantiles of the exact double p, computed with mpmath at 50 digits
  /// (`findroot(ncdf(z) - p)`), rounded to double.
  private let references: [(p: Double, z: Double)] = [
    (0.975, 1.9599639845400538),
    (0.025, -1.9599639845400543),
    (1e-10, -6.361340902404057),
    (0.8413447460685429, 0.9999999999999999),
    (0.001, -3.0902323061678136),
    (0.999, 3.090232306167813),
    (1e-300, -37.0470962993612),
    (0.3, -0.5244005127080408),
    (0.42, -0.20189347914185088),
    (0.9, 1.2815515655446006),
    (1e-20, -9.262340089798407),
    (1.1102230246251565e-16, -8.209536151601387),
  ]

  func testReferenceQuantiles() {
    for (p, z) in references {
      assertRelativelyClose(InverseNormal.quantile(p), z, 2e-15, "p = \(p)")
    }
  }

  func testValuesStatedInSpecification() {
    XCTAssertEqual(InverseNormal.quantile(0.5), 0)
    assertRelativelyClose(InverseNormal.quantile(0.975), 1.959963984540054, 1e-15, "0.975")
    assertRelativelyClose(InverseNormal.quantile(0.025), -1.959963984540054, 1e-15, "0.025")
    assertRelativelyClose(InverseNormal.quantile(1e-10), -6.361340902404056, 1e-15, "1e-10")
    XCTAssertEqual(InverseNormal.quantile(0.8413447460685429), 1.0, accuracy: 1e-12)
  }

  /// The block form (central formula for all values first, then the tails) gives the same
  /// bits as `quantile` for every value: the region boundaries, edges, NaN and the uniform grid.
  func testBlockQuantilesAreBitIdenticalToQuantile() {
    var inputs: [Double] = [
      .nan, -1, 0, .leastNonzeroMagnitude, 0x1p-53, 0.075, (0.075).nextDown, (0.075).nextUp, 0.5, 0.925, (0.925).nextDown,
      (0.925).nextUp, 1 - 0x1p-53, 1, 2, .infinity, -.infinity,
    ]
    var state: UInt64 = 12_345
    for _ in 0..<5000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      inputs.append((Double(state >> 12) + 0.5) * 0x1p-52)
    }
    var values = inputs
    var scratch = [Double](repeating: 0, count: inputs.count)
    values.withUnsafeMutableBufferPointer { v in
      scratch.withUnsafeMutableBufferPointer { InverseNormal.quantiles(v.baseAddress!, count: v.count, scratch: $0.baseAddress!) }
    }
    for (input, value) in zip(inputs, values) {
      let expected = InverseNormal.quantile(input)
      XCTAssertTrue(value.bitPattern == expected.bitPattern || (value.isNaN && expected.isNaN), "quantile(\(input)): \(value) ≠ \(expected)")
    }
  }

  func testEdgeCases() {
    XCTAssertEqual(InverseNormal.quantile(0), -.infinity)
    XCTAssertEqual(InverseNormal.quantile(1), .infinity)
    XCTAssertEqual(InverseNormal.quantile(-0.5), -.infinity)
    XCTAssertEqual(InverseNormal.quantile(1.5), .infinity)
    XCTAssertTrue(InverseNormal.quantile(.nan).isNaN)
    XCTAssertTrue(InverseNormal.quantile(Double.leastNonzeroMagnitude).isFinite)
    XCTAssertTrue(InverseNormal.quantile(1.0.nextDown).isFinite)
  }

  /// Across the region boundaries (|q| = 0.425, r = 5) the function is monotone and the
  /// two formulas agree, and Φ⁻¹(1 − p) = −Φ⁻¹(p) up to the rounding of 1 − p.
  func testMonotoneAndSymmetric() {
    var previous = -Double.infinity
    var p = 1e-12
    while p < 1 {
      let z = InverseNormal.quantile(p)
      XCTAssertGreaterThanOrEqual(z, previous, "monotone at p = \(p)")
      previous = z
      p += p < 0.01 ? p : 0.0009765625
    }
    for p in [0.5 - 0.425, 0.01, 0.2, 0.3, 0.45] {
      assertRelativelyClose(
        InverseNormal.quantile(1 - p), -InverseNormal.quantile(p),
        1e-14, "symmetry at \(p)")
    }
    let boundary = 0.075  // q = -0.425
    assertRelativelyClose(
      InverseNormal.quantile(boundary),
      InverseNormal.quantile(boundary.nextUp), 1e-14, "boundary 0.075")
  }
}
