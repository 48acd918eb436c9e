import ScenarioLanguage

extension YearCycle {
  /// The households of a block that would borrow this year: eligible, without a loan, not
  /// barred by an earlier default, and taking up (a draw from `programme.NAME.take_up` below
  /// `take up`). Written to `Scratch.mask`; uses `Scratch.growth`.
  func borrowers(_ programme: OptionPlan.CompiledProgramme, index: Int, start: Int, count: Int) -> UnsafeMutablePointer<Double> {
    let mask = columns.evaluate(programme.eligible, start: start, count: count, intoScratch: Scratch.mask)
    guard let credit = plan.credits[index] else { return mask }
    let takeUp = columns.evaluate(credit.takeUp, start: start, count: count, intoScratch: Scratch.first)
    let u = UnsafeMutableBufferPointer(start: columns.scratchBuffer(Scratch.growth), count: count)
    columns.fillUniforms(stream: credit.takeUpStream, start: start, into: u)
    let principal = columns.column(credit.principal, from: start)
    let barred = columns.column(credit.barred, from: start)
    for i in 0..<count where principal[i] != 0 || barred[i] != 0 || !(u[i] < takeUp[i]) { mask[i] = 0 }
    return mask
  }

  /// A microcredit programme's step (docs/model.md § Microcredit): in its active years, new
  /// loans to the borrowers (those the cap selected, if capped); then, every year, interest on
  /// every outstanding loan (the state pays the discount, the household the rest) and, in the
  /// last year of a term, repayment or default.
  func lendAndService(
    _ programme: OptionPlan.CompiledProgramme, index: Int, year: Int, start: Int, count: Int, metrics: UnsafeMutableBufferPointer<Double>
  ) {
    guard let credit = plan.credits[index] else { return }
    let principal = columns.column(credit.principal, from: start)
    let yearsLeft = columns.column(credit.yearsLeft, from: start)
    let barred = columns.column(credit.barred, from: start)
    let disposable = columns.column(plan.layout.disposable, from: start)
    let size = columns.column(plan.rules.sizeIndex, from: start)
    var lent = 0.0, spent = 0.0, defaults = 0.0, outstanding = 0.0
    if programme.rule.years.contains(year) {
      let mask = borrowers(programme, index: index, start: start, count: count)
      keepSelected(index: index, start: start, count: count)
      let loan = columns.evaluate(credit.loan, start: start, count: count, intoScratch: Scratch.first)
      let pending = columns.column(plan.layout.pending[index], from: start)
      let joined = columns.column(plan.layout.joined[index], from: start)
      let hasPendingEffects = !programme.nextYear.isEmpty
      let term = Double(credit.terms.term)
      for i in 0..<count where mask[i] != 0 {
        principal[i] = loan[i]
        yearsLeft[i] = term
        joined[i] = 1
        if hasPendingEffects { pending[i] = 1 }
        lent += 1
      }
      if let financed = credit.finances { joinFinanced(financed, start: start, count: count) }
      for effect in programme.onJoin { apply(effect, start: start, count: count, mask: columns.scratchBuffer(Scratch.mask)) }
    }
    let rate = columns.evaluate(credit.interest, start: start, count: count, intoScratch: Scratch.first)
    let discount = columns.evaluate(credit.discount, start: start, count: count, intoScratch: Scratch.second)
    let limit = credit.discountLimit.map { columns.evaluate($0, start: start, count: count, intoScratch: Scratch.third) }
    let defaultsWhen = columns.evaluate(credit.defaultsWhen, start: start, count: count, intoScratch: Scratch.growth)
    for i in 0..<count where principal[i] > 0 {
      let interest = rate[i] * principal[i]
      let discounted = limit.map { min(principal[i], max(0, $0[i])) } ?? principal[i]
      let statePart = discount[i] * rate[i] * discounted
      yearsLeft[i] -= 1
      if yearsLeft[i] <= 0, defaultsWhen[i] != 0 {
        // Default: the risk compensation fund pays the bank the year's interest and the principal.
        spent += principal[i] + interest
        defaults += 1
        barred[i] = 1
      } else {
        spent += statePart
        disposable[i] -= (interest - statePart) / size[i]
      }
      if yearsLeft[i] <= 0 {
        principal[i] = 0
        yearsLeft[i] = 0
      } else {
        outstanding += 1
      }
    }
    metrics[catalog.participants(index)] += lent
    metrics[catalog.cost(index)] += spent
    metrics[catalog.loansOutstanding(index)] += outstanding
    metrics[catalog.defaults(index)] += defaults
  }

  /// New borrowers (`Scratch.mask`) join the industry programme their loan finances, unless
  /// they already have: its success draw decides whether its gain comes next year. The
  /// programme's grant is not paid (the loan pays instead). Uses `Scratch.second`/`third`.
  private func joinFinanced(_ financed: Int, start: Int, count: Int) {
    let industry = plan.programmes[financed]
    guard case .industry = industry.rule.kind else { return }
    let mask = columns.scratchBuffer(Scratch.mask)
    let success = columns.evaluate(industry.values[1], start: start, count: count, intoScratch: Scratch.second)
    let u = UnsafeMutableBufferPointer(start: columns.scratchBuffer(Scratch.third), count: count)
    columns.fillUniforms(stream: industry.stream, start: start, into: u)
    let joined = columns.column(plan.layout.joined[financed], from: start)
    let pending = columns.column(plan.layout.pending[financed], from: start)
    for i in 0..<count where mask[i] != 0 && joined[i] == 0 {
      joined[i] = 1
      if u[i] < success[i] { pending[i] = 1 }
    }
  }
}
