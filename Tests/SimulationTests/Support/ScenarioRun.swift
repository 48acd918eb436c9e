import ScenarioLanguage
import XCTest

@testable import Simulation

/// Checks and runs scenarios written inline in tests.
enum ScenarioRun {
  /// Errors that make a fixture unusable.
  struct FixtureError: Error, CustomStringConvertible {
    var description: String
  }

  /// Checks scenario text; throws with the rendered diagnostics when it does not check.
  static func scenario(_ text: String, path: String = "test.scenario") throws -> Scenario {
    let source = SourceFile(path: path, text: text)
    let result = ScenarioChecker.check(source: source)
    guard let scenario = result.scenario else {
      throw FixtureError(
        description: DiagnosticRenderer(sources: [source]).render(result.diagnostics))
    }
    return scenario
  }

  /// Checks and runs scenario text with the given number of threads.
  static func results(_ text: String, threads: Int = 1) throws -> ReplicationResults {
    SimulationRunner(scenario: try scenario(text), threads: threads).run()
  }

  /// A scenario that is deterministic by construction: one replication, identical
  /// households with constant attributes, every poor household registered, no draws.
  ///
  /// `body` holds everything after the population (growth, shocks, programmes, options).
  static func tiny(
    households: Int = 1, years: String = "2016 to 2018",
    line: String = "3000 yuan per person per year",
    population: String, body: String = ""
  ) -> String {
    """
    scenario "tiny" {
      years \(years)
      replications 1
      seed 7
      poverty_line \(line)
      population \(households) households {
    \(population)
      }
      identification { detect 100% of poor }
    \(body)
    }
    """
  }
}

extension ReplicationResults {
  /// The value of a metric by name, in a calendar year, for an option by name
  /// (default: the baseline), in a replication (default: the first held).
  func value(
    _ metric: String, year: Int, option: String? = nil, replication: Int? = nil,
    file: StaticString = #filePath, line: UInt = #line
  ) -> Double {
    guard let metricIndex = metrics.firstIndex(of: metric) else {
      XCTFail("no metric `\(metric)` among \(metrics)", file: file, line: line)
      return .nan
    }
    guard let yearIndex = years.firstIndex(of: year) else {
      XCTFail("no year \(year) among \(years)", file: file, line: line)
      return .nan
    }
    let optionIndex = option.map { name in options.firstIndex(of: name) ?? -1 } ?? baselineIndex
    guard optionIndex >= 0 else {
      XCTFail("no option `\(option ?? "")` among \(options)", file: file, line: line)
      return .nan
    }
    return value(
      replication: replication ?? replications.lowerBound, option: optionIndex, year: yearIndex,
      metric: metricIndex)
  }
}

/// Asserts |actual − expected| ≤ tolerance · max(|expected|, 1): relative for large values,
/// absolute near zero. Never `==` on computed floats.
func assertClose(
  _ actual: Double, _ expected: Double, tolerance: Double = 1e-12,
  _ message: @autoclosure () -> String = "",
  file: StaticString = #filePath, line: UInt = #line
) {
  let bound = tolerance * max(abs(expected), 1)
  XCTAssertTrue(
    abs(actual - expected) <= bound,
    "\(message()): got \(actual), expected \(expected) (±\(bound))", file: file, line: line)
}
