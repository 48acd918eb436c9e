import Simulation

/// The cost-effectiveness rows of `comparison.csv`: for one option against the baseline,
/// cumulative (and discounted) cost and poverty from the first simulated year to each year,
/// and the cost per person lifted out of poverty and per point of poverty gap reduced.
///
/// Every quantity is computed per replication from the option's and the baseline's paired
/// values (they share their random numbers), then summarised across replications; the
/// formulas are in docs/outputs.md § Cost-effectiveness.
enum CostEffectiveness {
  /// The rows' metric names, in output order.
  static let metrics = [
    "cumulative_cost_total", "cumulative_poor_people", "cumulative_people_lifted", "cumulative_gap_points_reduced",
    "cost_per_person_lifted", "cost_per_gap_point",
  ]

  /// For each year index, the rows (metric name and the cells after `metric`) of `option`
  /// against the baseline; nil when the results lack `cost_total`, `poor_people` or
  /// `poverty_gap`.
  /// - Complexity: O(years × R log R).
  static func rows(_ results: ReplicationResults, option: Int, design: RunDesign) -> [[(metric: String, cells: [String])]]? {
    guard let cost = results.metrics.firstIndex(of: "cost_total"), let poor = results.metrics.firstIndex(of: "poor_people"),
      let gap = results.metrics.firstIndex(of: "poverty_gap")
    else { return nil }
    let baseline = results.baselineIndex
    let count = results.replications.count
    var optionCost = [Double](repeating: 0, count: count)
    var baselineCost = optionCost
    var optionPoor = optionCost
    var baselinePoor = optionCost
    var gapPoints = optionCost
    var rows: [[(metric: String, cells: [String])]] = []
    for yearIndex in results.years.indices {
      let factor = design.discountFactor(yearIndex: yearIndex)
      for (index, replication) in results.replications.enumerated() {
        func value(_ option: Int, _ metric: Int) -> Double {
          results.value(replication: replication, option: option, year: yearIndex, metric: metric)
        }
        optionCost[index] += factor * value(option, cost)
        baselineCost[index] += factor * value(baseline, cost)
        optionPoor[index] += factor * value(option, poor)
        baselinePoor[index] += factor * value(baseline, poor)
        gapPoints[index] += factor * 100 * (value(baseline, gap) - value(option, gap))
      }
      let extraCost = zip(optionCost, baselineCost).map { $0 - $1 }
      let lifted = zip(baselinePoor, optionPoor).map { $0 - $1 }
      rows.append([
        ("cumulative_cost_total", pairedCells(PairedDifference(option: optionCost, baseline: baselineCost))),
        ("cumulative_poor_people", pairedCells(PairedDifference(option: optionPoor, baseline: baselinePoor))),
        ("cumulative_people_lifted", estimateCells(SummaryStatistics(lifted))),
        ("cumulative_gap_points_reduced", estimateCells(SummaryStatistics(gapPoints))),
        ("cost_per_person_lifted", ratioCells(RatioEstimate(numerator: extraCost, denominator: lifted))),
        ("cost_per_gap_point", ratioCells(RatioEstimate(numerator: extraCost, denominator: gapPoints))),
      ])
    }
    return rows
  }

  /// `option_mean` … `distinguishable` of a paired difference.
  private static func pairedCells(_ comparison: PairedDifference) -> [String] {
    [comparison.optionMean, comparison.baselineMean, comparison.difference, comparison.se, comparison.low, comparison.high].map(CSVNumber.format)
      + [comparison.isDistinguishable ? "yes" : "no"]
  }

  /// A quantity that is itself a difference: the two means are left empty.
  private static func estimateCells(_ statistics: SummaryStatistics) -> [String] {
    let low = statistics.mean - ComparisonTable.z95 * statistics.se
    let high = statistics.mean + ComparisonTable.z95 * statistics.se
    return ["", ""] + [statistics.mean, statistics.se, low, high].map(CSVNumber.format) + [low > 0 || high < 0 ? "yes" : "no"]
  }

  /// A ratio: empty cells when it is not defined.
  private static func ratioCells(_ estimate: RatioEstimate) -> [String] {
    guard estimate.isDefined else { return Array(repeating: "", count: 7) }
    return ["", ""] + [estimate.ratio, estimate.se, estimate.low, estimate.high].map(CSVNumber.format)
      + [estimate.low > 0 || estimate.high < 0 ? "yes" : "no"]
  }
}
