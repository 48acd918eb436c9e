import Foundation
import ScenarioLanguage

/// `manifest.json`: what was run, so that a result can be traced and reproduced.
public struct RunManifest: Sendable, Codable, Equatable {
  /// The version of PolicySim that produced the results.
  public var toolVersion: String
  /// The scenario's name.
  public var scenario: String
  /// The scenario file as given.
  public var scenarioFile: String
  /// SHA-256 of the scenario file's bytes.
  public var scenarioSHA256: String
  /// The seed used.
  public var seed: UInt64
  /// Number of replications.
  public var replications: Int
  /// Households in the synthetic population.
  public var households: Int
  /// Simulated years.
  public var firstYear: Int
  /// Last simulated year.
  public var lastYear: Int
  /// Options in order, with their overrides.
  public var options: [Option]
  /// The baseline option.
  public var baseline: String
  /// `--set` overrides applied to every option.
  public var settings: [String]
  /// The full command line.
  public var commandLine: [String]
  /// Start of the run (UTC, ISO 8601).
  public var started: String
  /// End of the run (UTC, ISO 8601).
  public var finished: String
  /// Worker threads used (results do not depend on it).
  public var threads: Int
  /// Files written, in order.
  public var files: [String]
  /// For `target` and `calibrate`: what was searched for and found (absent for `run`).
  public var search: [String: String]? = nil
  /// For `run --overlay`: the overlay file as given (absent without one).
  public var overlay: String? = nil
  /// SHA-256 of the overlay file's bytes.
  public var overlaySHA256: String? = nil
  /// The overlay's `path = value` lines, applied before `settings`.
  public var overlaySettings: [String]? = nil
  /// The swept parameter paths, in order (empty without sweeps); also the names of the
  /// swept-value columns of `summary.csv` and `comparison.csv`.
  public var sweptParameters: [String] = []
  /// The yearly discount rate of the cost-effectiveness rows (0.03 for 3%).
  public var discountRate: Double = 0
  /// For a run given `--replications A..<B` and for `merge`: the half-open range of
  /// replication numbers held, `[A, B]` (absent for a run given a count).
  public var replicationRange: [Int]? = nil
  /// For `merge`: the shard folders merged, in replication order.
  public var mergedFrom: [String]? = nil
  /// For a scenario with `population from "…"`: the household file read (as resolved
  /// against the scenario's folder) and the SHA-256 of its bytes (absent otherwise).
  public var householdFile: String? = nil
  /// SHA-256 of the household file's bytes.
  public var householdFileSHA256: String? = nil

  /// An option and how it differs from the scenario as written.
  public struct Option: Sendable, Codable, Equatable {
    /// The option's name.
    public var name: String
    /// Its `path = value` overrides.
    public var overrides: [String]
    /// Creates an entry.
    public init(name: String, overrides: [String]) {
      self.name = name
      self.overrides = overrides
    }
  }

  /// Creates a manifest.
  public init(
    toolVersion: String, scenario: String, scenarioFile: String, scenarioSHA256: String, seed: UInt64, replications: Int, households: Int, firstYear: Int,
    lastYear: Int, options: [Option], baseline: String, settings: [String], commandLine: [String], started: String, finished: String, threads: Int,
    files: [String]
  ) {
    self.toolVersion = toolVersion
    self.scenario = scenario
    self.scenarioFile = scenarioFile
    self.scenarioSHA256 = scenarioSHA256
    self.seed = seed
    self.replications = replications
    self.households = households
    self.firstYear = firstYear
    self.lastYear = lastYear
    self.options = options
    self.baseline = baseline
    self.settings = settings
    self.commandLine = commandLine
    self.started = started
    self.finished = finished
    self.threads = threads
    self.files = files
  }

  enum CodingKeys: String, CodingKey {
    case toolVersion = "tool_version", scenario, scenarioFile = "scenario_file", scenarioSHA256 = "scenario_sha256", seed, replications
    case households, firstYear = "first_year", lastYear = "last_year", options, baseline, settings, commandLine = "command_line"
    case started, finished, threads, files, search, overlay, overlaySHA256 = "overlay_sha256", overlaySettings = "overlay_settings", sweptParameters =
      "swept_parameters", discountRate = "discount_rate"
    case replicationRange = "replication_range", mergedFrom = "merged_from"
    case householdFile = "household_file", householdFileSHA256 = "household_file_sha256"
  }

  /// The manifest as pretty-printed JSON with sorted keys.
  public func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(self) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// A UTC timestamp in ISO 8601.
  public static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}
