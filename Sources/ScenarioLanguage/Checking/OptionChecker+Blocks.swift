extension OptionChecker {
  /// What settings a block accepts.
  struct SettingSpec {
    var name: String
    var expected: ExpectedUnit
    var required = false
  }

  static func settings(for block: BlockSyntax) -> [SettingSpec]? {
    let eligible = SettingSpec(name: "eligible", expected: .condition)
    switch block.keyword.value {
    case "shock":
      return [
        SettingSpec(name: "probability", expected: .share, required: true),
        SettingSpec(name: "cost", expected: .money(allowed: [.household, nil]), required: true),
        SettingSpec(name: "reimbursed", expected: .share), eligible,
      ]
    case "identification":
      return [
        SettingSpec(name: "detect", expected: .share), SettingSpec(name: "include", expected: .share),
        SettingSpec(name: "include_below", expected: .money(allowed: [.person, nil])),
      ]
    case "transfer":
      return [SettingSpec(name: "top_up_to", expected: .money(allowed: [.person, nil]), required: true), eligible]
    case "exit", "transition", "monitoring":
      return transitionSettings(for: block.keyword.value)
    default:
      switch block.kind?.value {
      case "relocation":
        return [
          SettingSpec(name: "cost", expected: .money(allowed: [.household, nil]), required: true),
          SettingSpec(name: "subsidy", expected: .money(allowed: [.household, nil])),
          SettingSpec(name: "moves_when", expected: .condition),
          SettingSpec(name: "repayment_years", expected: .count(.years)), eligible,
        ]
      case "industry":
        return [
          SettingSpec(name: "grant", expected: .money(allowed: [.mu, .household, .person, .child, nil])),
          SettingSpec(name: "success", expected: .share),
          SettingSpec(name: "gain", expected: .money(allowed: [.person, .household, nil])), eligible,
        ]
      case "subsidy":
        return [SettingSpec(name: "amount", expected: .money(allowed: [.household, .person, .mu, .child, nil]), required: true), eligible]
      case "training":
        return trainingSettings + [eligible]
      case "microcredit":
        return microcreditSettings(for: block)
      default: return nil
      }
    }
  }

  /// The settings of a block, checked: values by name and the money denominators written.
  struct CheckedSettings {
    var values: [String: ValueExpression] = [:]
    var denominators: [String: UnitSyntax.Denominator] = [:]
    var years: ClosedRange<Int>
    var onJoin: [EffectRule] = []
    var nextYear: [EffectRule] = []
    /// `keep a, b` (transition only).
    var keep: NameListSyntax?
    var complete = true
  }

  /// What `checkSettings` gathers from a block before checking its settings: a function of
  /// the block's syntax and the header (besides the diagnostics and `let` paths it adds).
  struct SettingsPlan: Sendable {
    var scope: NameScope
    /// The field written for each setting, in the order of the specs (nil: not written).
    var written: [FieldSyntax?]
    var effectLists: [EffectListSyntax]
    var years: ClosedRange<Int>
    var keep: NameListSyntax?
    /// The path of each setting, in the order of the specs.
    var paths: [String]
  }

  mutating func checkSettings(_ block: BlockSyntax, specs: [SettingSpec]) -> CheckedSettings {
    let plan = checkOrReplayPlan(block, specs: specs)
    var result = CheckedSettings(years: plan.years)
    result.keep = plan.keep
    result.values.reserveCapacity(specs.count)
    for (index, spec) in specs.enumerated() {
      let outcome = checkOrReplaySetting(spec, path: plan.paths[index], written: plan.written[index], scope: plan.scope, block: block)
      if let value = outcome.value { result.values[spec.name] = value }
      if let denominator = outcome.denominator { result.denominators[spec.name] = denominator }
      if !outcome.complete { result.complete = false }
    }
    let effectsPath = "\(block.pathName).effects"
    for list in plan.effectLists {
      let effects = checkOrReplayEffects(list, scope: plan.scope, path: effectsPath)
      if list.timing == .onJoin { result.onJoin += effects } else { result.nextYear += effects }
    }
    return result
  }

  /// The plan of `checkSettings`: the block's statements sorted out, with the diagnostics
  /// of those that do not belong.
  mutating func settingsPlan(_ block: BlockSyntax, specs: [SettingSpec]) -> SettingsPlan {
    let blockName = block.pathName
    var years = firstYear...lastYear
    var keep: NameListSyntax?
    var locals: [String: NameScope.LocalName] = [:]
    var written: [String: FieldSyntax] = [:]
    var effectLists: [EffectListSyntax] = []
    var yearsSeen = false
    let allowedEffects = block.keyword.value == "programme"
    for item in block.items {
      switch item {
      case .field(let field):
        guard specs.contains(where: { $0.name == field.name.value }) else {
          let names = specs.map(\.name) + ["years", "let"]
          error(
            "unknown-setting", "unknown setting `\(field.name.value)` in \(describe(block))", field.name.range,
            hint: NameSuggestion.hint(for: field.name.value, among: names)
              ?? "\(describe(block)) accepts \(specs.map { "`\(Self.written($0.name))`" }.joined(separator: ", ")) and `years`")
          continue
        }
        if written[field.name.value] != nil {
          error("duplicate-setting", "`\(Self.written(field.name.value))` is set twice in \(describe(block))", field.name.range, hint: "keep one")
        }
        written[field.name.value] = field
        locals[field.name.value] = NameScope.LocalName(path: "\(blockName).\(field.name.value)", syntax: field.value, file: file)
      case .parameter(let parameter):
        locals[parameter.name.value] = NameScope.LocalName(path: "\(blockName).\(parameter.name.value)", syntax: parameter.value, file: file)
        knownPaths.append("\(blockName).\(parameter.name.value)")
      case .years(let span) where block.keyword.value == "identification":
        error("unknown-setting", "identification has no `years`: the registry is drawn up every year", span.range, hint: "remove the line")
      case .names(let list):
        if block.keyword.value == "transition" && list.name.value == "keep" {
          if keep != nil { error("duplicate-setting", "`keep` is set twice in transition", list.name.range, hint: "list every name in one `keep`") }
          keep = list
        } else {
          error(
            "unknown-setting", "unknown setting `\(list.name.value)` in \(describe(block))", list.name.range,
            hint: "`keep a, b` lists the support exited households keep; it belongs in `transition { … }`")
        }
      case .years(let span):
        if yearsSeen { error("duplicate-setting", "`years` is set twice in \(describe(block))", span.range, hint: "keep one") }
        yearsSeen = true
        years = checkActiveYears(span, block: block)
      case .effects(let list):
        if allowedEffects && list.timing != .endOfYear {
          effectLists.append(list)
        } else {
          error("unexpected-effects", "`\(list.timing.rawValue)` effects belong in a programme", list.range, hint: nil)
        }
      }
    }
    var scope = NameScope(locals: locals, stream: blockName, place: describe(block))
    scope.unwrittenSettings = Set(specs.map(\.name).filter { written[$0] == nil })
    return SettingsPlan(
      scope: scope, written: specs.map { written[$0.name] }, effectLists: effectLists, years: years, keep: keep,
      paths: specs.map { "\(blockName).\($0.name)" })
  }

  /// One setting of `checkSettings`: its value from the override or the block, resolved and
  /// checked against what the setting expects.
  mutating func checkSetting(_ spec: SettingSpec, path: String, written: FieldSyntax?, scope: NameScope, block: BlockSyntax) -> SettingOutcome {
    var outcome = SettingOutcome()
    knownPaths.append(path)
    guard let (expression, fileName) = valueSyntax(path, written?.value) else {
      if spec.required {
        error(
          "missing-setting", "\(describe(block)) has no `\(Self.written(spec.name))`", block.keyword.range.union(block.name?.range ?? block.keyword.range),
          hint: "add `\(Self.written(spec.name)) …` inside the block")
        outcome.complete = false
      }
      return outcome
    }
    var fieldScope = scope
    fieldScope.stream = path
    drawIndex = 0
    guard let typed = resolve(expression, file: fileName, scope: fieldScope, argumentPath: path) else {
      outcome.complete = false
      return outcome
    }
    let unit = expression.literalUnit ?? written?.unit
    outcome.denominator = checkValue(typed, expression: expression, unit: unit, expected: spec.expected, path: path, file: fileName)
    outcome.value = typed.value
    return outcome
  }

  private mutating func checkActiveYears(_ span: YearSpanSyntax, block: BlockSyntax) -> ClosedRange<Int> {
    guard span.first.value <= span.last.value else {
      error(
        "years-reversed", "the last year \(span.last.value) is before the first year \(span.first.value)", span.range,
        hint: "write `years \(span.last.value) to \(span.first.value)`")
      return firstYear...lastYear
    }
    guard span.first.value >= firstYear, span.last.value <= lastYear else {
      let bad = span.first.value < firstYear ? span.first : span.last
      error(
        "year-out-of-span", "year \(bad.value) is outside the simulated span \(firstYear) to \(lastYear)", bad.range,
        hint: "\(describe(block)) can only be active in simulated years; change it or the scenario's `years`")
      return max(firstYear, span.first.value)...max(max(firstYear, span.first.value), min(lastYear, span.last.value))
    }
    return span.first.value...span.last.value
  }

  func describe(_ block: BlockSyntax) -> String {
    switch block.keyword.value {
    case "programme": return "programme `\(block.pathName)`"
    case "identification", "exit", "transition", "monitoring": return block.keyword.value
    default: return "\(block.keyword.value) `\(block.pathName)`"
    }
  }

  static func written(_ setting: String) -> String {
    switch setting {
    case "eligible": return "eligible when"
    case "moves_when": return "moves when"
    case "repayment_years": return "debt repaid over"
    case "top_up_to": return "top up to"
    case "marginal_below": return "marginal below"
    case "job_loss": return "job loss"
    case "share_of_income": return "share of income"
    case "take_up": return "take up"
    case "default_when": return "default when"
    case "discount_limit": return "discount limit"
    case "priority_lowest": return "priority lowest"
    case "priority_highest": return "priority highest"
    default: return setting
    }
  }

  // MARK: - Blocks

  mutating func checkShock(_ block: BlockSyntax) -> ShockRule? {
    guard let specs = Self.settings(for: block) else { return nil }
    let (settingsBlock, covariateFields) = Self.separatingCovariate(block)
    let settings = checkSettings(settingsBlock, specs: specs + Self.disasterSettings(writtenIn: block))
    let covariate = checkCovariate(covariateFields, block: block, settings: settings)
    guard settings.complete, let probability = settings.values["probability"], let cost = settings.values["cost"] else { return nil }
    var rule = ShockRule(
      name: block.pathName, years: settings.years, eligible: settings.values["eligible"] ?? .constant(1),
      probability: probability, cost: cost, reimbursed: settings.values["reimbursed"] ?? .constant(0),
      stream: "shock.\(block.pathName)")
    rule.covariate = covariate
    rule.support = checkSupport(settings, block: block)
    return rule
  }

  mutating func checkIdentification(_ block: BlockSyntax, povertyLine: ValueExpression) -> IdentificationRule? {
    guard let specs = Self.settings(for: block) else { return nil }
    let settings = checkSettings(block, specs: specs)
    return IdentificationRule(
      detect: settings.values["detect"] ?? .constant(1), include: settings.values["include"] ?? .constant(0),
      includeBelow: settings.values["include_below"] ?? .yearly(.povertyLine))
  }

  mutating func checkProgramme(_ block: BlockSyntax) -> ProgrammeRule? {
    guard let specs = Self.settings(for: block) else {
      let kind = block.kind ?? block.keyword
      error(
        "unknown-programme", "unknown kind of programme `\(kind.value)`", kind.range,
        hint: NameSuggestion.hint(for: kind.value, among: ["relocation", "industry", "subsidy", "training", "microcredit"])
          ?? "programmes are `relocation`, `industry`, `subsidy`, `training` or `microcredit`; top-ups are `transfer NAME { top up to … }`")
      return nil
    }
    let (withoutFinances, finances) = Self.splitFinances(block)
    let (settingsBlock, capRules) = Self.splitCapRules(withoutFinances)
    let settings = checkSettings(settingsBlock, specs: specs + Self.capSettings(for: block))
    let cap = checkCap(block, settings: settings, rules: capRules)
    guard settings.complete else { return nil }
    let values = settings.values
    let size = ValueExpression.attribute(attributeNames.firstIndex(of: AttributeDefinition.size) ?? 1)
    let kind: ProgrammeRule.Kind
    switch (block.keyword.value, block.kind?.value) {
    case ("transfer", _):
      kind = .topUp(level: values["top_up_to"] ?? .constant(0))
    case (_, "relocation"):
      let cost = values["cost"] ?? .constant(0)
      let subsidy = values["subsidy"] ?? .constant(0)
      let savings = ValueExpression.attribute(attributeNames.firstIndex(of: AttributeDefinition.savings) ?? 3)
      let defaultRule = ValueExpression.binary(.lessEqual, .binary(.subtract, cost, subsidy), savings)
      var years = 5
      if case .constant(let written)? = values["repayment_years"], written >= 1, written <= 100, written.rounded() == written {
        years = Int(written)
      } else if let written = values["repayment_years"], !Self.isRejectedCount(written) {
        error("expected-constant", "`debt repaid over` must be a whole number of years from 1 to 100", block.keyword.range, hint: nil)
      }
      kind = .relocation(cost: cost, subsidy: subsidy, movesWhen: values["moves_when"] ?? defaultRule, repaymentYears: years)
    case (_, "industry"):
      let grant = scaled(values["grant"] ?? .constant(0), by: settings.denominators["grant"] ?? .household, block: block, setting: "grant")
      var gain = values["gain"] ?? .constant(0)
      if settings.denominators["gain"] == .household { gain = .binary(.divide, gain, size) }
      kind = .industry(grant: grant, success: values["success"] ?? .constant(1), gainPerPerson: gain, successStream: "programme.\(block.pathName).success")
    case (_, "training"):
      kind = .training(training(values, denominators: settings.denominators, block: block))
    case (_, "microcredit"):
      kind = .microcredit(checkMicrocredit(block, settings: settings, finances: finances))
    default:
      kind = .subsidy(amount: scaled(values["amount"] ?? .constant(0), by: settings.denominators["amount"] ?? .household, block: block, setting: "amount"))
    }
    var rule = ProgrammeRule(
      name: block.pathName, title: block.title?.value ?? block.pathName, years: settings.years,
      eligible: values["eligible"] ?? .variable(.registered), kind: kind,
      onJoin: settings.onJoin, nextYear: settings.nextYear)
    rule.cap = cap
    return rule
  }

  /// Whether `checkValue` has already reported the value as not a whole number of at least 1
  /// (so that the same mistake is not reported twice).
  private static func isRejectedCount(_ value: ValueExpression) -> Bool {
    guard case .constant(let number) = value else { return false }
    return number < 1 || number.rounded() != number
  }

  /// An amount per unit turned into an amount per household.
  mutating func scaled(_ amount: ValueExpression, by denominator: UnitSyntax.Denominator, block: BlockSyntax, setting: String) -> ValueExpression {
    switch denominator {
    case .household, .year: return amount
    case .person: return .binary(.multiply, amount, .attribute(attributeNames.firstIndex(of: AttributeDefinition.size) ?? 1))
    case .mu:
      guard let land = attributeNames.firstIndex(of: "land"), declaredAttributes.contains("land") else {
        error(
          "missing-attribute", "`yuan per mu` in \(describe(block)) needs a `land` attribute (mu of land per household)", block.keyword.range,
          hint: "add e.g. `land ~ uniform(0, 6)` to the population, or give `\(setting)` per household")
        return amount
      }
      return .binary(.multiply, amount, .attribute(land))
    case .child: return perChild(amount, block: block, setting: setting)
    }
  }

  // MARK: - Effects

  mutating func checkEffects(_ list: EffectListSyntax, scope: NameScope, path: String) -> [EffectRule] {
    var rules: [EffectRule] = []
    var guardsByTarget: [String: Int] = [:]
    for effect in list.effects {
      let name = effect.target.value
      guard let target = attributeNames.firstIndex(of: name),
        declaredAttributes.contains(name) || name == AttributeDefinition.group || name == AttributeDefinition.savings
      else {
        error(
          "unknown-name", "unknown attribute `\(name)`", effect.target.range,
          hint: NameSuggestion.hint(for: name, among: attributeNames) ?? "effects update household attributes such as `income`, `savings` or `group`")
        continue
      }
      var effectScope = scope
      effectScope.stream = "\(path).\(name)"
      drawIndex = 0
      guard let typed = resolve(effect.value, file: file, scope: effectScope) else { continue }
      var guardCondition: ValueExpression?
      if let condition = effect.condition {
        var guardScope = scope
        // Each guard of the same attribute in one list draws from its own stream.
        let earlier = guardsByTarget[name, default: 0]
        guardsByTarget[name] = earlier + 1
        guardScope.stream = earlier == 0 ? "\(path).\(name).when" : "\(path).\(name).when.\(earlier + 1)"
        drawIndex = 0
        guard let typedCondition = resolve(condition, file: file, scope: guardScope) else { continue }
        guard typedCondition.type == .boolean else {
          error(
            "type-mismatch", "the `when` of an effect must be a condition, but this is \(typedCondition.type.description)", condition.range,
            hint: "e.g. `labour -= 1 when age >= 60 and labour > 0`")
          continue
        }
        guardCondition = typedCondition.value
      }
      let isLabel = attributeKinds[name] == .label
      if isLabel {
        if effect.operation != .set || typed.type != .label {
          error(
            "type-mismatch", "`\(name)` holds a category label; set it with `\(name) = label`", effect.range,
            hint: "known labels: \(labels.map { "`\($0)`" }.joined(separator: ", "))")
          continue
        }
      } else if typed.type == .label {
        error("type-mismatch", "`\(name)` is a number, but this is a category label", effect.value.range, hint: nil)
        continue
      }
      let operation: EffectRule.Operation
      switch effect.operation {
      case .set: operation = .set
      case .add: operation = .add
      case .subtract: operation = .subtract
      case .multiply: operation = .multiply
      case .divide: operation = .divide
      }
      var rule = EffectRule(target: target, operation: operation, value: typed.value)
      rule.condition = guardCondition
      rules.append(rule)
    }
    return rules
  }
}
