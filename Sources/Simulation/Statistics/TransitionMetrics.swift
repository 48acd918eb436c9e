import ScenarioLanguage

extension MetricCatalog {
  /// The metrics of exit, transition and monitoring, in output order (none without an
  /// `exit` block; `monitored_households` only with a `monitoring` block).
  static func transitionNames(_ rule: TransitionRule?) -> [String] {
    guard let rule else { return [] }
    return ["exits", "returns_to_poverty", "new_entrants", "exited_households"] + (rule.monitoring == nil ? [] : ["monitored_households"])
  }

  var exits: Int { firstTransition }
  var returnsToPoverty: Int { firstTransition + 1 }
  var newEntrants: Int { firstTransition + 2 }
  var exitedHouseholds: Int { firstTransition + 3 }
  var monitoredHouseholds: Int { firstTransition + 4 }
}
