import ScenarioLanguage

/// Exit, the transition window and monitoring (docs/model.md § Exit, transition and
/// monitoring): the steps the year cycle runs when the scenario has an `exit` block.
extension YearCycle {
  /// 1c. A new year: exited households are one year further from their exit.
  func advanceTransitionClock(start: Int, count: Int) {
    guard let transition = plan.transition else { return }
    let exited = columns.column(transition.columns.exited, from: start)
    let yearsSinceExit = columns.column(transition.columns.yearsSinceExit, from: start)
    for i in 0..<count where exited[i] != 0 { yearsSinceExit[i] += 1 }
  }

  /// 5–6. For a kept programme in the transition window: exited households that would be
  /// eligible if registered become eligible, paid `share` of the support. Updates the mask
  /// in `Scratch.mask` and returns the share of each household's payment (1 for households
  /// eligible anyway), or nil when nothing is kept here this year.
  func keptEligibility(_ index: Int, start: Int, count: Int) -> UnsafeMutablePointer<Double>? {
    guard let transition = plan.transition, let window = transition.rule.window, let share = transition.share,
      let asRegistered = transition.kept(index)
    else { return nil }
    let year = years.lowerBound + Int(columns.yearIndex) - 1
    guard window.years.contains(year) else { return nil }
    let scale = columns.evaluate(share, start: start, count: count, intoScratch: Scratch.scale)
    let eligible = columns.evaluate(asRegistered, start: start, count: count)
    let mask = columns.scratchBuffer(Scratch.mask)
    let exited = columns.column(transition.columns.exited, from: start)
    for i in 0..<count {
      if mask[i] == 0, exited[i] != 0, eligible[i] != 0, scale[i] > 0 {
        mask[i] = 1
      } else {
        scale[i] = 1
      }
    }
    return scale
  }

  /// 7b. Exit metrics from this year's measured income: exited households, returns to
  /// poverty (poor after an exit), new entrants (poor for the first time).
  func measureTransition(start: Int, count: Int, line: Double, metrics: UnsafeMutableBufferPointer<Double>) {
    guard let transition = plan.transition else { return }
    let disposable = columns.column(plan.layout.disposable, from: start)
    let exited = columns.column(transition.columns.exited, from: start)
    let everExited = columns.column(transition.columns.everExited, from: start)
    let everPoor = columns.column(transition.columns.everPoor, from: start)
    var exitedCount = 0.0, returns = 0.0, entrants = 0.0
    for i in 0..<count {
      exitedCount += exited[i]
      guard disposable[i] < line else { continue }
      if everExited[i] != 0 { returns += 1 }
      if everPoor[i] == 0 {
        entrants += 1
        everPoor[i] = 1
      }
    }
    metrics[catalog.exitedHouseholds] += exitedCount
    metrics[catalog.returnsToPoverty] += returns
    metrics[catalog.newEntrants] += entrants
  }

  /// 9 (with an `exit` block). The persistent registry for next year: registered households
  /// stay until, in an exit year, the exit rule has held `for` consecutive years (counted in
  /// every year, so `for 2 years` with exits in 2020 needs 2019 and 2020); households waiting
  /// after being found by monitoring enter when their delay ends; monitored households
  /// below the line are found with probability `detect`; every other household goes
  /// through identification as without an `exit` block (same draws).
  func updateRegistry(start: Int, count: Int, metrics: UnsafeMutableBufferPointer<Double>) {
    guard let transition = plan.transition else { return }
    let layout = plan.layout
    let preTransfer = columns.column(layout.preTransfer, from: start)
    let next = columns.column(layout.registeredNext, from: start)
    identify(start: start, count: count, preTransfer: preTransfer, into: next)
    let year = years.lowerBound + Int(columns.yearIndex) - 1
    let line = plan.povertyLine(year: year)
    let rule = transition.rule
    let canExit = rule.exitYears.contains(year)
    let exitFor = Double(rule.exitFor)
    let when = columns.evaluate(transition.exitWhen, start: start, count: count, intoScratch: Scratch.first)
    let monitoring = rule.monitoring
    var marginal: UnsafeMutablePointer<Double>?
    var watchExited: UnsafeMutablePointer<Double>?
    var detect: UnsafeMutablePointer<Double>?
    let u = UnsafeMutableBufferPointer(start: columns.scratchBuffer(Scratch.effectGuard), count: count)
    if let monitoring, monitoring.years.contains(year), let marginalProgram = transition.marginalBelow, let exitedProgram = transition.monitorExited,
      let detectProgram = transition.monitorDetect
    {
      marginal = columns.evaluate(marginalProgram, start: start, count: count, intoScratch: Scratch.second)
      watchExited = columns.evaluate(exitedProgram, start: start, count: count, intoScratch: Scratch.third)
      detect = columns.evaluate(detectProgram, start: start, count: count, intoScratch: Scratch.growth)
      columns.fillUniforms(stream: transition.monitoringStream, start: start, into: u)
    }
    let delay = Double(monitoring?.delay ?? 0)
    let c = transition.columns
    let registered = columns.column(layout.registered, from: start)
    let exited = columns.column(c.exited, from: start)
    let monitored = columns.column(c.monitored, from: start)
    let yearsSinceExit = columns.column(c.yearsSinceExit, from: start)
    let run = columns.column(c.exitRun, from: start)
    let everExited = columns.column(c.everExited, from: start)
    let waiting = columns.column(c.waiting, from: start)
    var exits = 0.0, watched = 0.0
    for i in 0..<count {
      if registered[i] != 0 {
        monitored[i] = 0
        run[i] = when[i] != 0 ? run[i] + 1 : 0
        if canExit && run[i] >= exitFor {
          next[i] = 0
          exited[i] = 1
          everExited[i] = 1
          yearsSinceExit[i] = 0
          run[i] = 0
          exits += 1
        } else {
          next[i] = 1
        }
        continue
      }
      if waiting[i] > 0 {
        waiting[i] -= 1
        next[i] = waiting[i] == 0 ? 1 : 0
        monitored[i] = 1
        watched += 1
      } else if let marginal, let watchExited, let detect, (exited[i] != 0 && watchExited[i] != 0) || preTransfer[i] < marginal[i] {
        monitored[i] = 1
        watched += 1
        if preTransfer[i] < line && u[i] < detect[i] {
          if delay == 0 {
            next[i] = 1
          } else {
            waiting[i] = delay
            next[i] = 0
          }
        } else {
          next[i] = 0
        }
      } else {
        monitored[i] = 0
      }
      if next[i] != 0 {
        exited[i] = 0
        yearsSinceExit[i] = 0
        run[i] = 0
      }
    }
    metrics[catalog.exits] += exits
    if monitoring != nil { metrics[catalog.monitoredHouseholds] += watched }
  }
}
