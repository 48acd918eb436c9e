import ScenarioLanguage

/// Employment and skills training (`programme training`): enrolment and the job draw at
/// step 5, wages at step 2 of later years, job loss after measurement.
extension YearCycle {
  /// 5. Every eligible household that has not been trained sends one trainee; the state
  /// pays `cost`; with probability `employment` the trainee finds a job (paid from next year).
  func train(_ programme: OptionPlan.CompiledProgramme, index: Int, start: Int, count: Int) -> (Double, Double) {
    let mask = columns.scratchBuffer(Scratch.mask)
    let cost = columns.evaluate(programme.values[0], start: start, count: count, intoScratch: Scratch.first)
    let employment = columns.evaluate(programme.values[1], start: start, count: count, intoScratch: Scratch.second)
    let u = UnsafeMutableBufferPointer(start: columns.scratchBuffer(Scratch.third), count: count)
    columns.fillUniforms(stream: programme.stream, start: start, into: u)
    let employed = columns.column(plan.layout.employed[index], from: start)
    let pending = columns.column(plan.layout.pending[index], from: start)
    let hasPendingEffects = !programme.nextYear.isEmpty
    var trainees = 0.0
    var spent = 0.0
    for i in 0..<count where mask[i] != 0 {
      trainees += 1
      spent += cost[i]
      if u[i] < employment[i] {
        employed[i] = 1
        if hasPendingEffects { pending[i] = 1 }
      }
    }
    return (trainees, spent)
  }

  /// 2b. Households holding a job from a training programme earn its wage this year.
  func payWages(start: Int, count: Int) {
    let disposable = columns.column(plan.layout.disposable, from: start)
    let size = columns.column(plan.rules.sizeIndex, from: start)
    for (index, programme) in plan.programmes.enumerated() where programme.rule.isTraining {
      let employed = columns.column(plan.layout.employed[index], from: start)
      guard Self.anyNonZero(employed, count: count) else { continue }
      let wage = columns.evaluate(programme.values[2], start: start, count: count)
      for i in 0..<count where employed[i] != 0 {
        disposable[i] += wage[i] / size[i]
        employed[i] = 2
      }
    }
  }

  /// 7c. Counts the households paid a wage this year (`employed_NAME`); each of them then
  /// loses its job with probability `job loss`.
  func loseJobs(start: Int, count: Int, metrics: UnsafeMutableBufferPointer<Double>) {
    for (index, programme) in plan.programmes.enumerated() where programme.rule.isTraining {
      let employed = columns.column(plan.layout.employed[index], from: start)
      let loss = columns.evaluate(programme.values[3], start: start, count: count, intoScratch: Scratch.first)
      let u = UnsafeMutableBufferPointer(start: columns.scratchBuffer(Scratch.second), count: count)
      columns.fillUniforms(stream: programme.secondStream, start: start, into: u)
      var paid = 0.0
      for i in 0..<count where employed[i] == 2 {
        paid += 1
        employed[i] = u[i] < loss[i] ? 0 : 1
      }
      if let metric = catalog.employedMetric[index] { metrics[metric] += paid }
    }
  }
}
