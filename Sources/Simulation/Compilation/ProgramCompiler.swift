import ScenarioLanguage

/// Compiles `ValueExpression`s into `ColumnProgram`s for one option, collecting the
/// household-invariant parts into a table of per-year constants.
struct ProgramCompiler {
  /// Household-invariant expressions, evaluated once per year.
  private(set) var constants: [ValueExpression] = []
  private let variableColumns: [ValueExpression.HouseholdVariable: Int]

  init(variableColumns: [ValueExpression.HouseholdVariable: Int]) {
    self.variableColumns = variableColumns
  }

  /// Programs compiled so far (the next program's `id`).
  private(set) var compiledCount = 0

  /// Compiles an expression.
  mutating func compile(_ expression: ValueExpression) -> ColumnProgram {
    var instructions: [ColumnProgram.Instruction] = []
    var registers = 0
    let result = emit(expression, &instructions, &registers)
    compiledCount += 1
    return ColumnProgram(instructions: instructions, result: result, registerCount: registers, id: compiledCount - 1)
  }

  private mutating func constantSlot(_ expression: ValueExpression) -> ColumnProgram.Operand {
    if let index = constants.firstIndex(of: expression) { return .constant(index) }
    constants.append(expression)
    return .constant(constants.count - 1)
  }

  private mutating func emit(_ expression: ValueExpression, _ code: inout [ColumnProgram.Instruction], _ registers: inout Int) -> ColumnProgram.Operand {
    if expression.isHouseholdInvariant { return constantSlot(expression) }
    func fresh() -> Int {
      registers += 1
      return registers - 1
    }
    switch expression {
    case .constant, .yearly:
      return constantSlot(expression)
    case .attribute(let index):
      return .column(index)
    case .variable(let variable):
      return .column(variableColumns[variable] ?? 0)
    case .unary(let operation, let operand):
      let value = emit(operand, &code, &registers)
      let destination = fresh()
      code.append(.unary(operation, destination: destination, value))
      return .register(destination)
    case .binary(let operation, let lhs, let rhs):
      let a = emit(lhs, &code, &registers)
      let b = emit(rhs, &code, &registers)
      let destination = fresh()
      code.append(.binary(operation, destination: destination, a, b))
      return .register(destination)
    case .function(let function, let arguments):
      let operands = arguments.map { emit($0, &code, &registers) }
      switch function {
      case .min, .max:
        var accumulated = operands[0]
        for operand in operands.dropFirst() {
          let destination = fresh()
          code.append(.extremum(minimum: function == .min, destination: destination, accumulated, operand))
          accumulated = .register(destination)
        }
        return accumulated
      default:
        let destination = fresh()
        code.append(.function(function, destination: destination, operands[0]))
        return .register(destination)
      }
    case .draw(let draw):
      let stream = RandomSource.purpose(draw.stream)
      let base = fresh()
      code.append(draw.distribution.usesNormal ? .normal(destination: base, stream: stream) : .uniform(destination: base, stream: stream))
      let u = ColumnProgram.Operand.register(base)
      func op(_ operation: ValueExpression.BinaryOperation, _ a: ColumnProgram.Operand, _ b: ColumnProgram.Operand) -> ColumnProgram.Operand {
        let destination = fresh()
        code.append(.binary(operation, destination: destination, a, b))
        return .register(destination)
      }
      func exp(_ a: ColumnProgram.Operand) -> ColumnProgram.Operand {
        let destination = fresh()
        code.append(.function(.exp, destination: destination, a))
        return .register(destination)
      }
      switch draw.distribution {
      case .normal(let mean, let sd):
        let m = emit(mean, &code, &registers)
        let s = emit(sd, &code, &registers)
        return op(.add, m, op(.multiply, s, u))
      case .lognormal(let median, let sigma):
        let m = emit(median, &code, &registers)
        let s = emit(sigma, &code, &registers)
        return op(.multiply, m, exp(op(.multiply, s, u)))
      case .lognormalByMean(let mean, let sigma):
        let m = emit(mean, &code, &registers)
        let s = emit(sigma, &code, &registers)
        let halfVariance = op(.multiply, op(.multiply, s, s), constantSlot(.constant(0.5)))
        return op(.multiply, m, exp(op(.subtract, op(.multiply, s, u), halfVariance)))
      case .uniform(let low, let high):
        let a = emit(low, &code, &registers)
        let b = emit(high, &code, &registers)
        return op(.add, a, op(.multiply, op(.subtract, b, a), u))
      case .bernoulli(let p):
        let probability = emit(p, &code, &registers)
        return op(.less, u, probability)
      case .categorical(let values, let probabilities):
        var cumulative: [Double] = []
        var total = 0.0
        for probability in probabilities {
          total += probability
          cumulative.append(total)
        }
        if !cumulative.isEmpty { cumulative[cumulative.count - 1] = .infinity }
        let destination = fresh()
        code.append(.categorical(destination: destination, u, cumulative: cumulative, values: values))
        return .register(destination)
      }
    case .schedule(let steps):
      // Σ (step k applies this year) × value_k: the indicators are per-year constants.
      var total: ColumnProgram.Operand?
      for (index, step) in steps.enumerated() {
        let indicator = ValueExpression.schedule(
          steps.enumerated().map { ValueExpression.ScheduleStep(year: $0.element.year, value: .constant($0.offset == index ? 1 : 0)) })
        let term = emit(.binary(.multiply, indicator, step.value), &code, &registers)
        if let sum = total {
          let destination = fresh()
          code.append(.binary(.add, destination: destination, sum, term))
          total = .register(destination)
        } else {
          total = term
        }
      }
      return total ?? constantSlot(.constant(0))
    case .choose(let condition, let a, let b):
      let c = emit(condition, &code, &registers)
      let whenTrue = emit(a, &code, &registers)
      let whenFalse = emit(b, &code, &registers)
      let destination = fresh()
      code.append(.select(destination: destination, c, whenTrue, whenFalse))
      return .register(destination)
    case .indexed(let base, let rate, let baseYear):
      let elapsed = ValueExpression.binary(.subtract, .yearly(.year), .constant(Double(baseYear)))
      let factor = ValueExpression.function(.exp, [.binary(.multiply, elapsed, .function(.log, [.binary(.add, .constant(1), rate)]))])
      return emit(.binary(.multiply, base, factor), &code, &registers)
    }
  }
}
