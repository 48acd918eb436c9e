extension OptionChecker {
  /// The column of a label attribute named by `by ATTRIBUTE` (villages, regions, groups),
  /// or nil after reporting why it cannot be one.
  ///
  /// `keyword` names the construct in messages, e.g. "covariate by".
  mutating func villageAttribute(_ value: Expression, keyword: String) -> Int? {
    let what = "`\(keyword)`"
    guard case .name(let name) = value.kind else {
      error(
        "expected-attribute", "\(what) names a household attribute, not an expression", value.range,
        hint: "e.g. `\(keyword) village` with `village ~ categorical(upper: 40%, lower: 60%)` in the population")
      return nil
    }
    guard let column = attributeNames.firstIndex(of: name), declaredAttributes.contains(name) || name == AttributeDefinition.group else {
      error(
        "unknown-name", "unknown attribute `\(name)`", value.range,
        hint: NameSuggestion.hint(for: name, among: attributeNames)
          ?? "declare it in the population, e.g. `\(name) ~ categorical(upper: 40%, lower: 60%)`")
      return nil
    }
    guard attributeKinds[name] == .label else {
      error(
        "type-mismatch", "\(what) needs an attribute holding a category label, but `\(name)` is a number", value.range,
        hint: "villages are category labels, e.g. `village ~ categorical(upper: 40%, lower: 60%)` in the population, or the built-in `group`")
      return nil
    }
    return column
  }

  /// The label codes a label attribute can take, in code order: its categorical labels (or
  /// the population's groups for `group`) and the labels effects assign to it.
  func categoryCodes(of name: String) -> [Int] {
    var found: Set<String> = []
    var population: PopulationSyntax?
    var lists: [EffectListSyntax] = []
    for item in syntax.items {
      switch item {
      case .population(let written): population = population ?? written
      case .yearEnd(let list): lists.append(list)
      case .block(let block):
        for blockItem in block.items { if case .effects(let list) = blockItem { lists.append(list) } }
      default: break
      }
    }
    if name == AttributeDefinition.group {
      let groups = population?.groups.map(\.name.value) ?? []
      if groups.isEmpty { found.insert("all") } else { found.formUnion(groups) }
    }
    let attributes = (population?.attributes ?? []) + (population?.groups.flatMap(\.attributes) ?? [])
    for attribute in attributes where attribute.name.value == name {
      if case .call(let function, let arguments) = attribute.value.kind, function.value == "categorical" {
        for argument in arguments { if let label = argument.label { found.insert(label.value) } }
      }
    }
    for list in lists {
      for effect in list.effects where effect.target.value == name && effect.operation == .set {
        if case .name(let label) = effect.value.kind { found.insert(label) }
      }
    }
    return labels.indices.filter { found.contains(labels[$0]) }
  }
}
