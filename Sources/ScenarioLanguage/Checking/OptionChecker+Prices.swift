extension OptionChecker {
  /// The settings of `price NAME { … }` (besides `by ATTRIBUTE`, checked apart).
  static let priceSettings = [
    SettingSpec(name: "share_of_income", expected: .share, required: true),
    SettingSpec(name: "persistence", expected: .number),
    SettingSpec(name: "sd", expected: .rate, required: true),
  ]

  /// `price NAME ["Title"] { share of income S  persistence P  sd D per year  [by ATTRIBUTE] }`.
  mutating func checkPrice(_ block: BlockSyntax) -> PriceRule? {
    var rest = block
    var byFields: [FieldSyntax] = []
    rest.items = block.items.filter { item in
      if case .field(let field) = item, field.name.value == "by" {
        byFields.append(field)
        return false
      }
      return true
    }
    if let years = rest.items.first(where: { if case .years = $0 { return true } else { return false } }), case .years(let span) = years {
      error("unknown-setting", "a price has no `years`: its index moves every year", span.range, hint: "remove the line")
      rest.items.removeAll { if case .years = $0 { return true } else { return false } }
    }
    let settings = checkSettings(rest, specs: Self.priceSettings)
    var attribute: Int?
    var codes = [0]
    for extra in byFields.dropFirst() {
      error("duplicate-setting", "`by` is set twice in \(describe(block))", extra.name.range, hint: "keep one")
    }
    if let by = byFields.first {
      guard let column = villageAttribute(by.value, keyword: "by") else { return nil }
      attribute = column
      codes = categoryCodes(of: attributeNames[column])
    }
    guard settings.complete, let share = settings.values["share_of_income"], let sd = settings.values["sd"] else { return nil }
    let persistence = settings.values["persistence"] ?? .constant(0)
    var valid = true
    for (name, value) in [("persistence", persistence), ("sd", sd)] where !value.isHouseholdInvariant {
      error(
        "price-varies-by-household", "`\(name)` of a price cannot depend on the household", Self.field(name, in: block)?.value.range ?? block.keyword.range,
        hint: "a price index is shared by a village (or the county); it may change by year with `schedule(…)`")
      valid = false
    }
    if case .constant(let value) = persistence, !(0...1).contains(value) {
      error(
        "out-of-range", "`\(block.pathName).persistence` is \(CountFormat.text(value)), outside 0 to 1",
        Self.field("persistence", in: block)?.value.range ?? block.keyword.range,
        hint: "the AR(1) coefficient of the log price: 0 for independent years, 1 for a random walk")
      valid = false
    }
    if case .constant(let value) = sd, value < 0 {
      error("out-of-range", "`\(block.pathName).sd` cannot be negative", Self.field("sd", in: block)?.value.range ?? block.keyword.range, hint: nil)
      valid = false
    }
    guard valid else { return nil }
    return PriceRule(
      name: block.pathName, title: block.title?.value ?? block.pathName, share: share, persistence: persistence, sd: sd, attribute: attribute,
      villageCodes: codes, stream: "price.\(block.pathName)")
  }
}
