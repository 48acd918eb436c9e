/// The shape of a syntax tree: everything the parser read except where it was written.
///
/// Why: `policysim fmt` may only rewrite a file when the formatted text parses back to the
/// same tree, and the round-trip tests compare trees; source ranges necessarily differ
/// between the two texts, so equality is defined on this description instead.
///
/// The description is a deterministic S-expression text. Numbers are written by their bit
/// pattern, so `-0` differs from `0` and no digit is lost. Every `switch` over a syntax
/// enum lists all cases (no `default`), so a new construct is a compile error here until
/// its shape is described.
public enum SyntaxShape {
  /// The shape of a whole scenario.
  /// - Complexity: O(size of the tree).
  public static func of(_ syntax: ScenarioSyntax) -> String {
    var parts = ["(scenario \(quote(syntax.name.value))"]
    for item in syntax.items { parts.append(of(item)) }
    for calibration in syntax.calibrations { parts.append(of(calibration)) }
    return parts.joined(separator: "\n ") + ")"
  }

  /// The shape of one expression.
  public static func of(_ expression: Expression) -> String {
    switch expression.kind {
    case .number(let value, let unit): return "(num \(number(value)) \(of(unit)))"
    case .boolean(let value): return "(bool \(value))"
    case .name(let name): return "(name \(quote(name)))"
    case .path(let parts): return "(path \(parts.map(quote).joined(separator: " ")))"
    case .call(let name, let arguments):
      let rendered = arguments.map { "(arg \($0.label.map { quote($0.value) } ?? "_") \(of($0.value)))" }
      return "(call \(quote(name.value)) \(rendered.joined(separator: " ")))"
    case .unary(let op, let operand): return "(\(op.rawValue) \(of(operand)))"
    case .binary(let op, let lhs, let rhs): return "(\(op.rawValue) \(of(lhs)) \(of(rhs)))"
    case .schedule(let entries): return "(schedule \(entries.map { "(\($0.year.value) \(of($0.value)))" }.joined(separator: " ")))"
    case .indexed(let base, let rate): return "(indexed \(of(base)) \(of(rate)))"
    }
  }

  private static func of(_ item: ScenarioItem) -> String {
    switch item {
    case .years(let span): return of(span)
    case .field(let field): return of(field)
    case .parameter(let parameter): return of(parameter)
    case .population(let population):
      let groups = population.groups.map { group in
        "(group \(quote(group.name.value)) \(of(group.share)) \(group.attributes.map(of).joined(separator: " ")))"
      }
      return "(population \(of(population.count)) \(groups.joined(separator: " ")) \(population.attributes.map(of).joined(separator: " ")))"
    case .growth(let growth): return "(growth \(growth.group.map { quote($0.value) } ?? "_") \(of(growth.value)))"
    case .block(let block):
      let header = [block.keyword, block.kind, block.name, block.title].map { $0.map { quote($0.value) } ?? "_" }
      return "(block \(header.joined(separator: " ")) \(block.items.map(of).joined(separator: " ")))"
    case .yearEnd(let effects): return of(effects)
    case .option(let option):
      let overrides = option.overrides.map { "(set \(quote($0.path.value)) \(of($0.value)))" }
      return "(option \(quote(option.name.value)) \(option.isBaseline) \(overrides.joined(separator: " ")))"
    case .sweep(let sweep):
      switch sweep.values {
      case .range(let from, let to, let step): return "(sweep \(quote(sweep.path.value)) range \(of(from)) \(of(to)) \(of(step)))"
      case .list(let values): return "(sweep \(quote(sweep.path.value)) list \(values.map(of).joined(separator: " ")))"
      }
    }
  }

  private static func of(_ item: BlockItem) -> String {
    switch item {
    case .years(let span): return of(span)
    case .field(let field): return of(field)
    case .parameter(let parameter): return of(parameter)
    case .effects(let effects): return of(effects)
    }
  }

  private static func of(_ span: YearSpanSyntax) -> String { "(years \(span.first.value) \(span.last.value))" }

  private static func of(_ field: FieldSyntax) -> String {
    "(field \(quote(field.name.value)) \(of(field.value)) \(of(field.trailingUnit)))"
  }

  private static func of(_ parameter: ParameterSyntax) -> String { "(let \(quote(parameter.name.value)) \(of(parameter.value)))" }

  private static func of(_ attribute: AttributeSyntax) -> String {
    let definition: String
    switch attribute.definition {
    case .drawn: definition = "~"
    case .derived: definition = "="
    }
    return "(attribute \(quote(attribute.name.value)) \(definition) \(of(attribute.value)) \(of(attribute.trailingUnit)))"
  }

  private static func of(_ effects: EffectListSyntax) -> String {
    let rendered = effects.effects.map { "(\($0.operation.rawValue) \(quote($0.target.value)) \(of($0.value)))" }
    return "(effects \(quote(effects.timing.rawValue)) \(rendered.joined(separator: " ")))"
  }

  private static func of(_ calibration: CalibrationSyntax) -> String {
    let targets = calibration.targets.map { target in
      "(target \(quote(target.metric.value)) \(target.year.value) \(of(target.observed)) \(of(target.weight)) \(of(target.scale)))"
    }
    let free = calibration.free.map { "(free \(quote($0.path.value)) \(of($0.low)) \(of($0.high)))" }
    return "(calibrate \((targets + free).joined(separator: " ")))"
  }

  private static func of(_ number: CalibrationNumberSyntax?) -> String {
    guard let number else { return "_" }
    return "(\(number.isPercent ? "%" : "n") \(self.number(number.value)))"
  }

  private static func of(_ unit: UnitSyntax?) -> String {
    guard let unit else { return "_" }
    return "(unit \(unit.measure?.rawValue ?? "_") \(unit.per.map(\.rawValue).joined(separator: " ")))"
  }

  private static func number(_ value: Double) -> String { "\(value)/0x\(String(value.bitPattern, radix: 16))" }

  private static func quote(_ text: String) -> String { ScenarioPrinter.quoted(text) }
}
