extension OptionChecker {
  /// Declares the attributes a `population from "…"` block maps from the file, and the
  /// labels of its label columns (in order of first appearance in the file).
  mutating func declareMicrodata(_ microdata: MicrodataSyntax) {
    var known = Set(labels)
    for mapping in microdata.columns {
      let name = mapping.attribute.value
      if !attributeNames.contains(name) { attributeNames.append(name) }
      declaredAttributes.insert(name)
      let isLabel = mapping.isLabel || name == AttributeDefinition.group
      if isLabel { attributeKinds[name] = .label }
      guard isLabel, let table = microdata.table, let column = table.headers.firstIndex(of: mapping.header.value) else { continue }
      for row in 0..<table.rowCount {
        let label = table.cell(row: row, column: column).trimmingSpaces
        if !label.isEmpty, known.insert(label).inserted { labels.append(label) }
      }
    }
    for rule in microdata.missing {
      if case .name(let label) = rule.value.kind, attributeKinds[rule.attribute.value] == .label, known.insert(label).inserted {
        labels.append(label)
      }
    }
  }

  /// Checks a `population from "…"` block: the column mapping against the file's header,
  /// every mapped cell, the weights, the missing-value rules, the bootstrap and the
  /// attributes drawn or computed on top.
  mutating func checkMicrodataPopulation(_ population: PopulationSyntax, _ microdata: MicrodataSyntax) -> (
    [PopulationGroup], [AttributeDefinition], [Int]
  ) {
    let allGroup = [PopulationGroup(name: "all", code: labels.firstIndex(of: "all") ?? 0, share: 1)]
    for group in population.groups {
      error(
        "microdata-group", "`group … share …` does not apply to a population read from a file", group.name.range,
        hint: "the households' groups come from the data: map a label column, e.g. `column group = \"village\" label`")
    }
    // Mappings: one per attribute, not also defined in the block.
    var mapped: [String: ColumnMappingSyntax] = [:]
    for mapping in microdata.columns {
      let name = mapping.attribute.value
      if mapped[name] != nil {
        error("duplicate-name", "attribute `\(name)` is mapped twice", mapping.attribute.range, hint: "keep one `column \(name) = …`")
      }
      if let defined = population.attributes.first(where: { $0.name.value == name }) {
        error(
          "duplicate-name", "attribute `\(name)` is both read from the file and defined in the block", defined.name.range,
          hint: "remove `column \(name) = …` or this definition")
      }
      if name == AttributeDefinition.group && !mapping.isLabel {
        error(
          "type-mismatch", "`group` holds labels: its column must be marked `label`", mapping.range,
          hint: "write `column group = \"\(mapping.header.value)\" label`")
      }
      if name == AttributeDefinition.size && mapping.isLabel {
        error("type-mismatch", "`size` is a number of persons, not a label", mapping.range, hint: "remove `label`")
      }
      mapped[name] = mapping
    }
    for extra in microdata.weights.dropFirst() {
      error("duplicate-setting", "the weight column is named twice", extra.range, hint: "keep one `weight \"…\"`")
    }
    for extra in microdata.bootstraps.dropFirst() {
      error("duplicate-setting", "`bootstrap` is written twice", extra.keyword, hint: "keep one")
    }
    for required in [AttributeDefinition.income, AttributeDefinition.size] where !declaredAttributes.contains(required) {
      error(
        "missing-attribute", "the population has no `\(required)` attribute", microdata.file.range,
        hint: "map it from a column of the file, e.g. `column \(required) = \"\(required == "income" ? "income_per_person" : "persons")\"`")
    }
    let bootstrap = checkBootstrap(microdata.bootstrap)

    // Attributes drawn or computed on top of the data (resolved even without a table, so
    // that their own mistakes are reported too).
    var definitions: [AttributeDefinition] = []
    var dependencies: [[Int]] = []
    var shared: [String: AttributeSyntax] = [:]
    for attribute in population.attributes {
      if shared[attribute.name.value] != nil {
        error("duplicate-name", "attribute `\(attribute.name.value)` is defined twice", attribute.name.range, hint: "keep one definition")
      }
      shared[attribute.name.value] = attribute
    }
    if shared[AttributeDefinition.group] != nil, let attribute = shared[AttributeDefinition.group] {
      error(
        "reserved-name", "`group` is read from a label column, not defined as an attribute", attribute.name.range, hint: "write `column group = \"…\" label`")
    }
    for (index, name) in attributeNames.enumerated() {
      var kind = attributeKinds[name] ?? .number
      var dependsOn: Set<Int> = []
      var initial: ValueExpression = .constant(0)
      if mapped[name] == nil, name == AttributeDefinition.group {
        initial = .constant(Double(allGroup[0].code))
      } else if mapped[name] == nil, let attribute = shared[name] {
        if let typed = resolveAttribute(attribute, path: "population.\(name)", dependsOn: &dependsOn) {
          initial = typed.value
          switch typed.type {
          case .number: kind = kind == .label ? .label : .number
          case .boolean: kind = .boolean
          case .label: kind = .label
          }
        }
      }
      dependsOn.remove(index)
      definitions.append(AttributeDefinition(name: name, kind: kind, initial: initial))
      dependencies.append(dependsOn.sorted())
    }
    let mappedIndices = Set(mapped.keys.compactMap { attributeNames.firstIndex(of: $0) })
    let order = initializationOrder(dependencies, population: population).filter { !mappedIndices.contains($0) }
    let missing = checkMissingRules(microdata, mapped: mapped)

    guard let table = microdata.table else { return (allGroup, definitions, order) }
    let file = microdata.file.value
    var columns: [MicrodataColumn] = []
    var groups = allGroup
    for mapping in microdata.columns where mapped[mapping.attribute.value]?.range == mapping.range {
      guard let column = headerIndex(mapping.header, in: table, file: file) else { continue }
      let name = mapping.attribute.value
      var values: [Double] = []
      values.reserveCapacity(table.rowCount)
      var problems = CellProblems()
      for row in 0..<table.rowCount {
        let text = table.cell(row: row, column: column).trimmingSpaces
        let place = "`\(file)`, row \(table.lines[row]), column `\(mapping.header.value)`"
        if text.isEmpty {
          guard let value = missing[name] else {
            problems.add(
              "\(place) is empty", hint: "say what an empty cell means, e.g. `missing \(name) = 0`, or fill the cell", range: mapping.header.range,
              into: &self)
            values.append(0)
            continue
          }
          values.append(value)
          continue
        }
        if mapping.isLabel || name == AttributeDefinition.group {
          values.append(Double(labels.firstIndex(of: text) ?? 0))
          continue
        }
        guard let value = Self.cellNumber(text) else {
          var hint = "cells of `\(mapping.header.value)` must be numbers such as `1234.5`"
          if text.contains(where: \.isLetter) {
            hint = "mark a column of names with `label`: `column \(name) = \"\(mapping.header.value)\" label`"
          } else if text.contains(",") {
            hint = "write numbers without digit grouping and with `.` for decimals, e.g. `1234.5`"
          }
          problems.add("\(place): `\(text)` is not a number", hint: hint, range: mapping.header.range, into: &self)
          values.append(0)
          continue
        }
        if name == AttributeDefinition.size, value < 1 || value.rounded() != value {
          problems.add(
            "\(place): a household has a whole number of persons, at least 1, not \(text)", hint: "household sizes are whole numbers from 1",
            range: mapping.header.range, into: &self)
        }
        values.append(value)
      }
      problems.finish(into: &self)
      guard let attribute = attributeNames.firstIndex(of: name) else { continue }
      columns.append(MicrodataColumn(attribute: attribute, values: values))
      if name == AttributeDefinition.group {
        var seen: [Int: Int] = [:]
        var order: [Int] = []
        for value in values {
          let code = Int(value)
          if seen[code] == nil { order.append(code) }
          seen[code, default: 0] += 1
        }
        groups = order.map { PopulationGroup(name: labels[$0], code: $0, share: Double(seen[$0] ?? 0) / Double(max(1, values.count))) }
      }
    }
    var weights: [Double]?
    if let weight = microdata.weight, let column = headerIndex(weight, in: table, file: file) {
      var values: [Double] = []
      var problems = CellProblems()
      for row in 0..<table.rowCount {
        let text = table.cell(row: row, column: column).trimmingSpaces
        let place = "`\(file)`, row \(table.lines[row]), column `\(weight.value)`"
        guard let value = Self.cellNumber(text), value > 0 else {
          let what = text.isEmpty ? "is empty" : Self.cellNumber(text) == nil ? ": `\(text)` is not a number" : ": the weight \(text) is not positive"
          problems.add(
            "\(place)\(what.hasPrefix(":") ? "" : " ")\(what)", hint: "a sampling weight is the number of households a row stands for: a number above 0",
            range: weight.range, into: &self)
          values.append(1)
          continue
        }
        values.append(value)
      }
      problems.finish(into: &self)
      weights = values
    }
    let drawn = bootstrap == -1 ? table.rowCount : bootstrap
    households = drawn ?? table.rowCount
    microdataPopulation = MicrodataPopulation(
      file: file, path: microdata.resolvedPath, rowCount: table.rowCount, columns: columns, weights: weights, bootstrap: drawn)
    return (groups, definitions, order)
  }

  /// The column of a header, or nil after reporting that the file has none.
  private mutating func headerIndex(_ header: Located<String>, in table: HouseholdTable, file: String) -> Int? {
    if let index = table.headers.firstIndex(of: header.value) { return index }
    let folded = table.headers.firstIndex { $0.lowercased() == header.value.lowercased() }
    let hint =
      folded.map { "did you mean `\(table.headers[$0])`? Headers are matched exactly" }
      ?? NameSuggestion.hint(for: header.value, among: table.headers)
      ?? "the file's columns are \(table.headers.prefix(12).map { "`\($0)`" }.joined(separator: ", "))\(table.headers.count > 12 ? ", …" : "")"
    error("unknown-column", "household file `\(file)` has no column `\(header.value)`", header.range, hint: hint)
    return nil
  }

  /// `bootstrap [N households]`: the households drawn per replication (nil: no bootstrap,
  /// or when it could not be checked; a bare `bootstrap` draws as many as the file has).
  private mutating func checkBootstrap(_ bootstrap: BootstrapSyntax?) -> Int? {
    guard let bootstrap else { return nil }
    let path = "population.bootstrap"
    knownPaths.append(path)
    // A bare `bootstrap` draws as many households as the file has rows (-1 until known).
    guard let (expression, fileName) = valueSyntax(path, bootstrap.count?.value) else { return -1 }
    let scope = NameScope(allowsAttributes: false, allowsVariables: false, stream: path, place: "the bootstrap sample size")
    guard let typed = resolve(expression, file: fileName, scope: scope) else { return nil }
    let before = diagnostics.count
    checkValue(typed, expression: expression, unit: expression.literalUnit ?? bootstrap.count?.unit, expected: .count(.households), path: path, file: fileName)
    guard diagnostics.count == before else { return nil }
    guard case .constant(let count) = typed.value else {
      error("expected-constant", "the bootstrap sample size must be a number known before the run", expression.range, file: fileName, hint: nil)
      return nil
    }
    guard count <= 100_000_000 else {
      error(
        "out-of-range", "\(CountFormat.text(count)) households is more than the 100,000,000 a scenario may simulate", expression.range, file: fileName,
        hint: "a bootstrap sample as large as the file (`bootstrap` alone) is usual")
      return nil
    }
    return Int(count)
  }

  /// `missing NAME = value`: the value of each mapped attribute's empty cells.
  private mutating func checkMissingRules(_ microdata: MicrodataSyntax, mapped: [String: ColumnMappingSyntax]) -> [String: Double] {
    var values: [String: Double] = [:]
    for rule in microdata.missing {
      let name = rule.attribute.value
      guard let mapping = mapped[name] else {
        error(
          "unknown-name", "`missing \(name)` names no mapped column", rule.attribute.range,
          hint: NameSuggestion.hint(for: name, among: mapped.keys.sorted()) ?? "a missing-value rule applies to an attribute read with `column \(name) = …`")
        continue
      }
      if values[name] != nil { error("duplicate-setting", "`missing \(name)` is written twice", rule.range, hint: "keep one") }
      if mapping.isLabel {
        guard case .name(let label) = rule.value.kind, let code = labels.firstIndex(of: label) else {
          error("type-mismatch", "`\(name)` holds labels: an empty cell must become a label", rule.value.range, hint: "e.g. `missing \(name) = \"unknown\"`")
          continue
        }
        values[name] = Double(code)
        continue
      }
      guard case .number(let value, _) = rule.value.kind else {
        error("expected-constant", "the value of an empty `\(name)` cell must be a number", rule.value.range, hint: "e.g. `missing \(name) = 0`")
        continue
      }
      if name == AttributeDefinition.size, value < 1 || value.rounded() != value {
        error("out-of-range", "a household has a whole number of persons, at least 1, not \(CountFormat.text(value))", rule.value.range, hint: nil)
        continue
      }
      values[name] = value
    }
    return values
  }

  /// A cell as a number: digits with an optional sign, `.` decimals and exponent; no digit
  /// grouping, no `nan` or `inf`, finite.
  static func cellNumber(_ text: String) -> Double? {
    guard !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 43 || $0 == 45 || $0 == 46 || $0 == 101 || $0 == 69 }),
      text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }), let value = Double(text), value.isFinite
    else { return nil }
    return value
  }
}

/// Problems with the cells of one column: the first few are reported, the rest counted.
private struct CellProblems {
  static let shown = 3
  var count = 0
  var lastRange: SourceRange?

  mutating func add(_ message: String, hint: String, range: SourceRange, into checker: inout OptionChecker) {
    count += 1
    lastRange = range
    if count <= Self.shown { checker.error("household-data", message, range, hint: hint) }
  }

  func finish(into checker: inout OptionChecker) {
    guard count > Self.shown, let range = lastRange else { return }
    let more = count - Self.shown
    checker.error("household-data", "and \(more) more \(more == 1 ? "cell" : "cells") of this column like these", range, hint: nil)
  }
}
