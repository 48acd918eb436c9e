/// Parses scenario tokens into a `ScenarioSyntax`, collecting every syntax error.
///
/// Grammar (newlines are whitespace; `IDENT` words in quotes are contextual keywords):
/// ```
/// file        := 'scenario' STRING '{' item* '}'
/// item        := years | 'let' IDENT '=' expr | population | growth | block
///              | ('end' | 'start') 'of' 'year' effects | option | sweep | calibrate | field
/// years       := 'years' INT ('to' INT)?
/// field       := IDENT phrase* expr unit?        -- e.g. `seed 7`, `eligible when x`
/// population  := 'population' expr '{' (group | attribute)* '}'
///              | 'population' 'from' STRING '{' microdataItem* '}'   -- Parser+Microdata.swift
/// group       := 'group' IDENT 'share' expr '{' attribute* '}'
/// attribute   := IDENT ('~' | '=') expr unit?
/// growth      := 'income' 'growth' ('for' IDENT)? expr unit?
/// block       := ('shock' IDENT | 'identification' | 'programme' IDENT IDENT? STRING?
///                 | 'transfer' IDENT STRING? | ('exit' | 'transition' | 'monitoring') STRING?
///                 | 'price' IDENT STRING?)
///                 '{' blockItem* '}'
/// blockItem   := years | 'let' IDENT '=' expr | ('on' 'join' | 'next' 'year') effects
///              | 'keep' IDENT (',' IDENT)* | field
/// effects     := '{' (IDENT ('='|'+='|'-='|'*='|'/=') expr ('when' expr)?)* '}'
/// option      := 'option' (IDENT | STRING) 'baseline'? '{' (path '=' expr)* '}'
/// sweep       := 'sweep' path ('from' expr 'to' expr 'step' expr | 'over' '(' expr (',' expr)* ')')
/// calibrate   := 'calibrate' '{' ('target' IDENT INT '=' number ('weight' number)? ('scale' number)?
///                 | 'free' path 'between' number 'and' number)* '}'   -- Parser+Calibration.swift
/// expr        := or ('indexed' or unit?)?
/// or          := and ('or' and)*
/// and         := not ('and' not)*
/// not         := 'not' not | compare
/// compare     := sum (('<' | '<=' | '>' | '>=' | '==' | '!=') sum)?
/// sum         := product (('+' | '-') product)*
/// product     := unary (('*' | '/' | 'of') unary)*
/// unary       := '-' unary | primary
/// primary     := NUMBER '%'? unit? | 'true' | 'false' | IDENT ('.' IDENT)*
///              | IDENT '(' arguments? ')' | 'schedule' '(' (INT ':' expr),+ ')' | '(' expr ')'
/// unit        := measure? ('per' denominator)*
/// ```
/// Multi-word settings are stored under one name: `eligible when` → `eligible`,
/// `moves when` → `moves_when`, `debt repaid over` → `repayment_years`,
/// `top up to` → `top_up_to`, `include X below Y` → `include` and `include_below`,
/// `report by` → `report_by`, `share of income` → `share_of_income`, `covariate by` →
/// `covariate_by` (and `covariate` alone → `covariate true`). `price NAME ["Title"] { … }`
/// is a block like `shock`.
/// `take up` → `take_up`, `default when` → `default_when`, `discount limit` →
/// `discount_limit`, `priority lowest X` → `priority_lowest` (also `priority_highest`;
/// `priority random` and `priority registry order` have no value), `budget X by ATTR` →
/// `budget` and `by` (docs/language.md § Budget caps, § Microcredit).
public struct Parser {
  private var tokens: [Token]
  var index = 0
  private let source: SourceFile
  var depth = 0
  /// Where the expression being parsed stands, for telling `85,000` from `uniform(0,100)`.
  private var commaContext = CommaContext.statement
  /// Set once nesting went too deep: everything after it was skipped, so "not closed"
  /// errors would only repeat it.
  private var skippedRest = false
  /// The token at which the statement being parsed began; `recover()` always moves past it.
  var statementStart = 0
  /// Problems found while parsing (including the lexer's).
  public private(set) var diagnostics: [Diagnostic] = []

  /// Nesting deeper than this (parentheses, blocks, operators) is refused, not recursed into.
  public static let maximumDepth = 100

  /// Creates a parser over a source file.
  public init(source: SourceFile) {
    var lexer = Lexer(source: source)
    self.tokens = lexer.tokenize()
    self.diagnostics = lexer.diagnostics
    self.source = source
  }

  /// Parses a whole scenario file. Returns nil only when not even the header could be read.
  public mutating func parseScenario() -> ScenarioSyntax? {
    let start = current.range.start
    guard current.isWord("scenario") else {
      if current.kind == .endOfFile {
        // A binary file was already reported by the lexer, which gave no tokens.
        if diagnostics.contains(where: { $0.id == "binary-file" }) { return nil }
        error("empty-file", "the file is empty", current.range, hint: "a scenario starts with `scenario \"Name\" {`")
      } else {
        error(
          "expected-scenario", "expected `scenario \"Name\" {` at the start of the file, found \(current.quoted)", current.range,
          hint: "a scenario file holds one `scenario \"Name\" { … }` block")
      }
      return nil
    }
    advance()
    let name: Located<String>
    if current.kind == .string {
      name = Located(current.text, current.range)
      advance()
    } else if current.kind == .identifier {
      name = Located(current.text, current.range)
      advance()
    } else {
      error("expected-name", "expected the scenario's name in quotes, found \(current.quoted)", current.range, hint: "e.g. `scenario \"Jiangxi relocation\" {`")
      name = Located("", current.range)
    }
    guard expect(.leftBrace, "`{` to open the scenario") else { return nil }
    var items: [ScenarioItem] = []
    // At most one item per 4 tokens: one allocation, whose untouched end costs nothing,
    // instead of copies of thousands of options as the array grows.
    items.reserveCapacity(tokens.count / 4)
    var calibrations: [CalibrationSyntax] = []
    while current.kind != .rightBrace && current.kind != .endOfFile {
      statementStart = index
      if current.isWord("calibrate") && peek(1).kind == .leftBrace {
        if let block = parseCalibration() { calibrations.append(block) }
        continue
      }
      if let item = parseScenarioItem() { items.append(item) }
    }
    let closing = current
    if skippedRest {
      // The nesting error already explains why the rest of the file was not read.
    } else if current.kind == .endOfFile {
      error("unclosed-brace", "the scenario block is not closed", .point(current.range.start), hint: "add `}` at the end of the file")
    } else {
      advance()
      if current.kind != .endOfFile {
        error(
          "trailing-text", "unexpected \(current.quoted) after the end of the scenario", current.range,
          hint: "everything must be inside `scenario \"…\" { … }`; is there one `}` too many above?")
      }
    }
    var syntax = ScenarioSyntax(name: name, items: items, range: SourceRange(start: start, end: closing.range.end))
    syntax.calibrations = calibrations
    return syntax
  }

  /// Parses a standalone expression, as given to `--set path=value`.
  public mutating func parseStandaloneExpression() -> Expression? {
    // After an error inside the value, the rest of it is not "trailing text" as well.
    guard let expression = parseExpression() else { return nil }
    if current.kind != .endOfFile {
      error("trailing-text", "unexpected \(current.quoted) after the value", current.range, hint: nil)
      return nil
    }
    return expression
  }

  // MARK: - Statements

  private mutating func parseScenarioItem() -> ScenarioItem? {
    let token = current
    guard token.kind == .identifier else {
      unexpected(token, expecting: "a statement such as `years`, `population`, `programme` or `option`")
      recover()
      return nil
    }
    switch token.text {
    case "years": return parseYears().map(ScenarioItem.years)
    case "let": return parseParameter().map(ScenarioItem.parameter)
    case "population": return parsePopulation().map(ScenarioItem.population)
    case "income" where peek(1).isWord("growth"): return parseGrowth().map(ScenarioItem.growth)
    case "shock", "identification", "programme", "transfer": return parseBlock().map(ScenarioItem.block)
    case "exit", "transition",
      "monitoring" where peek(1).kind == .leftBrace || peek(1).kind == .string:
      return parseBlock().map(ScenarioItem.block)
    case "start" where peek(1).isWord("of") && peek(2).isWord("year"):
      let start = token.range.start
      advance()
      advance()
      advance()
      return parseEffects(.startOfYear, start: start).map(ScenarioItem.yearEnd)
    case "price" where peek(1).kind == .identifier && (peek(2).kind == .string || peek(2).kind == .leftBrace):
      return parseBlock().map(ScenarioItem.block)
    case "end" where peek(1).isWord("of"):
      let start = token.range.start
      advance()
      advance()
      guard expectWord("year") else { recover(); return nil }
      return parseEffects(.endOfYear, start: start).map(ScenarioItem.yearEnd)
    case "option": return parseOption().map(ScenarioItem.option)
    case "sweep" where peek(1).kind == .identifier: return parseSweep().map(ScenarioItem.sweep)
    case "scenario":
      error("nested-scenario", "a scenario cannot contain another scenario", token.range, hint: "is a `}` missing above?")
      recover()
      return nil
    default: return parseField().map(ScenarioItem.field)
    }
  }

  /// years := 'years' INT ('to' INT)?
  private mutating func parseYears() -> YearSpanSyntax? {
    let start = current.range.start
    advance()
    guard let first = parseYear() else { recover(); return nil }
    var last = first
    if current.isWord("to") || current.kind == .minus {
      advance()
      guard let year = parseYear() else { recover(); return nil }
      last = year
    }
    return YearSpanSyntax(first: first, last: last, range: SourceRange(start: start, end: last.range.end))
  }

  private mutating func parseYear() -> Located<Int>? {
    guard current.kind == .number else {
      error("expected-year", "expected a year, found \(current.quoted)", current.range, hint: "years are written as whole numbers, e.g. `2016`")
      return nil
    }
    let token = current
    advance()
    guard token.number.rounded() == token.number, abs(token.number) < 100_000 else {
      error("expected-year", "`\(token.text)` is not a year", token.range, hint: "years are whole numbers such as `2016`")
      return nil
    }
    return Located(Int(token.number), token.range)
  }

  /// 'let' IDENT '=' expr
  private mutating func parseParameter() -> ParameterSyntax? {
    let start = current.range.start
    advance()
    guard let name = parseName("a parameter name after `let`") else { recover(); return nil }
    guard expect(.assign, "`=` after the parameter name") else { recover(); return nil }
    guard let value = parseExpression() else { recover(); return nil }
    return ParameterSyntax(name: name, value: value, range: SourceRange(start: start, end: value.range.end))
  }

  /// field := IDENT phrase* expr unit?
  private mutating func parseField() -> FieldSyntax? {
    let nameToken = current
    advance()
    var name = nameToken.text
    var nameRange = nameToken.range
    // Multi-word settings.
    func absorb(_ words: [String], as canonical: String) -> Bool {
      for (offset, word) in words.enumerated() where !peek(offset).isWord(word) { return false }
      for _ in words { nameRange = nameRange.union(current.range); advance() }
      name = canonical
      return true
    }
    switch nameToken.text {
    case "eligible": _ = absorb(["when"], as: "eligible")
    case "moves", "move": _ = absorb(["when"], as: "moves_when")
    case "debt": _ = absorb(["repaid", "over"], as: "repayment_years")
    case "top": _ = absorb(["up", "to"], as: "top_up_to")
    case "marginal": _ = absorb(["below"], as: "marginal_below")
    case "job": _ = absorb(["loss"], as: "job_loss")
    case "report": _ = absorb(["by"], as: "report_by")
    case "share": _ = absorb(["of", "income"], as: "share_of_income")
    case "covariate":
      if !absorb(["by"], as: "covariate_by"),
        current.startsLine || current.kind == .identifier || current.kind == .rightBrace || current.kind == .endOfFile
      {
        // `covariate` alone (a setting or the block's end follows): one draw for the county.
        return FieldSyntax(name: Located(name, nameRange), value: Expression(.boolean(true), nameRange), trailingUnit: nil, range: nameRange)
      }
    case "take": _ = absorb(["up"], as: "take_up")
    case "default": _ = absorb(["when"], as: "default_when")
    case "discount": _ = absorb(["limit"], as: "discount_limit")
    case "priority":
      // `priority random` and `priority registry order` take no value.
      if absorb(["random"], as: "priority_random") || absorb(["registry", "order"], as: "priority_registry") {
        return FieldSyntax(name: Located(name, nameRange), value: Expression(.boolean(true), nameRange), trailingUnit: nil, range: nameRange)
      }
      if !absorb(["lowest"], as: "priority_lowest") && !absorb(["highest"], as: "priority_highest"),
        current.kind == .identifier, NameSuggestion.closest(to: current.text, among: ["lowest", "highest"]) != nil,
        peek(1).kind == .identifier || peek(1).kind == .number, !peek(1).startsLine,
        !["and", "or", "of", "indexed", "per"].contains(peek(1).text)
      {
        // `priority lowst income`: a misspelt `lowest`/`highest` with its expression. The rule word is the
        // value (the checker reports it with a hint); the expression after it on the same
        // line is read and dropped, so it is not taken for a setting of its own.
        let rule = Expression(.name(current.text), current.range)
        advance()
        _ = parseExpression()
        return FieldSyntax(name: Located(name, nameRange), value: rule, trailingUnit: nil, range: nameRange.union(rule.range))
      }
    default: break
    }
    if current.kind == .leftBrace || current.kind == .rightBrace || current.kind == .endOfFile {
      error(
        "expected-value", "expected a value after `\(name)`", .point(nameRange.end),
        hint: current.kind == .leftBrace ? "`\(name)` is not a block; is a keyword misspelt?" : nil)
      recover()
      return nil
    }
    guard let value = parseExpression() else { recover(); return nil }
    let unit = parseUnit()
    var end = unit?.range.end ?? value.range.end
    if name == "detect", current.isWord("of"), peek(1).isWord("poor") {
      advance()
      end = current.range.end
      advance()
    }
    return FieldSyntax(name: Located(name, nameRange), value: value, trailingUnit: unit, range: SourceRange(start: nameToken.range.start, end: end))
  }

  /// population := 'population' expr '{' (group | attribute)* '}'
  private mutating func parsePopulation() -> PopulationSyntax? {
    let keyword = current
    advance()
    if current.isWord("from") { return parseMicrodataPopulation(keyword: keyword) }
    guard let count = parseExpression() else { recover(); return nil }
    let countUnit = parseUnit()
    let countField = FieldSyntax(
      name: Located("households", keyword.range), value: count, trailingUnit: countUnit,
      range: keyword.range.union(count.range))
    guard expect(.leftBrace, "`{` to open the population block") else { recover(); return nil }
    guard enterNesting() else { return nil }
    defer { depth -= 1 }
    var groups: [GroupSyntax] = []
    var attributes: [AttributeSyntax] = []
    while current.kind != .rightBrace && current.kind != .endOfFile {
      statementStart = index
      if current.isWord("group") {
        if let group = parseGroup() { groups.append(group) }
      } else if let attribute = parseAttribute() {
        attributes.append(attribute)
      }
    }
    let end = current.range.end
    _ = expect(.rightBrace, "`}` to close the population block")
    return PopulationSyntax(count: countField, groups: groups, attributes: attributes, range: SourceRange(start: keyword.range.start, end: end))
  }

  /// group := 'group' IDENT 'share' expr '{' attribute* '}'
  mutating func parseGroup() -> GroupSyntax? {
    let start = current.range.start
    advance()
    guard let name = parseName("the group's name after `group`") else { recover(); return nil }
    guard current.isWord("share") else {
      error("expected-share", "expected `share` after the group name, found \(current.quoted)", current.range, hint: "e.g. `group remote share 30% { … }`")
      recover()
      return nil
    }
    let shareWord = current
    advance()
    guard let share = parseExpression() else { recover(); return nil }
    let shareField = FieldSyntax(name: Located("share", shareWord.range), value: share, trailingUnit: nil, range: shareWord.range.union(share.range))
    var attributes: [AttributeSyntax] = []
    var end = share.range.end
    if current.kind == .leftBrace {
      advance()
      guard enterNesting() else { return nil }
      defer { depth -= 1 }
      while current.kind != .rightBrace && current.kind != .endOfFile {
        statementStart = index
        if let attribute = parseAttribute() { attributes.append(attribute) }
      }
      end = current.range.end
      _ = expect(.rightBrace, "`}` to close the group")
    }
    return GroupSyntax(name: name, share: shareField, attributes: attributes, range: SourceRange(start: start, end: end))
  }

  /// attribute := IDENT ('~' | '=') expr unit?
  mutating func parseAttribute() -> AttributeSyntax? {
    guard let name = parseName("an attribute such as `income ~ lognormal(median: 3400, sigma: 0.55)`") else {
      recover()
      return nil
    }
    let definition: AttributeSyntax.Definition
    switch current.kind {
    case .tilde: definition = .drawn
    case .assign: definition = .derived
    default:
      let hint: String
      if current.kind == .identifier || current.kind == .number {
        hint = "write `\(name.value) ~ distribution(…)` to draw it, or `\(name.value) = expression` to compute it"
      } else {
        hint = "attributes are written `name ~ distribution(…)` or `name = expression`"
      }
      error("expected-definition", "expected `~` or `=` after attribute `\(name.value)`, found \(current.quoted)", current.range, hint: hint)
      recover()
      return nil
    }
    advance()
    guard let value = parseExpression() else { recover(); return nil }
    let unit = parseUnit()
    return AttributeSyntax(
      name: name, definition: definition, value: value, trailingUnit: unit,
      range: SourceRange(start: name.range.start, end: unit?.range.end ?? value.range.end))
  }

  /// growth := 'income' 'growth' ('for' IDENT)? expr unit?
  private mutating func parseGrowth() -> GrowthSyntax? {
    let start = current
    advance()
    let growthWord = current
    advance()
    var group: Located<String>?
    if current.isWord("for") {
      advance()
      guard let name = parseName("a group name after `for`") else { recover(); return nil }
      group = name
    }
    guard let value = parseExpression() else { recover(); return nil }
    let unit = parseUnit()
    let field = FieldSyntax(
      name: Located("growth", start.range.union(growthWord.range)), value: value, trailingUnit: unit,
      range: SourceRange(start: start.range.start, end: unit?.range.end ?? value.range.end))
    return GrowthSyntax(group: group, value: field, range: field.range)
  }

  /// block := ('shock' IDENT | 'identification' | 'programme' IDENT IDENT? STRING? | 'transfer' IDENT STRING?) '{' blockItem* '}'
  private mutating func parseBlock() -> BlockSyntax? {
    let keyword = Located(current.text, current.range)
    advance()
    var kind: Located<String>?
    var name: Located<String>?
    var title: Located<String>?
    switch keyword.value {
    case "programme":
      guard let parsedKind = parseName("the programme kind (`relocation`, `industry` or `subsidy`)") else { recover(); return nil }
      kind = parsedKind
      if current.kind == .identifier { name = Located(current.text, current.range); advance() }
    case "shock", "transfer", "price":
      guard let parsedName = parseName("the \(keyword.value)'s name") else { recover(); return nil }
      name = parsedName
    default: break
    }
    if current.kind == .string {
      title = Located(current.text, current.range)
      advance()
    }
    guard expect(.leftBrace, "`{` to open the \(keyword.value) block") else { recover(); return nil }
    guard enterNesting() else { return nil }
    defer { depth -= 1 }
    var items: [BlockItem] = []
    while current.kind != .rightBrace && current.kind != .endOfFile {
      statementStart = index
      items.append(contentsOf: parseBlockItem())
    }
    let end = current.range.end
    _ = expect(.rightBrace, "`}` to close the \(keyword.value) block")
    return BlockSyntax(keyword: keyword, kind: kind, name: name, title: title, items: items, range: SourceRange(start: keyword.range.start, end: end))
  }

  /// blockItem := years | 'let' IDENT '=' expr | ('on' 'join' | 'next' 'year') effects | field
  ///
  /// Returns two items for `include X below Y` (the fields `include` and `include_below`).
  private mutating func parseBlockItem() -> [BlockItem] {
    let token = current
    guard token.kind == .identifier else {
      unexpected(token, expecting: "a setting such as `years`, `eligible when` or `cost`")
      recover()
      return []
    }
    switch token.text {
    case "years": return parseYears().map { [.years($0)] } ?? []
    case "let": return parseParameter().map { [.parameter($0)] } ?? []
    case "on" where peek(1).isWord("join") || peek(1).isWord("move"):
      advance()
      advance()
      return parseEffects(.onJoin, start: token.range.start).map { [.effects($0)] } ?? []
    case "next" where peek(1).isWord("year"):
      advance()
      advance()
      return parseEffects(.nextYear, start: token.range.start).map { [.effects($0)] } ?? []
    case "keep" where peek(1).kind == .identifier:
      return parseNameList().map { [.names($0)] } ?? []
    default:
      guard let field = parseField() else { return [] }
      if field.name.value == "budget" || field.name.value == "places", current.isWord("by") {
        // `budget 2_000_000 yuan per year by village`: one budget per value of a label.
        let by = current
        advance()
        guard let attribute = parseName("a label attribute after `by`, e.g. `by village`") else { recover(); return [.field(field)] }
        let byField = FieldSyntax(
          name: Located("by", by.range), value: Expression(.name(attribute.value), attribute.range), trailingUnit: nil,
          range: by.range.union(attribute.range))
        return [.field(field), .field(byField)]
      }
      guard field.name.value == "include", current.isWord("below") else { return [.field(field)] }
      let below = current
      advance()
      guard let threshold = parseExpression() else {
        recover()
        return [.field(field)]
      }
      let thresholdField = FieldSyntax(
        name: Located("include_below", below.range), value: threshold, trailingUnit: nil,
        range: below.range.union(threshold.range))
      return [.field(field), .field(thresholdField)]
    }
  }

  /// effects := '{' (IDENT ('='|'+='|'-='|'*='|'/=') expr)* '}'
  private mutating func parseEffects(_ timing: EffectListSyntax.Timing, start: Int) -> EffectListSyntax? {
    guard expect(.leftBrace, "`{` to open the list of effects") else { recover(); return nil }
    guard enterNesting() else { return nil }
    defer { depth -= 1 }
    var effects: [EffectSyntax] = []
    while current.kind != .rightBrace && current.kind != .endOfFile {
      statementStart = index
      guard let target = parseName("an attribute to update, e.g. `income *= 1.25`") else { recover(); continue }
      let operation: EffectSyntax.Operator
      switch current.kind {
      case .assign: operation = .set
      case .plusAssign: operation = .add
      case .minusAssign: operation = .subtract
      case .starAssign: operation = .multiply
      case .slashAssign: operation = .divide
      default:
        error(
          "expected-assignment", "expected `=`, `+=`, `-=`, `*=` or `/=` after `\(target.value)`, found \(current.quoted)", current.range,
          hint: "effects update an attribute, e.g. `income *= 1.25` or `group = relocated`")
        recover()
        continue
      }
      advance()
      guard let value = parseExpression() else { recover(); continue }
      var effect = EffectSyntax(target: target, operation: operation, value: value, range: target.range.union(value.range))
      if current.isWord("when") {
        advance()
        guard let condition = parseExpression() else { recover(); continue }
        effect.condition = condition
        effect.range = effect.range.union(condition.range)
      }
      effects.append(effect)
    }
    let end = current.range.end
    _ = expect(.rightBrace, "`}` to close the list of effects")
    return EffectListSyntax(timing: timing, effects: effects, range: SourceRange(start: start, end: end))
  }

  /// nameList := 'keep' IDENT (',' IDENT)*
  private mutating func parseNameList() -> NameListSyntax? {
    let keyword = Located(current.text, current.range)
    advance()
    var names: [Located<String>] = []
    repeat {
      if !names.isEmpty { advance() }
      guard let name = parseName("a programme or transfer name after `\(keyword.value)`") else { recover(); return nil }
      names.append(name)
    } while current.kind == .comma
    return NameListSyntax(name: keyword, names: names, range: keyword.range.union(names[names.count - 1].range))
  }

  /// option := 'option' (IDENT | STRING) 'baseline'? '{' (path '=' expr)* '}'
  private mutating func parseOption() -> OptionSyntax? {
    let start = current.range.start
    advance()
    guard current.kind == .string || current.kind == .identifier else {
      error(
        "expected-name", "expected the option's name, found \(current.quoted)", current.range,
        hint: "e.g. `option \"subsidy 40k\" { relocation.subsidy = 40000 }`")
      recover()
      return nil
    }
    let name = Located(current.text, current.range)
    advance()
    var isBaseline = false
    if current.isWord("baseline") {
      isBaseline = true
      advance()
    }
    guard expect(.leftBrace, "`{` to open the option") else { recover(); return nil }
    guard enterNesting() else { return nil }
    defer { depth -= 1 }
    var overrides: [OverrideSyntax] = []
    while current.kind != .rightBrace && current.kind != .endOfFile {
      statementStart = index
      guard let path = parsePath() else { recover(); continue }
      guard expect(.assign, "`=` after the parameter path") else { recover(); continue }
      guard let value = parseExpression() else { recover(); continue }
      overrides.append(OverrideSyntax(path: path, value: value, range: path.range.union(value.range)))
    }
    let end = current.range.end
    _ = expect(.rightBrace, "`}` to close the option")
    return OptionSyntax(name: name, isBaseline: isBaseline, overrides: overrides, range: SourceRange(start: start, end: end))
  }

  /// sweep := 'sweep' path ('from' expr 'to' expr 'step' expr | 'over' '(' expr (',' expr)* ')')
  private mutating func parseSweep() -> SweepSyntax? {
    let start = current.range.start
    advance()
    guard let path = parsePath() else { recover(); return nil }
    if current.isWord("from") {
      advance()
      guard let from = parseExpression() else { recover(); return nil }
      guard expectWord("to") else { recover(); return nil }
      guard let to = parseExpression() else { recover(); return nil }
      guard current.isWord("step") else {
        error(
          "expected-step", "expected `step` after the range of the sweep, found \(current.quoted)",
          current.startsLine || current.kind == .endOfFile || current.kind == .rightBrace ? .point(to.range.end) : current.range,
          hint: "e.g. `sweep \(path.value) from 20000 to 80000 step 10000`")
        recover()
        return nil
      }
      advance()
      guard let step = parseExpression() else { recover(); return nil }
      return SweepSyntax(path: path, values: .range(from: from, to: to, step: step), range: SourceRange(start: start, end: step.range.end))
    }
    guard current.isWord("over") else {
      error(
        "expected-sweep-values", "expected `from` or `over` after the swept parameter, found \(current.quoted)",
        current.kind == .endOfFile ? .point(current.range.start) : current.range,
        hint: "write `sweep \(path.value) from A to B step S` or `sweep \(path.value) over (v1, v2, …)`")
      recover()
      return nil
    }
    advance()
    guard expect(.leftParen, "`(` to open the list of values") else { recover(); return nil }
    var values: [Expression] = []
    while current.kind != .rightParen {
      let outerContext = commaContext
      commaContext = .unlabelledArgument
      let parsed = parseExpression()
      commaContext = outerContext
      guard let value = parsed else { recover(); return nil }
      values.append(value)
      if current.kind == .comma {
        advance()
      } else if current.kind != .rightParen {
        error(
          "expected-comma", "expected `,` or `)` in the values of the sweep, found \(current.quoted)",
          current.kind == .endOfFile ? .point(current.range.start) : current.range,
          hint: current.kind == .endOfFile || current.kind == .rightBrace ? "is a `)` missing?" : "separate the values with commas, e.g. `over (20000, 40000)`")
        recover()
        return nil
      }
    }
    let end = current.range.end
    advance()
    return SweepSyntax(path: path, values: .list(values), range: SourceRange(start: start, end: end))
  }

  /// path := IDENT ('.' (IDENT | NUMBER))*
  public mutating func parsePath() -> Located<String>? {
    guard let first = parseName("a parameter path such as `relocation.subsidy`") else { return nil }
    var text = first.value
    var range = first.range
    while true {
      if current.kind == .number, current.range.start == range.end, current.text.first == ".",
        current.text.dropFirst().allSatisfy({ $0 >= "0" && $0 <= "9" })
      {
        // `size.3` (a category of `size`) lexes as `size` and the number `.3`.
        text += current.text
        range = range.union(current.range)
        advance()
        continue
      }
      guard current.kind == .dot else { break }
      advance()
      guard current.kind == .identifier || current.kind == .number || current.kind == .string else {
        error("expected-name", "expected a name after `.`, found \(current.quoted)", current.range, hint: nil)
        return nil
      }
      text += "." + current.text
      range = range.union(current.range)
      advance()
    }
    return Located(text, range)
  }

  // MARK: - Expressions

  /// expr := or ('indexed' or unit?)?
  mutating func parseExpression() -> Expression? {
    guard enterNesting() else { return nil }
    defer { depth -= 1 }
    guard let base = parseOr() else { return nil }
    if current.isWord("indexed") {
      advance()
      guard let rate = parseOr() else { return nil }
      if let unit = parseUnit(), unit.measure != nil || unit.perWithoutYear.count > 0 {
        error("unexpected-unit", "an index rate is a yearly percentage; `\(unit.description)` does not apply", unit.range, hint: "e.g. `indexed 3% per year`")
      }
      return Expression(.indexed(base: base, rate: rate), base.range.union(rate.range))
    }
    return base
  }

  private mutating func parseOr() -> Expression? {
    guard var lhs = parseAnd() else { return nil }
    while current.isWord("or") {
      advance()
      guard let rhs = parseAnd() else { return nil }
      lhs = Expression(.binary(.or, lhs, rhs), lhs.range.union(rhs.range))
    }
    return lhs
  }

  private mutating func parseAnd() -> Expression? {
    guard var lhs = parseNot() else { return nil }
    while current.isWord("and") {
      advance()
      guard let rhs = parseNot() else { return nil }
      lhs = Expression(.binary(.and, lhs, rhs), lhs.range.union(rhs.range))
    }
    return lhs
  }

  private mutating func parseNot() -> Expression? {
    if current.isWord("not") {
      let start = current.range
      advance()
      guard enterNesting() else { return nil }
      defer { depth -= 1 }
      guard let operand = parseNot() else { return nil }
      return Expression(.unary(.not, operand), start.union(operand.range))
    }
    return parseComparison()
  }

  private mutating func parseComparison() -> Expression? {
    guard let lhs = parseSum() else { return nil }
    let op: Expression.BinaryOperator
    switch current.kind {
    case .less: op = .less
    case .lessEqual: op = .lessEqual
    case .greater: op = .greater
    case .greaterEqual: op = .greaterEqual
    case .equalEqual: op = .equal
    case .notEqual: op = .notEqual
    case .assign:
      error("assignment-in-expression", "`=` is not a comparison", current.range, hint: "write `==` to compare")
      op = .equal
    default: return lhs
    }
    advance()
    guard let rhs = parseSum() else { return nil }
    return Expression(.binary(op, lhs, rhs), lhs.range.union(rhs.range))
  }

  private mutating func parseSum() -> Expression? {
    guard var lhs = parseProduct() else { return nil }
    while current.kind == .plus || current.kind == .minus {
      let op: Expression.BinaryOperator = current.kind == .plus ? .add : .subtract
      advance()
      guard let rhs = parseProduct() else { return nil }
      lhs = Expression(.binary(op, lhs, rhs), lhs.range.union(rhs.range))
    }
    return lhs
  }

  private mutating func parseProduct() -> Expression? {
    guard var lhs = parseUnary() else { return nil }
    while current.kind == .star || current.kind == .slash || (current.isWord("of") && !peek(1).isWord("poor")) {
      let op: Expression.BinaryOperator = current.kind == .star ? .multiply : current.kind == .slash ? .divide : .of
      advance()
      guard let rhs = parseUnary() else { return nil }
      lhs = Expression(.binary(op, lhs, rhs), lhs.range.union(rhs.range))
    }
    return lhs
  }

  private mutating func parseUnary() -> Expression? {
    if current.kind == .minus {
      let start = current.range
      advance()
      guard enterNesting() else { return nil }
      defer { depth -= 1 }
      guard let operand = parseUnary() else { return nil }
      if case .number(let value, let unit) = operand.kind {
        return Expression(.number(-value, unit: unit), start.union(operand.range))
      }
      return Expression(.unary(.negate, operand), start.union(operand.range))
    }
    return parsePrimary()
  }

  private mutating func parsePrimary() -> Expression? {
    let token = current
    switch token.kind {
    case .number:
      advance()
      var value = token.number
      var range = token.range
      if let grouped = parseDigitGroups(after: token) {
        value = grouped.value
        range = grouped.range
      }
      var percent = false
      if current.kind == .percent {
        percent = true
        value /= 100
        range = range.union(current.range)
        advance()
      }
      var unit = parseUnit()
      if percent {
        unit = UnitSyntax(measure: .percent, per: unit?.per ?? [], range: unit.map { range.union($0.range) } ?? range)
        if let written = unit, written.range.end > range.end { range = SourceRange(start: range.start, end: written.range.end) }
      } else if let written = unit {
        range = range.union(written.range)
      }
      return Expression(.number(value, unit: unit), range)
    case .string:
      advance()
      return Expression(.name(token.text), token.range)
    case .leftParen:
      advance()
      let outerContext = commaContext
      commaContext = .statement
      defer { commaContext = outerContext }
      guard let inner = parseExpression() else { return nil }
      let end = current.range.end
      guard expect(.rightParen, "`)`") else { return nil }
      var result = inner
      result.range = SourceRange(start: token.range.start, end: end)
      return result
    case .identifier:
      advance()
      if token.text == "true" || token.text == "false" {
        return Expression(.boolean(token.text == "true"), token.range)
      }
      if current.kind == .leftParen {
        return token.text == "schedule" ? parseSchedule(token) : parseCall(token)
      }
      if current.kind == .dot, peek(1).kind == .identifier {
        var parts = [token.text]
        var range = token.range
        while current.kind == .dot, peek(1).kind == .identifier {
          advance()
          parts.append(current.text)
          range = range.union(current.range)
          advance()
        }
        return Expression(.path(parts), range)
      }
      return Expression(.name(token.text), token.range)
    default:
      unexpected(token, expecting: "a value")
      return nil
    }
  }

  private mutating func parseCall(_ name: Token) -> Expression? {
    advance()  // (
    var arguments: [Expression.Argument] = []
    while current.kind != .rightParen {
      var label: Located<String>?
      if (current.kind == .identifier || current.kind == .number || current.kind == .string), peek(1).kind == .colon {
        label = Located(current.text, current.range)
        advance()
        advance()
      }
      let outerContext = commaContext
      commaContext = label == nil ? .unlabelledArgument : .labelledArgument
      let parsed = parseExpression()
      commaContext = outerContext
      guard let value = parsed else { return nil }
      arguments.append(Expression.Argument(label: label, value: value))
      if current.kind == .comma {
        advance()
      } else if current.kind != .rightParen {
        error(
          "expected-comma", "expected `,` or `)` in the arguments of `\(name.text)`, found \(current.quoted)", current.range,
          hint: current.kind == .endOfFile || current.kind == .rightBrace ? "is a `)` missing?" : nil)
        return nil
      }
    }
    let end = current.range.end
    advance()
    return Expression(.call(Located(name.text, name.range), arguments), SourceRange(start: name.range.start, end: end))
  }

  private mutating func parseSchedule(_ name: Token) -> Expression? {
    advance()  // (
    var entries: [Expression.ScheduleEntry] = []
    while current.kind != .rightParen {
      guard let year = parseYear() else { return nil }
      guard expect(.colon, "`:` after the year in a schedule") else { return nil }
      let outerContext = commaContext
      commaContext = .labelledArgument
      let parsed = parseExpression()
      commaContext = outerContext
      guard let value = parsed else { return nil }
      entries.append(Expression.ScheduleEntry(year: year, value: value))
      if current.kind == .comma {
        advance()
      } else if current.kind != .rightParen {
        error("expected-comma", "expected `,` or `)` in the schedule, found \(current.quoted)", current.range, hint: nil)
        return nil
      }
    }
    let end = current.range.end
    advance()
    return Expression(.schedule(entries), SourceRange(start: name.range.start, end: end))
  }

  /// Where a comma may stand, for the `85,000` diagnostic.
  private enum CommaContext {
    /// Not in an argument list: a comma never follows a number.
    case statement
    /// A positional argument: `uniform(0,100)` has two arguments.
    case unlabelledArgument
    /// A labelled argument or schedule entry: `median: 3,400` is one number.
    case labelledArgument
  }

  /// `85,000` and `1,000,000`: digits grouped by threes with commas (no spaces), read
  /// as one number after a `comma-in-number` diagnostic, so that parsing carries on as the
  /// writer meant. Positional arguments (`uniform(0,100)`) are left alone.
  private mutating func parseDigitGroups(after token: Token) -> (value: Double, range: SourceRange)? {
    guard commaContext != .unlabelledArgument, token.text.isPlainDigits, token.text.count <= 3, !token.text.hasPrefix("0") else { return nil }
    var digits = token.text
    var end = token.range.end
    while current.kind == .comma, current.range.start == end, peek(1).kind == .number, peek(1).range.start == current.range.end,
      peek(1).text.count == 3, peek(1).text.isPlainDigits, peek(2).kind != .colon
    {
      advance()
      digits += current.text
      end = current.range.end
      advance()
    }
    guard end != token.range.end else { return nil }
    let range = SourceRange(start: token.range.start, end: end)
    let written = source.text(in: range)
    error(
      "comma-in-number", "`,` cannot group digits", range,
      hint: "write `\(String(written.map { $0 == "," ? "_" : $0 }))` (or `\(digits)`); commas only separate arguments")
    return (Double(digits) ?? 0, range)
  }

  /// unit := measure? ('per' denominator)*
  mutating func parseUnit() -> UnitSyntax? {
    var measure: UnitSyntax.Measure?
    var per: [UnitSyntax.Denominator] = []
    let start = current.range.start
    var end = start
    // A measure word that starts a line begins the next statement (`years 2017 to 2019`
    // after `eligible when registered`), and one before `~` or `=` names an attribute.
    if current.kind == .identifier, !current.startsLine, let word = UnitSyntax.measure(current.text),
      !(peek(1).kind == .tilde || peek(1).kind == .assign)
    {
      measure = word
      end = current.range.end
      advance()
    }
    while current.isWord("per") {
      let perToken = current
      advance()
      guard current.kind == .identifier, let denominator = UnitSyntax.denominator(current.text) else {
        error(
          "unknown-unit", "unknown unit `per \(current.text)`", perToken.range.union(current.range),
          hint: "units are `per household`, `per person`, `per mu`, `per child` and `per year`")
        if current.kind == .identifier { advance() }
        return nil
      }
      per.append(denominator)
      end = current.range.end
      advance()
    }
    if measure == nil && per.isEmpty { return nil }
    return UnitSyntax(measure: measure, per: per, range: SourceRange(start: start, end: end))
  }

  // MARK: - Tokens and recovery

  var current: Token { tokens[index] }

  func peek(_ offset: Int) -> Token {
    tokens[min(index + offset, tokens.count - 1)]
  }

  mutating func advance() {
    if index < tokens.count - 1 { index += 1 }
  }

  mutating func parseName(_ what: String) -> Located<String>? {
    guard current.kind == .identifier else {
      unexpected(current, expecting: what)
      return nil
    }
    let name = Located(current.text, current.range)
    advance()
    return name
  }

  mutating func expect(_ kind: Token.Kind, _ what: String) -> Bool {
    if current.kind == kind {
      advance()
      return true
    }
    unexpected(current, expecting: what)
    return false
  }

  mutating func expectWord(_ word: String) -> Bool {
    if current.isWord(word) {
      advance()
      return true
    }
    unexpected(current, expecting: "`\(word)`")
    return false
  }

  mutating func enterNesting() -> Bool {
    depth += 1
    if depth > Parser.maximumDepth {
      error(
        "nesting-too-deep", "nesting is deeper than \(Parser.maximumDepth) levels", current.range,
        hint: "simplify the expression or split it with `let`")
      // Skip everything: deeper parsing would only repeat this error.
      index = tokens.count - 1
      skippedRest = true
      depth -= 1
      return false
    }
    return true
  }

  mutating func unexpected(_ token: Token, expecting what: String) {
    var hint: String?
    switch token.kind {
    case .endOfFile: hint = "the file ends too early; is a `}` or `)` missing?"
    case .rightBrace: hint = "is something missing before `}`?"
    case .comma: hint = "numbers group digits with `_` (`85_000`), not `,`"
    default: hint = nil
    }
    error("unexpected-token", "expected \(what), found \(token.quoted)", token.kind == .endOfFile ? .point(token.range.start) : token.range, hint: hint)
  }

  mutating func error(_ id: String, _ message: String, _ range: SourceRange, hint: String?) {
    diagnostics.append(Diagnostic(id: id, message: message, file: source.path, range: range, hint: hint))
  }

  /// Skips to the next statement: a token that starts a line, a `}` closing the current
  /// block, or the end of the file. Braces opened while skipping are skipped as a whole.
  ///
  /// The token that began the failed statement is always skipped (so that parsing moves
  /// on); any other token that starts a line is kept, so that after `years 2016 to` the
  /// next line is still read as a statement.
  mutating func recover() {
    var nesting = 0
    while current.kind != .endOfFile {
      if index != statementStart && nesting == 0 && current.startsLine && current.kind != .rightBrace { return }
      switch current.kind {
      case .leftBrace: nesting += 1
      case .rightBrace:
        if nesting == 0 { return }
        nesting -= 1
      default: break
      }
      advance()
    }
  }
}

extension String {
  /// Whether the text is one or more ASCII digits and nothing else.
  fileprivate var isPlainDigits: Bool { !isEmpty && utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
}
