import ScenarioLanguage

/// The state of a replication run block by block: what `run` keeps in locals for one year,
/// kept for every year until the last block is done.
struct BlockByBlockState {
  /// The replication's metrics, `[year][metric]`.
  var output: UnsafeMutableBufferPointer<Double>
  var hazards: [YearHazards]
  var accumulators: [YearAccumulator]
  var breakdowns: [BreakdownAccumulator]
  /// Each year's end-of-year incomes and weights, for the medians.
  let medians: MedianYears
}

extension OptionPlan {
  /// Whether the option can run block by block: no step of its years looks across
  /// households (a capped programme's selection ranks every household of the year).
  var runsBlockByBlock: Bool { caps.allSatisfy { $0 == nil } }

  /// Whether the median's weights (persons per household) are the same every year: no
  /// effect writes the household size (sampling weights never change).
  var hasFixedMedianWeights: Bool {
    let size = rules.sizeIndex
    let effects = yearStart + yearEnd + programmes.flatMap { $0.onJoin + $0.nextYear }
    return !effects.contains { $0.target == size }
  }
}

extension YearCycle {

  /// Starts a replication run block by block (`runBlock` for every block in order, then
  /// `finishBlockByBlock`): every year's village draws and prices, in year order.
  ///
  /// Determinism: each year's sums still receive the blocks in household order, and every
  /// draw is a pure function of its counter, so the result is bit-identical to `run`.
  mutating func beginBlockByBlock(replication: Int, into output: UnsafeMutableBufferPointer<Double>, medians: MedianYears) {
    columns.replication = UInt32(truncatingIfNeeded: replication)
    priceIndices = PriceIndices()
    var hazards: [YearHazards] = []
    hazards.reserveCapacity(years.count)
    for yearOffset in 0..<years.count {
      hazards.append(openYear(yearOffset, metrics: yearMetrics(yearOffset, of: output)))
    }
    blockByBlock = BlockByBlockState(
      output: output, hazards: hazards, accumulators: Array(repeating: YearAccumulator(), count: years.count),
      breakdowns: Array(repeating: BreakdownAccumulator(rules: plan.rules), count: years.count), medians: medians)
  }

  /// Runs households `start ..< start + count` (one block, the columns' `rowOffset`) through
  /// every year: population, then each year's steps.
  mutating func runBlock(start: Int, count: Int) {
    guard var state = blockByBlock else { return }
    blockByBlock = nil
    startPopulation()
    populate(start: start, count: count)
    let disposable = columns.column(plan.layout.disposable, from: start)
    let weights = columns.column(medianWeightColumn, from: start)
    for yearOffset in 0..<years.count {
      enterYear(yearOffset)
      let metrics = yearMetrics(yearOffset, of: state.output)
      let year = years.lowerBound + yearOffset
      for step in stepsByYear[yearOffset] {
        perform(
          step, year: year, isFirst: yearOffset == 0, line: lines[yearOffset], hazards: state.hazards[yearOffset], start: start,
          count: count, metrics: metrics, accumulator: &state.accumulators[yearOffset], breakdowns: &state.breakdowns[yearOffset])
      }
      state.medians.record(year: yearOffset, values: disposable, weights: weights, start: start, count: count)
    }
    blockByBlock = state
  }

  /// Ends a replication run block by block: every year's sums, median and total cost.
  mutating func finishBlockByBlock() {
    guard let state = blockByBlock else { return }
    blockByBlock = nil
    for yearOffset in 0..<years.count {
      closeYear(
        metrics: yearMetrics(yearOffset, of: state.output), accumulator: state.accumulators[yearOffset],
        breakdowns: state.breakdowns[yearOffset], values: state.medians.values(year: yearOffset),
        weights: state.medians.weights(year: yearOffset))
    }
  }
}
