import ScenarioLanguage

/// The metrics measured each year, in output order. The list depends on the scenario's
/// programmes and shocks, and is the same for every option of a scenario.
public struct MetricCatalog: Sendable, Equatable {
  /// Metric names as they appear in the CSV `metric` column.
  public let names: [String]
  /// Index of the first programme metric; each programme has `participants_` and `cost_`.
  let firstProgramme: Int
  let programmeCount: Int
  let costTotal: Int
  let firstShock: Int
  /// Training programmes' `employed_NAME` metrics by programme index.
  let employedMetric: [Int: Int]
  /// Index of `exits` (then `returns_to_poverty`, `new_entrants`, `exited_households`,
  /// `monitored_households`); -1 without an `exit` block.
  let firstTransition: Int
  /// Metrics of disasters, health support, prices and breakdowns (ExtendedMetrics.swift);
  /// empty unless the scenario uses them.
  let extended: ExtendedMetrics
  /// Per programme: the index of `unserved_NAME` (capped programmes), else -1.
  let unservedMetric: [Int]
  /// Per programme: the index of `loans_outstanding_NAME`, followed by `defaults_NAME`
  /// (microcredit), else -1.
  let creditMetric: [Int]

  /// Fixed metrics, always present, in this order.
  public static let fixed = [
    "incidence", "poverty_gap", "poverty_gap_squared", "mean_income", "median_income",
    "poor_people", "people", "registered_households", "relocated_households",
  ]
  static let incidence = 0, povertyGap = 1, povertyGapSquared = 2, meanIncome = 3, medianIncome = 4
  static let poorPeople = 5, people = 6, registeredHouseholds = 7, relocatedHouseholds = 8

  /// The metrics of a scenario's rules.
  public init(rules: ModelRules) {
    var names = Self.fixed
    firstProgramme = names.count
    programmeCount = rules.programmes.count
    for programme in rules.programmes {
      names.append("participants_\(programme.name)")
      names.append("cost_\(programme.name)")
    }
    costTotal = names.count
    names.append("cost_total")
    firstShock = names.count
    for shock in rules.shocks { names.append("shocked_households_\(shock.name)") }
    var employed: [Int: Int] = [:]
    for (index, programme) in rules.programmes.enumerated() where programme.isTraining {
      employed[index] = names.count
      names.append("employed_\(programme.name)")
    }
    employedMetric = employed
    firstTransition = rules.transition == nil ? -1 : names.count
    names += Self.transitionNames(rules.transition)
    extended = ExtendedMetrics(rules: rules, names: &names)
    // Metrics of features only some scenarios use come last, so that the others keep theirs.
    var unserved: [Int] = []
    var credit: [Int] = []
    for programme in rules.programmes {
      unserved.append(programme.cap == nil ? -1 : names.count)
      if programme.cap != nil { names.append("unserved_\(programme.name)") }
      credit.append(programme.isMicrocredit ? names.count : -1)
      if programme.isMicrocredit { names += ["loans_outstanding_\(programme.name)", "defaults_\(programme.name)"] }
    }
    unservedMetric = unserved
    creditMetric = credit
    self.names = names
  }

  func participants(_ programme: Int) -> Int { firstProgramme + 2 * programme }
  func cost(_ programme: Int) -> Int { firstProgramme + 2 * programme + 1 }
  func shocked(_ shock: Int) -> Int { firstShock + shock }
  func unserved(_ programme: Int) -> Int { unservedMetric[programme] }
  func loansOutstanding(_ programme: Int) -> Int { creditMetric[programme] }
  func defaults(_ programme: Int) -> Int { creditMetric[programme] + 1 }
}
