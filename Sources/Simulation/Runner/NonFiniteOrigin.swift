import ScenarioLanguage

/// Where a NaN or infinity was first computed in one replication: the setting, the
/// household, the year.
///
/// `setting` is a parameter path as options and `--set` write them (`illness.cost`,
/// `relocation.moves_when`, `identification.include_below`, `poverty_line`), or for values
/// that have none: `population.ATTRIBUTE` (`population.GROUP.ATTRIBUTE` for a group's own
/// definition), `income_growth` (`income_growth.GROUP`), and the updates
/// `end_of_year.ATTRIBUTE`, `start_of_year.ATTRIBUTE`, `PROGRAMME.on_join.ATTRIBUTE`,
/// `PROGRAMME.next_year.ATTRIBUTE` and their guards (`….ATTRIBUTE.when`). The settings of
/// the newer constructs are named by their paths as well: caps (`NAME.priority_lowest`,
/// `NAME.priority_highest`), loans (`NAME.take_up`, `.loan`, `.interest`, `.discount`,
/// `.discount_limit`, `.default_when`), `exit.when`, `transition.share`, a kept
/// programme's `NAME.eligible`, `monitoring.marginal_below`, `.exited`, `.detect`, prices
/// (`NAME.share_of_income`) and shocks (`NAME.hits`, `NAME.exempt`).
/// `ScenarioLanguage.SettingLocation` finds it in the source.
public struct NonFiniteOrigin: Sendable, Equatable {
  /// The option replayed.
  public var option: String
  /// The replication replayed.
  public var replication: Int
  /// The simulated year in which it entered the household's state (the first year when
  /// the population was being drawn).
  public var year: Int
  /// Whether it happened while the population was drawn, before the first year's cycle.
  public var isPopulation: Bool
  /// The household's index (0-based, in the order households are drawn).
  public var household: Int
  /// The setting's path (see the type's documentation); empty when the value was computed
  /// by the year cycle's own arithmetic (or by a setting `programOrigins` does not name).
  public var setting: String
  /// Whether the value itself was finite and updating the attribute with it (`x /= 0`)
  /// made the attribute non-finite.
  public var isUpdate: Bool
  /// NaN, +∞ or −∞.
  public var value: Double
  /// Whether no setting computed it: it appeared in the year cycle's own arithmetic (e.g.
  /// `income · exp(growth)` overflowing) right after `setting` was evaluated.
  public var isAfterSetting = false

  /// "NaN", "infinity" or "minus infinity".
  public var valueDescription: String {
    value.isNaN ? "NaN" : value > 0 ? "infinity" : "minus infinity"
  }
}

extension OptionPlan {
  /// The setting path of every compiled program, by `ColumnProgram.id`.
  /// - Complexity: O(number of programs).
  func programOrigins() -> [Int: String] {
    var origins: [Int: String] = [:]
    func note(_ program: ColumnProgram, _ path: String) {
      if program.id >= 0 && origins[program.id] == nil { origins[program.id] = path }
    }
    func group(_ code: Int) -> String { code >= 0 && code < rules.labels.count ? rules.labels[code] : "\(code)" }
    func attribute(_ index: Int) -> String { index >= 0 && index < rules.attributes.count ? rules.attributes[index].name : "\(index)" }
    /// Updates: `PATH.ATTRIBUTE`, and their guards `PATH.ATTRIBUTE.when`.
    func effects(_ list: [CompiledEffect], _ path: String) {
      for effect in list {
        note(effect.value, "\(path).\(attribute(effect.target))")
        if let condition = effect.condition { note(condition, "\(path).\(attribute(effect.target)).when") }
      }
    }
    for (index, initial) in attributeInitial.enumerated() {
      note(initial.common, "population.\(attribute(index))")
      for (code, program) in initial.byGroup { note(program, "population.\(group(code)).\(attribute(index))") }
    }
    if let growthCommon { note(growthCommon, "income_growth") }
    for (code, program) in growthByGroup { note(program, "income_growth.\(group(code))") }
    for shock in shocks {
      note(shock.eligible, "\(shock.rule.name).eligible")
      note(shock.probability, "\(shock.rule.name).probability")
      note(shock.cost, "\(shock.rule.name).cost")
      note(shock.reimbursed, "\(shock.rule.name).reimbursed")
      if let hits = shock.hazard?.hits { note(hits, "\(shock.rule.name).hits") }
      if let exempt = shock.hazard?.exempt { note(exempt, "\(shock.rule.name).exempt") }
    }
    for price in prices { note(price.share, "\(price.rule.name).share_of_income") }
    note(detect, "identification.detect")
    note(include, "identification.include")
    note(includeBelow, "identification.include_below")
    for programme in programmes {
      let name = programme.rule.name
      note(programme.eligible, "\(name).eligible")
      let settings: [String]
      switch programme.rule.kind {
      case .relocation: settings = ["cost", "subsidy", "moves_when"]
      case .industry: settings = ["grant", "success", "gain"]
      case .subsidy: settings = ["amount"]
      case .topUp: settings = ["top_up_to"]
      case .training: settings = ["cost", "employment", "wage", "job_loss"]
      case .microcredit: settings = []
      }
      for (program, setting) in zip(programme.values, settings) { note(program, "\(name).\(setting)") }
      effects(programme.onJoin, "\(name).on_join")
      effects(programme.nextYear, "\(name).next_year")
    }
    for (programme, cap) in zip(programmes, caps) {
      guard let cap, let key = cap.priorityKey else { continue }
      switch cap.rule.priority {
      case .lowest: note(key, "\(programme.rule.name).priority_lowest")
      case .highest: note(key, "\(programme.rule.name).priority_highest")
      case .random, .registryOrder: break
      }
    }
    for (programme, credit) in zip(programmes, credits) {
      guard let credit else { continue }
      let name = programme.rule.name
      note(credit.takeUp, "\(name).take_up")
      note(credit.loan, "\(name).loan")
      note(credit.interest, "\(name).interest")
      note(credit.discount, "\(name).discount")
      if let limit = credit.discountLimit { note(limit, "\(name).discount_limit") }
      note(credit.defaultsWhen, "\(name).default_when")
    }
    if let transition {
      note(transition.exitWhen, "exit.when")
      if let share = transition.share { note(share, "transition.share") }
      for kept in transition.kept { note(kept.eligibleAsRegistered, "\(programmes[kept.programme].rule.name).eligible") }
      if let program = transition.marginalBelow { note(program, "monitoring.marginal_below") }
      if let program = transition.monitorExited { note(program, "monitoring.exited") }
      if let program = transition.monitorDetect { note(program, "monitoring.detect") }
    }
    effects(yearStart, "start_of_year")
    effects(yearEnd, "end_of_year")
    note(povertyLine, "poverty_line")
    return origins
  }
}

extension SimulationRunner {
  /// Replays one option of one replication, watching every computed value, and returns
  /// where the first NaN or infinity entered a household's state and which setting computed
  /// it (see `NonFiniteWatch`); nil if the replay finds none (e.g. when it arises in the
  /// measurement itself).
  ///
  /// Determinism: the replay computes exactly what the run computed for that option and
  /// replication (draws depend only on seed, replication, stream, year and household).
  /// - Complexity: one replication of one option, single-threaded, with an O(households)
  ///   check per program evaluation.
  public func traceNonFinite(option: Int, replication: Int) -> NonFiniteOrigin? {
    guard plans.indices.contains(option) else { return nil }
    let plan = plans[option]
    let columns = HouseholdColumns(
      households: scenario.households, columns: plan.layout.columnCount, registers: plan.registerCount,
      constants: max(1, plan.constants.count), scratch: YearCycle.Scratch.count, random: RandomSource(seed: scenario.seed))
    let watch = NonFiniteWatch()
    columns.watch = watch
    var cycle = YearCycle(plan: plan, catalog: catalog, columns: columns, years: scenario.years)
    var output = [Double](repeating: 0, count: scenario.years.count * catalog.names.count)
    output.withUnsafeMutableBufferPointer { cycle.run(replication: replication, into: $0) }
    guard let sighting = watch.result else { return nil }
    let yearOffset = max(0, Int(sighting.yearIndex) - 1)
    var origin = NonFiniteOrigin(
      option: scenario.options[option].name, replication: replication, year: scenario.years.lowerBound + yearOffset,
      isPopulation: sighting.yearIndex == 0, household: sighting.household,
      setting: plan.programOrigins()[sighting.program] ?? "", isUpdate: sighting.isUpdate, value: sighting.value)
    origin.isAfterSetting = sighting.isAfter
    return origin
  }
}
