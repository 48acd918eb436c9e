import ScenarioLanguage

/// Everything that determines the population drawn for a replication: the attributes and
/// their initial values, the groups, and the rules of the initial registry.
///
/// Why: options usually change policies, not the population, so they can share one
/// population per replication (drawn once, then copied) instead of drawing it again. Two
/// options share it only when their definitions are equal, so sharing never changes a
/// result.
struct PopulationDefinition: Equatable {
  var firstYear: Int
  var povertyLine: ValueExpression
  var groups: [PopulationGroup]
  var labels: [String]
  var attributes: [AttributeDefinition]
  var initializationOrder: [Int]
  var identification: IdentificationRule

  /// The population definition of an option's rules, simulated from `firstYear`.
  init(rules: ModelRules, firstYear: Int) {
    self.firstYear = firstYear
    povertyLine = rules.povertyLine
    groups = rules.groups
    labels = rules.labels
    attributes = rules.attributes
    initializationOrder = rules.initializationOrder
    identification = rules.identification
  }
}
