import ScenarioLanguage

extension YearCycle {
  /// 5. Runs one programme (not a transfer) on the eligible households of a block.
  func run(_ programme: OptionPlan.CompiledProgramme, index: Int, start: Int, count: Int, metrics: UnsafeMutableBufferPointer<Double>) {
    let mask = columns.evaluate(programme.eligible, start: start, count: count, intoScratch: Scratch.mask)
    let scale = keptEligibility(index, start: start, count: count)
    let joined = columns.column(plan.layout.joined[index], from: start)
    if programme.rule.isOnce {
      // Branch-free selections (a random mask mispredicts branches).
      // Both loaded first (a load under a condition would make the selection a branch).
      for i in 0..<count {
        let before = mask[i]
        mask[i] = joined[i] != 0 ? 0 : before
      }
    }
    keepSelected(index: index, start: start, count: count)
    let served: Double
    let cost: Double
    switch programme.rule.kind {
    case .relocation(_, _, _, let repaymentYears):
      (served, cost) = relocate(programme, index: index, start: start, count: count, repaymentYears: repaymentYears)
    case .industry:
      (served, cost) = supportIndustry(programme, index: index, start: start, count: count, scale: scale)
    case .subsidy:
      (served, cost) = paySubsidy(programme, index: index, start: start, count: count, scale: scale)
    case .training:
      (served, cost) = train(programme, index: index, start: start, count: count)
    case .topUp, .microcredit:
      return
    }
    if programme.rule.isOnce {
      for i in 0..<count {
        let before = joined[i]
        joined[i] = mask[i] != 0 ? 1 : before
      }
    }
    for effect in programme.onJoin { apply(effect, start: start, count: count, mask: columns.scratchBuffer(Scratch.mask)) }
    metrics[catalog.participants(index)] += served
    metrics[catalog.cost(index)] += cost
  }

  /// Relocation: households for whom `moves when` holds move; the state pays the subsidy,
  /// the household pays the rest from savings, then by debt repaid in equal yearly parts.
  private func relocate(_ programme: OptionPlan.CompiledProgramme, index: Int, start: Int, count: Int, repaymentYears: Int) -> (Double, Double) {
    let mask = columns.scratchBuffer(Scratch.mask)
    let moves = columns.evaluate(programme.values[2], start: start, count: count)
    for i in 0..<count { mask[i] = moves[i] == 0 ? 0 : mask[i] }
    let cost = columns.evaluateReadOnly(programme.values[0], start: start, count: count, intoScratch: Scratch.first)
    let subsidy = columns.evaluateReadOnly(programme.values[1], start: start, count: count, intoScratch: Scratch.second)
    let savings = columns.column(plan.rules.savingsIndex, from: start)
    let payment = columns.column(plan.layout.debtPayment[index], from: start)
    let yearsLeft = columns.column(plan.layout.debtYearsLeft[index], from: start)
    let pending = columns.column(plan.layout.pending[index], from: start)
    let hasPendingEffects = !programme.nextYear.isEmpty
    var movers = 0.0
    var spent = 0.0
    let years = Double(repaymentYears)
    for i in 0..<count where mask[i] != 0 {
      let own = cost[i] - subsidy[i]
      let debt = max(0, own - savings[i])
      savings[i] = max(0, savings[i] - own)
      payment[i] = debt / years
      yearsLeft[i] = debt > 0 ? years : 0
      if hasPendingEffects { pending[i] = 1 }
      movers += 1
      spent += subsidy[i]
    }
    return (movers, spent)
  }

  /// Industry support: every eligible household enrols and receives the grant; with the
  /// success probability its income rises by the gain next year.
  private func supportIndustry(
    _ programme: OptionPlan.CompiledProgramme, index: Int, start: Int, count: Int, scale: UnsafeMutablePointer<Double>?
  ) -> (Double, Double) {
    let mask = columns.scratchBuffer(Scratch.mask)
    let grant = columns.evaluateReadOnly(programme.values[0], start: start, count: count, intoScratch: Scratch.first)
    let success = columns.evaluateReadOnly(programme.values[1], start: start, count: count, intoScratch: Scratch.second)
    let u = columns.uniforms(stream: programme.stream, start: start, count: count, scratch: columns.scratchBuffer(Scratch.third))
    let pending = columns.column(plan.layout.pending[index], from: start)
    var enrolled = 0.0
    var spent = 0.0
    if let scale {
      for i in 0..<count where mask[i] != 0 {
        enrolled += 1
        spent += grant[i] * scale[i]
        if u[i] < success[i] { pending[i] = 1 }
      }
    } else {
      // Branch-free: a household not enrolled adds exactly +0.
      for i in 0..<count {
        let enrols = mask[i] != 0
        enrolled += enrols ? 1 : 0
        spent += enrols ? grant[i] : 0
        let succeeds = u[i] < success[i]  // loaded unconditionally: no branch for `&&`
        pending[i] = enrols && succeeds ? 1 : pending[i]
      }
    }
    return (enrolled, spent)
  }

  /// A subsidy: eligible households receive the amount (per household) every active year.
  private func paySubsidy(
    _ programme: OptionPlan.CompiledProgramme, index: Int, start: Int, count: Int, scale: UnsafeMutablePointer<Double>?
  ) -> (Double, Double) {
    let mask = columns.scratchBuffer(Scratch.mask)
    let amount = columns.evaluateReadOnly(programme.values[0], start: start, count: count, intoScratch: Scratch.first)
    let disposable = columns.column(plan.layout.disposable, from: start)
    let size = columns.column(plan.rules.sizeIndex, from: start)
    let pending = columns.column(plan.layout.pending[index], from: start)
    let hasPendingEffects = !programme.nextYear.isEmpty
    var served = 0.0
    var spent = 0.0
    for i in 0..<count where mask[i] != 0 {
      let paid = amount[i] * (scale?[i] ?? 1)
      disposable[i] += paid / size[i]
      if hasPendingEffects { pending[i] = 1 }
      served += 1
      spent += paid
    }
    return (served, spent)
  }

  /// 6. A top-up transfer: eligible households below the level are raised to it.
  func topUp(_ programme: OptionPlan.CompiledProgramme, index: Int, start: Int, count: Int, metrics: UnsafeMutableBufferPointer<Double>) {
    let mask = columns.evaluate(programme.eligible, start: start, count: count, intoScratch: Scratch.mask)
    let scale = keptEligibility(index, start: start, count: count)
    keepSelected(index: index, start: start, count: count)
    let level = columns.evaluateReadOnly(programme.values[0], start: start, count: count, intoScratch: Scratch.first)
    let disposable = columns.column(plan.layout.disposable, from: start)
    let size = columns.column(plan.rules.sizeIndex, from: start)
    var served = 0.0
    var spent = 0.0
    guard let scale else {
      // Branch-free: a household not raised adds exactly +0 to the sums (bit-identical to
      // skipping it); d < level ⇔ level − d > 0 for doubles (gradual underflow).
      for i in 0..<count {
        let before = disposable[i], to = level[i]
        let raise = to - before
        // Bit-mask selections: LLVM turned `raised ? … : …` into mispredicted branches.
        let raised = BranchFree.mask(mask[i] != 0) & BranchFree.mask(raise > 0)
        spent += BranchFree.select(raised, raise * size[i], 0)
        disposable[i] = BranchFree.select(raised, to, before)
        served += BranchFree.select(raised, 1, 0)
      }
      metrics[catalog.participants(index)] += served
      metrics[catalog.cost(index)] += spent
      return
    }
    for i in 0..<count where mask[i] != 0 && disposable[i] < level[i] {
      if scale[i] != 1 {
        // An exited household in the transition window: `share` of the top-up.
        let raise = (level[i] - disposable[i]) * scale[i]
        spent += raise * size[i]
        disposable[i] += raise
      } else {
        spent += (level[i] - disposable[i]) * size[i]
        disposable[i] = level[i]
      }
      served += 1
    }
    metrics[catalog.participants(index)] += served
    metrics[catalog.cost(index)] += spent
  }
}
