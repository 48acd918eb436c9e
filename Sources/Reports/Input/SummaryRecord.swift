/// One row of `summary.csv`: a metric's distribution across replications for one option and
/// year.
public struct SummaryRecord: Sendable, Equatable {
  /// The option.
  public var option: String
  /// The calendar year.
  public var year: Int
  /// The metric.
  public var metric: String
  /// Mean over replications.
  public var mean: Double
  /// Standard error of the mean.
  public var se: Double
  /// Quantiles across replications: 5%, 25%, 50%, 75%, 95%.
  public var p05: Double, p25: Double, p50: Double, p75: Double, p95: Double

  /// Creates a record.
  public init(option: String, year: Int, metric: String, mean: Double, se: Double, p05: Double, p25: Double, p50: Double, p75: Double, p95: Double) {
    self.option = option
    self.year = year
    self.metric = metric
    self.mean = mean
    self.se = se
    self.p05 = p05
    self.p25 = p25
    self.p50 = p50
    self.p75 = p75
    self.p95 = p95
  }
}
