import XCTest

@testable import Simulation

/// Nelder–Mead on functions with known minima.
final class NelderMeadTests: XCTestCase {
  private func assertClose(_ actual: [Double], _ expected: [Double], tolerance: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, file: file, line: line)
    for (a, e) in zip(actual, expected) {
      XCTAssertLessThanOrEqual(abs(a - e), tolerance * max(1, abs(e)), "\(actual) vs \(expected)", file: file, line: line)
    }
  }

  func testRosenbrockFromTheClassicStart() {
    let rosenbrock: ([Double]) -> Double = { x in 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0]) }
    let result = NelderMead(tolerance: 1e-10, maximumEvaluations: 5000).minimise(rosenbrock, from: [-1.2, 1], step: [0.5, 0.5])
    XCTAssertTrue(result.converged)
    assertClose(result.point, [1, 1], tolerance: 1e-4)
    XCTAssertLessThan(result.value, 1e-8)
  }

  func testQuadraticBowlInThreeDimensions() {
    let bowl: ([Double]) -> Double = { x in (x[0] - 3) * (x[0] - 3) + 10 * (x[1] + 2) * (x[1] + 2) + 0.5 * (x[2] - 0.25) * (x[2] - 0.25) }
    let result = NelderMead(tolerance: 1e-12).minimise(bowl, from: [0, 0, 0], step: [1, 1, 1])
    XCTAssertTrue(result.converged)
    assertClose(result.point, [3, -2, 0.25], tolerance: 1e-5)
  }

  func testOneDimension() {
    let result = NelderMead(tolerance: 1e-12).minimise({ x in abs(x[0] - 7) }, from: [0], step: [1])
    assertClose(result.point, [7], tolerance: 1e-6)
  }

  func testStopsAtTheEvaluationLimit() {
    let result = NelderMead(tolerance: 0, maximumEvaluations: 20).minimise({ x in x[0] * x[0] + x[1] * x[1] }, from: [5, 5], step: [1, 1])
    XCTAssertFalse(result.converged)
    XCTAssertLessThanOrEqual(result.evaluations, 22)
  }

  func testNaNCountsAsWorst() {
    let result = NelderMead(tolerance: 1e-10).minimise({ x in x[0] < 0 ? .nan : (x[0] - 2) * (x[0] - 2) }, from: [1], step: [-0.5])
    assertClose(result.point, [2], tolerance: 1e-4)
  }

  func testIsDeterministic() {
    let f: ([Double]) -> Double = { x in (x[0] - 1) * (x[0] - 1) + (x[1] - x[0]) * (x[1] - x[0]) }
    let a = NelderMead().minimise(f, from: [4, -3], step: [1, 1])
    let b = NelderMead().minimise(f, from: [4, -3], step: [1, 1])
    XCTAssertEqual(a, b)
  }
}
