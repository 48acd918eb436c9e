import ScenarioLanguage

extension YearCycle {
  /// 3. A covariate shock and/or a shock with health support, on one block.
  ///
  /// Who is hit: eligible households; for a covariate shock only in hit villages (and, with
  /// `hits`, when their own draw is below it); otherwise with the shock's own probability.
  /// Cost split: the state pays min(cost, exempt) and the reimbursed share of the rest; the
  /// household bears the remainder, which reduces this year's disposable income, or, with
  /// `debt repaid over N years`, is paid from savings and the rest becomes debt repaid in N
  /// equal yearly parts from next year (earlier debt of the same shock is added to it).
  func applyHazard(
    _ shock: OptionPlan.CompiledShock, _ hazard: CompiledHazard, index: Int, hit villageHit: [Double], start: Int, count: Int,
    metrics: UnsafeMutableBufferPointer<Double>
  ) {
    let disposable = columns.column(plan.layout.disposable, from: start)
    let size = columns.column(plan.rules.sizeIndex, from: start)
    let paymentColumn = plan.layout.shockDebtPayment[index]
    let hasDebt = hazard.repaymentYears != nil && paymentColumn >= 0
    let hit = columns.evaluate(shock.eligible, start: start, count: count, intoScratch: Scratch.mask)
    if let covariate = hazard.covariate {
      if let attribute = covariate.attribute {
        let village = columns.column(attribute, from: start)
        for i in 0..<count where hit[i] != 0 {
          let code = Int(village[i])
          if !(code >= 0 && code < villageHit.count && villageHit[code] != 0) { hit[i] = 0 }
        }
      } else if villageHit.first != 1 {
        for i in 0..<count { hit[i] = 0 }
      }
      if let hits = hazard.hits {
        let share = columns.evaluate(hits, start: start, count: count, intoScratch: Scratch.first)
        let u = UnsafeMutableBufferPointer(start: columns.scratchBuffer(Scratch.growth), count: count)
        columns.fillUniforms(stream: hazard.hitsStream, start: start, into: u)
        for i in 0..<count where hit[i] != 0 && !(u[i] < share[i]) { hit[i] = 0 }
      }
    } else {
      let probability = columns.evaluate(shock.probability, start: start, count: count, intoScratch: Scratch.first)
      let u = UnsafeMutableBufferPointer(start: columns.scratchBuffer(Scratch.growth), count: count)
      columns.fillUniforms(stream: shock.stream, start: start, into: u)
      for i in 0..<count where hit[i] != 0 && !(u[i] < probability[i]) { hit[i] = 0 }
    }
    let cost = columns.evaluate(shock.cost, start: start, count: count, intoScratch: Scratch.second)
    let reimbursed = columns.evaluate(shock.reimbursed, start: start, count: count, intoScratch: Scratch.third)
    let exempt: UnsafeMutablePointer<Double>? = hazard.exempt.map { columns.evaluate($0, start: start, count: count, intoScratch: Scratch.first) }
    let savings = columns.column(plan.rules.savingsIndex, from: start)
    var hitCount = 0.0
    var stateCost = 0.0
    for i in 0..<count where hit[i] != 0 {
      hitCount += 1
      let exempted = exempt.map { max(0, min(cost[i], $0[i])) } ?? 0
      let rest = cost[i] - exempted
      let refund = reimbursed[i] * rest
      let own = rest - refund
      stateCost += exempted + refund
      if hasDebt, let years = hazard.repaymentYears {
        let fromSavings = max(0, min(savings[i], own))
        savings[i] -= fromSavings
        let debt = own - fromSavings
        if debt > 0 {
          let payment = columns.column(paymentColumn, from: start)
          let left = columns.column(plan.layout.shockDebtYearsLeft[index], from: start)
          let outstanding = payment[i] * left[i] + debt
          payment[i] = outstanding / Double(years)
          left[i] = Double(years)
        }
      } else {
        disposable[i] -= own / size[i]
      }
    }
    metrics[catalog.shocked(index)] += hitCount
    if let metric = catalog.extended.shockCost[index] { metrics[metric] += stateCost }
  }

  /// Yearly repayment of shock debt taken in earlier years (before this year's shocks, in
  /// every year, whether or not the shock is active).
  func repayShockDebts(start: Int, count: Int) {
    guard catalog.extended.indebted != nil else { return }
    for index in plan.shocks.indices where plan.layout.shockDebtPayment[index] >= 0 {
      repay(payment: plan.layout.shockDebtPayment[index], yearsLeft: plan.layout.shockDebtYearsLeft[index], start: start, count: count)
    }
  }

  /// Households with shock debt left to repay, after this year's shocks.
  func countIndebted(start: Int, count: Int, metrics: UnsafeMutableBufferPointer<Double>) {
    guard let metric = catalog.extended.indebted else { return }
    let indebted = columns.scratchBuffer(Scratch.first)
    indebted.update(repeating: 0, count: count)
    for index in plan.shocks.indices where plan.layout.shockDebtYearsLeft[index] >= 0 {
      let left = columns.column(plan.layout.shockDebtYearsLeft[index], from: start)
      for i in 0..<count where left[i] > 0 { indebted[i] = 1 }
    }
    var total = 0.0
    for i in 0..<count { total += indebted[i] }
    metrics[metric] += total
  }
}
