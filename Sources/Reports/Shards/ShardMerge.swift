import Simulation

/// Shards of one run merged into the results of the run with all their replications.
///
/// Exactness: the shards' values are put back in replication order into one
/// `ReplicationResults`, which the same table builders as `policysim run` then summarise, so
/// `summary.csv` and `comparison.csv` are byte-identical to those of the single run.
public struct ShardMerge: Sendable {
  /// Every replication of the run, in replication order.
  public let results: ReplicationResults
  /// Swept columns and discount rate, as the run had them.
  public let design: RunDesign
  /// The first shard's manifest with the merged replications (`replications`,
  /// `replication_range`, `merged_from`, the earliest start and latest finish).
  public let manifest: RunManifest

  /// Checks that the shards are parts of one run and merges them.
  ///
  /// Checks, each failure naming the shard that differs from the first (in replication
  /// order): the same scenario bytes (SHA-256), seed, households, years, options with their
  /// overrides, baseline, `--set` settings, overlay, sweeps, discount rate, tool version and
  /// metrics; and ranges that neither overlap nor leave a gap, starting at replication 0.
  /// - Throws: `MergeError`.
  public init(_ shards: [Shard]) throws(MergeError) {
    guard !shards.isEmpty else { throw MergeError("no shards to merge") }
    let ordered = shards.sorted { $0.replications.lowerBound < $1.replications.lowerBound }
    let first = ordered[0]
    for shard in ordered.dropFirst() {
      try Self.checkSameRun(shard, as: first)
    }
    guard first.replications.lowerBound == 0 else {
      throw MergeError(
        "\(first.path): starts at replication \(first.replications.lowerBound); no shard holds replications 0..<\(first.replications.lowerBound)")
    }
    for (previous, shard) in zip(ordered, ordered.dropFirst()) {
      let (a, b) = (previous.replications, shard.replications)
      if b.lowerBound < a.upperBound {
        throw MergeError("\(shard.path): replications \(b.lowerBound)..<\(b.upperBound) overlap those of \(previous.path) (\(a.lowerBound)..<\(a.upperBound))")
      }
      if b.lowerBound > a.upperBound {
        throw MergeError(
          "\(shard.path): replications \(b.lowerBound)..<\(b.upperBound) leave a gap after \(previous.path) (\(a.lowerBound)..<\(a.upperBound)): no shard holds \(a.upperBound)..<\(b.lowerBound)"
        )
      }
    }
    let total = ordered[ordered.count - 1].replications.upperBound
    let manifest = first.manifest
    let options = manifest.options.map(\.name)
    guard let baselineIndex = options.firstIndex(of: manifest.baseline),
      let results = ReplicationResults(
        options: options, baselineIndex: baselineIndex, years: Array(manifest.firstYear...manifest.lastYear), metrics: first.metrics,
        replications: 0..<total, values: ordered.flatMap(\.values))
    else {
      throw MergeError("\(first.path)/manifest.json: the baseline '\(manifest.baseline)' is not one of the options")
    }
    self.results = results
    self.design = RunDesign(sweptParameters: manifest.sweptParameters, sweptValues: first.sweptValues, discountRate: manifest.discountRate)
    var merged = manifest
    merged.replications = total
    merged.replicationRange = [0, total]
    merged.mergedFrom = ordered.map(\.path)
    merged.started = ordered.map(\.manifest.started).min() ?? manifest.started
    merged.finished = ordered.map(\.manifest.finished).max() ?? manifest.finished
    merged.threads = ordered.map(\.manifest.threads).max() ?? manifest.threads
    merged.files = []
    self.manifest = merged
  }

  /// Throws when `shard` is not a part of the same run as `first`.
  private static func checkSameRun(_ shard: Shard, as first: Shard) throws(MergeError) {
    let (a, b) = (first.manifest, shard.manifest)
    func require(_ same: Bool, _ what: String, _ mine: String, _ theirs: String) throws(MergeError) {
      if !same {
        throw MergeError("\(shard.path): \(what) differs from \(first.path)'s (\(mine) vs \(theirs)); shards must come from one run")
      }
    }
    try require(a.scenarioSHA256 == b.scenarioSHA256, "the scenario file (SHA-256)", b.scenarioSHA256, a.scenarioSHA256)
    try require(a.seed == b.seed, "the seed", String(b.seed), String(a.seed))
    try require(a.households == b.households, "the number of households", String(b.households), String(a.households))
    try require(a.firstYear == b.firstYear && a.lastYear == b.lastYear, "the years", "\(b.firstYear)-\(b.lastYear)", "\(a.firstYear)-\(a.lastYear)")
    try require(
      a.options == b.options && a.baseline == b.baseline, "the options", b.options.map(\.name).joined(separator: ", "),
      a.options.map(\.name).joined(separator: ", "))
    try require(a.settings == b.settings, "the --set settings", b.settings.joined(separator: " "), a.settings.joined(separator: " "))
    try require(
      a.overlaySHA256 == b.overlaySHA256 && a.overlaySettings == b.overlaySettings, "the overlay", b.overlaySHA256 ?? "none", a.overlaySHA256 ?? "none")
    try require(
      a.sweptParameters == b.sweptParameters && first.sweptValues == shard.sweptValues, "the sweeps", b.sweptParameters.joined(separator: ", "),
      a.sweptParameters.joined(separator: ", "))
    try require(a.discountRate == b.discountRate, "the discount rate", String(b.discountRate), String(a.discountRate))
    try require(a.toolVersion == b.toolVersion, "the PolicySim version", b.toolVersion, a.toolVersion)
    try require(first.metrics == shard.metrics, "the metrics", shard.metrics.joined(separator: ","), first.metrics.joined(separator: ","))
  }
}
