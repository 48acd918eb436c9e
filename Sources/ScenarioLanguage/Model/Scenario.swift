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
  /// The `calibrate { … }` block, if the scenario has one.
  public var calibration: Calibration? = nil
  /// The parameter paths swept (`sweep` statements or `--sweep`), in order; empty without
  /// sweeps. Each sweep option records its values in `PolicyOption.sweptValues`.
  public var sweptParameters: [String]
  /// The yearly rate at which cost-effectiveness metrics discount costs and effects to the
  /// first simulated year (`discount 3% per year` is 0.03; 0 by default).
  public var discountRate: Double

  /// Creates a scenario.
  public init(
    name: String, years: ClosedRange<Int>, replications: Int, seed: UInt64, households: Int, options: [PolicyOption], baselineIndex: Int,
    sweptParameters: [String] = [], discountRate: Double = 0
  ) {
    self.name = name
    self.years = years
    self.replications = replications
    self.seed = seed
    self.households = households
    self.options = options
    self.baselineIndex = baselineIndex
    self.sweptParameters = sweptParameters
    self.discountRate = discountRate
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
  /// For an option made by a sweep, the value of each swept path in model units (`20%` is
  /// 0.2); empty for written options.
  public var sweptValues: [String: Double]

  /// Creates an option.
  public init(name: String, overrides: [String], rules: ModelRules, sweptValues: [String: Double] = [:]) {
    self.name = name
    self.overrides = overrides
    self.rules = rules
    self.sweptValues = sweptValues
  }
}
