/// Prints a syntax tree back to canonical scenario text: the printer of `policysim fmt`.
///
/// Layout (see docs/language.md § Formatting): two spaces of indentation per block, one
/// statement per line, one space around operators and after commas, the canonical
/// spelling of multi-word settings (`eligible when`, `debt repaid over`, `take up`,
/// `priority registry order`, `include X below Y`, `budget X by ATTR`, `detect X of poor`
/// (`detect P` in `monitoring`), `covariate` alone: `multiWordNames`, `valuelessNames`), numbers in their shortest form
/// that reads back to the same value (`85_000` becomes `85000`, `7%` stays `7%`),
/// parentheses only where the grammar needs them. An `option` or an `on join` / `next
/// year` list with a single entry stays on one line; empty blocks print as `{}`.
///
/// Comments: when printing with the source, every `#` comment is kept, in order: a comment
/// that followed code on its line stays at the end of that line, one on its own line stays
/// on its own line before the statement that followed it, one inside a statement (between
/// the lines of a call) moves just before that statement. A blank line between statements
/// is kept (several become one); blank lines at the start and end of a block are dropped.
///
/// Guarantee (tested on every shipped scenario and on generated trees): parsing the printed
/// text gives the same `SyntaxShape`, and printing is idempotent. `ScenarioFormatter`
/// checks the first for every file before it rewrites anything.
public struct ScenarioPrinter {
  private var lines: [String] = []
  private let source: SourceFile?
  private let comments: [SourceRange]
  private var nextComment = 0
  /// Where the last printed statement, header or comment ended in the source.
  private var lastEnd = 0
  /// Whether nothing was printed yet inside the current block (no blank line then).
  private var atBlockStart = true

  private init(source: SourceFile?, comments: [SourceRange]) {
    self.source = source
    self.comments = comments
  }

  /// The canonical text of a tree, without comments (used for generated trees).
  public static func print(_ syntax: ScenarioSyntax) -> String {
    var printer = ScenarioPrinter(source: nil, comments: [])
    printer.scenario(syntax)
    return printer.text
  }

  /// The canonical text of a tree parsed from `source`, keeping the comments at `comments`
  /// (as `Lexer.comments` found them) and single blank lines between statements.
  public static func print(_ syntax: ScenarioSyntax, source: SourceFile, comments: [SourceRange]) -> String {
    var printer = ScenarioPrinter(source: source, comments: comments)
    printer.scenario(syntax)
    return printer.text
  }

  private var text: String { lines.joined(separator: "\n") + "\n" }

  // MARK: - Statements

  private mutating func scenario(_ syntax: ScenarioSyntax) {
    open("scenario \(Self.quoted(syntax.name.value))", range: syntax.range, indent: 0)
    // Calibration blocks are kept apart in the tree; print them where they were written.
    var entries: [(start: Int, order: Int, item: ScenarioItem?, calibration: CalibrationSyntax?)] = []
    for (order, item) in syntax.items.enumerated() { entries.append((Self.start(of: item), order, item, nil)) }
    for (order, calibration) in syntax.calibrations.enumerated() {
      entries.append((calibration.range.start, syntax.items.count + order, nil, calibration))
    }
    if source != nil { entries.sort { ($0.start, $0.order) < ($1.start, $1.order) } }
    for entry in entries {
      if let item = entry.item { scenarioItem(item, indent: 1) }
      if let calibration = entry.calibration { self.calibration(calibration, indent: 1) }
    }
    close(range: syntax.range, indent: 0, isEmpty: entries.isEmpty)
    // Comments after the scenario's closing brace.
    if let source { trivia(upTo: source.bytes.count + 1, indent: 0) }
  }

  private static func start(of item: ScenarioItem) -> Int {
    switch item {
    case .years(let span): return span.range.start
    case .field(let field): return field.range.start
    case .parameter(let parameter): return parameter.range.start
    case .population(let population): return population.range.start
    case .growth(let growth): return growth.range.start
    case .block(let block): return block.range.start
    case .yearEnd(let effects): return effects.range.start
    case .option(let option): return option.range.start
    case .sweep(let sweep): return sweep.range.start
    }
  }

  private mutating func scenarioItem(_ item: ScenarioItem, indent: Int) {
    switch item {
    case .years(let span): statement(years(span), range: span.range, indent: indent)
    case .field(let field): statement(fieldText(field), range: field.range, indent: indent)
    case .parameter(let parameter): statement(parameterText(parameter), range: parameter.range, indent: indent)
    case .population(let population): self.population(population, indent: indent)
    case .growth(let growth):
      let group = growth.group.map { " for \($0.value)" } ?? ""
      statement("income growth\(group) \(valueWithUnit(growth.value.value, growth.value.trailingUnit))", range: growth.range, indent: indent)
    case .block(let block): self.block(block, indent: indent)
    case .yearEnd(let effects): self.effects(effects, indent: indent, inlineWhenSingle: false)
    case .option(let option): self.option(option, indent: indent)
    case .sweep(let sweep): statement(sweepText(sweep), range: sweep.range, indent: indent)
    }
  }

  private func years(_ span: YearSpanSyntax) -> String {
    span.first.value == span.last.value ? "years \(span.first.value)" : "years \(span.first.value) to \(span.last.value)"
  }

  private func parameterText(_ parameter: ParameterSyntax) -> String {
    "let \(parameter.name.value) = \(expression(parameter.value))"
  }

  /// The canonical spelling of settings the parser stores under one underscore name
  /// (`Parser.parseField`; docs/language.md).
  static let multiWordNames: [String: String] = [
    "eligible": "eligible when", "moves_when": "moves when", "repayment_years": "debt repaid over", "top_up_to": "top up to",
    "marginal_below": "marginal below", "job_loss": "job loss", "report_by": "report by", "share_of_income": "share of income",
    "covariate_by": "covariate by", "take_up": "take up", "default_when": "default when", "discount_limit": "discount limit",
    "priority_lowest": "priority lowest", "priority_highest": "priority highest",
  ]

  /// Settings written without a value, which the parser stores as `true`.
  static let valuelessNames: [String: String] = [
    "covariate": "covariate", "priority_random": "priority random", "priority_registry": "priority registry order",
  ]

  /// `ofPoor`: whether `detect` ends in `of poor` (identification; monitoring writes
  /// `detect P` alone). The parser reads both alike.
  private func fieldText(_ field: FieldSyntax, ofPoor: Bool = true) -> String {
    if let words = Self.valuelessNames[field.name.value], field.trailingUnit == nil, case .boolean(true) = field.value.kind {
      return words
    }
    let name = Self.multiWordNames[field.name.value] ?? field.name.value
    let suffix = field.name.value == "detect" && ofPoor ? " of poor" : ""
    return "\(name) \(valueWithUnit(field.value, field.trailingUnit))\(suffix)"
  }

  /// A value followed by a trailing unit, parenthesised when the unit would otherwise be
  /// read as part of the value (after a number, or as the unit of an index rate).
  private func valueWithUnit(_ value: Expression, _ unit: UnitSyntax?) -> String {
    guard let unit else { return expression(value) }
    let needsParentheses: Bool
    if case .indexed = value.kind { needsParentheses = true } else { needsParentheses = Self.endsWithNumber(value) }
    let text = expression(value)
    return (needsParentheses ? "(\(text))" : text) + " " + unit.description
  }

  /// A statement of a population block.
  private enum PopulationMember {
    case group(GroupSyntax)
    case attribute(AttributeSyntax)
    /// A one-line statement of a household file (`column`, `weight`, `missing`, `bootstrap`).
    case line(String, SourceRange)
  }

  private mutating func population(_ population: PopulationSyntax, indent: Int) {
    var header = "population \(valueWithUnit(population.count.value, population.count.trailingUnit))"
    var members: [(start: Int, member: PopulationMember)] = []
    if let microdata = population.microdata {
      header = "population from \(Self.quoted(microdata.file.value))"
      for column in microdata.columns {
        let text = "column \(column.attribute.value) = \(Self.quoted(column.header.value))\(column.isLabel ? " label" : "")"
        members.append((column.range.start, .line(text, column.range)))
      }
      for weight in microdata.weights { members.append((weight.range.start, .line("weight \(Self.quoted(weight.value))", weight.range))) }
      for rule in microdata.missing {
        members.append((rule.range.start, .line("missing \(rule.attribute.value) = \(expression(rule.value))", rule.range)))
      }
      for bootstrap in microdata.bootstraps {
        let range = bootstrap.count.map { bootstrap.keyword.union($0.range) } ?? bootstrap.keyword
        let text = bootstrap.count.map { "bootstrap \(valueWithUnit($0.value, $0.trailingUnit))" } ?? "bootstrap"
        members.append((range.start, .line(text, range)))
      }
    }
    for group in population.groups { members.append((group.range.start, .group(group))) }
    for attribute in population.attributes { members.append((attribute.range.start, .attribute(attribute))) }
    if source != nil {
      // A stable sort by position: the order written.
      members = members.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
    }
    if members.isEmpty && !hasComments(in: population.range) {
      statement(header + " {}", range: population.range, indent: indent)
      return
    }
    open(header, range: population.range, indent: indent)
    for (_, member) in members {
      switch member {
      case .group(let group): self.group(group, indent: indent + 1)
      case .attribute(let attribute): statement(attributeText(attribute), range: attribute.range, indent: indent + 1)
      case .line(let text, let range): statement(text, range: range, indent: indent + 1)
      }
    }
    close(range: population.range, indent: indent, isEmpty: members.isEmpty)
  }

  private mutating func group(_ group: GroupSyntax, indent: Int) {
    let header = "group \(group.name.value) share \(expression(group.share.value))"
    if group.attributes.isEmpty && !hasComments(in: group.range) {
      statement(header + " {}", range: group.range, indent: indent)
      return
    }
    open(header, range: group.range, indent: indent)
    for attribute in group.attributes { statement(attributeText(attribute), range: attribute.range, indent: indent + 1) }
    close(range: group.range, indent: indent, isEmpty: group.attributes.isEmpty)
  }

  private func attributeText(_ attribute: AttributeSyntax) -> String {
    let symbol: String
    switch attribute.definition {
    case .drawn: symbol = "~"
    case .derived: symbol = "="
    }
    return "\(attribute.name.value) \(symbol) \(valueWithUnit(attribute.value, attribute.trailingUnit))"
  }

  private mutating func block(_ block: BlockSyntax, indent: Int) {
    var header = block.keyword.value
    for word in [block.kind, block.name] { if let word { header += " \(word.value)" } }
    if let title = block.title { header += " \(Self.quoted(title.value))" }
    if block.items.isEmpty && !hasComments(in: block.range) {
      statement(header + " {}", range: block.range, indent: indent)
      return
    }
    open(header, range: block.range, indent: indent)
    var index = 0
    while index < block.items.count {
      let item = block.items[index]
      index += 1
      switch item {
      case .years(let span): statement(years(span), range: span.range, indent: indent + 1)
      case .field(let field):
        // `include X below Y` is read as two fields; print it as written.
        if field.name.value == "include", index < block.items.count, case .field(let below) = block.items[index],
          below.name.value == "include_below", below.trailingUnit == nil
        {
          index += 1
          let text = "\(fieldText(field)) below \(expression(below.value))"
          statement(text, range: field.range.union(below.range), indent: indent + 1)
        } else if field.name.value == "budget" || field.name.value == "places", index < block.items.count,
          case .field(let by) = block.items[index], by.name.value == "by", by.trailingUnit == nil, case .name(let label) = by.value.kind,
          Self.isPlainIdentifier(label)
        {
          // `budget X by ATTR` is read as two fields (`budget`, `by`); print it as written.
          index += 1
          statement("\(fieldText(field)) by \(label)", range: field.range.union(by.range), indent: indent + 1)
        } else {
          statement(fieldText(field, ofPoor: block.keyword.value != "monitoring"), range: field.range, indent: indent + 1)
        }
      case .parameter(let parameter): statement(parameterText(parameter), range: parameter.range, indent: indent + 1)
      case .effects(let effects): self.effects(effects, indent: indent + 1, inlineWhenSingle: true)
      case .names(let list):
        statement("\(list.name.value) \(list.names.map(\.value).joined(separator: ", "))", range: list.range, indent: indent + 1)
      }
    }
    close(range: block.range, indent: indent, isEmpty: block.items.isEmpty)
  }

  private mutating func effects(_ list: EffectListSyntax, indent: Int, inlineWhenSingle: Bool) {
    let header: String
    switch list.timing {
    case .onJoin: header = "on join"
    case .nextYear: header = "next year"
    case .endOfYear: header = "end of year"
    case .startOfYear: header = "start of year"
    }
    let entries = list.effects.map { effect in
      var text = "\(effect.target.value) \(effect.operation.rawValue) \(expression(effect.value))"
      if let condition = effect.condition { text += " when \(expression(condition))" }
      return (text: text, range: effect.range)
    }
    entryBlock(header, entries: entries, range: list.range, indent: indent, inlineWhenSingle: inlineWhenSingle)
  }

  private mutating func option(_ option: OptionSyntax, indent: Int) {
    let name = Self.isPlainIdentifier(option.name.value) ? option.name.value : Self.quoted(option.name.value)
    let header = "option \(name)\(option.isBaseline ? " baseline" : "")"
    let entries = option.overrides.map { (text: "\(Self.pathText($0.path.value)) = \(expression($0.value))", range: $0.range) }
    entryBlock(header, entries: entries, range: option.range, indent: indent, inlineWhenSingle: true)
  }

  /// A block of one-line entries: `{}` when empty, `{ entry }` when single (if allowed and
  /// no comment is inside), else one entry per line.
  private mutating func entryBlock(
    _ header: String, entries: [(text: String, range: SourceRange)], range: SourceRange, indent: Int, inlineWhenSingle: Bool
  ) {
    if !hasComments(in: range) {
      if entries.isEmpty {
        statement(header + " {}", range: range, indent: indent)
        return
      }
      if entries.count == 1 && inlineWhenSingle {
        statement("\(header) { \(entries[0].text) }", range: range, indent: indent)
        return
      }
    }
    open(header, range: range, indent: indent)
    for entry in entries { statement(entry.text, range: entry.range, indent: indent + 1) }
    close(range: range, indent: indent, isEmpty: entries.isEmpty)
  }

  private func sweepText(_ sweep: SweepSyntax) -> String {
    let path = Self.pathText(sweep.path.value)
    switch sweep.values {
    case .range(let from, let to, let step):
      return "sweep \(path) from \(expression(from)) to \(expression(to)) step \(expression(step))"
    case .list(let values):
      return "sweep \(path) over (\(values.map { expression($0) }.joined(separator: ", ")))"
    }
  }

  private mutating func calibration(_ calibration: CalibrationSyntax, indent: Int) {
    var entries: [(start: Int, order: Int, text: String, range: SourceRange)] = []
    for (order, target) in calibration.targets.enumerated() {
      var text = "target \(target.metric.value) \(target.year.value) = \(Self.calibrationNumber(target.observed))"
      if let weight = target.weight { text += " weight \(Self.calibrationNumber(weight))" }
      if let scale = target.scale { text += " scale \(Self.calibrationNumber(scale))" }
      entries.append((target.range.start, order, text, target.range))
    }
    for (order, free) in calibration.free.enumerated() {
      let text = "free \(Self.pathText(free.path.value)) between \(Self.calibrationNumber(free.low)) and \(Self.calibrationNumber(free.high))"
      entries.append((free.range.start, calibration.targets.count + order, text, free.range))
    }
    if source != nil { entries.sort { ($0.start, $0.order) < ($1.start, $1.order) } }
    entryBlock("calibrate", entries: entries.map { ($0.text, $0.range) }, range: calibration.range, indent: indent, inlineWhenSingle: false)
  }

  // MARK: - Expressions

  /// Binding strength, loosest first, as in the grammar of `Parser`.
  private enum Level: Int, Comparable {
    case indexed, or, and, not, comparison, sum, product, unary, primary
    static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  private static func level(_ expression: Expression) -> Level {
    switch expression.kind {
    case .number(let value, _): return value.sign == .minus ? .unary : .primary
    case .boolean, .name, .path, .call, .schedule: return .primary
    case .unary(let op, _):
      switch op {
      case .negate: return .unary
      case .not: return .not
      }
    case .binary(let op, _, _): return level(op)
    case .indexed: return .indexed
    }
  }

  private static func level(_ op: Expression.BinaryOperator) -> Level {
    switch op {
    case .or: return .or
    case .and: return .and
    case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: return .comparison
    case .add, .subtract: return .sum
    case .multiply, .divide, .of: return .product
    }
  }

  /// The text of an expression that may stand where `parseExpression` reads one.
  private func expression(_ expression: Expression) -> String { text(expression, atLeast: .indexed) }

  private func text(_ expression: Expression, atLeast minimum: Level) -> String {
    let raw = rawText(expression)
    return Self.level(expression) < minimum ? "(\(raw))" : raw
  }

  private func rawText(_ expression: Expression) -> String {
    switch expression.kind {
    case .number(let value, let unit):
      let canonical = Self.numberText(value, unit: unit)
      guard let written = writtenGrouping(of: expression, value: value, unit: unit) else { return canonical }
      return written + canonical.drop { $0 != " " && $0 != "%" }
    case .boolean(let value): return value ? "true" : "false"
    case .name(let name): return Self.nameText(name)
    case .path(let parts): return parts.joined(separator: ".")
    case .call(let name, let arguments):
      let rendered = arguments.map { argument in
        let value = text(argument.value, atLeast: .indexed)
        guard let label = argument.label else { return value }
        return "\(Self.isPlainToken(label.value) ? label.value : Self.quoted(label.value)): \(value)"
      }
      return "\(name.value)(\(rendered.joined(separator: ", ")))"
    case .unary(let op, let operand):
      switch op {
      case .negate: return "-" + text(operand, atLeast: .unary)
      case .not: return "not " + text(operand, atLeast: .not)
      }
    case .binary(let op, let lhs, let rhs):
      let level = Self.level(op)
      let left: String
      let right: String
      switch level {
      case .comparison:
        left = text(lhs, atLeast: .sum)
        right = text(rhs, atLeast: .sum)
      case .indexed, .or, .and, .not, .sum, .product, .unary, .primary:
        left = text(lhs, atLeast: level)
        let rightLevel = Level(rawValue: level.rawValue + 1) ?? .primary
        // `of poor` ends a `detect` setting, so `x of (poor)` keeps its parentheses.
        right = op == .of && Self.startsWithPoor(rhs) ? "(\(rawText(rhs)))" : text(rhs, atLeast: rightLevel)
      }
      return "\(left) \(op.rawValue) \(right)"
    case .schedule(let entries):
      return "schedule(\(entries.map { "\($0.year.value): \(text($0.value, atLeast: .indexed))" }.joined(separator: ", ")))"
    case .indexed(let base, let rate):
      return "\(text(base, atLeast: .or)) indexed \(text(rate, atLeast: .or))"
    }
  }

  private static func startsWithPoor(_ expression: Expression) -> Bool {
    switch expression.kind {
    case .name(let name): return name == "poor"
    case .path(let parts): return parts.first == "poor"
    case .call(let name, _): return name.value == "poor"
    case .number, .boolean, .unary, .binary, .schedule, .indexed: return false
    }
  }

  /// Whether the last token of the printed expression is a number (which would take a
  /// following unit as its own).
  private static func endsWithNumber(_ expression: Expression) -> Bool {
    func last(_ operand: Expression, atLeast minimum: Level) -> Bool {
      level(operand) < minimum ? false : endsWithNumber(operand)
    }
    switch expression.kind {
    case .number: return true
    case .boolean, .name, .path, .call, .schedule: return false
    case .unary(let op, let operand):
      switch op {
      case .negate: return last(operand, atLeast: .unary)
      case .not: return last(operand, atLeast: .not)
      }
    case .binary(let op, _, let rhs):
      let level = level(op)
      return last(rhs, atLeast: level == .comparison ? .sum : Level(rawValue: level.rawValue + 1) ?? .primary)
    case .indexed(_, let rate): return last(rate, atLeast: .or)
    }
  }

  // MARK: - Words and numbers

  /// Words that a bare name cannot be written as (they would read as something else).
  private static let reservedWords: Set<String> = ["true", "false", "not", "and", "or", "of", "indexed", "per"]

  private static func nameText(_ name: String) -> String {
    isPlainIdentifier(name) && !reservedWords.contains(name) && UnitSyntax.measure(name) == nil ? name : quoted(name)
  }

  /// Whether `text` is an identifier: an ASCII letter or `_`, then letters, digits or `_`.
  static func isPlainIdentifier(_ text: String) -> Bool {
    guard let first = text.utf8.first, first.isLetterOrUnderscore else { return false }
    return text.utf8.allSatisfy { $0.isLetterOrUnderscore || $0.isDigit }
  }

  /// Whether `text` reads back as one identifier or number token with the same text (a call
  /// label such as `median` or `3`).
  private static func isPlainToken(_ text: String) -> Bool {
    if isPlainIdentifier(text) { return true }
    var lexer = Lexer(source: SourceFile(path: "", text: text))
    let tokens = lexer.tokenize()
    return lexer.diagnostics.isEmpty && tokens.count == 2 && tokens[0].kind == .number && tokens[0].text == text
  }

  /// A parameter path, with segments that are not identifiers or digits quoted.
  static func pathText(_ path: String) -> String {
    path.split(separator: ".", omittingEmptySubsequences: false).map { segment in
      let part = String(segment)
      return isPlainIdentifier(part) || (!part.isEmpty && part.utf8.allSatisfy(\.isDigit)) ? part : quoted(part)
    }.joined(separator: ".")
  }

  /// `text` in double quotes with `\"`, `\\`, `\n` and `\t` escaped.
  public static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  private static func numberText(_ value: Double, unit: UnitSyntax?) -> String {
    guard let unit else { return plainNumber(value) }
    if unit.measure == .percent {
      return ([percentNumber(value) + "%"] + unit.per.map { "per \($0.rawValue)" }).joined(separator: " ")
    }
    // `1 year`, `1 household`, `1 person`: the singular reads back to the same measure.
    let singular: [UnitSyntax.Measure: String] = [.years: "year", .households: "household", .persons: "person"]
    if value == 1, let measure = unit.measure, let word = singular[measure] {
      return (["1", word] + unit.per.map { "per \($0.rawValue)" }).joined(separator: " ")
    }
    return plainNumber(value) + " " + unit.description
  }

  /// The digits of a number as written when they group digits with `_` (`1_000_000`) and
  /// mean the value printed, so that formatting keeps the author's grouping; nil otherwise.
  private func writtenGrouping(of expression: Expression, value: Double, unit: UnitSyntax?) -> String? {
    guard let source, value >= 0, unit?.measure != .percent else { return nil }
    let digits = source.text(in: expression.range).prefix { $0.isNumber || $0 == "_" || $0 == "." }
    guard digits.contains("_"), let written = Double(digits.replacingOccurrences(of: "_", with: "")), written == value else { return nil }
    return String(digits)
  }

  private static func calibrationNumber(_ number: CalibrationNumberSyntax) -> String {
    number.isPercent ? percentNumber(number.value) + "%" : plainNumber(number.value)
  }

  /// Integers without a decimal point (`-0` kept), others in Swift's shortest round-trip
  /// form (`0.55`, `1e-05`, `1.5e+20`), all of which the lexer reads back exactly.
  private static func plainNumber(_ value: Double) -> String {
    if value == value.rounded(.towardZero) && abs(value) < 1e15 {
      return value == 0 && value.sign == .minus ? "-0" : String(Int64(value))
    }
    return value.description
  }

  /// The shortest number that, divided by 100 as the parser does for `%`, gives `fraction`.
  private static func percentNumber(_ fraction: Double) -> String {
    let guess = fraction * 100
    var candidates = [guess]
    var up = guess
    var down = guess
    for _ in 0..<4 {
      up = up.nextUp
      down = down.nextDown
      candidates += [up, down]
    }
    var best: String?
    for candidate in candidates where candidate.isFinite && candidate / 100 == fraction {
      let text = plainNumber(candidate)
      if best == nil || text.count < best!.count { best = text }
    }
    return best ?? plainNumber(guess)
  }

  // MARK: - Lines and comments

  private mutating func line(_ indent: Int, _ text: String) {
    lines.append(String(repeating: "  ", count: indent) + text)
  }

  private mutating func blankLine() {
    if let last = lines.last, !last.isEmpty { lines.append("") }
  }

  private func hasComments(in range: SourceRange) -> Bool {
    guard source != nil else { return false }
    // Comments are sorted; those before the range are about to be printed before it, so
    // the scan is linear over the whole file.
    var index = nextComment
    while index < comments.count && comments[index].start < range.end {
      if comments[index].start >= range.start { return true }
      index += 1
    }
    return false
  }

  private func newlines(from start: Int, to end: Int) -> Int {
    guard let source, start < end else { return 0 }
    let upper = min(end, source.bytes.count)
    guard start < upper else { return 0 }
    return source.bytes[start..<upper].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
  }

  /// A comment's text without trailing blanks.
  private func commentText(_ comment: SourceRange) -> String {
    var text = source?.text(in: comment) ?? ""
    while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
    return text
  }

  /// Prints the comments before `offset`: at the end of the last line when no line break
  /// separates them from it, else on their own lines (after one blank line when the source
  /// had one, except at the start of a block).
  private mutating func trivia(upTo offset: Int, indent: Int) {
    guard source != nil else { return }
    while nextComment < comments.count && comments[nextComment].start < offset {
      let comment = comments[nextComment]
      nextComment += 1
      let text = commentText(comment)
      let breaks = newlines(from: lastEnd, to: comment.start)
      if breaks == 0, !lines.isEmpty, !lines[lines.count - 1].isEmpty {
        lines[lines.count - 1] += "  " + text
      } else {
        if breaks >= 2 && !atBlockStart { blankLine() }
        line(indent, text)
        atBlockStart = false
      }
      lastEnd = comment.end
    }
  }

  /// Prints one statement line, with the comments before and inside it.
  private mutating func statement(_ text: String, range: SourceRange, indent: Int) {
    if source != nil {
      trivia(upTo: range.start, indent: indent)
      if newlines(from: lastEnd, to: range.start) >= 2 && !atBlockStart { blankLine() }
      // Comments inside a statement's lines go before it, each on its own line.
      while nextComment < comments.count && comments[nextComment].start < range.end {
        let comment = comments[nextComment]
        nextComment += 1
        line(indent, commentText(comment))
        lastEnd = comment.end
      }
    }
    line(indent, text)
    lastEnd = max(lastEnd, range.end)
    atBlockStart = false
  }

  /// Prints `header {` and starts a block.
  private mutating func open(_ header: String, range: SourceRange, indent: Int) {
    if source != nil {
      trivia(upTo: range.start, indent: indent)
      if newlines(from: lastEnd, to: range.start) >= 2 && !atBlockStart { blankLine() }
    }
    line(indent, header + " {")
    lastEnd = max(lastEnd, range.start)
    atBlockStart = true
  }

  /// Prints the comments left in a block and its `}`.
  private mutating func close(range: SourceRange, indent: Int, isEmpty: Bool) {
    if source != nil { trivia(upTo: max(range.start, range.end - 1), indent: indent + 1) }
    line(indent, "}")
    lastEnd = max(lastEnd, range.end)
    atBlockStart = false
  }
}

extension UInt8 {
  fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
  fileprivate var isLetterOrUnderscore: Bool {
    (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
      || self == UInt8(ascii: "_")
  }
}
