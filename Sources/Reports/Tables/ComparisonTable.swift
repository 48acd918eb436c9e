import Simulation

/// `comparison.csv`: each option minus the baseline, per year and metric, paired by
/// replication (the two share their random numbers), with a 95% confidence interval.
public enum ComparisonTable {
  /// The column names, in order, of a run without sweeps.
  public static let header = [
    "option", "baseline", "year", "metric", "option_mean", "baseline_mean", "difference", "se", "ci95_low", "ci95_high", "distinguishable",
  ]

  /// The normal quantile of a two-sided 95% interval.
  public static let z95 = 1.959963984540054

  /// The column names of a run: one column per swept parameter, named by its path, right
  /// after `option`.
  public static func header(_ design: RunDesign) -> [String] {
    [header[0]] + design.sweptParameters + header.dropFirst()
  }

  /// Builds the table (no rows when the scenario has one option): each year's metrics, then
  /// that year's cost-effectiveness rows (when the results have `cost_total`, `poor_people`
  /// and `poverty_gap`; see `CostEffectiveness`).
  public static func make(_ results: ReplicationResults, design: RunDesign = RunDesign()) -> CSVTable {
    var table = CSVTable(header: header(design))
    let baseline = results.baselineIndex
    for option in results.options.indices where option != baseline {
      let sweepCells = design.sweepCells(option: option)
      let costEffectiveness = CostEffectiveness.rows(results, option: option, design: design)
      for (yearIndex, year) in results.years.enumerated() {
        for (metricIndex, metric) in results.metrics.enumerated() {
          let comparison = PairedDifference(
            option: results.samples(option: option, year: yearIndex, metric: metricIndex),
            baseline: results.samples(option: baseline, year: yearIndex, metric: metricIndex))
          table.append(
            [results.options[option]] + sweepCells + [results.options[baseline], String(year), metric]
              + [
                comparison.optionMean, comparison.baselineMean, comparison.difference, comparison.se, comparison.low, comparison.high,
              ].map(CSVNumber.format) + [comparison.isDistinguishable ? "yes" : "no"])
        }
        for row in costEffectiveness?[yearIndex] ?? [] {
          table.append([results.options[option]] + sweepCells + [results.options[baseline], String(year), row.metric] + row.cells)
        }
      }
    }
    return table
  }
}

/// The mean of paired differences with its standard error and 95% interval.
public struct PairedDifference: Sendable {
  /// Mean of the option's values.
  public let optionMean: Double
  /// Mean of the baseline's values.
  public let baselineMean: Double
  /// Mean of the per-replication differences.
  public let difference: Double
  /// Standard error of that mean (sd of the differences / √R).
  public let se: Double
  /// Lower end of the 95% interval (difference − 1.96 se).
  public let low: Double
  /// Upper end of the 95% interval.
  public let high: Double

  /// Compares two samples of equal length, paired by position.
  public init(option: [Double], baseline: [Double]) {
    let differences = zip(option, baseline).map { $0 - $1 }
    let statistics = SummaryStatistics(differences)
    optionMean = SummaryStatistics(option).mean
    baselineMean = SummaryStatistics(baseline).mean
    difference = statistics.mean
    se = statistics.se
    low = statistics.mean - ComparisonTable.z95 * statistics.se
    high = statistics.mean + ComparisonTable.z95 * statistics.se
  }

  /// Whether the interval excludes zero (or, with no spread, the difference is not zero).
  public var isDistinguishable: Bool { low > 0 || high < 0 }
}
