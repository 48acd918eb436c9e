import ScenarioLanguage

/// One option's rules compiled for the year cycle: column layout, column programs and the
/// table of per-year constants.
struct OptionPlan: Sendable {
  /// Columns of year-cycle state that come after the attribute columns.
  struct Layout: Sendable {
    var attributeCount: Int
    var disposable: Int
    var preTransfer: Int
    var registered: Int
    var registeredNext: Int
    /// Per programme: joined (0/1), pending next-year effects (0/1), yearly debt payment and
    /// years of repayment left (relocation only; else -1).
    var joined: [Int]
    var pending: [Int]
    var debtPayment: [Int]
    var debtYearsLeft: [Int]
    var columnCount: Int
    /// With a weighted household file: each household's sampling weight, and its persons'
    /// weight (size × weight) for the year being measured; -1 without weights.
    var householdWeight = -1
    var personWeight = -1
    /// Per programme: the job held (0 none, 1 held, 2 paid this year) for training; else -1.
    var employed: [Int] = []
    /// Per shock: yearly debt payment and years of repayment left (`debt repaid over` only;
    /// else -1).
    var shockDebtPayment: [Int] = []
    var shockDebtYearsLeft: [Int] = []
  }

  struct CompiledEffect: Sendable {
    var target: Int
    var operation: EffectRule.Operation
    var value: ColumnProgram
    /// `… when CONDITION`.
    var condition: ColumnProgram? = nil
  }

  /// A class for the same reason as `CompiledProgramme`.
  final class CompiledShock: Sendable {
    let rule: ShockRule
    let eligible: ColumnProgram
    let probability: ColumnProgram
    let cost: ColumnProgram
    let reimbursed: ColumnProgram
    let stream: UInt32
    /// Covariate shocks and health support (ShockHazards.swift); nil for a plain shock.
    let hazard: CompiledHazard?

    init(
      rule: ShockRule, eligible: ColumnProgram, probability: ColumnProgram, cost: ColumnProgram, reimbursed: ColumnProgram,
      stream: UInt32, hazard: CompiledHazard? = nil
    ) {
      self.rule = rule
      self.eligible = eligible
      self.probability = probability
      self.cost = cost
      self.reimbursed = reimbursed
      self.stream = stream
      self.hazard = hazard
    }
  }

  /// A class, never changed once compiled: the year cycle looks programmes up for every
  /// block, and a struct of this many arrays would be copied (and its references counted)
  /// each time.
  final class CompiledProgramme: Sendable {
    let rule: ProgrammeRule
    let eligible: ColumnProgram
    /// relocation: cost, subsidy, movesWhen; industry: grant, success, gain; subsidy: amount;
    /// top-up: level.
    let values: [ColumnProgram]
    let stream: UInt32
    let onJoin: [CompiledEffect]
    let nextYear: [CompiledEffect]
    /// Training: the job-loss stream (`stream` is the employment draw's).
    let secondStream: UInt32

    init(
      rule: ProgrammeRule, eligible: ColumnProgram, values: [ColumnProgram], stream: UInt32, onJoin: [CompiledEffect],
      nextYear: [CompiledEffect], secondStream: UInt32 = 0
    ) {
      self.rule = rule
      self.eligible = eligible
      self.values = values
      self.stream = stream
      self.onJoin = onJoin
      self.nextYear = nextYear
      self.secondStream = secondStream
    }
  }

  let rules: ModelRules
  let layout: Layout
  let constants: [ValueExpression]
  let attributeInitial: [(common: ColumnProgram, byGroup: [(code: Int, program: ColumnProgram)])]
  let growthCommon: ColumnProgram?
  let growthByGroup: [(code: Int, program: ColumnProgram)]
  let shocks: [CompiledShock]
  /// Market price shocks (PriceShocks.swift).
  let prices: [CompiledPrice]
  let detect: ColumnProgram
  let include: ColumnProgram
  let includeBelow: ColumnProgram
  let identificationStream: UInt32
  let programmes: [CompiledProgramme]
  let yearEnd: [CompiledEffect]
  let yearStart: [CompiledEffect]
  /// Exit, transition and monitoring; nil when the registry is drawn up every year.
  let transition: CompiledTransition?
  /// Per programme: its budget cap, or nil.
  let caps: [CompiledCap?]
  /// Per programme: its loans, when it is a microcredit programme.
  let credits: [CompiledMicrocredit?]
  let registerCount: Int
  /// A program that yields the poverty line (for per-household comparisons).
  let povertyLine: ColumnProgram

  init(rules: ModelRules) {
    self.rules = rules
    var next = rules.attributes.count
    func column() -> Int {
      next += 1
      return next - 1
    }
    let disposable = column()
    let preTransfer = column()
    let registered = column()
    let registeredNext = column()
    var joined: [Int] = []
    var pending: [Int] = []
    var payment: [Int] = []
    var yearsLeft: [Int] = []
    for programme in rules.programmes {
      joined.append(column())
      pending.append(column())
      payment.append(programme.isRelocation ? column() : -1)
      yearsLeft.append(programme.isRelocation ? column() : -1)
    }
    var shockPayment: [Int] = []
    var shockYearsLeft: [Int] = []
    for shock in rules.shocks {
      let hasDebt = shock.support?.repaymentYears != nil
      shockPayment.append(hasDebt ? column() : -1)
      shockYearsLeft.append(hasDebt ? column() : -1)
    }
    let employed = rules.programmes.map { $0.isTraining ? column() : -1 }
    var transitionColumns: CompiledTransition.Columns?
    var variableColumns: [ValueExpression.HouseholdVariable: Int] = [.disposable: disposable, .registered: registered]
    if rules.transition != nil {
      let columns = CompiledTransition.Columns(
        exited: column(), monitored: column(), yearsSinceExit: column(), exitRun: column(), everExited: column(), everPoor: column(),
        waiting: column())
      variableColumns[.exited] = columns.exited
      variableColumns[.monitored] = columns.monitored
      variableColumns[.yearsSinceExit] = columns.yearsSinceExit
      transitionColumns = columns
    }
    // Columns of caps and loans: only scenarios with them have them.
    let capColumns = rules.programmes.map { $0.cap == nil ? nil : (column(), column(), column()) }
    let creditColumns = rules.programmes.map { $0.isMicrocredit ? (column(), column(), column()) : nil }
    var layout = Layout(
      attributeCount: rules.attributes.count, disposable: disposable, preTransfer: preTransfer, registered: registered,
      registeredNext: registeredNext, joined: joined, pending: pending, debtPayment: payment, debtYearsLeft: yearsLeft, columnCount: next,
      employed: employed)
    layout.shockDebtPayment = shockPayment
    layout.shockDebtYearsLeft = shockYearsLeft
    if rules.microdata?.weights != nil {
      layout.householdWeight = column()
      layout.personWeight = column()
      layout.columnCount = next
    }
    self.layout = layout

    var compiler = ProgramCompiler(variableColumns: variableColumns)
    var maxRegisters = 1
    func compile(_ expression: ValueExpression) -> ColumnProgram {
      let program = compiler.compile(expression)
      maxRegisters = max(maxRegisters, program.registerCount)
      return program
    }
    func effects(_ list: [EffectRule]) -> [CompiledEffect] {
      list.map { CompiledEffect(target: $0.target, operation: $0.operation, value: compile($0.value), condition: $0.condition.map(compile)) }
    }
    attributeInitial = rules.attributes.map { attribute in
      (compile(attribute.initial), attribute.initialByGroup.sorted { $0.key < $1.key }.map { ($0.key, compile($0.value)) })
    }
    growthCommon = rules.growth.common.map(compile)
    growthByGroup = rules.growth.byGroup.sorted { $0.key < $1.key }.map { ($0.key, compile($0.value)) }
    shocks = rules.shocks.map {
      CompiledShock(
        rule: $0, eligible: compile($0.eligible), probability: compile($0.probability), cost: compile($0.cost),
        reimbursed: compile($0.reimbursed), stream: RandomSource.purpose($0.stream), hazard: CompiledHazard(shock: $0, compile: compile))
    }
    prices = rules.prices.map { CompiledPrice(rule: $0, share: compile($0.share)) }
    detect = compile(rules.identification.detect)
    include = compile(rules.identification.include)
    includeBelow = compile(rules.identification.includeBelow)
    identificationStream = RandomSource.purpose("identification")
    programmes = rules.programmes.map { programme in
      let values: [ColumnProgram]
      var stream: UInt32 = 0
      switch programme.kind {
      case .relocation(let cost, let subsidy, let movesWhen, _): values = [compile(cost), compile(subsidy), compile(movesWhen)]
      case .industry(let grant, let success, let gain, let successStream):
        values = [compile(grant), compile(success), compile(gain)]
        stream = RandomSource.purpose(successStream)
      case .subsidy(let amount): values = [compile(amount)]
      case .topUp(let level): values = [compile(level)]
      case .training(let training):
        values = [compile(training.cost), compile(training.employment), compile(training.wage), compile(training.jobLoss)]
        stream = RandomSource.purpose(training.employmentStream)
      case .microcredit(let terms):
        values = []
        stream = RandomSource.purpose(terms.takeUpStream)
      }
      var secondStream: UInt32 = 0
      if case .training(let training) = programme.kind { secondStream = RandomSource.purpose(training.jobLossStream) }
      return CompiledProgramme(
        rule: programme, eligible: compile(programme.eligible), values: values, stream: stream,
        onJoin: effects(programme.onJoin), nextYear: effects(programme.nextYear), secondStream: secondStream)
    }
    caps = zip(rules.programmes, capColumns).map { programme, columns in
      guard let cap = programme.cap, let (selected, cost, key) = columns else { return nil }
      var priorityKey: ColumnProgram?
      switch cap.priority {
      case .lowest(let expression), .highest(let expression): priorityKey = compile(expression)
      case .random, .registryOrder: break
      }
      return CompiledCap(
        rule: cap, priorityKey: priorityKey, priorityStream: RandomSource.purpose(cap.priorityStream), selected: selected, cost: cost, key: key)
    }
    credits = zip(rules.programmes, creditColumns).map { programme, columns in
      guard case .microcredit(let terms) = programme.kind, let (principal, yearsLeft, barred) = columns else { return nil }
      return CompiledMicrocredit(
        terms: terms, takeUp: compile(terms.takeUp), loan: compile(terms.loan), interest: compile(terms.interest),
        discount: compile(terms.discount), discountLimit: terms.discountLimit.map(compile), defaultsWhen: compile(terms.defaultsWhen),
        takeUpStream: RandomSource.purpose(terms.takeUpStream), finances: terms.finances.flatMap { name in rules.programmes.firstIndex { $0.name == name } },
        principal: principal, yearsLeft: yearsLeft, barred: barred)
    }
    yearEnd = effects(rules.yearEndEffects)
    yearStart = effects(rules.yearStartEffects)
    if let rule = rules.transition, let columns = transitionColumns {
      let kept = (rule.window?.kept ?? []).map {
        CompiledTransition.Kept(programme: $0, eligibleAsRegistered: compile(rules.programmes[$0].eligible.readingRegisteredAsTrue()))
      }
      transition = CompiledTransition(
        rule: rule, columns: columns, exitWhen: compile(rule.exitWhen), kept: kept, share: rule.window.map { compile($0.share) },
        marginalBelow: rule.monitoring.map { compile($0.marginalBelow) }, monitorExited: rule.monitoring.map { compile($0.exited) },
        monitorDetect: rule.monitoring.map { compile($0.detect) }, monitoringStream: RandomSource.purpose(rule.monitoring?.stream ?? "monitoring"))
    } else {
      transition = nil
    }
    povertyLine = compile(.yearly(.povertyLine))
    constants = compiler.constants
    registerCount = maxRegisters
  }

  /// The per-year constants of a year.
  func constantValues(year: Int) -> [Double] {
    let line = rules.povertyLine.value(inYear: year) ?? .nan
    return constants.map { $0.value(inYear: year, povertyLine: line) ?? .nan }
  }

  /// The poverty line of a year.
  func povertyLine(year: Int) -> Double { rules.povertyLine.value(inYear: year) ?? .nan }
}
