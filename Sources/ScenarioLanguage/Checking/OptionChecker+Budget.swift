extension OptionChecker {
  /// Settings of a budget cap that go through `checkSettings` (values that options may
  /// override). Only those the block writes exist: a cap is declared where the programme is
  /// written, so that every option has the same metrics.
  static func capSettings(for block: BlockSyntax) -> [SettingSpec] {
    ["budget", "places", "priority_lowest", "priority_highest"].filter { name in
      block.items.contains { item in
        if case .field(let field) = item { return field.name.value == name }
        return false
      }
    }.map { SettingSpec(name: $0, expected: .number) }
  }

  /// The statements of a cap that are not values (`priority random`, `priority registry
  /// order`, an unknown `priority …`, `by ATTR`), and the block without them.
  static func splitCapRules(_ block: BlockSyntax) -> (block: BlockSyntax, rules: [FieldSyntax]) {
    let isRule = { (name: String) in name == "priority" || name == "priority_random" || name == "priority_registry" || name == "by" }
    guard
      block.items.contains(where: { item in
        if case .field(let field) = item { return isRule(field.name.value) }
        return false
      })
    else { return (block, []) }
    var rest = block
    var rules: [FieldSyntax] = []
    rest.items = block.items.filter { item in
      guard case .field(let field) = item else { return true }
      switch field.name.value {
      case "priority", "priority_random", "priority_registry", "by":
        rules.append(field)
        return false
      default: return true
      }
    }
    return (rest, rules)
  }

  /// Checks a block's cap: units of `budget` and `places`, that they are the same for every
  /// household, the priority rule and the `by` attribute. Returns nil when there is no cap.
  mutating func checkCap(_ block: BlockSyntax, settings: CheckedSettings, rules: [FieldSyntax]) -> BudgetCap? {
    // Most programmes have no cap: nothing to check or report.
    let capFields = ["budget", "places", "priority_lowest", "priority_highest"]
    guard
      !rules.isEmpty
        || block.items.contains(where: { item in
          if case .field(let field) = item { return capFields.contains(field.name.value) }
          return false
        })
    else { return nil }
    let fields = Dictionary(
      block.items.compactMap { item -> (String, FieldSyntax)? in
        if case .field(let field) = item { return (field.name.value, field) }
        return nil
      }, uniquingKeysWith: { first, _ in first })
    let blockName = block.pathName
    for setting in ["budget", "places"] {
      guard let field = fields[setting] else { continue }
      if let unit = field.value.literalUnit ?? field.unit {
        let measureOK = setting == "budget" ? (unit.measure == nil || unit.measure == .yuan) : (unit.measure == nil || unit.measure == .households)
        if !measureOK || !unit.perWithoutYear.isEmpty {
          error(
            "unit-mismatch",
            "`\(unit.description)` where \(setting == "budget" ? "`yuan per year`" : "households per year (`places 500 per year`)") was expected", unit.range,
            hint: setting == "budget"
              ? "a budget is a yearly total for the programme, e.g. `budget 2_000_000 yuan per year`"
              : "places are households served per year, e.g. `places 500 per year`")
        }
      }
      if let value = settings.values[setting] {
        if !value.isHouseholdInvariant {
          error(
            "cap-varies", "`\(blockName).\(setting)` must be the same for every household", field.value.range,
            hint: "a cap may change by year (`schedule(…)`, `indexed`) but not depend on attributes, draws or `disposable`")
        } else if case .constant(let number) = value, number < 0 || (setting == "places" && number.rounded() != number) {
          error(
            "out-of-range",
            "`\(blockName).\(setting)` must be \(setting == "places" ? "a whole number of households, 0 or more" : "0 yuan or more"), not \(CountFormat.text(number))",
            field.value.range, hint: nil)
        }
      }
    }
    var priority: BudgetCap.Priority?
    var priorityField: FieldSyntax?
    var byAttribute: Int?
    func setPriority(_ rule: BudgetCap.Priority, _ field: FieldSyntax) {
      if priorityField != nil {
        error("duplicate-setting", "`priority` is set twice in \(describe(block))", field.name.range, hint: "keep one")
      }
      priority = rule
      priorityField = field
    }
    for field in rules {
      switch field.name.value {
      case "priority_random": setPriority(.random, field)
      case "priority_registry": setPriority(.registryOrder, field)
      case "by":
        guard case .name(let name) = field.value.kind, let index = attributeNames.firstIndex(of: name),
          attributeKinds[name] == .label, declaredAttributes.contains(name) || name == AttributeDefinition.group
        else {
          let labelAttributes = attributeNames.filter { attributeKinds[$0] == .label }
          error(
            "by-not-label", "a budget can only be split by a label attribute; `\(field.value.kind.nameText ?? "?")` is not one", field.value.range,
            hint: "label attributes here: \(labelAttributes.map { "`\($0)`" }.joined(separator: ", ")); e.g. `village ~ categorical(east: 50%, west: 50%)`")
          continue
        }
        byAttribute = index
      default:
        error(
          "unknown-priority", "unknown priority rule `\(field.value.kind.nameText ?? "…")`", field.value.range,
          hint: "write `priority lowest EXPR` (e.g. `priority lowest income`), `priority highest EXPR`, `priority random` or `priority registry order`")
      }
    }
    for (setting, make) in [("priority_lowest", BudgetCap.Priority.lowest), ("priority_highest", BudgetCap.Priority.highest)] {
      guard let field = fields[setting] else { continue }
      setPriority(make(settings.values[setting] ?? .constant(0)), field)
    }
    guard fields["budget"] != nil || fields["places"] != nil else {
      if let field = priorityField {
        error(
          "priority-without-cap", "\(describe(block)) has a `priority` but no `budget` or `places`", field.name.range,
          hint: "a priority decides who is served when demand exceeds a cap; add e.g. `budget 2_000_000 yuan per year`")
      }
      return nil
    }
    return BudgetCap(
      budget: settings.values["budget"], places: settings.values["places"], byAttribute: byAttribute,
      priority: priority ?? .registryOrder, priorityStream: "programme.\(blockName).priority")
  }
}

extension Expression.Kind {
  /// The name, when the expression is a plain name.
  var nameText: String? {
    if case .name(let name) = self { return name }
    return nil
  }
}
