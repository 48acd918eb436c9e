import ScenarioLanguage

extension Expression {
  /// The expression as a parenthesised prefix outline, e.g. `(+ 1 (* 2 income))`, so that
  /// tests can state the shape of a parse in one line.
  ///
  /// Numbers print without a trailing `.0`; a unit follows in brackets (`0.03[% per year]`);
  /// calls print as `name(label: value, …)` and schedules as `schedule(2016: …)`.
  var outline: String {
    switch kind {
    case .number(let value, let unit):
      let number = value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
      return unit.map { "\(number)[\($0.description)]" } ?? number
    case .boolean(let value): return String(value)
    case .name(let name): return name
    case .path(let parts): return parts.joined(separator: ".")
    case .call(let name, let arguments):
      let written = arguments.map { argument in
        (argument.label.map { "\($0.value): " } ?? "") + argument.value.outline
      }
      return "\(name.value)(\(written.joined(separator: ", ")))"
    case .unary(let operation, let operand): return "(\(operation.rawValue) \(operand.outline))"
    case .binary(let operation, let lhs, let rhs): return "(\(operation.rawValue) \(lhs.outline) \(rhs.outline))"
    case .schedule(let entries):
      return "schedule(\(entries.map { "\($0.year.value): \($0.value.outline)" }.joined(separator: ", ")))"
    case .indexed(let base, let rate): return "(indexed \(base.outline) \(rate.outline))"
    }
  }
}
