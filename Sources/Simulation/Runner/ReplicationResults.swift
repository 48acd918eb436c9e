/// Every metric of every replication, option and year of a run: the sufficient statistics
/// from which summaries, paired comparisons and merges of shards are computed exactly.
///
/// Size: replications × options × years × metrics numbers (a few megabytes for thousands
/// of replications); household paths are never stored.
public struct ReplicationResults: Sendable {
  /// Option names, in scenario order.
  public let options: [String]
  /// Index of the baseline option.
  public let baselineIndex: Int
  /// Simulated years.
  public let years: [Int]
  /// Metric names.
  public let metrics: [String]
  /// The replication numbers held (a shard holds part of a run).
  public let replications: Range<Int>
  /// Values laid out as `[replication][option][year][metric]`.
  public internal(set) var values: [Double]

  /// Creates results filled with zeros.
  public init(options: [String], baselineIndex: Int, years: [Int], metrics: [String], replications: Range<Int>) {
    self.options = options
    self.baselineIndex = baselineIndex
    self.years = years
    self.metrics = metrics
    self.replications = replications
    self.values = [Double](repeating: 0, count: replications.count * options.count * years.count * metrics.count)
  }

  /// Numbers per replication.
  var stride: Int { options.count * years.count * metrics.count }

  /// Offset of the first value of a replication (0-based within `replications`).
  func offset(replication: Int, option: Int) -> Int {
    replication * stride + option * years.count * metrics.count
  }

  /// The value of one metric.
  public func value(replication: Int, option: Int, year: Int, metric: Int) -> Double {
    values[offset(replication: replication - replications.lowerBound, option: option) + year * metrics.count + metric]
  }

  /// One metric across replications, in replication order.
  public func samples(option: Int, year: Int, metric: Int) -> [Double] {
    replications.map { value(replication: $0, option: option, year: year, metric: metric) }
  }
}
