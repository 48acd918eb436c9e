import ScenarioLanguage

/// What the tables need to know about a run besides its numbers: which parameters were
/// swept and each option's values of them (written as their own CSV columns), and the
/// discount rate of the cost-effectiveness rows.
public struct RunDesign: Sendable, Equatable {
  /// The swept parameter paths, in order; each becomes a column named by the path.
  public var sweptParameters: [String]
  /// Each option's swept values by path (in model units), in option order; an option
  /// missing a path (a written option) leaves its cell empty.
  public var sweptValues: [[String: Double]]
  /// The yearly discount rate (0.03 for 3%), applied to costs and effects from the first
  /// simulated year.
  public var discountRate: Double

  /// A design with no sweeps and no discounting unless given.
  public init(sweptParameters: [String] = [], sweptValues: [[String: Double]] = [], discountRate: Double = 0) {
    self.sweptParameters = sweptParameters
    self.sweptValues = sweptValues
    self.discountRate = discountRate
  }

  /// The design of a checked scenario.
  public init(scenario: Scenario) {
    self.init(sweptParameters: scenario.sweptParameters, sweptValues: scenario.options.map(\.sweptValues), discountRate: scenario.discountRate)
  }

  /// The swept-value cells of one option, in `sweptParameters` order (empty for an option
  /// that is not a sweep point).
  func sweepCells(option: Int) -> [String] {
    let values = option < sweptValues.count ? sweptValues[option] : [:]
    return sweptParameters.map { path in values[path].map(CSVNumber.format) ?? "" }
  }

  /// The factor that discounts a value of year index `t` (0 for the first simulated year)
  /// to the first year: (1 + rate)^−t.
  func discountFactor(yearIndex t: Int) -> Double {
    var factor = 1.0
    for _ in 0..<t { factor /= 1 + discountRate }
    return factor
  }
}
