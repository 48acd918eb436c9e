/// A checked scenario: everything needed to simulate it, with every option resolved.
///
/// Produced by `ScenarioChecker` from source text; consumed by the Simulation module.
public struct Scenario: Sendable {
  /// The scenario's display name.
  public var name: String
  /// The simulated years, first to last.
  public var years: ClosedRange<Int>
  /// Monte Carlo replications.
  public var replications: Int
  /// The seed of the random number generator.
  public var seed: UInt64
  /// Number of households in the synthetic population.
  public var households: Int
  /// The options compared, each with its own resolved rules; all share the population's
  /// random draws.
  public var options: [PolicyOption]
  /// Index of the baseline option in `options`.
  public var baselineIndex: Int

  /// Creates a scenario.
  public init(name: String, years: ClosedRange<Int>, replications: Int, seed: UInt64, households: Int, options: [PolicyOption], baselineIndex: Int) {
    self.name = name
    self.years = years
    self.replications = replications
    self.seed = seed
    self.households = households
    self.options = options
    self.baselineIndex = baselineIndex
  }

  /// The baseline option.
  public var baseline: PolicyOption { options[baselineIndex] }
}

/// One variant of the policy rules, compared against the baseline.
public struct PolicyOption: Sendable {
  /// The option's name as written.
  public var name: String
  /// The parameter overrides that define it, as `path = value` text (for the manifest).
  public var overrides: [String]
  /// The resolved rules.
  public var rules: ModelRules

  /// Creates an option.
  public init(name: String, overrides: [String], rules: ModelRules) {
    self.name = name
    self.overrides = overrides
    self.rules = rules
  }
}
