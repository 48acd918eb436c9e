import Dispatch
import ScenarioLanguage

/// Runs a scenario's replications in parallel and collects every metric.
///
/// Determinism: each replication depends only on (seed, replication number, option); the
/// replications are split across threads statically and written to their own slots, so
/// the results are bit-identical for any thread count.
public struct SimulationRunner: Sendable {
  /// The scenario run.
  public let scenario: Scenario
  /// Worker threads (at least 1).
  public let threads: Int
  let plans: [OptionPlan]
  /// The metrics measured.
  public let catalog: MetricCatalog

  /// Prepares a run: compiles every option's rules.
  public init(scenario: Scenario, threads: Int) {
    self.scenario = scenario
    self.threads = max(1, threads)
    self.plans = scenario.options.map { OptionPlan(rules: $0.rules) }
    self.catalog = MetricCatalog(rules: scenario.baseline.rules)
  }

  /// Bytes the run will hold at its peak: household columns and the median's scratch per
  /// worker, plus every replication's metrics.
  public func estimatedMemory(replications: Int? = nil) -> Int {
    let households = scenario.households
    // Columns, the median's scratch and the population saved for the other options, plus the
    // store of draws shared by options (at most `HouseholdColumns.drawStoreBytes`).
    let columns = plans[0].layout.columnCount + 2 + plans[0].layout.attributeCount
    let perWorker = households * columns * MemoryLayout<Double>.size + min(HouseholdColumns.drawStoreBytes, households * 256 * 8)
    let results = (replications ?? scenario.replications) * scenario.options.count * scenario.years.count * catalog.names.count * 8
    return min(threads, max(1, replications ?? scenario.replications)) * perWorker + results
  }

  /// Runs the given replications (by default all of the scenario's).
  ///
  /// `progress` is called from worker threads with the number of replications finished.
  /// `shouldStop` is asked by each worker before each replication; once it answers true the
  /// workers stop and the results are incomplete (the caller must discard them).
  public func run(
    replications: Range<Int>? = nil, progress: (@Sendable (Int) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil
  ) -> ReplicationResults {
    let range = replications ?? 0..<scenario.replications
    var results = ReplicationResults(
      options: scenario.options.map(\.name), baselineIndex: scenario.baselineIndex,
      years: Array(scenario.years), metrics: catalog.names, replications: range)
    let workers = min(threads, max(1, range.count))
    let stride = results.stride
    let perOption = scenario.years.count * catalog.names.count
    let finished = ProgressCounter()
    results.values.withUnsafeMutableBufferPointer { buffer in
      let output = SharedOutput(buffer: buffer)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        let registers = plans.map(\.registerCount).max() ?? 1
        let constants = plans.map(\.constants.count).max() ?? 1
        let columns = HouseholdColumns(
          households: scenario.households, columns: plans[0].layout.columnCount, registers: registers,
          constants: constants, scratch: YearCycle.Scratch.count, random: RandomSource(seed: scenario.seed))
        var cycles = plans.map { YearCycle(plan: $0, catalog: catalog, columns: columns, years: scenario.years) }
        var local = worker
        while local < range.count {
          if let shouldStop, shouldStop() { break }
          let replication = range.lowerBound + local
          for option in cycles.indices {
            let start = local * stride + option * perOption
            cycles[option].run(replication: replication, into: UnsafeMutableBufferPointer(rebasing: output.buffer[start..<(start + perOption)]))
          }
          progress?(finished.increment())
          local += workers
        }
      }
    }
    return results
  }
}

/// The output buffer shared by workers, each writing only its own replications' slots.
private struct SharedOutput: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Double>
}
