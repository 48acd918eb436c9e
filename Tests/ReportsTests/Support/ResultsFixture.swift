import Foundation
import Reports
import ScenarioLanguage
import XCTest

@testable import Simulation

/// Hand-built and simulated results for table tests.
enum ResultsFixture {
  /// Results whose value for (replication, option, year, metric) is `value(...)`, with
  /// indices 0-based within the given lists.
  static func make(
    options: [String], baselineIndex: Int = 0, years: [Int], metrics: [String],
    replications: Range<Int>,
    value: (_ replication: Int, _ option: Int, _ year: Int, _ metric: Int) -> Double
  ) -> ReplicationResults {
    var results = ReplicationResults(
      options: options, baselineIndex: baselineIndex, years: years, metrics: metrics,
      replications: replications)
    var index = 0
    for replication in replications.indices {
      for option in options.indices {
        for year in years.indices {
          for metric in metrics.indices {
            results.values[index] = value(
              replication - replications.lowerBound, option, year, metric)
            index += 1
          }
        }
      }
    }
    return results
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

  /// A scenario that does not check.
  struct FixtureError: Error, CustomStringConvertible {
    var description: String
  }

  /// The package root, from this file's location.
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // Support
      .deletingLastPathComponent()  // ReportsTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()
  }

  /// A fresh temporary folder, removed at the end of the test.
  static func temporaryFolder(_ testCase: XCTestCase) throws -> String {
    let path = NSTemporaryDirectory() + "policysim-reports-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
  }
}

extension CSVTable {
  /// The rows as dictionaries keyed by column name.
  var records: [[String: String]] {
    rows.map { row in Dictionary(uniqueKeysWithValues: zip(header, row)) }
  }

  /// The one row whose fields match `key` (fails the test if there is not exactly one).
  func record(_ key: [String: String], file: StaticString = #filePath, line: UInt = #line)
    -> [String: String]
  {
    let matching = records.filter { row in key.allSatisfy { row[$0.key] == $0.value } }
    XCTAssertEqual(matching.count, 1, "rows matching \(key)", file: file, line: line)
    return matching.first ?? [:]
  }
}

/// Asserts that a CSV field is the number `expected` within a relative tolerance.
func assertField(
  _ field: String?, _ expected: Double, tolerance: Double = 1e-12, _ message: String = "",
  file: StaticString = #filePath, line: UInt = #line
) {
  guard let field, let value = Double(field) else {
    XCTFail(
      "\(message): field \(String(describing: field)) is not a number", file: file, line: line)
    return
  }
  XCTAssertTrue(
    abs(value - expected) <= tolerance * max(abs(expected), 1),
    "\(message): got \(value), expected \(expected)",
    file: file, line: line)
}
