import ScenarioLanguage
import XCTest

@testable import Simulation

/// Calibration recovers parameters that generated its targets.
final class CalibratorTests: XCTestCase {
  private func calibrator(_ calibration: Calibration) throws -> Calibrator {
    Calibrator(
      source: SourceFile(path: ReferenceCounty.url.path, text: try ReferenceCounty.text()), settings: [], calibration: calibration, threads: 2,
      optimiser: NelderMead(tolerance: 1e-5, maximumEvaluations: 150),
      adjust: { scenario in
        scenario.households = 1000
        scenario.replications = 3
      })
  }

  /// Targets simulated at growth 3% and plain median income 4,600 (same seed); the fit
  /// starts from the middle of the bounds (6%, 5,500) and must come back to them.
  func testRecoversKnownParameters() throws {
    let free = [
      Calibration.FreeParameter(path: "growth.mean", low: 0, high: 0.12, isPercent: true),
      Calibration.FreeParameter(path: "population.plain.income.median", low: 3000, high: 8000, isPercent: false),
    ]
    let probe = Calibration(
      targets: [
        .init(metric: "incidence", year: 2016, observed: 0, weight: 1, scale: 1, metricRange: .point(0)),
        .init(metric: "mean_income", year: 2016, observed: 0, weight: 1, scale: 1, metricRange: .point(0)),
        .init(metric: "mean_income", year: 2025, observed: 0, weight: 1, scale: 1, metricRange: .point(0)),
      ], free: free, file: "test")
    let truth = [
      ParameterAssignment(path: "growth.mean", value: 0.03, percent: true),
      ParameterAssignment(path: "population.plain.income.median", value: 4600, percent: false),
    ]
    let simulated = try calibrator(probe).evaluate(truth)
    let targets = simulated.map { fit in
      Calibration.Target(
        metric: fit.target.metric, year: fit.target.year, observed: fit.simulated, weight: 1, scale: abs(fit.simulated), metricRange: .point(0))
    }
    let fit = try calibrator(Calibration(targets: targets, free: free, file: "test")).fit()
    XCTAssertEqual(fit.assignments[0].value, 0.03, accuracy: 0.002, "\(fit.assignments)")
    XCTAssertEqual(fit.assignments[1].value, 4600, accuracy: 60, "\(fit.assignments)")
    XCTAssertLessThan(fit.objective, 1e-4)
    for target in fit.targets { XCTAssertEqual(target.simulated, target.target.observed, accuracy: 0.01 * abs(target.target.observed)) }
  }

  func testBoundsAreNeverLeft() throws {
    let calibration = Calibration(
      targets: [.init(metric: "incidence", year: 2016, observed: 0.2, weight: 1, scale: 0.2, metricRange: .point(0))],
      free: [.init(path: "growth.mean", low: 0.01, high: 0.05, isPercent: true)], file: "test")
    let calibrator = try calibrator(calibration)
    for u in [-1000.0, -3, 0, 3, 1000] {
      let value = calibrator.assignments([u])[0].value
      XCTAssertGreaterThanOrEqual(value, 0.01)
      XCTAssertLessThanOrEqual(value, 0.05)
    }
    XCTAssertEqual(calibrator.assignments([calibrator.coordinate(0.02, of: calibration.free[0])])[0].value, 0.02, accuracy: 1e-12)
    XCTAssertEqual(calibrator.assignments([0])[0].settingText, "growth.mean=3%")
  }
}
