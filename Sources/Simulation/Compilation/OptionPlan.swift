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
  }

  struct CompiledEffect: Sendable {
    var target: Int
    var operation: EffectRule.Operation
    var value: ColumnProgram
  }

  struct CompiledShock: Sendable {
    var rule: ShockRule
    var eligible: ColumnProgram
    var probability: ColumnProgram
    var cost: ColumnProgram
    var reimbursed: ColumnProgram
    var stream: UInt32
  }

  struct CompiledProgramme: Sendable {
    var rule: ProgrammeRule
    var eligible: ColumnProgram
    /// relocation: cost, subsidy, movesWhen; industry: grant, success, gain; subsidy: amount;
    /// top-up: level.
    var values: [ColumnProgram]
    var stream: UInt32
    var onJoin: [CompiledEffect]
    var nextYear: [CompiledEffect]
  }

  let rules: ModelRules
  let layout: Layout
  let constants: [ValueExpression]
  let attributeInitial: [(common: ColumnProgram, byGroup: [(code: Int, program: ColumnProgram)])]
  let growthCommon: ColumnProgram?
  let growthByGroup: [(code: Int, program: ColumnProgram)]
  let shocks: [CompiledShock]
  let detect: ColumnProgram
  let include: ColumnProgram
  let includeBelow: ColumnProgram
  let identificationStream: UInt32
  let programmes: [CompiledProgramme]
  let yearEnd: [CompiledEffect]
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
    // Columns of caps and loans come after all others, so that scenarios without them keep
    // their layout.
    let capColumns = rules.programmes.map { $0.cap == nil ? nil : (column(), column(), column()) }
    let creditColumns = rules.programmes.map { $0.isMicrocredit ? (column(), column(), column()) : nil }
    layout = Layout(
      attributeCount: rules.attributes.count, disposable: disposable, preTransfer: preTransfer, registered: registered,
      registeredNext: registeredNext, joined: joined, pending: pending, debtPayment: payment, debtYearsLeft: yearsLeft, columnCount: next)

    var compiler = ProgramCompiler(variableColumns: [.disposable: disposable, .registered: registered])
    var maxRegisters = 1
    func compile(_ expression: ValueExpression) -> ColumnProgram {
      let program = compiler.compile(expression)
      maxRegisters = max(maxRegisters, program.registerCount)
      return program
    }
    func effects(_ list: [EffectRule]) -> [CompiledEffect] {
      list.map { CompiledEffect(target: $0.target, operation: $0.operation, value: compile($0.value)) }
    }
    attributeInitial = rules.attributes.map { attribute in
      (compile(attribute.initial), attribute.initialByGroup.sorted { $0.key < $1.key }.map { ($0.key, compile($0.value)) })
    }
    growthCommon = rules.growth.common.map(compile)
    growthByGroup = rules.growth.byGroup.sorted { $0.key < $1.key }.map { ($0.key, compile($0.value)) }
    shocks = rules.shocks.map {
      CompiledShock(
        rule: $0, eligible: compile($0.eligible), probability: compile($0.probability), cost: compile($0.cost),
        reimbursed: compile($0.reimbursed), stream: RandomSource.purpose($0.stream))
    }
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
      case .microcredit(let terms):
        values = []
        stream = RandomSource.purpose(terms.takeUpStream)
      }
      return CompiledProgramme(
        rule: programme, eligible: compile(programme.eligible), values: values, stream: stream,
        onJoin: effects(programme.onJoin), nextYear: effects(programme.nextYear))
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
