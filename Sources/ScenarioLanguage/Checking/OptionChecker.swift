/// Checks a scenario's syntax under one set of parameter overrides and resolves it into
/// `ModelRules`. `ScenarioChecker` runs it once for the scenario as written and once per
/// option.
struct OptionChecker {
  let syntax: ScenarioSyntax
  let file: String
  var overrides: [String: ParameterOverride]
  /// Paths that may not be overridden here (header settings inside an option).
  var lockedPaths: Set<String>
  /// How many times `overrides` has been consulted (see `override(at:)`).
  var overrideQueries = 0
  /// When recording: the number of the first query of each path (see `ResumedOptionChecks`).
  var firstOverrideQueries: [String: Int]?
  /// When recording: what each block's check read and did (see `BlockReplay`, which lists
  /// the state a block's check may read: a new field read there must be recorded too).
  var blockLog: BlockLog?
  /// When set: the base check's blocks, to be taken over where they cannot differ.
  var blockReplay: BlockReplay?
  var usedOverrides: Set<String> = []
  var knownPaths: [String] = []
  /// The first `knownPathsIndexed` entries of `knownPaths`, as a set: membership tests stay
  /// O(1) for scenarios with hundreds of thousands of parameters (`knownPaths` only grows).
  var knownPathSet: Set<String> = []
  /// How many entries of `knownPaths` are in `knownPathSet`.
  var knownPathsIndexed = 0
  var diagnostics: [Diagnostic] = []

  // Header
  var firstYear = 2016
  var lastYear = 2016
  var replications = 100
  var seed: UInt64 = 1
  var households = 1000
  var discountRate = 0.0
  /// The household file of a `population from "…"` block, once checked.
  var microdataPopulation: MicrodataPopulation?

  // Declarations
  var attributeNames: [String] = [AttributeDefinition.income, AttributeDefinition.size, AttributeDefinition.group, AttributeDefinition.savings]
  var attributeKinds: [String: AttributeDefinition.ValueKind] = [AttributeDefinition.group: .label]
  var declaredAttributes: Set<String> = []
  var labels: [String] = []
  var globalParameters: [String: NameScope.LocalName] = [:]
  var blockFields: [String: (NameScope.LocalName, [String: NameScope.LocalName])] = [:]
  /// The parameters being resolved, innermost last (a few at most: an array is faster than
  /// a set here).
  var resolving: [String] = []
  var reportedCycles: Set<String> = []
  var resolvedParameters: [String: TypedValue] = [:]
  var drawIndex = 0
  /// Attributes referenced while resolving (for the population's dependency order).
  var referencedAttributes: Set<Int> = []

  init(syntax: ScenarioSyntax, file: String, overrides: [ParameterOverride], lockedPaths: Set<String> = []) {
    self.syntax = syntax
    self.file = file
    self.overrides = Self.table(overrides)
    self.lockedPaths = lockedPaths
  }

  /// Overrides by path; a later override of a path replaces an earlier one.
  static func table(_ overrides: [ParameterOverride]) -> [String: ParameterOverride] {
    var table: [String: ParameterOverride] = [:]
    for override in overrides { table[override.path.value] = override }
    return table
  }

  // MARK: - Diagnostics

  mutating func error(_ id: String, _ message: String, _ range: SourceRange, file: String? = nil, hint: String? = nil) {
    diagnostics.append(Diagnostic(id: id, message: message, file: file ?? self.file, range: range, hint: hint))
  }

  // MARK: - The pass

  /// Checks everything; returns the rules, or nil when there were errors.
  mutating func check() -> ModelRules? {
    var progress = CheckProgress()
    return check(resuming: &progress, checkpoint: nil)
  }

  /// Checks from where `run` stands (the start, or a checkpoint of another checker's run,
  /// see `ResumedOptionChecks`). `checkpoint`, when given, is called at each checkpoint
  /// with the checker and its progress as they are there.
  mutating func check(resuming run: inout CheckProgress, checkpoint: ((OptionChecker, CheckProgress) -> Void)?) -> ModelRules? {
    if run.stage == .header {
      checkHeaderAndDeclarations(&run)
      run.indexBlockNames()
      run.stage = .blocks
    }
    while run.stage == .blocks && run.nextBlock < run.blocks.count {
      checkpoint?(self, run)
      checkOrReplayBlock(&run)
      run.nextBlock += 1
    }
    if run.stage == .blocks {
      checkpoint?(self, run)
      run.transition = checkTransition(
        exit: run.transitionBlocks["exit"] ?? [], transition: run.transitionBlocks["transition"] ?? [],
        monitoring: run.transitionBlocks["monitoring"] ?? [], programmes: run.programmes + run.transfers)
      run.stage = .yearEffects
    }
    if run.stage == .yearEffects {
      checkpoint?(self, run)
      checkOrReplayYearEffects(&run)
      run.stage = .breakdowns
    }
    checkpoint?(self, run)
    let breakdowns = checkBreakdowns(run.reportBy)
    reportUnusedOverrides()

    guard !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
    var rules = ModelRules(
      firstYear: firstYear, povertyLine: run.povertyLine, groups: run.groups, labels: labels, attributes: run.attributes,
      initializationOrder: run.order, growth: run.growth, shocks: run.shocks,
      identification: run.identification ?? IdentificationRule(detect: .constant(1), include: .constant(0), includeBelow: .yearly(.povertyLine)),
      programmes: run.programmes + run.transfers, yearEndEffects: run.endOfYear)
    rules.microdata = microdataPopulation
    rules.yearStartEffects = run.startOfYear
    rules.transition = run.transition
    rules.prices = run.prices
    rules.breakdowns = breakdowns
    return rules
  }

  /// The header, declarations, `let`s, population and growth: everything before the blocks.
  private mutating func checkHeaderAndDeclarations(_ run: inout CheckProgress) {
    var populationSyntax: PopulationSyntax?
    var growthSyntax: [GrowthSyntax] = []
    var headerFields: [String: FieldSyntax] = [:]
    var yearsSyntax: YearSpanSyntax?
    for item in syntax.items {
      switch item {
      case .field(let field) where field.name.value == "report_by": run.reportBy.append(field)
      case .years(let span):
        if yearsSyntax != nil { error("duplicate-setting", "`years` is set twice", span.range, hint: "keep one `years A to B`") }
        yearsSyntax = span
      case .field(let field):
        let known = ["replications", "seed", "poverty_line", "discount"]
        guard known.contains(field.name.value) else {
          let candidates =
            known + [
              "years", "population", "income", "shock", "identification", "programme", "transfer", "option", "sweep", "let", "end", "start", "exit",
              "transition", "monitoring", "price", "report",
            ]
          error(
            "unknown-setting", "unknown setting `\(field.name.value)`", field.name.range,
            hint: NameSuggestion.hint(for: field.name.value, among: candidates)
              ?? "top-level settings are `years`, `replications`, `seed`, `poverty_line`, `discount`, `population`, `income growth`, `shock`, `identification`, `programme`, `transfer`, `end of year`, `option`, `sweep` and `let`"
          )
          continue
        }
        if headerFields[field.name.value] != nil {
          error("duplicate-setting", "`\(field.name.value)` is set twice", field.name.range, hint: "keep one")
        }
        headerFields[field.name.value] = field
      case .parameter(let parameter):
        if globalParameters[parameter.name.value] != nil {
          error("duplicate-name", "parameter `\(parameter.name.value)` is defined twice", parameter.name.range, hint: "give each `let` its own name")
        }
        globalParameters[parameter.name.value] = NameScope.LocalName(path: parameter.name.value, syntax: parameter.value, file: file)
      case .population(let population):
        if populationSyntax != nil { error("duplicate-setting", "the population is defined twice", population.range, hint: "keep one `population` block") }
        populationSyntax = population
      case .growth(let growth): growthSyntax.append(growth)
      case .block(let block): run.blocks.append(block)
      case .yearEnd(let effects): run.yearEnd.append(effects)
      case .option, .sweep: break
      }
    }

    checkYears(yearsSyntax)
    replications = headerCount("replications", headerFields["replications"], default: 100, limit: 10_000_000)
    seed = UInt64(headerCount("seed", headerFields["seed"], default: 1, limit: 9_007_199_254_740_992, allowsZero: true))
    discountRate = checkDiscount(headerFields["discount"])

    collectLabels(populationSyntax, blocks: run.blocks, yearEnd: run.yearEnd)
    declareBlockFields(run.blocks)

    if let field = headerFields["poverty_line"] {
      run.povertyLine = yearlyField("poverty_line", field, expected: .money(allowed: [.person, nil]))
    } else {
      error(
        "missing-setting", "the scenario has no `poverty_line`", syntax.name.range,
        hint: "add e.g. `poverty_line 2952 yuan per person per year indexed 3% per year`")
      run.povertyLine = .constant(0)
    }

    // Every `let` is a parameter, used or not, so options and `--set` can name it.
    for (name, parameter) in globalParameters.sorted(by: { $0.key < $1.key }) {
      _ = resolveParameter(parameter, range: parameter.syntax.range, scope: NameScope(stream: name, place: "`\(name)`"))
    }
    (run.groups, run.attributes, run.order) = checkPopulation(populationSyntax)
    run.growth = checkGrowth(growthSyntax)
  }

  /// One block (`run.nextBlock`): a shock, price, identification, transition part or
  /// programme. Of `run` it reads only the keywords of the blocks named like it before it
  /// and whether identification is defined; `CheckProgress.add(_:of:)` then records the
  /// outcome.
  mutating func checkBlock(_ block: BlockSyntax, _ run: CheckProgress) -> BlockOutcome {
    let earlierKeyword = run.earlierKeywords[run.nextBlock]
    let repeatsTransitionBlock = Self.transitionKeywords.contains(block.keyword.value) && earlierKeyword == block.keyword.value
    if earlierKeyword != nil, !repeatsTransitionBlock {
      error(
        "duplicate-name", "two blocks are named `\(block.pathName)`", block.name?.range ?? block.keyword.range,
        hint: "give each its own name, e.g. `programme \(block.kind?.value ?? "industry") tea \"White peony tea\" { … }`")
    }
    switch block.keyword.value {
    case "shock": return .shock(checkShock(block))
    case "price": return .price(checkPrice(block))
    case "identification":
      if run.identification != nil {
        error("duplicate-setting", "identification is defined twice", block.keyword.range, hint: "keep one `identification` block")
      }
      return .identification(checkIdentification(block, povertyLine: run.povertyLine))
    case "transfer": return .transfer(checkProgramme(block))
    case "exit", "transition", "monitoring": return .transitionPart
    default: return .programme(checkProgramme(block))
    }
  }

  // MARK: - Header

  private mutating func checkYears(_ span: YearSpanSyntax?) {
    guard let span else {
      error("missing-setting", "the scenario has no `years`", syntax.name.range, hint: "add e.g. `years 2016 to 2025`")
      return
    }
    firstYear = span.first.value
    lastYear = span.last.value
    if lastYear < firstYear {
      error(
        "years-reversed", "the last year \(lastYear) is before the first year \(firstYear)", span.range,
        hint: "write `years \(lastYear) to \(firstYear)`")
      // Go on with the span the hint suggests, so that years inside it are not reported too.
      swap(&firstYear, &lastYear)
    } else if lastYear - firstYear >= 200 {
      error("too-many-years", "\(lastYear - firstYear + 1) years is more than the 200 a scenario may simulate", span.range, hint: nil)
      lastYear = firstYear
    }
  }

  private mutating func headerCount(_ path: String, _ field: FieldSyntax?, default value: Int, limit: Double, allowsZero: Bool = false) -> Int {
    knownPaths.append(path)
    guard let (expression, fileName) = valueSyntax(path, field?.value) else { return value }
    let scope = NameScope(allowsAttributes: false, allowsVariables: false, stream: path, place: "`\(path)`")
    guard let typed = resolve(expression, file: fileName, scope: scope) else { return value }
    guard case .constant(let number) = typed.value else {
      error("expected-constant", "`\(path)` must be a number known before the run", expression.range, file: fileName, hint: nil)
      return value
    }
    let lowest = allowsZero ? 0.0 : 1.0
    guard number.rounded() == number, number >= lowest, number <= limit else {
      error(
        "out-of-range", "`\(path)` must be a whole number from \(Int(lowest)) to \(CountFormat.text(limit)), not \(CountFormat.text(number))",
        expression.range, file: fileName, hint: nil)
      return value
    }
    return Int(number)
  }

  /// `discount 3% per year`: the rate of the cost-effectiveness metrics, from 0% to below 100%.
  private mutating func checkDiscount(_ field: FieldSyntax?) -> Double {
    let path = "discount"
    knownPaths.append(path)
    guard let (expression, fileName) = valueSyntax(path, field?.value) else { return 0 }
    let scope = NameScope(allowsAttributes: false, allowsVariables: false, stream: path, place: "`\(path)`")
    let before = diagnostics.count
    guard let typed = resolve(expression, file: fileName, scope: scope) else { return 0 }
    checkValue(typed, expression: expression, unit: expression.literalUnit ?? field?.unit, expected: .rate, path: path, file: fileName)
    guard diagnostics.count == before else { return 0 }
    guard case .constant(let rate) = typed.value else {
      error("expected-constant", "`\(path)` must be a number known before the run", expression.range, file: fileName, hint: "e.g. `discount 3% per year`")
      return 0
    }
    guard rate >= 0, rate < 1 else {
      error(
        "out-of-range", "`\(path)` is \(CountFormat.percent(rate)), outside 0% to 100%", expression.range, file: fileName,
        hint: "a discount rate is a yearly percentage from 0% to below 100%, e.g. `discount 3% per year`")
      return 0
    }
    return rate
  }

  // MARK: - Values of settings, with overrides

  /// The expression of a parameter: the override if there is one, else the written one.
  mutating func valueSyntax(_ path: String, _ written: Expression?) -> (Expression, String)? {
    if let override = override(at: path) {
      usedOverrides.insert(path)
      if lockedPaths.contains(path) {
        error(
          "override-not-allowed", "`\(path)` is shared by all options and cannot be changed in one", override.path.range, file: override.file,
          hint: "set it at the top of the scenario or on the command line")
      }
      return (override.value, override.file)
    }
    return written.map { ($0, file) }
  }

  /// The override of a path, if any. Every look-up of `overrides` before the last checkpoint
  /// of `check(resuming:checkpoint:)` goes through here (and `lockedPaths` is only read for
  /// a path looked up here): a check that gets the same answers up to a checkpoint takes the
  /// same course up to it, which `ResumedOptionChecks` relies on.
  mutating func override(at path: String) -> ParameterOverride? {
    if firstOverrideQueries != nil, firstOverrideQueries?[path] == nil { firstOverrideQueries?[path] = overrideQueries }
    if blockLog != nil { blockLog?.noteQuery(path) }
    overrideQueries += 1
    return overrides[path]
  }

  private mutating func reportUnusedOverrides() {
    for (path, override) in overrides.sorted(by: { $0.key < $1.key }) where !usedOverrides.contains(path) {
      error(
        "unknown-parameter", "there is no parameter `\(path)`", override.path.range, file: override.file,
        hint: NameSuggestion.hint(for: path, among: knownPaths)
          ?? "parameters are named by block and setting, e.g. `relocation.subsidy`; `policysim check --parameters` lists them")
    }
  }

  /// Whether an expression is a condition by its form (`bernoulli(…)`, a comparison, `and`,
  /// `or`, `not`, `true`, `false`), so that attributes can be used as conditions before
  /// their definitions are resolved.
  static func isCondition(_ expression: Expression) -> Bool {
    switch expression.kind {
    case .boolean: return true
    case .call(let name, _): return name.value == "bernoulli"
    case .unary(let op, _): return op == .not
    case .binary(let op, _, _):
      switch op {
      case .and, .or, .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: return true
      default: return false
      }
    default: return false
    }
  }

  /// The set of parameter paths seen (for `policysim check --parameters`).
  var parameterPaths: [String] { knownPaths }

  /// Resolves a setting that may depend on the year only (the poverty line).
  mutating func yearlyField(_ path: String, _ field: FieldSyntax, expected: ExpectedUnit) -> ValueExpression {
    knownPaths.append(path)
    guard let (expression, fileName) = valueSyntax(path, field.value) else { return .constant(0) }
    let scope = NameScope(allowsAttributes: false, allowsVariables: false, stream: path, place: "`\(path)`")
    guard let typed = resolve(expression, file: fileName, scope: scope) else { return .constant(0) }
    checkValue(typed, expression: expression, unit: expression.literalUnit ?? field.unit, expected: expected, path: path, file: fileName)
    return typed.value
  }

  /// Checks a resolved value's type, unit and range against what the setting expects.
  /// Returns the denominator written with a money unit, if any.
  @discardableResult
  mutating func checkValue(_ typed: TypedValue, expression: Expression, unit: UnitSyntax?, expected: ExpectedUnit, path: String, file fileName: String)
    -> UnitSyntax.Denominator?
  {
    let range = expression.range
    switch expected {
    case .condition:
      if typed.type != .boolean {
        error(
          "type-mismatch", "`\(path)` must be a condition, but this is \(typed.type.description)", range, file: fileName,
          hint: "e.g. `registered and land >= 1`")
      }
      return nil
    default:
      if typed.type != .number {
        error("type-mismatch", "`\(path)` must be a number, but this is \(typed.type.description)", range, file: fileName, hint: nil)
        return nil
      }
    }
    var denominator: UnitSyntax.Denominator?
    if let unit {
      switch expected {
      case .money(let allowed):
        let per = unit.perWithoutYear
        let measureOK = unit.measure == nil || unit.measure == .yuan
        let perOK = per.count <= 1 && allowed.contains(per.first)
        if !measureOK || !perOK {
          let written = unit.description
          let forms = allowed.compactMap { $0?.rawValue }
          error(
            "unit-mismatch", "`\(written)` where \(expected.description) was expected", unit.range, file: fileName,
            hint: "`\(path)` is in yuan per \(forms.joined(separator: " or per "))")
        }
        denominator = per.first
      case .share, .rate:
        if let measure = unit.measure, measure != .percent {
          error("unit-mismatch", "`\(unit.description)` where \(expected.description) was expected", unit.range, file: fileName, hint: nil)
        } else if !unit.perWithoutYear.isEmpty {
          error(
            "unit-mismatch", "`\(unit.description)` where \(expected.description) was expected", unit.range, file: fileName,
            hint: "only `per year` may follow a share or rate")
        }
      case .count(let measure):
        if let written = unit.measure, written != measure || !unit.per.isEmpty {
          error("unit-mismatch", "`\(unit.description)` where \(expected.description) was expected", unit.range, file: fileName, hint: nil)
        }
      case .number, .condition:
        break
      }
    }
    if case .constant(let value) = typed.value {
      switch expected {
      case .share:
        if !(0...1).contains(value) {
          var hint = "expected a share between 0% and 100%"
          if value > 1, value <= 100, unit?.measure != .percent { hint = "did you mean `\(CountFormat.text(value))%`? A share is between 0% and 100%" }
          error("out-of-range", "`\(path)` is \(CountFormat.percent(value)), outside 0% to 100%", range, file: fileName, hint: hint)
        }
      case .money:
        if value < 0 { error("out-of-range", "`\(path)` cannot be negative", range, file: fileName, hint: "an amount of money is 0 or more") }
      case .count:
        if value < 1 || value.rounded() != value {
          error("out-of-range", "`\(path)` must be a whole number of at least 1, not \(CountFormat.text(value))", range, file: fileName, hint: nil)
        }
      default: break
      }
    }
    return denominator
  }

  // MARK: - Labels and block declarations

  private mutating func collectLabels(_ population: PopulationSyntax?, blocks: [BlockSyntax], yearEnd: [EffectListSyntax]) {
    func addLabel(_ label: String) { if !labels.contains(label) { labels.append(label) } }
    if let population {
      for group in population.groups { addLabel(group.name.value) }
      if population.groups.isEmpty { addLabel("all") }
      if let microdata = population.microdata { declareMicrodata(microdata) }
      let allAttributes = population.attributes + population.groups.flatMap(\.attributes)
      for attribute in allAttributes {
        if !attributeNames.contains(attribute.name.value) { attributeNames.append(attribute.name.value) }
        declaredAttributes.insert(attribute.name.value)
        if case .call(let name, let arguments) = attribute.value.kind, name.value == "categorical",
          let firstLabel = arguments.first?.label, firstLabel.value.first?.isLetter ?? false
        {
          attributeKinds[attribute.name.value] = .label
          for argument in arguments { if let label = argument.label { addLabel(label.value) } }
        } else if attributeKinds[attribute.name.value] == nil, Self.isCondition(attribute.value) {
          attributeKinds[attribute.name.value] = .boolean
        }
      }
    } else {
      addLabel("all")
    }
    // Labels assigned by effects (`group = relocated`) become known labels.
    var lists = yearEnd
    for block in blocks {
      for item in block.items { if case .effects(let list) = item { lists.append(list) } }
    }
    for list in lists {
      for effect in list.effects where effect.operation == .set && attributeKinds[effect.target.value] == .label {
        if case .name(let label) = effect.value.kind, !attributeNames.contains(label), globalParameters[label] == nil {
          addLabel(label)
        }
      }
    }
  }

  private mutating func declareBlockFields(_ blocks: [BlockSyntax]) {
    for block in blocks {
      var locals: [String: NameScope.LocalName] = [:]
      for item in block.items {
        switch item {
        case .field(let field):
          locals[field.name.value] = NameScope.LocalName(path: "\(block.pathName).\(field.name.value)", syntax: field.value, file: file)
        case .parameter(let parameter):
          locals[parameter.name.value] = NameScope.LocalName(path: "\(block.pathName).\(parameter.name.value)", syntax: parameter.value, file: file)
        default: break
        }
      }
      for (name, local) in locals { blockFields["\(block.pathName).\(name)"] = (local, locals) }
    }
  }
}

/// Number formatting for messages.
enum CountFormat {
  static func text(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }
  static func percent(_ value: Double) -> String { text((value * 100 * 1e6).rounded() / 1e6) + "%" }
}
