extension Parser {
  /// A population read from a household file:
  /// ```
  /// microdata     := 'population' 'from' STRING '{' microdataItem* '}'
  /// microdataItem := 'column' IDENT '=' (STRING | IDENT) 'label'?
  ///                | 'weight' (STRING | IDENT)
  ///                | 'missing' IDENT '=' expr
  ///                | 'bootstrap' (expr unit?)?
  ///                | group | attribute
  /// ```
  /// The keywords are contextual: `weight = …` or `column ~ …` still define attributes.
  mutating func parseMicrodataPopulation(keyword: Token) -> PopulationSyntax? {
    advance()  // from
    guard current.kind == .string else {
      error(
        "expected-file", "expected the household file's name in quotes after `population from`, found \(current.quoted)", current.range,
        hint: "e.g. `population from \"data/households.csv\" { … }`")
      recover()
      return nil
    }
    let file = Located(current.text, current.range)
    advance()
    guard expect(.leftBrace, "`{` to open the population block") else { recover(); return nil }
    guard enterNesting() else { return nil }
    defer { depth -= 1 }
    var columns: [ColumnMappingSyntax] = []
    var weights: [Located<String>] = []
    var missing: [MissingRuleSyntax] = []
    var bootstraps: [BootstrapSyntax] = []
    var groups: [GroupSyntax] = []
    var attributes: [AttributeSyntax] = []
    while current.kind != .rightBrace && current.kind != .endOfFile {
      statementStart = index
      let next = peek(1).kind
      if current.isWord("column") && next == .identifier {
        if let mapping = parseColumnMapping() { columns.append(mapping) }
      } else if current.isWord("weight") && (next == .string || (next == .identifier && !peek(1).startsLine)) {
        advance()
        if let header = parseHeaderName(after: "weight") { weights.append(header) } else { recover() }
      } else if current.isWord("missing") && next == .identifier {
        if let rule = parseMissingRule() { missing.append(rule) }
      } else if current.isWord("bootstrap") && next != .tilde && next != .assign {
        if let bootstrap = parseBootstrap() { bootstraps.append(bootstrap) }
      } else if current.isWord("group") {
        if let group = parseGroup() { groups.append(group) }
      } else if let attribute = parseAttribute() {
        attributes.append(attribute)
      }
    }
    let end = current.range.end
    _ = expect(.rightBrace, "`}` to close the population block")
    let count = FieldSyntax(
      name: Located("households", keyword.range), value: Expression(.number(0, unit: nil), file.range), trailingUnit: nil, range: file.range)
    var population = PopulationSyntax(count: count, groups: groups, attributes: attributes, range: SourceRange(start: keyword.range.start, end: end))
    population.microdata = MicrodataSyntax(file: file, columns: columns, weights: weights, missing: missing, bootstraps: bootstraps)
    return population
  }

  /// 'column' IDENT '=' (STRING | IDENT) 'label'?
  private mutating func parseColumnMapping() -> ColumnMappingSyntax? {
    let start = current.range.start
    advance()
    guard let attribute = parseName("the attribute's name after `column`") else { recover(); return nil }
    guard expect(.assign, "`=` and the column's header after `column \(attribute.value)`") else { recover(); return nil }
    guard let header = parseHeaderName(after: "column \(attribute.value) =") else { recover(); return nil }
    var end = header.range.end
    var isLabel = false
    if current.isWord("label") && !current.startsLine {
      isLabel = true
      end = current.range.end
      advance()
    }
    return ColumnMappingSyntax(attribute: attribute, header: header, isLabel: isLabel, range: SourceRange(start: start, end: end))
  }

  /// A column header: a string, or a plain name.
  private mutating func parseHeaderName(after what: String) -> Located<String>? {
    guard current.kind == .string || current.kind == .identifier else {
      unexpected(current, expecting: "a column header in quotes after `\(what)`")
      return nil
    }
    let header = Located(current.text, current.range)
    advance()
    return header
  }

  /// 'missing' IDENT '=' expr
  private mutating func parseMissingRule() -> MissingRuleSyntax? {
    let start = current.range.start
    advance()
    guard let attribute = parseName("the attribute's name after `missing`") else { recover(); return nil }
    guard expect(.assign, "`=` and the value of an empty cell after `missing \(attribute.value)`") else { recover(); return nil }
    guard let value = parseExpression() else { recover(); return nil }
    return MissingRuleSyntax(attribute: attribute, value: value, range: SourceRange(start: start, end: value.range.end))
  }

  /// 'bootstrap' (expr unit?)?
  private mutating func parseBootstrap() -> BootstrapSyntax? {
    let keyword = current
    advance()
    if current.startsLine || current.kind == .rightBrace || current.kind == .endOfFile {
      return BootstrapSyntax(keyword: keyword.range, count: nil)
    }
    guard let value = parseExpression() else { recover(); return nil }
    let unit = parseUnit()
    let field = FieldSyntax(
      name: Located("bootstrap", keyword.range), value: value, trailingUnit: unit,
      range: SourceRange(start: keyword.range.start, end: unit?.range.end ?? value.range.end))
    return BootstrapSyntax(keyword: keyword.range, count: field)
  }
}
