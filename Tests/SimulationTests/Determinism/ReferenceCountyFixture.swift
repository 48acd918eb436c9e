import Foundation
import ScenarioLanguage
import XCTest

@testable import Simulation

/// The reference county scenario from `scenarios/`, scaled down for tests.
enum ReferenceCounty {
  /// `scenarios/reference-county.scenario`, found from this file's location.
  static var url: URL {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // Determinism
      .deletingLastPathComponent()  // SimulationTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()  // package root
      .appendingPathComponent("scenarios/reference-county.scenario")
  }

  /// The scenario's text.
  static func text() throws -> String {
    try String(contentsOf: url, encoding: .utf8)
  }

  /// The checked scenario with 2,000 households and 6 replications (or as given).
  static func scenario(text: String? = nil, households: Int = 2000, replications: Int = 6) throws
    -> Scenario
  {
    var scenario = try ScenarioRun.scenario(text ?? self.text(), path: url.path)
    scenario.households = households
    scenario.replications = replications
    return scenario
  }
}
