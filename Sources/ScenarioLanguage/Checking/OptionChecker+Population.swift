extension OptionChecker {
  /// Checks the population block: count, groups and shares, attributes and their order.
  mutating func checkPopulation(_ population: PopulationSyntax?) -> ([PopulationGroup], [AttributeDefinition], [Int]) {
    guard let population else {
      error(
        "missing-setting", "the scenario has no `population`", syntax.name.range,
        hint: "add e.g. `population 20000 households { income ~ lognormal(median: 5200, sigma: 0.55)  size = 4 }`")
      return ([], [], [])
    }
    if let microdata = population.microdata { return checkMicrodataPopulation(population, microdata) }
    // Household count.
    knownPaths.append("population.households")
    if let (expression, fileName) = valueSyntax("population.households", population.count.value) {
      let scope = NameScope(allowsAttributes: false, allowsVariables: false, stream: "population.households", place: "the household count")
      if let typed = resolve(expression, file: fileName, scope: scope) {
        checkValue(
          typed, expression: expression, unit: expression.literalUnit ?? population.count.unit,
          expected: .count(.households), path: "population.households", file: fileName)
        if case .constant(let count) = typed.value, count >= 1, count.rounded() == count {
          if count > 100_000_000 {
            // At least one 8-byte column per attribute plus the engine's own (income,
            // size, registry, scratch…), for each household, on each worker thread.
            let attributeNames = Set(population.attributes.map(\.name.value) + population.groups.flatMap { $0.attributes.map(\.name.value) })
            let bytesPerHousehold = 8.0 * Double(attributeNames.count + 8)
            error(
              "out-of-range",
              "\(CountFormat.text(count)) households is more than the 100,000,000 a scenario may simulate; it would need at least \(MemorySize.text(count * bytesPerHousehold)) of memory",
              expression.range, file: fileName,
              hint: "a synthetic population is a sample; results are per person and per household")
          } else {
            households = Int(count)
          }
        } else if typed.value.isConstant == false {
          error("expected-constant", "the number of households must be a number known before the run", expression.range, file: fileName, hint: nil)
        }
      }
    }

    // Groups.
    var groups: [PopulationGroup] = []
    var shareTotal = 0.0
    var sharesKnown = true
    var seenGroups: Set<String> = []
    for group in population.groups {
      if seenGroups.contains(group.name.value) {
        error("duplicate-name", "group `\(group.name.value)` is defined twice", group.name.range, hint: "give each group its own name")
      }
      seenGroups.insert(group.name.value)
      let path = "population.\(group.name.value).share"
      knownPaths.append(path)
      guard let (expression, fileName) = valueSyntax(path, group.share.value) else { continue }
      let scope = NameScope(allowsAttributes: false, allowsVariables: false, stream: path, place: "a group share")
      guard let typed = resolve(expression, file: fileName, scope: scope) else { sharesKnown = false; continue }
      checkValue(typed, expression: expression, unit: expression.literalUnit, expected: .share, path: path, file: fileName)
      guard case .constant(let share) = typed.value else {
        error("expected-constant", "a group share must be a number known before the run", expression.range, file: fileName, hint: nil)
        sharesKnown = false
        continue
      }
      shareTotal += share
      groups.append(PopulationGroup(name: group.name.value, code: labels.firstIndex(of: group.name.value) ?? 0, share: share))
    }
    if population.groups.isEmpty {
      groups = [PopulationGroup(name: "all", code: labels.firstIndex(of: "all") ?? 0, share: 1)]
    } else if sharesKnown, abs(shareTotal - 1) > 1e-9 {
      let range = population.groups.first.map { $0.share.range.union(population.groups.last?.share.range ?? $0.share.range) } ?? population.range
      error(
        "shares-do-not-sum", "group shares add up to \(CountFormat.percent(shareTotal)), not 100%", range,
        hint: "make the shares of \(population.groups.map { "`\($0.name.value)`" }.joined(separator: ", ")) sum to 100%")
    }

    // Attributes: shared definitions and per-group ones.
    var shared: [String: AttributeSyntax] = [:]
    for attribute in population.attributes {
      if shared[attribute.name.value] != nil {
        error("duplicate-name", "attribute `\(attribute.name.value)` is defined twice", attribute.name.range, hint: "keep one definition")
      }
      shared[attribute.name.value] = attribute
    }
    var byGroup: [String: [(GroupSyntax, AttributeSyntax)]] = [:]
    for group in population.groups {
      var seen: Set<String> = []
      for attribute in group.attributes {
        if seen.contains(attribute.name.value) {
          error(
            "duplicate-name", "attribute `\(attribute.name.value)` is defined twice in group `\(group.name.value)`", attribute.name.range,
            hint: "keep one definition")
        }
        seen.insert(attribute.name.value)
        byGroup[attribute.name.value, default: []].append((group, attribute))
      }
    }
    for name in [AttributeDefinition.group] where declaredAttributes.contains(name) {
      let range = (population.attributes + population.groups.flatMap(\.attributes)).first { $0.name.value == name }?.name.range ?? population.range
      error("reserved-name", "`group` is set by the `group … share …` blocks, not as an attribute", range, hint: "rename the attribute")
    }
    for required in [AttributeDefinition.income, AttributeDefinition.size] where !declaredAttributes.contains(required) {
      let example = required == "income" ? "income ~ lognormal(median: 5200, sigma: 0.55)" : "size ~ categorical(1: 10%, 2: 20%, 3: 25%, 4: 25%, 5: 12%, 6: 8%)"
      error(
        "missing-attribute", "the population has no `\(required)` attribute",
        population.range.start == 0 ? population.range : SourceRange.point(population.range.start),
        hint:
          "every population needs `\(required)` (\(required == "income" ? "market income per person per year" : "persons per household")), e.g. `\(example)`")
    }

    var definitions: [AttributeDefinition] = []
    var dependencies: [[Int]] = []
    for (index, name) in attributeNames.enumerated() {
      var kind = attributeKinds[name] ?? .number
      var dependsOn: Set<Int> = []
      var initial: ValueExpression = .constant(0)
      var initialByGroup: [Int: ValueExpression] = [:]
      if name == AttributeDefinition.group {
        let codes = groups.map { Double($0.code) }
        initial =
          groups.count == 1
          ? .constant(codes[0]) : .draw(Draw(distribution: .categorical(values: codes, probabilities: groups.map(\.share)), stream: "population.group"))
      } else {
        if let attribute = shared[name] {
          if let typed = resolveAttribute(attribute, path: "population.\(name)", dependsOn: &dependsOn) {
            initial = typed.value
            kind = merge(kind, typed.type)
          }
        }
        for (group, attribute) in byGroup[name] ?? [] {
          if let typed = resolveAttribute(attribute, path: "population.\(group.name.value).\(name)", dependsOn: &dependsOn) {
            initialByGroup[labels.firstIndex(of: group.name.value) ?? 0] = typed.value
            kind = merge(kind, typed.type)
          }
        }
        if shared[name] == nil, let definedIn = byGroup[name], definedIn.count < population.groups.count, let first = definedIn.first {
          let missing = population.groups.map(\.name.value).filter { group in !definedIn.contains { $0.0.name.value == group } }
          error(
            "attribute-not-defined",
            "attribute `\(name)` is defined for group `\(first.0.name.value)` but not for \(missing.map { "`\($0)`" }.joined(separator: ", "))",
            first.1.name.range, hint: "define it in every group, or once outside the groups")
        }
      }
      if name == AttributeDefinition.size { checkSizeCategories(shared[name], byGroup[name] ?? []) }
      if !initialByGroup.isEmpty, let group = attributeNames.firstIndex(of: AttributeDefinition.group) { dependsOn.insert(group) }
      dependsOn.remove(index)
      definitions.append(AttributeDefinition(name: name, kind: kind, initial: initial, initialByGroup: initialByGroup))
      dependencies.append(dependsOn.sorted())
    }
    let order = initializationOrder(dependencies, population: population)
    return (groups, definitions, order)
  }

  private func merge(_ current: AttributeDefinition.ValueKind, _ type: TypedValue.ValueType) -> AttributeDefinition.ValueKind {
    switch type {
    case .number: return current == .label ? .label : .number
    case .boolean: return .boolean
    case .label: return .label
    }
  }

  mutating func resolveAttribute(_ attribute: AttributeSyntax, path: String, dependsOn: inout Set<Int>) -> TypedValue? {
    knownPaths.append(path)
    guard let (expression, fileName) = valueSyntax(path, attribute.value) else { return nil }
    if attribute.definition == .drawn, fileName == file {
      var isDistribution = false
      if case .call(let name, _) = expression.kind, Self.distributionNames.contains(name.value) { isDistribution = true }
      if !isDistribution {
        error(
          "expected-distribution", "`~` draws `\(attribute.name.value)` from a distribution, but this is not one", expression.range,
          hint: "write `\(attribute.name.value) = …` for a computed value, or use one of \(Self.distributionNames.map { "`\($0)`" }.joined(separator: ", "))")
      }
    }
    referencedAttributes = []
    // Each attribute numbers its own draws, so that its streams do not depend on the others.
    drawIndex = 0
    let scope = NameScope(allowsAttributes: true, allowsVariables: false, stream: "population.\(attribute.name.value)", place: "the population")
    let typed = resolve(expression, file: fileName, scope: scope, argumentPath: path)
    dependsOn.formUnion(referencedAttributes)
    return typed
  }

  private mutating func checkSizeCategories(_ shared: AttributeSyntax?, _ grouped: [(GroupSyntax, AttributeSyntax)]) {
    for attribute in [shared].compactMap({ $0 }) + grouped.map(\.1) {
      guard case .call(let name, let arguments) = attribute.value.kind, name.value == "categorical" else { continue }
      for argument in arguments {
        if let label = argument.label, let value = Double(label.value), value < 1 || value.rounded() != value {
          error("out-of-range", "a household has at least 1 person, not \(label.value)", label.range, hint: "household sizes are whole numbers from 1")
        }
      }
    }
  }

  /// Topological order of attributes (group first, then by declaration), reporting cycles.
  mutating func initializationOrder(_ dependencies: [[Int]], population: PopulationSyntax) -> [Int] {
    var state = [Int](repeating: 0, count: dependencies.count)  // 0 new, 1 visiting, 2 done
    var order: [Int] = []
    var stack: [Int] = []
    var reported = false
    func visit(_ node: Int, _ checker: inout OptionChecker) {
      if state[node] == 2 { return }
      if state[node] == 1 {
        if !reported, let start = stack.firstIndex(of: node) {
          reported = true
          let cycle = (stack[start...] + [node]).map { checker.attributeNames[$0] }
          let name = checker.attributeNames[node]
          let range = (population.attributes + population.groups.flatMap(\.attributes)).first { $0.name.value == name }?.name.range ?? population.range
          checker.error(
            "attribute-cycle", "attributes depend on each other in a cycle: \(cycle.joined(separator: " → "))", range,
            hint: "one of them must be drawn or computed without the others")
        }
        return
      }
      state[node] = 1
      stack.append(node)
      for dependency in dependencies[node] { visit(dependency, &checker) }
      stack.removeLast()
      state[node] = 2
      order.append(node)
    }
    for node in dependencies.indices { visit(node, &self) }
    return order
  }

  static let distributionNames = ["normal", "lognormal", "uniform", "bernoulli", "categorical", "constant"]

  /// Checks `income growth` statements.
  mutating func checkGrowth(_ statements: [GrowthSyntax]) -> GrowthRule {
    var rule = GrowthRule(common: nil, byGroup: [:])
    var seen: Set<String> = []
    for statement in statements {
      let key = statement.group?.value ?? ""
      if seen.contains(key) {
        error(
          "duplicate-setting", statement.group.map { "income growth for `\($0.value)` is set twice" } ?? "income growth is set twice",
          statement.range, hint: "keep one")
      }
      seen.insert(key)
      var code: Int?
      if let group = statement.group {
        guard let index = labels.firstIndex(of: group.value) else {
          error("unknown-name", "unknown group `\(group.value)`", group.range, hint: NameSuggestion.hint(for: group.value, among: labels))
          continue
        }
        code = index
      }
      let path = statement.group.map { "growth.\($0.value)" } ?? "growth"
      knownPaths.append(path)
      guard let (expression, fileName) = valueSyntax(path, statement.value.value) else { continue }
      let scope = NameScope(stream: "income growth", place: "income growth")
      // Numbered per statement: the growth draws do not depend on the population's.
      drawIndex = 0
      guard let typed = resolve(expression, file: fileName, scope: scope, argumentPath: path) else { continue }
      checkValue(typed, expression: expression, unit: expression.literalUnit ?? statement.value.unit, expected: .rate, path: path, file: fileName)
      if let code { rule.byGroup[code] = typed.value } else { rule.common = typed.value }
    }
    return rule
  }
}
