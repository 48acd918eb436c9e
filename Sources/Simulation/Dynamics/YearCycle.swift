import ScenarioLanguage

/// Runs one option for one replication: draws the population, then the year cycle
/// (docs/model.md) for every simulated year, writing each year's metrics.
///
/// Works block by block over contiguous household columns: year by year over every block
/// (`run`), or, when no step of a year looks across households, block by block through
/// every year (YearCycle+BlockByBlock.swift), which keeps a block in cache for the whole
/// run. Each year's sums are accumulated in household order either way, so the result
/// depends only on (seed, replication, option), never on threads or the order chosen.
struct YearCycle {
  let plan: OptionPlan
  let catalog: MetricCatalog
  let columns: HouseholdColumns
  let years: ClosedRange<Int>
  var medianSelector: WeightedMedianSelector
  /// What the population depends on (options with equal definitions share it).
  let population: PopulationDefinition
  /// The columns that hold the population when the first year starts: attributes and the
  /// initial registry.
  let populationColumns: [Int]
  /// Per column: whether it belongs to the population (else it is state that starts at zero).
  let isPopulationColumn: [Bool]
  /// Per year of the run (offset from the first): the poverty line, the per-year constants
  /// and the steps.
  let lines: [Double]
  let yearConstants: [[Double]]
  let stepsByYear: [[YearStep]]
  /// Whether a microcredit programme exists (it writes pending effects in any year).
  let hasMicrocredit: Bool
  /// The log price indices of the replication being simulated (`price` blocks).
  var priceIndices = PriceIndices()
  /// The order in which a capped programme serves households (reused every year).
  var selectionOrder: [Int32] = []
  /// The replication being run block by block, between `beginBlockByBlock` and
  /// `finishBlockByBlock`.
  var blockByBlock: BlockByBlockState?

  init(plan: OptionPlan, catalog: MetricCatalog, columns: HouseholdColumns, years: ClosedRange<Int>) {
    self.plan = plan
    self.catalog = catalog
    self.columns = columns
    self.years = years
    self.medianSelector = WeightedMedianSelector()
    self.hasMicrocredit = plan.programmes.contains { $0.rule.isMicrocredit }
    self.population = PopulationDefinition(rules: plan.rules, firstYear: years.lowerBound)
    let populationColumns =
      Array(0..<plan.layout.attributeCount) + [plan.layout.registered] + (plan.layout.householdWeight >= 0 ? [plan.layout.householdWeight] : [])
    self.populationColumns = populationColumns
    var isPopulationColumn = Array(repeating: false, count: plan.layout.columnCount)
    for index in populationColumns { isPopulationColumn[index] = true }
    self.isPopulationColumn = isPopulationColumn
    self.lines = years.map { plan.povertyLine(year: $0) }
    self.yearConstants = years.map { plan.constantValues(year: $0) }
    self.stepsByYear = years.map { Self.steps(of: plan, year: $0) }
  }

  /// Scratch buffer indices.
  enum Scratch {
    static let mask = 0, first = 1, second = 2, third = 3, growth = 4
    /// The condition of a guarded effect; the kept share of the transition.
    static let effectGuard = 5, scale = 6
    static let count = 7
  }

  /// Simulates one replication and writes metrics as `[year][metric]` into `output`.
  /// Year by year over every block (the columns hold every household).
  mutating func run(replication: Int, into output: UnsafeMutableBufferPointer<Double>) {
    columns.replication = UInt32(truncatingIfNeeded: replication)
    startPopulation()
    forEachBlock { start, count in populate(start: start, count: count) }
    priceIndices = PriceIndices()
    for yearOffset in 0..<years.count {
      simulate(yearOffset: yearOffset, metrics: yearMetrics(yearOffset, of: output))
    }
  }

  /// The metrics of one year in a replication's output.
  func yearMetrics(_ yearOffset: Int, of output: UnsafeMutableBufferPointer<Double>) -> UnsafeMutableBufferPointer<Double> {
    UnsafeMutableBufferPointer(rebasing: output[(yearOffset * catalog.names.count)..<((yearOffset + 1) * catalog.names.count)])
  }

  // MARK: - Population

  /// The counters and constants the population is drawn with (those of the first year).
  func startPopulation() {
    columns.yearIndex = 0
    columns.setConstants(yearConstants[0])
  }

  /// The households `start ..< start + count` as the first year starts: state columns at
  /// zero, the population restored (when an earlier option drew the same) or drawn.
  func populate(start: Int, count: Int) {
    for index in 0..<plan.layout.columnCount where !isPopulationColumn[index] {
      columns.column(index, from: start).update(repeating: 0, count: count)
    }
    if columns.restorePopulation(population, columns: populationColumns, start: start, count: count) { return }
    for index in populationColumns {
      columns.column(index, from: start).update(repeating: 0, count: count)
    }
    drawPopulation(start: start, count: count)
    columns.savePopulation(population, columns: populationColumns, start: start, count: count)
  }

  private func drawPopulation(start: Int, count: Int) {
    let layout = plan.layout
    let groupColumn = plan.rules.groupIndex
    let sizeColumn = plan.rules.sizeIndex
    if plan.rules.microdata != nil { fillFromMicrodata(start: start, count: count) }
    for attribute in plan.rules.initializationOrder {
      let (common, byGroup) = plan.attributeInitial[attribute]
      let target = columns.column(attribute, from: start)
      let value = columns.evaluate(common, start: start, count: count)
      target.update(from: value, count: count)
      if !byGroup.isEmpty {
        let group = columns.column(groupColumn, from: start)
        for (code, program) in byGroup {
          let specific = columns.evaluate(program, start: start, count: count)
          let label = Double(code)
          for i in 0..<count where group[i] == label { target[i] = specific[i] }
        }
      }
      if attribute == sizeColumn {
        for i in 0..<count where !(target[i] >= 1) { target[i] = 1 }
      }
    }
    // Initial registry from market income and the first year's line.
    let income = columns.column(plan.rules.incomeIndex, from: start)
    identify(start: start, count: count, preTransfer: income, into: columns.column(layout.registered, from: start))
  }

  // MARK: - One year

  /// Starts a year: its counters and constants, its metrics at zero, and the year's village
  /// draws and prices (which move the price indices on).
  mutating func openYear(_ yearOffset: Int, metrics: UnsafeMutableBufferPointer<Double>) -> YearHazards {
    enterYear(yearOffset)
    for index in metrics.indices { metrics[index] = 0 }
    var prices = priceIndices
    let hazards = drawHazards(year: years.lowerBound + yearOffset, isFirst: yearOffset == 0, prices: &prices, metrics: metrics)
    priceIndices = prices
    return hazards
  }

  /// The counters and constants of a year.
  @inline(__always)
  func enterYear(_ yearOffset: Int) {
    columns.yearIndex = UInt32(yearOffset + 1)
    columns.setConstants(yearConstants[yearOffset])
  }

  /// Ends a year: its sums, the median income (of `values` weighted by `weights`, every
  /// household's at the end of the year) and the total cost.
  mutating func closeYear(
    metrics: UnsafeMutableBufferPointer<Double>, accumulator: YearAccumulator, breakdowns: BreakdownAccumulator, values: UnsafeBufferPointer<Double>,
    weights: UnsafeBufferPointer<Double>
  ) {
    accumulator.write(into: metrics, catalog: catalog)
    breakdowns.write(into: metrics, rules: plan.rules, catalog: catalog)
    metrics[MetricCatalog.medianIncome] = medianSelector.median(values: values, weights: weights)
    var total = 0.0
    for programme in 0..<catalog.programmeCount { total += metrics[catalog.cost(programme)] }
    for case let shockCost? in catalog.extended.shockCost { total += metrics[shockCost] }
    metrics[catalog.costTotal] = total
  }

  /// The column of the weights of the year's median: persons (size), or size × sampling
  /// weight with a weighted household file.
  var medianWeightColumn: Int { plan.layout.personWeight >= 0 ? plan.layout.personWeight : plan.rules.sizeIndex }

  private mutating func simulate(yearOffset: Int, metrics: UnsafeMutableBufferPointer<Double>) {
    let year = years.lowerBound + yearOffset
    let isFirst = yearOffset == 0
    let line = lines[yearOffset]
    let hazards = openYear(yearOffset, metrics: metrics)
    var accumulator = YearAccumulator()
    var breakdowns = BreakdownAccumulator(rules: plan.rules)
    // One pass over the blocks runs every step; a capped programme splits the year into a
    // pass up to its demand, the selection over all households, and a pass from it on.
    let steps = stepsByYear[yearOffset]
    var from = 0
    for (position, step) in steps.enumerated() {
      guard let index = step.programmeIndex, plan.caps[index] != nil, plan.programmes[index].rule.years.contains(year) else { continue }
      forEachBlock { start, count in
        for earlier in steps[from..<position] {
          perform(
            earlier, year: year, isFirst: isFirst, line: line, hazards: hazards, start: start, count: count, metrics: metrics,
            accumulator: &accumulator, breakdowns: &breakdowns)
        }
        demand(plan.programmes[index], index: index, start: start, count: count)
      }
      select(index, year: year, metrics: metrics)
      from = position
    }
    forEachBlock { start, count in
      for step in steps[from...] {
        perform(
          step, year: year, isFirst: isFirst, line: line, hazards: hazards, start: start, count: count, metrics: metrics,
          accumulator: &accumulator, breakdowns: &breakdowns)
      }
    }
    closeYear(
      metrics: metrics, accumulator: accumulator, breakdowns: breakdowns, values: columns.wholeColumn(plan.layout.disposable),
      weights: columns.wholeColumn(medianWeightColumn))
  }

  /// Whether a training programme exists (wages and job losses to handle).
  private var hasTraining: Bool { !plan.layout.employed.allSatisfy { $0 < 0 } }

  /// The steps of a year in order (docs/model.md § The year cycle).
  enum YearStep {
    /// Growth, next-year effects, shocks and debt repayment.
    case opening
    /// A programme (not a transfer).
    case programme(Int)
    /// Disposable income before transfers is kept for identification.
    case beforeTransfers
    /// A transfer.
    case transfer(Int)
    /// Measurement, end-of-year effects and next year's registry.
    case closing

    var programmeIndex: Int? {
      switch self {
      case .programme(let index), .transfer(let index): return index
      case .opening, .beforeTransfers, .closing: return nil
      }
    }
  }

  static func steps(of plan: OptionPlan, year: Int) -> [YearStep] {
    var steps: [YearStep] = [.opening]
    for (index, programme) in plan.programmes.enumerated()
    where !programme.rule.isTransfer && (programme.rule.years.contains(year) || programme.rule.isMicrocredit) {
      steps.append(.programme(index))
    }
    steps.append(.beforeTransfers)
    for (index, programme) in plan.programmes.enumerated() where programme.rule.isTransfer && programme.rule.years.contains(year) {
      steps.append(.transfer(index))
    }
    steps.append(.closing)
    return steps
  }

  func perform(
    _ step: YearStep, year: Int, isFirst: Bool, line: Double, hazards: YearHazards, start: Int, count: Int,
    metrics: UnsafeMutableBufferPointer<Double>, accumulator: inout YearAccumulator, breakdowns: inout BreakdownAccumulator
  ) {
    let layout = plan.layout
    switch step {
    case .opening:
      if !isFirst {
        grow(start: start, count: count)
        for effect in plan.yearStart { apply(effect, start: start, count: count, mask: nil) }
        advanceTransitionClock(start: start, count: count)
      }
      applyPendingEffects(year: year, start: start, count: count)
      let disposable = columns.column(layout.disposable, from: start)
      disposable.update(from: columns.column(plan.rules.incomeIndex, from: start), count: count)
      if hasTraining { payWages(start: start, count: count) }
      applyPrices(hazards, start: start, count: count)
      applyShocks(year: year, hazards: hazards, start: start, count: count, metrics: metrics)
      repayDebts(start: start, count: count)
    case .programme(let index):
      let programme = plan.programmes[index]
      if programme.rule.isMicrocredit {
        lendAndService(programme, index: index, year: year, start: start, count: count, metrics: metrics)
      } else {
        run(programme, index: index, start: start, count: count, metrics: metrics)
      }
    case .beforeTransfers:
      columns.column(layout.preTransfer, from: start).update(from: columns.column(layout.disposable, from: start), count: count)
    case .transfer(let index):
      topUp(plan.programmes[index], index: index, start: start, count: count, metrics: metrics)
    case .closing:
      measure(start: start, count: count, line: line, into: &accumulator)
      measureTransition(start: start, count: count, line: line, metrics: metrics)
      if hasTraining { loseJobs(start: start, count: count, metrics: metrics) }
      // Persons weighted as in `measure` (size × sampling weight with a weighted household file).
      for (index, breakdown) in plan.rules.breakdowns.enumerated() {
        breakdowns.add(
          breakdown: index, category: columns.column(breakdown.attribute, from: start), disposable: columns.column(layout.disposable, from: start),
          size: columns.column(layout.personWeight >= 0 ? layout.personWeight : plan.rules.sizeIndex, from: start), count: count, line: line)
      }
      for effect in plan.yearEnd {
        apply(effect, start: start, count: count, mask: nil)
      }
      if plan.transition != nil {
        updateRegistry(start: start, count: count, metrics: metrics)
      } else {
        identify(
          start: start, count: count, preTransfer: columns.column(layout.preTransfer, from: start),
          into: columns.column(layout.registeredNext, from: start))
      }
      // Next year's registry, while the block is in cache: closing is the year's last step,
      // and every cross-household step (a capped selection) comes before it.
      columns.column(layout.registered, from: start).update(from: columns.column(layout.registeredNext, from: start), count: count)
    }
  }

  private func forEachBlock(_ body: (Int, Int) -> Void) {
    var start = 0
    let households = columns.householdCount
    while start < households {
      let count = min(HouseholdColumns.blockSize, households - start)
      body(start, count)
      start += count
    }
  }

  // MARK: - Steps

  /// 1. income ← income · exp(g), g by group.
  private func grow(start: Int, count: Int) {
    guard plan.growthCommon != nil || !plan.growthByGroup.isEmpty else { return }
    let income = columns.column(plan.rules.incomeIndex, from: start)
    if let common = plan.growthCommon, plan.growthByGroup.isEmpty {
      // One rule for everyone: read the program's result in place.
      let growth = columns.evaluate(common, start: start, count: count)
      let factor = columns.scratchBuffer(Scratch.first)
      DeterministicMath.exp(growth, into: factor, count: count)
      for i in 0..<count { income[i] *= factor[i] }
      return
    }
    let growth = columns.scratchBuffer(Scratch.growth)
    if let common = plan.growthCommon {
      columns.evaluate(common, start: start, count: count, intoScratch: Scratch.growth)
    } else {
      growth.update(repeating: 0, count: count)
    }
    let group = columns.column(plan.rules.groupIndex, from: start)
    for (code, program) in plan.growthByGroup {
      let specific = columns.evaluate(program, start: start, count: count)
      let label = Double(code)
      for i in 0..<count {
        // Both sides loaded first: a load under a condition cannot be speculated, so the
        // selection would become a branch (and mispredict on random groups).
        let own = specific[i], common = growth[i]
        growth[i] = group[i] == label ? own : common
      }
    }
    DeterministicMath.exp(growth, into: growth, count: count)
    for i in 0..<count { income[i] *= growth[i] }
  }

  /// 2. Effects of programmes joined last year, once.
  ///
  /// A programme's pending column is written only by its own step (and by microcredit), so
  /// it can be non-zero only in the year after one of the programme's years; other years
  /// skip the scan of the (cold) column.
  private func applyPendingEffects(year: Int, start: Int, count: Int) {
    for (index, programme) in plan.programmes.enumerated() where hasMicrocredit || programme.rule.years.contains(year - 1) {
      let pendingColumn = plan.layout.pending[index]
      let pending = columns.column(pendingColumn, from: start)
      guard Self.anyNonZero(pending, count: count) else { continue }
      // The pending column itself is the mask (programs and effects never write it).
      if case .industry = programme.rule.kind {
        let gain = columns.evaluate(programme.values[2], start: start, count: count)
        let income = columns.column(plan.rules.incomeIndex, from: start)
        for i in 0..<count {
          let raised = income[i] + gain[i]
          income[i] = pending[i] != 0 ? raised : income[i]
        }
      }
      for effect in programme.nextYear { apply(effect, start: start, count: count, mask: pending) }
      pending.update(repeating: 0, count: count)
    }
  }

  /// 3. Shocks: with probability p, the household bears (1 − reimbursed) of the cost.
  private func applyShocks(year: Int, hazards: YearHazards, start: Int, count: Int, metrics: UnsafeMutableBufferPointer<Double>) {
    let disposable = columns.column(plan.layout.disposable, from: start)
    let size = columns.column(plan.rules.sizeIndex, from: start)
    repayShockDebts(start: start, count: count)
    defer { countIndebted(start: start, count: count, metrics: metrics) }
    for (index, shock) in plan.shocks.enumerated() where shock.rule.years.contains(year) {
      if let hazard = shock.hazard {
        applyHazard(shock, hazard, index: index, hit: hazards.villageHit[index], start: start, count: count, metrics: metrics)
        continue
      }
      let eligible = columns.evaluate(shock.eligible, start: start, count: count, intoScratch: Scratch.mask)
      let probability = columns.evaluateReadOnly(shock.probability, start: start, count: count, intoScratch: Scratch.first)
      let cost = columns.evaluateReadOnly(shock.cost, start: start, count: count, intoScratch: Scratch.second)
      let reimbursed = columns.evaluateReadOnly(shock.reimbursed, start: start, count: count, intoScratch: Scratch.third)
      let u = columns.uniforms(stream: shock.stream, start: start, count: count, scratch: columns.scratchBuffer(Scratch.growth))
      var hit = 0.0
      // A branch (hits are rare) rather than a division for every household.
      for i in 0..<count where eligible[i] != 0 && u[i] < probability[i] {
        disposable[i] -= (1 - reimbursed[i]) * cost[i] / size[i]
        hit += 1
      }
      metrics[catalog.shocked(index)] += hit
    }
  }

  /// 4. Debt repayment of relocated households.
  private func repayDebts(start: Int, count: Int) {
    for index in plan.programmes.indices where plan.layout.debtPayment[index] >= 0 {
      repay(payment: plan.layout.debtPayment[index], yearsLeft: plan.layout.debtYearsLeft[index], start: start, count: count)
    }
  }

  /// One year of a debt repaid in equal parts: the yearly payment (per household) comes out
  /// of per-capita disposable income while years are left.
  func repay(payment paymentColumn: Int, yearsLeft yearsLeftColumn: Int, start: Int, count: Int) {
    let disposable = columns.column(plan.layout.disposable, from: start)
    let size = columns.column(plan.rules.sizeIndex, from: start)
    let payment = columns.column(paymentColumn, from: start)
    let left = columns.column(yearsLeftColumn, from: start)
    // A branch: few households repay a debt, and the branch-free form would divide for all.
    for i in 0..<count where left[i] > 0 {
      disposable[i] -= payment[i] / size[i]
      left[i] -= 1
    }
  }

  /// Applies an effect to the households where `mask` is non-zero (all when nil).
  func apply(_ effect: OptionPlan.CompiledEffect, start: Int, count: Int, mask selected: UnsafeMutablePointer<Double>?) {
    let condition = effect.condition.map { columns.evaluate($0, start: start, count: count, intoScratch: Scratch.effectGuard) }
    let value = columns.evaluate(effect.value, start: start, count: count)
    let target = columns.column(effect.target, from: start)
    switch effect.operation {
    case .set: Self.update(target, value, count, selected, condition) { _, v in v }
    case .add: Self.update(target, value, count, selected, condition) { t, v in t + v }
    case .subtract: Self.update(target, value, count, selected, condition) { t, v in t - v }
    case .multiply: Self.update(target, value, count, selected, condition) { t, v in t * v }
    case .divide: Self.update(target, value, count, selected, condition) { t, v in t / v }
    }
    columns.watch?.inspect(update: effect.value.id, values: target, start: start, count: count, in: columns)
  }

  /// Whether any of `values[0..<count]` is non-zero (or −0): an OR of the bit patterns, which
  /// the compiler vectorises, instead of a branch per value.
  @inline(__always)
  static func anyNonZero(_ values: UnsafePointer<Double>, count: Int) -> Bool {
    var bits: UInt64 = 0
    for i in 0..<count { bits |= values[i].bitPattern }
    return bits != 0
  }

  /// `target[i] = operation(target[i], value[i])` where `mask` and `condition` (when given)
  /// are non-zero; branch-free selections (random masks mispredict branches), one loop per
  /// combination so that the compiler specialises and vectorises each.
  @inline(__always)
  private static func update(
    _ target: UnsafeMutablePointer<Double>, _ value: UnsafePointer<Double>, _ count: Int,
    _ mask: UnsafeMutablePointer<Double>?, _ condition: UnsafeMutablePointer<Double>?,
    _ operation: (Double, Double) -> Double
  ) {
    switch (mask, condition) {
    case (nil, nil):
      for i in 0..<count { target[i] = operation(target[i], value[i]) }
    case (let mask?, nil):
      for i in 0..<count {
        let updated = operation(target[i], value[i])
        target[i] = mask[i] != 0 ? updated : target[i]
      }
    case (nil, let condition?):
      for i in 0..<count {
        let updated = operation(target[i], value[i])
        target[i] = condition[i] != 0 ? updated : target[i]
      }
    case (let mask?, let condition?):
      for i in 0..<count {
        // Both loaded first: a short-circuit load cannot be speculated, so `&&` would branch.
        let selected = mask[i], holds = condition[i]
        let updated = operation(target[i], value[i])
        target[i] = selected != 0 && holds != 0 ? updated : target[i]
      }
    }
  }

  /// 7. Measurement against the line.
  private func measure(start: Int, count: Int, line: Double, into accumulator: inout YearAccumulator) {
    let disposable = columns.column(plan.layout.disposable, from: start)
    let size = columns.column(plan.rules.sizeIndex, from: start)
    // Persons weigh 1 each, or size × sampling weight with a weighted household file.
    let weights = personWeights(size: size, start: start, count: count)
    let registered = columns.column(plan.layout.registered, from: start)
    var persons = 0.0, poor = 0.0, gap = 0.0, gapSquared = 0.0, income = 0.0, registeredCount = 0.0
    for i in 0..<count {
      let d = disposable[i]
      let w = weights[i]
      persons += w
      income += w * d
      registeredCount += registered[i]
      // Branch-free: a household above the line adds exactly +0 to the poverty sums.
      let isPoor = d < line
      poor += isPoor ? w : 0
      let g = isPoor ? min(1, (line - d) / line) : 0
      gap += isPoor ? w * g : 0
      gapSquared += isPoor ? w * g * g : 0
    }
    var relocated = 0.0
    for index in plan.programmes.indices where plan.programmes[index].rule.isRelocation {
      // `joined` is 0 or 1: an integer count is the same exact sum, and vectorises.
      let joined = columns.column(plan.layout.joined[index], from: start)
      var movers = 0
      for i in 0..<count { movers += joined[i] != 0 ? 1 : 0 }
      relocated += Double(movers)
    }
    accumulator.add(persons: persons, poor: poor, gap: gap, gapSquared: gapSquared, income: income, registered: registeredCount, relocated: relocated)
  }

  /// 9. Identification: the registry for next year, from pre-transfer income.
  func identify(start: Int, count: Int, preTransfer: UnsafeMutablePointer<Double>, into registry: UnsafeMutablePointer<Double>) {
    let line = columns.evaluateReadOnly(plan.povertyLine, start: start, count: count, intoScratch: Scratch.growth)
    let detect = columns.evaluateReadOnly(plan.detect, start: start, count: count, intoScratch: Scratch.first)
    let include = columns.evaluateReadOnly(plan.include, start: start, count: count, intoScratch: Scratch.second)
    let below = columns.evaluateReadOnly(plan.includeBelow, start: start, count: count, intoScratch: Scratch.third)
    let u = columns.uniforms(stream: plan.identificationStream, start: start, count: count, scratch: columns.scratchBuffer(Scratch.mask))
    for i in 0..<count {
      let d = preTransfer[i]
      // Every operand loaded first, so the selections need no branches.
      let poorLine = line[i], nearLine = below[i], detected = detect[i], included = include[i]
      let p = d < poorLine ? detected : (d < nearLine ? included : 0)
      registry[i] = u[i] < p ? 1 : 0
    }
  }
}

/// Person-weighted sums of one year, accumulated block by block in household order: each
/// block's sums are plain sums of at most `HouseholdColumns.blockSize` households, and the
/// blocks are added with compensation (`CompensatedSum`), so the error does not grow with
/// the number of households.
struct YearAccumulator {
  var persons = CompensatedSum(), poor = CompensatedSum(), gap = CompensatedSum(), gapSquared = CompensatedSum()
  var income = CompensatedSum(), registered = CompensatedSum(), relocated = CompensatedSum()

  mutating func add(persons: Double, poor: Double, gap: Double, gapSquared: Double, income: Double, registered: Double, relocated: Double) {
    self.persons.add(persons)
    self.poor.add(poor)
    self.gap.add(gap)
    self.gapSquared.add(gapSquared)
    self.income.add(income)
    self.registered.add(registered)
    self.relocated.add(relocated)
  }

  func write(into metrics: UnsafeMutableBufferPointer<Double>, catalog: MetricCatalog) {
    let persons = self.persons.value, poor = self.poor.value, gap = self.gap.value, gapSquared = self.gapSquared.value
    let income = self.income.value, registered = self.registered.value, relocated = self.relocated.value
    let people = max(persons, 1)
    metrics[MetricCatalog.incidence] = poor / people
    metrics[MetricCatalog.povertyGap] = gap / people
    metrics[MetricCatalog.povertyGapSquared] = gapSquared / people
    metrics[MetricCatalog.meanIncome] = income / people
    metrics[MetricCatalog.poorPeople] = poor
    metrics[MetricCatalog.people] = persons
    metrics[MetricCatalog.registeredHouseholds] = registered
    metrics[MetricCatalog.relocatedHouseholds] = relocated
  }
}
