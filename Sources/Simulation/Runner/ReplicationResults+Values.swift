extension ReplicationResults {
  /// Results rebuilt from stored values, e.g. the `replications.csv` of shards being merged.
  ///
  /// `values` is laid out as `[replication][option][year][metric]`, as `values` of a run;
  /// returns nil when its length does not match the dimensions.
  public init?(options: [String], baselineIndex: Int, years: [Int], metrics: [String], replications: Range<Int>, values: [Double]) {
    guard values.count == replications.count * options.count * years.count * metrics.count, options.indices.contains(baselineIndex) else {
      return nil
    }
    self.init(options: options, baselineIndex: baselineIndex, years: years, metrics: metrics, replications: replications)
    self.values = values
  }
}
