extension OptionChecker {
  /// Settings a shock accepts only when written: `hits` (covariate shocks), and the health
  /// support settings `exempt` and `debt repaid over`. Listing them only when written keeps
  /// the parameter paths of existing scenarios unchanged.
  static func disasterSettings(writtenIn block: BlockSyntax) -> [SettingSpec] {
    let optional = [
      SettingSpec(name: "hits", expected: .share),
      SettingSpec(name: "exempt", expected: .money(allowed: [.household, .child, nil])),
      SettingSpec(name: "repayment_years", expected: .count(.years)),
    ]
    let written = Set(
      block.items.compactMap { item -> String? in
        if case .field(let field) = item { return field.name.value }
        return nil
      })
    return optional.filter { written.contains($0.name) }
  }

  /// The block without its `covariate` lines, and those lines.
  static func separatingCovariate(_ block: BlockSyntax) -> (BlockSyntax, [FieldSyntax]) {
    var rest = block
    var covariate: [FieldSyntax] = []
    rest.items = block.items.filter { item in
      if case .field(let field) = item, field.name.value == "covariate" || field.name.value == "covariate_by" {
        covariate.append(field)
        return false
      }
      return true
    }
    return (rest, covariate)
  }

  /// `covariate` or `covariate by ATTRIBUTE`: one occurrence draw per county or village.
  mutating func checkCovariate(_ fields: [FieldSyntax], block: BlockSyntax, settings: CheckedSettings) -> CovariateRule? {
    let hits = settings.values["hits"]
    guard let field = fields.first else {
      if hits != nil, let written = Self.field("hits", in: block) {
        error(
          "hits-without-covariate", "`hits` applies to covariate shocks only", written.name.range,
          hint: "add `covariate by village` (or `covariate`) to the shock, or lower its `probability` instead")
      }
      return nil
    }
    for extra in fields.dropFirst() {
      error("duplicate-setting", "`covariate` is set twice in \(describe(block))", extra.name.range, hint: "keep one")
    }
    var attribute: Int?
    var codes = [0]
    if field.name.value == "covariate_by" {
      guard let column = villageAttribute(field.value, keyword: "covariate by") else { return nil }
      attribute = column
      codes = categoryCodes(of: attributeNames[column])
    } else if !Self.isTrue(field.value) {
      error(
        "expected-covariate", "expected `covariate` alone or `covariate by ATTRIBUTE`", field.range,
        hint: "`covariate` draws once for the whole county, `covariate by village` once per village")
      return nil
    }
    if let probability = settings.values["probability"], !probability.isHouseholdInvariant {
      let range = Self.field("probability", in: block)?.value.range ?? field.range
      error(
        "covariate-probability", "the probability of a covariate shock cannot depend on the household", range,
        hint: "it is the chance that the event happens in a village (or the county) in a year; restrict who suffers with `eligible when` or `hits`")
      return nil
    }
    return CovariateRule(
      attribute: attribute, villageCodes: codes, hits: hits, stream: "shock.\(block.pathName).covariate", hitsStream: "shock.\(block.pathName).hits")
  }

  /// `exempt` and `debt repaid over`, when written.
  mutating func checkSupport(_ settings: CheckedSettings, block: BlockSyntax) -> ShockSupport? {
    let exemptValue = settings.values["exempt"]
    let years = settings.values["repayment_years"]
    guard exemptValue != nil || years != nil else { return nil }
    var exempt = ValueExpression.constant(0)
    if let exemptValue {
      exempt = scaled(exemptValue, by: settings.denominators["exempt"] ?? .household, block: block, setting: "exempt")
    }
    var repaymentYears: Int?
    if let years {
      if case .constant(let written) = years, written >= 1, written <= 100, written.rounded() == written {
        repaymentYears = Int(written)
      } else if case .constant(let written) = years, written < 1 || written.rounded() != written {
        // Already reported by the unit check as not a whole number of at least 1.
      } else {
        let range = Self.field("repayment_years", in: block)?.value.range ?? block.keyword.range
        error("expected-constant", "`debt repaid over` must be a whole number of years from 1 to 100", range, hint: nil)
      }
    }
    return ShockSupport(exempt: exempt, repaymentYears: repaymentYears)
  }

  private static func isTrue(_ value: Expression) -> Bool {
    if case .boolean(true) = value.kind { return true }
    return false
  }

  /// The field of a setting as written in a block.
  static func field(_ name: String, in block: BlockSyntax) -> FieldSyntax? {
    for item in block.items {
      if case .field(let field) = item, field.name.value == name { return field }
    }
    return nil
  }

  /// An amount per child turned into an amount per household (needs a `children` attribute).
  mutating func perChild(_ amount: ValueExpression, block: BlockSyntax, setting: String) -> ValueExpression {
    guard let children = attributeNames.firstIndex(of: "children"), declaredAttributes.contains("children") else {
      error(
        "missing-attribute", "`yuan per child` in \(describe(block)) needs a `children` attribute (children per household)",
        Self.field(setting, in: block)?.range ?? block.keyword.range,
        hint: "add e.g. `children ~ categorical(0: 50%, 1: 30%, 2: 20%)` to the population, or give `\(setting)` per household")
      return amount
    }
    return .binary(.multiply, amount, .attribute(children))
  }
}
