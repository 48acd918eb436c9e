extension OptionChecker {
  /// `report by ATTRIBUTE` lines: each a label attribute whose categories get their own
  /// headline metrics.
  mutating func checkBreakdowns(_ fields: [FieldSyntax]) -> [Breakdown] {
    var breakdowns: [Breakdown] = []
    for field in fields {
      guard let column = villageAttribute(field.value, keyword: "report by") else { continue }
      let name = attributeNames[column]
      if breakdowns.contains(where: { $0.attribute == column }) {
        error("duplicate-setting", "`report by \(name)` is written twice", field.range, hint: "keep one")
        continue
      }
      let categories = categoryCodes(of: name).map { (code: $0, label: labels[$0]) }
      breakdowns.append(Breakdown(attributeName: name, attribute: column, categories: categories))
    }
    return breakdowns
  }
}
