import XCTest

@testable import Simulation

/// Bisection on a known, deterministic metric.
final class TargetSearchTests: XCTestCase {
  /// A metric falling linearly from 0.2 at 0 to 0 at 100, with se 0.01 / √(R/10).
  private func evaluate(_ value: Double, _ replications: Int) -> TargetSearch.Evaluation {
    TargetSearch.Evaluation(
      value: value, replications: replications, mean: 0.2 - 0.002 * value, se: 0.01 / (Double(replications) / 10).squareRoot(), cost: 10 * value, costSE: 1)
  }

  func testFindsTheLeastValueMeetingTheBound() throws {
    let search = TargetSearch(target: 0.1, direction: .atMost, z: 1.6448536269514729, low: 0, high: 100, tolerance: 0.5, replications: 10)
    let outcome = try search.run(evaluate)
    // At 20 replications se = 0.00707, so mean + z·se ≤ 0.1 from value 55.815…
    let exact = (0.2 - 0.1 + 1.6448536269514729 * 0.01 / 2.0.squareRoot()) / 0.002
    XCTAssertGreaterThanOrEqual(outcome.value, exact)
    XCTAssertLessThanOrEqual(outcome.value - outcome.lower, 0.5)
    XCTAssertLessThan(outcome.lower, exact)
    XCTAssertEqual(outcome.answer.value, outcome.value)
    XCTAssertEqual(outcome.answer.replications, 20)
    XCTAssertTrue(outcome.answer.meets)
    XCTAssertEqual(outcome.evaluations.first?.replications, 10)
    XCTAssertLessThanOrEqual(outcome.evaluations.count, 20)
  }

  func testAtLeastSearchesTheOtherWay() throws {
    let rising: (Double, Int) -> TargetSearch.Evaluation = { value, replications in
      TargetSearch.Evaluation(value: value, replications: replications, mean: value / 100, se: 0, cost: 0, costSE: 0)
    }
    let outcome = try TargetSearch(target: 0.3, direction: .atLeast, z: 1.645, low: 0, high: 1, tolerance: 0.001, replications: 5).run {
      rising($0 * 100, $1)
    }
    XCTAssertEqual(outcome.value, 0.3, accuracy: 0.001)
  }

  func testRefusesWhenAlreadyMetAtLow() {
    let search = TargetSearch(target: 0.5, direction: .atMost, z: 1.645, low: 0, high: 100, tolerance: 1, replications: 10)
    XCTAssertThrowsError(try search.run(evaluate)) { error in
      guard case .metAtLow(let evaluation) = error as? TargetSearch.Refusal else { return XCTFail("\(error)") }
      XCTAssertEqual(evaluation.value, 0)
    }
  }

  func testRefusesWhenNotMetAtHigh() {
    let search = TargetSearch(target: 0.01, direction: .atMost, z: 1.645, low: 0, high: 50, tolerance: 1, replications: 10)
    XCTAssertThrowsError(try search.run(evaluate)) { error in
      guard case .notMetAtHigh(let evaluation) = error as? TargetSearch.Refusal else { return XCTFail("\(error)") }
      XCTAssertEqual(evaluation.value, 50)
    }
  }
}
