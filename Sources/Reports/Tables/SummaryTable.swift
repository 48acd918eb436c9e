import Simulation

/// `summary.csv`: one row per option, year and metric, with the distribution of the metric
/// across replications.
public enum SummaryTable {
  /// The column names, in order, of a run without sweeps.
  public static let header = ["option", "year", "metric", "mean", "sd", "se", "p05", "p25", "p50", "p75", "p95"]

  /// The column names of a run: one column per swept parameter, named by its path, right
  /// after `option`.
  public static func header(_ design: RunDesign) -> [String] {
    [header[0]] + design.sweptParameters + header.dropFirst()
  }

  /// Builds the table.
  /// - Complexity: O(options × years × metrics × R log R).
  public static func make(_ results: ReplicationResults, design: RunDesign = RunDesign()) -> CSVTable {
    var table = CSVTable(header: header(design))
    for option in results.options.indices {
      for (yearIndex, year) in results.years.enumerated() {
        for (metricIndex, metric) in results.metrics.enumerated() {
          let statistics = SummaryStatistics(results.samples(option: option, year: yearIndex, metric: metricIndex))
          table.append(
            [results.options[option]] + design.sweepCells(option: option) + [String(year), metric]
              + [
                statistics.mean, statistics.sd, statistics.se, statistics.p05, statistics.p25, statistics.p50, statistics.p75, statistics.p95,
              ].map(CSVNumber.format))
        }
      }
    }
    return table
  }
}
