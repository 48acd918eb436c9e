extension OptionChecker {
  /// Resolves names, checks types and folds constants.
  ///
  /// `argumentPath`, when given, makes the arguments of a top-level distribution call
  /// overridable parameters (`population.remote.income.median`).
  mutating func resolve(_ expression: Expression, file fileName: String, scope: NameScope, argumentPath: String? = nil) -> TypedValue? {
    switch expression.kind {
    case .number(let value, _):
      return TypedValue(value: .constant(value), type: .number)
    case .boolean(let value):
      return TypedValue(value: .constant(value ? 1 : 0), type: .boolean)
    case .name(let name):
      return resolveName(name, range: expression.range, file: fileName, scope: scope)
    case .path(let parts):
      let path = parts.joined(separator: ".")
      guard let (local, blockLocals) = blockFields[path] else {
        error(
          "unknown-name", "unknown parameter `\(path)`", expression.range, file: fileName,
          hint: NameSuggestion.hint(for: path, among: Array(blockFields.keys).sorted()))
        return nil
      }
      var blockScope = scope
      blockScope.locals = blockLocals
      return resolveParameter(local, range: expression.range, scope: blockScope)
    case .unary(let op, let operand):
      guard let inner = resolve(operand, file: fileName, scope: scope) else { return nil }
      switch op {
      case .negate:
        guard expectType(inner, .number, operand, file: fileName, context: "`-`") else { return nil }
        return fold(TypedValue(value: .unary(.negate, inner.value), type: .number))
      case .not:
        guard expectType(inner, .boolean, operand, file: fileName, context: "`not`") else { return nil }
        return fold(TypedValue(value: .unary(.not, inner.value), type: .boolean))
      }
    case .binary(let op, let lhs, let rhs):
      return resolveBinary(op, lhs, rhs, expression: expression, file: fileName, scope: scope)
    case .call(let name, let arguments):
      return resolveCall(name, arguments, expression: expression, file: fileName, scope: scope, argumentPath: argumentPath)
    case .schedule(let entries):
      var steps: [ValueExpression.ScheduleStep] = []
      var previousYear = Int.min
      var allConstant = true
      for entry in entries {
        if entry.year.value <= previousYear {
          error("schedule-order", "schedule years must increase; \(entry.year.value) comes after \(previousYear)", entry.year.range, file: fileName, hint: nil)
        }
        if entry.year.value > lastYear {
          error(
            "year-out-of-span", "year \(entry.year.value) is outside the simulated span \(firstYear) to \(lastYear)", entry.year.range, file: fileName,
            hint: "a schedule gives values for simulated years; remove this entry or extend `years`")
        }
        previousYear = entry.year.value
        guard let value = resolve(entry.value, file: fileName, scope: scope) else { return nil }
        guard expectType(value, .number, entry.value, file: fileName, context: "a schedule") else { return nil }
        allConstant = allConstant && value.value.isConstant
        steps.append(ValueExpression.ScheduleStep(year: entry.year.value, value: value.value))
      }
      guard !steps.isEmpty else {
        error(
          "empty-schedule", "a schedule needs at least one `year: value`", expression.range, file: fileName, hint: "e.g. `schedule(2016: 18720, 2019: 25000)`")
        return nil
      }
      return TypedValue(value: .schedule(steps), type: .number)
    case .indexed(let base, let rate):
      guard let baseValue = resolve(base, file: fileName, scope: scope), let rateValue = resolve(rate, file: fileName, scope: scope) else { return nil }
      guard expectType(baseValue, .number, base, file: fileName, context: "`indexed`"),
        expectType(rateValue, .number, rate, file: fileName, context: "an index rate")
      else { return nil }
      if let unit = rate.literalUnit, (unit.measure != .percent && unit.measure != nil) || !unit.perWithoutYear.isEmpty {
        error("unit-mismatch", "`\(unit.description)` where a yearly rate such as `3% per year` was expected", unit.range, file: fileName, hint: nil)
      }
      return TypedValue(value: .indexed(base: baseValue.value, rate: rateValue.value, baseYear: firstYear), type: .number)
    }
  }

  private mutating func resolveName(_ name: String, range: SourceRange, file fileName: String, scope: NameScope) -> TypedValue? {
    if let local = scope.locals[name] { return resolveParameter(local, range: range, scope: scope) }
    if let global = globalParameters[name] {
      var globalScope = scope
      globalScope.locals = [:]
      return resolveParameter(global, range: range, scope: globalScope)
    }
    switch name {
    case "disposable", "registered":
      guard scope.allowsVariables else {
        error(
          "not-available", "`\(name)` is not known in \(scope.place)", range, file: fileName,
          hint: "`\(name)` exists from the first simulated year on, not when the population is drawn")
        return nil
      }
      return name == "disposable" ? TypedValue(value: .variable(.disposable), type: .number) : TypedValue(value: .variable(.registered), type: .boolean)
    case "poverty_line":
      if scope.place == "`poverty_line`" {
        error("self-reference", "`poverty_line` cannot be defined from itself", range, file: fileName, hint: nil)
        return nil
      }
      return TypedValue(value: .yearly(.povertyLine), type: .number)
    case "year":
      return TypedValue(value: .yearly(.year), type: .number)
    default:
      if scope.allowsVariables, let variable = transitionVariable(name) { return variable }
    }
    if let index = attributeNames.firstIndex(of: name), declaredAttributes.contains(name) || index < 4 {
      guard scope.allowsAttributes else {
        error(
          "not-available", "household attribute `\(name)` cannot be used in \(scope.place)", range, file: fileName,
          hint: "\(scope.place) is one value for all households")
        return nil
      }
      referencedAttributes.insert(index)
      let type: TypedValue.ValueType
      switch attributeKinds[name] ?? .number {
      case .number: type = .number
      case .boolean: type = .boolean
      case .label: type = .label
      }
      return TypedValue(value: .attribute(index), type: type)
    }
    if let code = labels.firstIndex(of: name) {
      return TypedValue(value: .constant(Double(code)), type: .label)
    }
    if scope.unwrittenSettings.contains(name) {
      error(
        "setting-not-written", "`\(name)` is not set in \(scope.place)", range, file: fileName,
        hint: "write `\(Self.written(name)) …` in the block to use it here")
      return nil
    }
    var candidates = Array(scope.locals.keys) + Array(globalParameters.keys) + labels
    candidates += attributeNames.filter { declaredAttributes.contains($0) || $0 == "group" || $0 == "savings" }
    candidates += ["poverty_line", "year"] + (scope.allowsVariables ? ["disposable", "registered"] : [])
    var hint = NameSuggestion.hint(for: name, among: candidates.sorted())
    if hint == nil, ["exited", "monitored", "years_since_exit"].contains(name) {
      hint = "`\(name)` is known in scenarios with an `exit` block\(name == "monitored" ? " and a `monitoring` block" : "")"
    }
    if hint == nil, name == "relocated" || name == "enrolled" {
      hint = "a household takes part in a relocation or industry programme at most once; use `group == relocated` if the programme sets `group = relocated`"
    }
    error(
      "unknown-name", "unknown name `\(name)`", range, file: fileName,
      hint: hint ?? "names are attributes, parameters (`let`), settings of the same block, `poverty_line`, `year`, `disposable` and `registered`")
    return nil
  }

  /// Resolves a `let` or a block setting by name, applying its override and detecting cycles.
  mutating func resolveParameter(_ local: NameScope.LocalName, range: SourceRange, scope: NameScope) -> TypedValue? {
    let key = local.path + "|" + scope.stream
    let cached = resolvedParameters[key]
    if blockLog != nil { blockLog?.noteCacheRead(key, cached) }
    if let cached { return cached }
    if resolving.contains(local.path) {
      // One report per cycle, however many of its parameters are resolved.
      let cycle = resolving.sorted().joined(separator: ",")
      if !reportedCycles.contains(cycle) {
        reportedCycles.insert(cycle)
        error("parameter-cycle", "`\(local.path)` is defined from itself", range, hint: "parameters cannot depend on each other in a cycle")
      }
      return nil
    }
    resolving.append(local.path)
    defer { resolving.removeLast() }
    indexKnownPaths()
    let known = isKnownPath(local.path)
    if blockLog != nil { blockLog?.noteKnownPathRead(local.path, known, knownPaths: knownPaths) }
    if !known { knownPaths.append(local.path) }
    guard let (expression, fileName) = valueSyntax(local.path, local.syntax) else { return nil }
    var innerScope = scope
    innerScope.stream = local.path
    let savedDrawIndex = drawIndex
    drawIndex = 0
    let typed = resolve(expression, file: fileName, scope: innerScope)
    drawIndex = savedDrawIndex
    if let typed {
      resolvedParameters[key] = typed
      if blockLog != nil { blockLog?.noteCacheWrite(key, typed) }
    }
    return typed
  }

  private mutating func resolveBinary(
    _ op: Expression.BinaryOperator, _ lhs: Expression, _ rhs: Expression, expression: Expression, file fileName: String, scope: NameScope
  ) -> TypedValue? {
    guard let a = resolve(lhs, file: fileName, scope: scope) else { _ = resolve(rhs, file: fileName, scope: scope); return nil }
    guard let b = resolve(rhs, file: fileName, scope: scope) else { return nil }
    let operation: ValueExpression.BinaryOperation
    var resultType = TypedValue.ValueType.number
    switch op {
    case .add, .subtract, .multiply, .divide, .of:
      guard expectType(a, .number, lhs, file: fileName, context: "`\(op.rawValue)`"), expectType(b, .number, rhs, file: fileName, context: "`\(op.rawValue)`")
      else { return nil }
      switch op {
      case .add: operation = .add
      case .subtract: operation = .subtract
      case .divide: operation = .divide
      default: operation = .multiply
      }
    case .less, .lessEqual, .greater, .greaterEqual:
      guard expectType(a, .number, lhs, file: fileName, context: "`\(op.rawValue)`"), expectType(b, .number, rhs, file: fileName, context: "`\(op.rawValue)`")
      else { return nil }
      operation = op == .less ? .less : op == .lessEqual ? .lessEqual : op == .greater ? .greater : .greaterEqual
      resultType = .boolean
    case .equal, .notEqual:
      if a.type != b.type {
        let labelSide = a.type == .label ? rhs : lhs
        error(
          "type-mismatch", "cannot compare \(a.type.description) with \(b.type.description)", labelSide.range, file: fileName,
          hint: a.type == .label || b.type == .label ? "known labels: \(labels.map { "`\($0)`" }.joined(separator: ", "))" : nil)
        return nil
      }
      operation = op == .equal ? .equal : .notEqual
      resultType = .boolean
    case .and, .or:
      guard expectType(a, .boolean, lhs, file: fileName, context: "`\(op.rawValue)`"), expectType(b, .boolean, rhs, file: fileName, context: "`\(op.rawValue)`")
      else { return nil }
      operation = op == .and ? .and : .or
      resultType = .boolean
    }
    if operation == .divide, case .constant(0) = b.value {
      error("division-by-zero", "division by zero", rhs.range, file: fileName, hint: nil)
      return nil
    }
    return finite(fold(TypedValue(value: .binary(operation, a.value, b.value), type: resultType)), expression: expression, file: fileName)
  }

  private mutating func expectType(_ value: TypedValue, _ type: TypedValue.ValueType, _ expression: Expression, file fileName: String, context: String) -> Bool
  {
    guard value.type != type else { return true }
    var hint: String?
    if type == .boolean && value.type == .number { hint = "compare it, e.g. `x > 0`" }
    if type == .number && value.type == .label { hint = "labels can only be compared with `==` or `!=`" }
    error("type-mismatch", "\(context) needs \(type.description), but this is \(value.type.description)", expression.range, file: fileName, hint: hint)
    return false
  }

  /// Folds an operation on constants into a constant.
  /// `typed`, or nil after an error when it is a constant that is NaN or infinite
  /// (`log(0 - 1)`, `1e300 * 1e300`): no NaN or infinity may enter a run from constants.
  private mutating func finite(_ typed: TypedValue, expression: Expression, file fileName: String) -> TypedValue? {
    guard case .constant(let value) = typed.value, !value.isFinite else { return typed }
    error(
      "non-finite-constant", "this expression is \(value.isNaN ? "not a number (NaN)" : "infinite")", expression.range, file: fileName,
      hint: value.isNaN ? "check the arguments: `log` needs a positive number, `sqrt` a non-negative one" : "the result is beyond about 1.8e308")
    return nil
  }

  private func fold(_ typed: TypedValue) -> TypedValue {
    guard typed.value.isConstant, let value = typed.value.value(inYear: firstYear) else { return typed }
    return TypedValue(value: .constant(value), type: typed.type)
  }

  // MARK: - Calls

  private mutating func resolveCall(
    _ name: Located<String>, _ arguments: [Expression.Argument], expression: Expression, file fileName: String, scope: NameScope, argumentPath: String?
  ) -> TypedValue? {
    if name.value == "if" {
      guard arguments.count == 3 else {
        error(
          "wrong-arguments", "`if` takes 3 arguments (a condition, a value when it holds, a value otherwise), not \(arguments.count)", expression.range,
          file: fileName,
          hint: "e.g. `if(registered, 80%, 50%)`")
        return nil
      }
      guard let condition = resolve(arguments[0].value, file: fileName, scope: scope),
        let a = resolve(arguments[1].value, file: fileName, scope: scope),
        let b = resolve(arguments[2].value, file: fileName, scope: scope)
      else { return nil }
      guard expectType(condition, .boolean, arguments[0].value, file: fileName, context: "the first argument of `if`") else { return nil }
      guard a.type == b.type else {
        error(
          "type-mismatch", "the two values of `if` must be of the same kind, but one is \(a.type.description) and the other \(b.type.description)",
          arguments[2].value.range, file: fileName, hint: nil)
        return nil
      }
      return fold(TypedValue(value: .choose(condition.value, a.value, b.value), type: a.type))
    }
    if let function = ValueExpression.MathFunction(rawValue: name.value) {
      var values: [ValueExpression] = []
      for argument in arguments {
        if let label = argument.label {
          error("unexpected-label", "`\(name.value)` takes no labelled arguments", label.range, file: fileName, hint: nil)
        }
        guard let value = resolve(argument.value, file: fileName, scope: scope) else { return nil }
        guard expectType(value, .number, argument.value, file: fileName, context: "`\(name.value)`") else { return nil }
        values.append(value.value)
      }
      let arity = function.arity
      if let arity, values.count != arity {
        error("wrong-arguments", "`\(name.value)` takes \(arity) argument, not \(values.count)", expression.range, file: fileName, hint: nil)
        return nil
      }
      if arity == nil, values.count < 2 {
        error("wrong-arguments", "`\(name.value)` takes two or more arguments", expression.range, file: fileName, hint: nil)
        return nil
      }
      return finite(fold(TypedValue(value: .function(function, values), type: .number)), expression: expression, file: fileName)
    }
    guard Self.distributionNames.contains(name.value) else {
      let all = ValueExpression.MathFunction.allCases.map(\.rawValue) + Self.distributionNames + ["schedule", "if"]
      error(
        "unknown-function", "unknown function `\(name.value)`", name.range, file: fileName,
        hint: NameSuggestion.hint(for: name.value, among: all) ?? "functions are \(all.map { "`\($0)`" }.joined(separator: ", "))")
      return nil
    }
    guard scope.allowsAttributes else {
      error(
        "draw-not-allowed", "a random draw cannot be used in \(scope.place)", expression.range, file: fileName,
        hint: "\(scope.place) is one value for all households")
      return nil
    }
    if name.value == "categorical" { return resolveCategorical(arguments, expression: expression, file: fileName, scope: scope, argumentPath: argumentPath) }

    let parameterNames: [[String]]
    switch name.value {
    case "normal": parameterNames = [["mean"], ["sd"]]
    case "lognormal": parameterNames = [["median", "mean"], ["sigma"]]
    case "uniform": parameterNames = [["min"], ["max"]]
    case "bernoulli": parameterNames = [["p"]]
    default: parameterNames = [["value"]]
    }
    var values: [String: (TypedValue, Expression)] = [:]
    var lognormalByMean = false
    for (position, argument) in arguments.enumerated() {
      let label: String
      if let written = argument.label {
        guard let slot = parameterNames.first(where: { $0.contains(written.value) }) else {
          let allowed = parameterNames.flatMap { $0 }
          error(
            "unknown-argument", "`\(name.value)` has no argument `\(written.value)`", written.range, file: fileName,
            hint: NameSuggestion.hint(for: written.value, among: allowed) ?? "its arguments are \(allowed.map { "`\($0)`" }.joined(separator: ", "))")
          return nil
        }
        label = slot[0]
        if name.value == "lognormal", written.value == "mean" { lognormalByMean = true }
      } else {
        guard position < parameterNames.count else {
          error(
            "wrong-arguments", "`\(name.value)` takes \(parameterNames.count) argument\(parameterNames.count == 1 ? "" : "s"), not \(arguments.count)",
            expression.range, file: fileName, hint: nil)
          return nil
        }
        label = parameterNames[position][0]
      }
      if values[label] != nil {
        // Also catches `median: 3,400`, read as `median: 3` and a second argument `400`.
        error(
          "duplicate-argument", "`\(name.value)` is given `\(argument.label?.value ?? label)` twice", argument.label?.range ?? argument.value.range,
          file: fileName,
          hint: "e.g. \(Self.distributionExample(name.value))")
        return nil
      }
      let writtenLabel = name.value == "lognormal" && label == "median" && lognormalByMean ? "mean" : label
      let (argumentExpression, argumentFile) = argumentSyntax(argument.value, label: writtenLabel, argumentPath: argumentPath, file: fileName)
      guard let value = resolve(argumentExpression, file: argumentFile, scope: scope) else { return nil }
      guard expectType(value, .number, argumentExpression, file: argumentFile, context: "`\(name.value)`") else { return nil }
      values[label] = (value, argumentExpression)
    }
    for slot in parameterNames where values[slot[0]] == nil {
      error(
        "missing-argument", "`\(name.value)` needs `\(slot.joined(separator: "` or `"))`", expression.range, file: fileName,
        hint: "e.g. \(Self.distributionExample(name.value))")
      return nil
    }
    func argument(_ label: String) -> ValueExpression { values[label]?.0.value ?? .constant(0) }
    func requireNonNegative(_ label: String) {
      if let (value, written) = values[label], case .constant(let number) = value.value, number < 0 {
        error("out-of-range", "`\(label)` of `\(name.value)` cannot be negative", written.range, file: fileName, hint: nil)
      }
    }
    let distribution: Distribution
    var type = TypedValue.ValueType.number
    switch name.value {
    case "normal":
      requireNonNegative("sd")
      distribution = .normal(mean: argument("mean"), sd: argument("sd"))
    case "lognormal":
      requireNonNegative("sigma")
      requireNonNegative("median")
      distribution =
        lognormalByMean
        ? .lognormalByMean(mean: argument("median"), sigma: argument("sigma")) : .lognormal(median: argument("median"), sigma: argument("sigma"))
    case "uniform":
      if case .constant(let low) = argument("min"), case .constant(let high) = argument("max"), low > high, let written = values["max"]?.1 {
        error(
          "out-of-range", "`uniform` needs min ≤ max, but \(CountFormat.text(low)) > \(CountFormat.text(high))", written.range, file: fileName,
          hint: "swap the two bounds")
      }
      distribution = .uniform(min: argument("min"), max: argument("max"))
    case "bernoulli":
      if let (value, written) = values["p"], case .constant(let p) = value.value, !(0...1).contains(p) {
        error(
          "out-of-range", "the probability of `bernoulli` is \(CountFormat.percent(p)), outside 0% to 100%", written.range, file: fileName,
          hint: "expected a share between 0% and 100%")
      }
      distribution = .bernoulli(p: argument("p"))
      type = .boolean
    default:
      return values["value"]?.0
    }
    let stream = drawIndex == 0 ? scope.stream : "\(scope.stream)#\(drawIndex)"
    drawIndex += 1
    return TypedValue(value: .draw(Draw(distribution: distribution, stream: stream)), type: type)
  }

  private mutating func resolveCategorical(
    _ arguments: [Expression.Argument], expression: Expression, file fileName: String, scope: NameScope, argumentPath: String?
  ) -> TypedValue? {
    var values: [Double] = []
    var probabilities: [Double] = []
    var isLabel: Bool?
    for argument in arguments {
      guard let label = argument.label else {
        error(
          "missing-label", "each category of `categorical` needs a value and a probability", argument.value.range, file: fileName,
          hint: "e.g. `categorical(1: 10%, 2: 90%)` or `categorical(low: 40%, high: 60%)`")
        return nil
      }
      let labelIsNumber = Double(label.value) != nil
      if let isLabel, isLabel == labelIsNumber {
        error("mixed-categories", "categories must be all numbers or all labels", label.range, file: fileName, hint: nil)
        return nil
      }
      isLabel = !labelIsNumber
      let (probabilityExpression, probabilityFile) = argumentSyntax(argument.value, label: label.value, argumentPath: argumentPath, file: fileName)
      guard let probability = resolve(probabilityExpression, file: probabilityFile, scope: scope) else { return nil }
      guard case .constant(let p) = probability.value else {
        error("expected-constant", "category probabilities must be numbers known before the run", probabilityExpression.range, file: probabilityFile, hint: nil)
        return nil
      }
      if !(0...1).contains(p) {
        error(
          "out-of-range", "probability \(CountFormat.percent(p)) is outside 0% to 100%", probabilityExpression.range, file: probabilityFile,
          hint: p > 1 && p <= 100 && probabilityExpression.literalUnit?.measure != .percent
            ? "did you mean `\(CountFormat.text(p))%`?" : "expected a share between 0% and 100%")
        return nil
      }
      values.append(labelIsNumber ? (Double(label.value) ?? 0) : Double(labels.firstIndex(of: label.value) ?? 0))
      probabilities.append(p)
    }
    guard !values.isEmpty else {
      error("missing-argument", "`categorical` needs at least one category", expression.range, file: fileName, hint: "e.g. `categorical(1: 10%, 2: 90%)`")
      return nil
    }
    let total = probabilities.reduce(0, +)
    if abs(total - 1) > 1e-9 {
      error(
        "shares-do-not-sum", "category probabilities add up to \(CountFormat.percent(total)), not 100%", expression.range, file: fileName,
        hint: "make them sum to 100%")
      return nil
    }
    let stream = drawIndex == 0 ? scope.stream : "\(scope.stream)#\(drawIndex)"
    drawIndex += 1
    return TypedValue(
      value: .draw(Draw(distribution: .categorical(values: values, probabilities: probabilities), stream: stream)), type: isLabel == true ? .label : .number)
  }

  /// A distribution argument as written, or its override when the call is a parameter
  /// (`population.remote.income.median`).
  private mutating func argumentSyntax(_ written: Expression, label: String, argumentPath: String?, file fileName: String) -> (Expression, String) {
    guard let argumentPath else { return (written, fileName) }
    let path = "\(argumentPath).\(label)"
    knownPaths.append(path)
    return valueSyntax(path, written) ?? (written, fileName)
  }

  static func distributionExample(_ name: String) -> String {
    switch name {
    case "normal": return "`normal(mean: 4.5%, sd: 12%)`"
    case "lognormal": return "`lognormal(median: 3400, sigma: 0.55)`"
    case "uniform": return "`uniform(0, 6)`"
    case "bernoulli": return "`bernoulli(30%)`"
    default: return "`constant(1)`"
    }
  }
}
