/// A metric of a run that is NaN or infinite, and where it was measured.
///
/// Why: NaN and infinity must never reach a CSV silently. A scenario's arithmetic (a
/// division by a value that is zero for some household, `log` of a negative number)
/// can produce them at run time; the command line stops with this instead of writing.
public struct NonFiniteMetric: Sendable, Equatable {
  /// The option's name.
  public var option: String
  /// The simulated year.
  public var year: Int
  /// The replication number.
  public var replication: Int
  /// The metric's name, as in `summary.csv`.
  public var metric: String
  /// The value: NaN, +∞ or −∞.
  public var value: Double

  /// Creates a record.
  public init(option: String, year: Int, replication: Int, metric: String, value: Double) {
    self.option = option
    self.year = year
    self.replication = replication
    self.metric = metric
    self.value = value
  }

  /// "NaN", "infinity" or "minus infinity".
  public var valueDescription: String {
    value.isNaN ? "NaN" : value > 0 ? "infinity" : "minus infinity"
  }
}

extension ReplicationResults {
  /// The first non-finite metric, in the order replication, option, year, metric (the
  /// earliest year of the lowest replication comes first); nil when every value is finite.
  /// - Complexity: O(number of values); one pass, no allocation.
  public func firstNonFinite() -> NonFiniteMetric? {
    guard let index = values.firstIndex(where: { !$0.isFinite }) else { return nil }
    let perReplication = stride
    let perOption = years.count * metrics.count
    let local = index / perReplication
    let option = (index % perReplication) / perOption
    let year = (index % perOption) / metrics.count
    let metric = index % metrics.count
    return NonFiniteMetric(
      option: options[option], year: years[year], replication: replications.lowerBound + local, metric: metrics[metric],
      value: values[index])
  }
}
