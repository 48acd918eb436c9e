/// One row of `comparison.csv`: an option minus the baseline for one year and metric.
public struct ComparisonRecord: Sendable, Equatable {
  /// The option.
  public var option: String
  /// The calendar year.
  public var year: Int
  /// The metric.
  public var metric: String
  /// Mean of the paired differences.
  public var difference: Double
  /// Lower end of its 95% interval.
  public var low: Double
  /// Upper end of its 95% interval.
  public var high: Double

  /// Creates a record.
  public init(option: String, year: Int, metric: String, difference: Double, low: Double, high: Double) {
    self.option = option
    self.year = year
    self.metric = metric
    self.difference = difference
    self.low = low
    self.high = high
  }
}
