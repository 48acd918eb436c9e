import ScenarioLanguage

extension YearCycle {
  /// First pass of a capped programme: which households of a block would be served without
  /// the cap, what each would cost, and its priority key. Writes the cap's columns only.
  func demand(_ programme: OptionPlan.CompiledProgramme, index: Int, start: Int, count: Int) {
    guard let cap = plan.caps[index] else { return }
    let mask: UnsafeMutablePointer<Double>
    if plan.credits[index] != nil {
      mask = borrowers(programme, index: index, start: start, count: count)
    } else {
      mask = columns.evaluate(programme.eligible, start: start, count: count, intoScratch: Scratch.mask)
    }
    // Exited households that keep the programme in the transition window demand it too, at
    // `share` of its cost.
    let scale = keptEligibility(index, start: start, count: count)
    if programme.rule.isOnce {
      let joined = columns.column(plan.layout.joined[index], from: start)
      for i in 0..<count where joined[i] != 0 { mask[i] = 0 }
    }
    let cost = columns.column(cap.cost, from: start)
    switch programme.rule.kind {
    case .relocation:
      let moves = columns.evaluate(programme.values[2], start: start, count: count)
      for i in 0..<count where moves[i] == 0 { mask[i] = 0 }
      cost.update(from: columns.evaluate(programme.values[1], start: start, count: count), count: count)
    case .industry, .subsidy, .training:
      cost.update(from: columns.evaluate(programme.values[0], start: start, count: count), count: count)
      if let scale, !programme.rule.isTraining { for i in 0..<count { cost[i] *= scale[i] } }
    case .topUp:
      let level = columns.evaluate(programme.values[0], start: start, count: count)
      let disposable = columns.column(plan.layout.disposable, from: start)
      let size = columns.column(plan.rules.sizeIndex, from: start)
      for i in 0..<count {
        if disposable[i] < level[i] {
          cost[i] = (level[i] - disposable[i]) * size[i] * (scale?[i] ?? 1)
        } else {
          mask[i] = 0
        }
      }
    case .microcredit:
      if let credit = plan.credits[index] {
        cost.update(from: columns.evaluate(credit.loan, start: start, count: count), count: count)
      }
    }
    let selected = columns.column(cap.selected, from: start)
    for i in 0..<count { selected[i] = mask[i] != 0 ? 1 : 0 }
    let key = columns.column(cap.key, from: start)
    switch cap.rule.priority {
    case .registryOrder:
      key.update(repeating: 0, count: count)
    case .random:
      columns.fillUniforms(stream: cap.priorityStream, start: start, into: UnsafeMutableBufferPointer(start: key, count: count))
    case .lowest:
      if let program = cap.priorityKey { key.update(from: columns.evaluate(program, start: start, count: count), count: count) }
    case .highest:
      if let program = cap.priorityKey {
        let value = columns.evaluate(program, start: start, count: count)
        for i in 0..<count { key[i] = -value[i] }
      }
    }
  }

  /// Second pass of a capped programme: keeps in `Scratch.mask` only the households the
  /// selection served (no-op for programmes without a cap).
  func keepSelected(index: Int, start: Int, count: Int) {
    guard let cap = plan.caps[index] else { return }
    let mask = columns.scratchBuffer(Scratch.mask)
    let selected = columns.column(cap.selected, from: start)
    for i in 0..<count where selected[i] == 0 { mask[i] = 0 }
  }
}
