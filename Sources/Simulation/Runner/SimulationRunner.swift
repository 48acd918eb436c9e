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
  /// Whether options may run block by block (`runsBlockByBlock`); tests turn it off to
  /// compare the two orders, which give the same bits.
  var allowsBlockByBlock = true
  /// Upper bound of the medians kept by one worker running block by block; options beyond it
  /// take turns in groups (at least one option at a time).
  var medianBytesPerWorker = 512 << 20

  /// Prepares a run: compiles every option's rules.
  public init(scenario: Scenario, threads: Int) {
    self.scenario = scenario
    self.threads = max(1, threads)
    self.plans = scenario.options.map { OptionPlan(rules: $0.rules) }
    self.catalog = MetricCatalog(rules: scenario.baseline.rules)
  }

  /// Bytes the run will hold at its peak: household columns, kept medians and the median's
  /// scratch per worker, plus every replication's metrics.
  public func estimatedMemory(replications: Int? = nil) -> Int {
    let households = scenario.households
    let perWorker: Int
    if runsBlockByBlock {
      // Block-sized columns, saved population and draws; each option's kept incomes at full
      // height, and the median's scratch (at most a bucket; counted as two columns).
      let rows = min(households, HouseholdColumns.blockSize)
      let columns = plans[0].layout.columnCount + plans[0].layout.attributeCount + 2
      perWorker =
        rows * (columns + 256) * MemoryLayout<Double>.size + households * 2 * MemoryLayout<Double>.size + optionsAtOnce * medianBytesPerOption
    } else {
      // Columns, the median's scratch and the population saved for the other options, plus
      // the store of draws shared by options (at most `HouseholdColumns.drawStoreBytes`).
      let columns = plans[0].layout.columnCount + 2 + plans[0].layout.attributeCount
      perWorker = households * columns * MemoryLayout<Double>.size + min(HouseholdColumns.drawStoreBytes, households * 256 * 8)
    }
    let results = (replications ?? scenario.replications) * scenario.options.count * scenario.years.count * catalog.names.count * 8
    return min(threads, max(1, replications ?? scenario.replications)) * perWorker + results
  }

  /// Whether every option runs block by block (`OptionPlan.runsBlockByBlock`): each block of
  /// households goes through every year while it is in cache, and the options of a
  /// replication take turns on it, sharing its draws.
  var runsBlockByBlock: Bool {
    allowsBlockByBlock && plans.allSatisfy(\.runsBlockByBlock)
  }

  /// Years of median weights kept per option when running block by block.
  var medianWeightYears: Int {
    let fixed = plans.allSatisfy(\.hasFixedMedianWeights)
    return fixed ? 1 : scenario.years.count
  }

  /// Bytes of the medians kept per option run block by block.
  var medianBytesPerOption: Int {
    MedianYears.bytes(households: scenario.households, years: scenario.years.count, weightYears: medianWeightYears)
  }

  /// Options run at once on each block when running block by block.
  var optionsAtOnce: Int {
    max(1, min(plans.count, medianBytesPerWorker / max(1, medianBytesPerOption)))
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
      let blockByBlock = runsBlockByBlock
      let optionsAtOnce = optionsAtOnce
      let weightYears = medianWeightYears
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        let registers = plans.map(\.registerCount).max() ?? 1
        let constants = plans.map(\.constants.count).max() ?? 1
        let columns = HouseholdColumns(
          households: scenario.households, columns: plans[0].layout.columnCount, registers: registers,
          constants: constants, scratch: YearCycle.Scratch.count, random: RandomSource(seed: scenario.seed), holdsOneBlock: blockByBlock)
        var cycles = plans.map { YearCycle(plan: $0, catalog: catalog, columns: columns, years: scenario.years) }
        let medians =
          blockByBlock
          ? (0..<optionsAtOnce).map { _ in MedianYears(households: scenario.households, years: scenario.years.count, weightYears: weightYears) } : []
        var local = worker
        while local < range.count {
          if let shouldStop, shouldStop() { break }
          let replication = range.lowerBound + local
          func slot(_ option: Int) -> UnsafeMutableBufferPointer<Double> {
            let start = local * stride + option * perOption
            return UnsafeMutableBufferPointer(rebasing: output.buffer[start..<(start + perOption)])
          }
          if blockByBlock {
            for first in Swift.stride(from: 0, to: cycles.count, by: optionsAtOnce) {
              let group = first..<min(cycles.count, first + optionsAtOnce)
              runBlockByBlock(&cycles, group: group, replication: replication, columns: columns, medians: medians, output: slot)
            }
          } else {
            for option in cycles.indices {
              cycles[option].run(replication: replication, into: slot(option))
            }
          }
          progress?(finished.increment())
          local += workers
        }
      }
    }
    return results
  }
}

extension SimulationRunner {
  /// Runs a group of options for one replication block by block: each block of households
  /// goes through every year of each option in turn while it is in cache (the first option
  /// draws the block's population and random numbers, the others read them).
  func runBlockByBlock(
    _ cycles: inout [YearCycle], group: Range<Int>, replication: Int, columns: HouseholdColumns, medians: [MedianYears],
    output: (Int) -> UnsafeMutableBufferPointer<Double>
  ) {
    for option in group {
      cycles[option].beginBlockByBlock(replication: replication, into: output(option), medians: medians[option - group.lowerBound])
    }
    var start = 0
    while start < scenario.households {
      let count = min(HouseholdColumns.blockSize, scenario.households - start)
      columns.rowOffset = start
      for option in group { cycles[option].runBlock(start: start, count: count) }
      start += count
    }
    columns.rowOffset = 0
    for option in group { cycles[option].finishBlockByBlock() }
  }
}

/// The output buffer shared by workers, each writing only its own replications' slots.
private struct SharedOutput: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Double>
}
