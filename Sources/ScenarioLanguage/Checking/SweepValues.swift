/// The values of one `sweep` statement, expanded from its range or list and checked for
/// form: written numbers, a positive step, at least one and at most `maximumPoints` values.
///
/// Whether each value suits the swept parameter (unit, range) is checked afterwards, by
/// checking it as an override of that parameter (see `ScenarioChecker`).
struct SweepValues {
  /// One swept value.
  struct Value {
    /// The value in model units (`20%` is 0.2).
    var number: Double
    /// The unit written with the value (the range's `from` for a range).
    var unit: UnitSyntax?
    /// The value as shown in option names: `20000`, `3%`.
    var label: String
    /// Where the value was written (a range's inner values point at the whole range).
    var range: SourceRange
  }

  /// A sweep may produce at most this many values (and two sweeps at most this many
  /// combinations).
  static let maximumPoints = 1000

  /// The path swept.
  var path: Located<String>
  /// The values, in order.
  var values: [Value]

  /// Expands a sweep; returns nil (with diagnostics) when its values cannot be read.
  init?(_ sweep: SweepSyntax, file: String, diagnostics: inout DiagnosticList) {
    path = sweep.path
    func error(_ id: String, _ message: String, _ range: SourceRange, hint: String?) {
      diagnostics.append(Diagnostic(id: id, message: message, file: file, range: range, hint: hint))
    }
    func literal(_ expression: Expression) -> (Double, UnitSyntax?)? {
      if case .number(let value, let unit) = expression.kind, value.isFinite { return (value, unit) }
      error(
        "expected-number", "a swept value must be a number written out", expression.range,
        hint: "e.g. `20000` or `3%`; expressions and names are not swept")
      return nil
    }
    switch sweep.values {
    case .list(let expressions):
      guard !expressions.isEmpty else {
        error("empty-sweep", "the sweep of `\(sweep.path.value)` has no values", sweep.range, hint: "list at least one value, e.g. `over (20000, 40000)`")
        return nil
      }
      guard expressions.count <= Self.maximumPoints else {
        error(
          "sweep-too-large", "the sweep of `\(sweep.path.value)` has \(expressions.count) values, more than \(Self.maximumPoints)", sweep.range,
          hint: "sweep fewer values")
        return nil
      }
      var values: [Value] = []
      for expression in expressions {
        guard let (number, unit) = literal(expression) else { continue }
        values.append(Value(number: number, unit: unit, label: Self.label(number, unit: unit), range: expression.range))
      }
      guard values.count == expressions.count else { return nil }
      self.values = values
    case .range(let fromSyntax, let toSyntax, let stepSyntax):
      let from = literal(fromSyntax)
      let to = literal(toSyntax)
      let step = literal(stepSyntax)
      guard let (first, firstUnit) = from, let (last, lastUnit) = to, let (stride, _) = step else { return nil }
      guard stride > 0 else {
        error(
          "sweep-step", "the step of a sweep must be more than 0, not \(CountFormat.text(stride))", stepSyntax.range,
          hint: "sweep upwards with a positive step, e.g. `from 20000 to 80000 step 10000`")
        return nil
      }
      guard last >= first else {
        error(
          "empty-sweep", "the sweep of `\(sweep.path.value)` is empty: it ends below where it starts", fromSyntax.range.union(toSyntax.range),
          hint: "write `from \(Self.label(last, unit: lastUnit)) to \(Self.label(first, unit: firstUnit))`")
        return nil
      }
      let span = (last - first) / stride
      guard span.isFinite, span < Double(Self.maximumPoints) else {
        let count = span.isFinite ? CountFormat.text((span + 1e-9).rounded(.down) + 1) : "too many"
        error(
          "sweep-too-large", "the sweep of `\(sweep.path.value)` has \(count) values, more than \(Self.maximumPoints)", sweep.range,
          hint: "use a larger step or a narrower range")
        return nil
      }
      let count = Int((span + 1e-9).rounded(.down)) + 1
      let unit = firstUnit ?? lastUnit
      let scale = Self.decimalScale(first, stride)
      let wholeRange = fromSyntax.range.union(stepSyntax.range)
      var values: [Value] = []
      for index in 0..<count {
        var number = first + Double(index) * stride
        if let scale { number = ((first * scale).rounded() + Double(index) * (stride * scale).rounded()) / scale }
        if abs(number - last) <= 1e-9 * stride { number = last }
        let range = index == 0 ? fromSyntax.range : number == last ? toSyntax.range : wholeRange
        values.append(Value(number: number, unit: unit, label: Self.label(number, unit: unit), range: range))
      }
      self.values = values
    }
  }

  /// A power of ten (up to 10⁹) that makes both numbers whole, so that `0.1` stepped by
  /// `0.1` gives `0.3`, not `0.30000000000000004`; nil when there is none.
  private static func decimalScale(_ a: Double, _ b: Double) -> Double? {
    var scale = 1.0
    for _ in 0...9 {
      let x = a * scale
      let y = b * scale
      if abs(x - x.rounded()) <= 1e-9 * max(1, abs(x)), abs(y - y.rounded()) <= 1e-9 * max(1, abs(y)) { return scale }
      scale *= 10
    }
    return nil
  }

  /// How a value is shown in option names.
  static func label(_ number: Double, unit: UnitSyntax?) -> String {
    unit?.measure == .percent ? CountFormat.percent(number) : CountFormat.text(number)
  }
}
