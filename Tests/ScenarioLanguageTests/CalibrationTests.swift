import ScenarioLanguage
import XCTest

/// The `calibrate { … }` block and overlay files.
final class CalibrationTests: XCTestCase {
  private let text = """
    scenario "C" {
      years 2016 to 2020
      replications 10
      poverty_line 2952 yuan per person per year
      population 1000 households {
        income ~ lognormal(median: 3400, sigma: 0.55)
        size = 4
      }
      income growth normal(mean: 4%, sd: 10%) per year
      calibrate {
        target incidence 2016 = 9.21%
        target mean_income 2020 = 8_100 weight 2 scale 500
        free growth.mean between 0% and 10%
        free population.income.median between 3000 and 8000
      }
    }
    """

  func testBlockIsCheckedIntoTheScenario() throws {
    let result = ScenarioChecker.check(source: SourceFile(path: "c.scenario", text: text))
    XCTAssertEqual(result.diagnostics, [])
    let calibration = try XCTUnwrap(result.scenario?.calibration)
    XCTAssertEqual(calibration.targets.map(\.metric), ["incidence", "mean_income"])
    XCTAssertEqual(calibration.targets.map(\.year), [2016, 2020])
    XCTAssertEqual(calibration.targets[0].observed, 0.0921, accuracy: 1e-15)
    XCTAssertEqual(calibration.targets[0].weight, 1)
    XCTAssertEqual(calibration.targets[0].scale, 0.0921, accuracy: 1e-15)
    XCTAssertEqual(calibration.targets[1].observed, 8100)
    XCTAssertEqual(calibration.targets[1].weight, 2)
    XCTAssertEqual(calibration.targets[1].scale, 500)
    XCTAssertEqual(
      calibration.free,
      [
        .init(path: "growth.mean", low: 0, high: 0.1, isPercent: true),
        .init(path: "population.income.median", low: 3000, high: 8000, isPercent: false),
      ])
  }

  func testScenarioWithoutBlockHasNoCalibration() throws {
    let plain = text.replacingOccurrences(of: "calibrate {", with: "option x {").components(separatedBy: "\n").filter {
      !$0.contains("target") && !$0.contains("free")
    }.joined(separator: "\n")
    let result = ScenarioChecker.check(source: SourceFile(path: "c.scenario", text: plain))
    XCTAssertEqual(result.diagnostics, [])
    XCTAssertNotNil(result.scenario)
    XCTAssertNil(result.scenario?.calibration)
  }

  func testTwoBlocksAreRefused() {
    let twice = text.replacingOccurrences(
      of: "  income growth", with: "  calibrate { target incidence 2016 = 1%  free growth.sd between 0% and 20% }\n  income growth")
    let result = ScenarioChecker.check(source: SourceFile(path: "c.scenario", text: twice))
    XCTAssertNil(result.scenario)
    XCTAssertEqual(result.diagnostics.map(\.id), ["duplicate-calibration"])
  }

  func testOverlayLinesBecomeOverrides() throws {
    let source = SourceFile(path: "fitted.overlay", text: "# fitted\n\ngrowth.mean = 5.5%\r\n  population.income.median=4200  \n")
    let (overlay, diagnostics) = ParameterOverlay.parse(source)
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(overlay?.lines, ["growth.mean = 5.5%", "population.income.median=4200"])
    XCTAssertEqual(overlay?.overrides.map(\.path.value), ["growth.mean", "population.income.median"])
    let result = ScenarioChecker.check(source: SourceFile(path: "c.scenario", text: text), settings: overlay?.overrides ?? [])
    XCTAssertEqual(result.diagnostics, [])
  }

  func testOverlayDiagnosticsPointIntoTheFile() {
    let source = SourceFile(path: "fitted.overlay", text: "growth.mean = 5%\nnonsense\n = 3\ngrowth.sd = (1\n")
    let (overlay, diagnostics) = ParameterOverlay.parse(source)
    XCTAssertNil(overlay)
    XCTAssertEqual(diagnostics.map(\.id), ["expected-assignment", "expected-name", "unexpected-token"])
    XCTAssertEqual(diagnostics.map { source.lineAndColumn(of: $0.range.start).line }, [2, 3, 4])
  }
}
