import Simulation

/// `summary.csv`: one row per option, year and metric, with the distribution of the metric
/// across replications.
public enum SummaryTable {
  /// The column names, in order.
  public static let header = ["option", "year", "metric", "mean", "sd", "se", "p05", "p25", "p50", "p75", "p95"]

  /// Builds the table.
  /// - Complexity: O(options × years × metrics × R log R).
  public static func make(_ results: ReplicationResults) -> CSVTable {
    var table = CSVTable(header: header)
    for option in results.options.indices {
      for (yearIndex, year) in results.years.enumerated() {
        for (metricIndex, metric) in results.metrics.enumerated() {
          let statistics = SummaryStatistics(results.samples(option: option, year: yearIndex, metric: metricIndex))
          table.append(
            [results.options[option], String(year), metric]
              + [
                statistics.mean, statistics.sd, statistics.se, statistics.p05, statistics.p25, statistics.p50, statistics.p75, statistics.p95,
              ].map(CSVNumber.format))
        }
      }
    }
    return table
  }
}
