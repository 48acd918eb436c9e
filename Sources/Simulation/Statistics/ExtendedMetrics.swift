import ScenarioLanguage

/// Where the metrics of covariate shocks, health support, debt and per-category breakdowns
/// stand in a `MetricCatalog`. Each appears only when the scenario uses the feature, after
/// the metrics of the core model, so existing outputs keep their rows.
struct ExtendedMetrics: Sendable, Equatable {
  /// Per shock: index of `hit_villages_NAME` (covariate shocks only).
  var hitVillages: [Int?] = []
  /// Per shock: index of `cost_NAME`, the state's cost (shocks with health support only).
  var shockCost: [Int?] = []
  /// Index of `indebted_households` (when a shock has `debt repaid over`).
  var indebted: Int?
  /// Per `report by`: index of the first category metric; each category has
  /// `Breakdown.metricsPerCategory` metrics in the order of `Breakdown.metricNames`.
  var breakdownFirst: [Int] = []

  /// Appends the names of the metrics the rules need.
  init(rules: ModelRules, names: inout [String]) {
    for shock in rules.shocks {
      if shock.covariate != nil {
        hitVillages.append(names.count)
        names.append("hit_villages_\(shock.name)")
      } else {
        hitVillages.append(nil)
      }
    }
    for shock in rules.shocks {
      if shock.support != nil {
        shockCost.append(names.count)
        names.append("cost_\(shock.name)")
      } else {
        shockCost.append(nil)
      }
    }
    if rules.shocks.contains(where: { $0.support?.repaymentYears != nil }) {
      indebted = names.count
      names.append("indebted_households")
    }
    for breakdown in rules.breakdowns {
      breakdownFirst.append(names.count)
      for category in breakdown.categories {
        for metric in Self.breakdownMetrics {
          names.append("\(metric)[\(breakdown.attributeName)=\(category.label)]")
        }
      }
    }
  }

  /// The metrics reported per category, in order.
  static let breakdownMetrics = ["incidence", "poverty_gap", "mean_income", "people"]
}
