extension OptionChecker {
  /// The settings of `programme microcredit NAME { … }` (besides `finances`, which names a
  /// programme and is checked by `checkFinances`).
  /// `take up` is a share (the chance to borrow) or, when written as a condition
  /// (`take up land >= 1`), a rule: the condition's 0 or 1 is then the chance.
  static func microcreditSettings(for block: BlockSyntax) -> [SettingSpec] {
    let takeUpIsRule = block.items.contains { item in
      if case .field(let field) = item, field.name.value == "take_up" { return isCondition(field.value) }
      return false
    }
    return microcreditSettings.map { spec in
      spec.name == "take_up" && takeUpIsRule ? SettingSpec(name: "take_up", expected: .condition) : spec
    }
  }

  static let microcreditSettings: [SettingSpec] = [
    SettingSpec(name: "eligible", expected: .condition),
    SettingSpec(name: "take_up", expected: .share),
    SettingSpec(name: "loan", expected: .money(allowed: [.household, nil]), required: true),
    SettingSpec(name: "term", expected: .count(.years), required: true),
    SettingSpec(name: "interest", expected: .share, required: true),
    SettingSpec(name: "discount", expected: .share),
    SettingSpec(name: "discount_limit", expected: .money(allowed: [.household, nil])),
    SettingSpec(name: "default_when", expected: .condition),
  ]

  /// `finances NAME` of a microcredit block, and the block without it.
  static func splitFinances(_ block: BlockSyntax) -> (block: BlockSyntax, finances: [FieldSyntax]) {
    guard block.kind?.value == "microcredit" else { return (block, []) }
    var rest = block
    var finances: [FieldSyntax] = []
    rest.items = block.items.filter { item in
      guard case .field(let field) = item, field.name.value == "finances" else { return true }
      finances.append(field)
      return false
    }
    return (rest, finances)
  }

  /// The terms of a microcredit block whose settings are checked.
  mutating func checkMicrocredit(_ block: BlockSyntax, settings: CheckedSettings, finances: [FieldSyntax]) -> MicrocreditTerms {
    let values = settings.values
    var term = 1
    let termRange =
      block.items.lazy.compactMap { item -> SourceRange? in
        if case .field(let field) = item, field.name.value == "term" { return field.value.range }
        return nil
      }.first ?? block.keyword.range
    switch values["term"] {
    case .constant(let written)? where written.rounded() == written && written >= 1 && written <= 50:
      term = Int(written)
    case .constant(let written)? where written > 50:
      error("out-of-range", "`\(block.pathName).term` must be from 1 to 50 years, not \(CountFormat.text(written))", termRange, hint: nil)
    case .constant, nil:
      break  // already reported by the unit check
    case .some:
      error(
        "expected-constant", "`\(block.pathName).term` must be a whole number of years known before the run", termRange,
        hint: "e.g. `term 2 years`")
    }
    return MicrocreditTerms(
      takeUp: values["take_up"] ?? .constant(1), takeUpStream: "programme.\(block.pathName).take_up",
      loan: values["loan"] ?? .constant(0), term: term, interest: values["interest"] ?? .constant(0),
      discount: values["discount"] ?? .constant(1), discountLimit: values["discount_limit"],
      finances: checkFinances(block, finances), defaultsWhen: values["default_when"] ?? .constant(0))
  }

  /// `finances NAME`: an industry programme of the scenario.
  private mutating func checkFinances(_ block: BlockSyntax, _ fields: [FieldSyntax]) -> String? {
    guard let field = fields.first else { return nil }
    if fields.count > 1 {
      error("duplicate-setting", "`finances` is set twice in \(describe(block))", fields[1].name.range, hint: "keep one")
    }
    let programmes = syntax.items.compactMap { item -> BlockSyntax? in
      if case .block(let other) = item, other.keyword.value == "programme" { return other }
      return nil
    }
    guard case .name(let name) = field.value.kind else {
      error(
        "unknown-programme-name", "`finances` takes the name of an industry programme", field.value.range,
        hint: "e.g. `finances tea` for `programme industry tea { … }`")
      return nil
    }
    guard let target = programmes.first(where: { $0.pathName == name }) else {
      let industries = programmes.filter { $0.kind?.value == "industry" }.map(\.pathName)
      error(
        "unknown-programme-name", "there is no programme `\(name)` for the loans to finance", field.value.range,
        hint: NameSuggestion.hint(for: name, among: industries)
          ?? (industries.isEmpty ? "the scenario has no industry programme" : "industry programmes: \(industries.map { "`\($0)`" }.joined(separator: ", "))"))
      return nil
    }
    guard target.kind?.value == "industry" else {
      error(
        "finances-not-industry", "loans can only finance an industry programme; `\(name)` is a \(target.kind?.value ?? "programme") programme",
        field.value.range, hint: "name a `programme industry …` block, or remove `finances` and use `next year { … }` effects")
      return nil
    }
    return name
  }
}
