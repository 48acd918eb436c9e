/// A checked expression with every name resolved, ready to be compiled over household
/// columns. Booleans are 0 and 1; category labels are their codes in `ModelRules.labels`.
public indirect enum ValueExpression: Sendable, Equatable {
  /// A number known when the scenario is checked.
  case constant(Double)
  /// A household attribute column (index into `ModelRules.attributes`).
  case attribute(Int)
  /// A per-household value that the year cycle maintains.
  case variable(HouseholdVariable)
  /// A value that depends on the year only.
  case yearly(YearlyValue)
  /// `-x`, `not x`.
  case unary(UnaryOperation, ValueExpression)
  /// Arithmetic, comparison and logic.
  case binary(BinaryOperation, ValueExpression, ValueExpression)
  /// `min`, `max`, `abs`, `exp`, `log`, `sqrt`, `floor`, `round`.
  case function(MathFunction, [ValueExpression])
  /// A random draw, one per household, year and stream.
  case draw(Draw)
  /// A value by year: the entry of the latest year not after the current one (the first
  /// entry before it).
  case schedule([ScheduleStep])
  /// `base × (1 + rate)^(year − baseYear)`.
  case indexed(base: ValueExpression, rate: ValueExpression, baseYear: Int)
  /// `if(condition, a, b)`: `a` where the condition holds, else `b`.
  case choose(ValueExpression, ValueExpression, ValueExpression)

  /// Per-household values kept by the year cycle.
  public enum HouseholdVariable: String, Sendable, Equatable {
    /// Per-capita disposable income so far this year.
    case disposable
    /// Whether the household is in the registry used this year.
    case registered
    /// Whether the household has exited the registry and not been registered again
    /// (scenarios with an `exit` block).
    case exited
    /// Whether the household is under monitoring (scenarios with a `monitoring` block).
    case monitored
    /// Years since the household exited (0 when it has not exited).
    case yearsSinceExit = "years_since_exit"
  }

  /// Values that depend on the year only.
  public enum YearlyValue: String, Sendable, Equatable {
    /// The poverty line of the year.
    case povertyLine = "poverty_line"
    /// The calendar year.
    case year
  }

  /// Unary operations.
  public enum UnaryOperation: String, Sendable, Equatable { case negate, not }

  /// Binary operations.
  public enum BinaryOperation: String, Sendable, Equatable {
    case add, subtract, multiply, divide
    case less, lessEqual, greater, greaterEqual, equal, notEqual
    case and, or
  }

  /// Functions of numbers.
  public enum MathFunction: String, Sendable, Equatable, CaseIterable {
    case min, max, abs, exp, log, sqrt, floor, round
  }

  /// One step of a schedule.
  public struct ScheduleStep: Sendable, Equatable {
    /// The year from which the value applies.
    public var year: Int
    /// The value.
    public var value: ValueExpression
    /// Creates a step.
    public init(year: Int, value: ValueExpression) {
      self.year = year
      self.value = value
    }
  }

  /// Whether the value is the same for every household in a year (no attribute, variable
  /// or draw), so that it can be computed once per year.
  public var isHouseholdInvariant: Bool {
    switch self {
    case .constant, .yearly: return true
    case .attribute, .variable, .draw: return false
    case .unary(_, let operand): return operand.isHouseholdInvariant
    case .binary(_, let lhs, let rhs): return lhs.isHouseholdInvariant && rhs.isHouseholdInvariant
    case .function(_, let arguments): return arguments.allSatisfy(\.isHouseholdInvariant)
    case .schedule(let steps): return steps.allSatisfy { $0.value.isHouseholdInvariant }
    case .indexed(let base, let rate, _): return base.isHouseholdInvariant && rate.isHouseholdInvariant
    case .choose(let condition, let a, let b): return condition.isHouseholdInvariant && a.isHouseholdInvariant && b.isHouseholdInvariant
    }
  }

  /// Whether the value is the same every year and for every household.
  public var isConstant: Bool {
    switch self {
    case .constant: return true
    case .attribute, .variable, .draw, .yearly, .schedule, .indexed: return false
    case .unary(_, let operand): return operand.isConstant
    case .binary(_, let lhs, let rhs): return lhs.isConstant && rhs.isConstant
    case .function(_, let arguments): return arguments.allSatisfy(\.isConstant)
    case .choose(let condition, let a, let b): return condition.isConstant && a.isConstant && b.isConstant
    }
  }

  /// The value for a given year when it is household-invariant, nil otherwise.
  ///
  /// `povertyLine` is the line of that year (ignored when the expression does not use it).
  public func value(inYear year: Int, povertyLine: Double = .nan) -> Double? {
    switch self {
    case .constant(let value): return value
    case .attribute, .variable, .draw: return nil
    case .yearly(.year): return Double(year)
    case .yearly(.povertyLine): return povertyLine
    case .unary(let operation, let operand):
      guard let value = operand.value(inYear: year, povertyLine: povertyLine) else { return nil }
      return operation.apply(value)
    case .binary(let operation, let lhs, let rhs):
      guard let a = lhs.value(inYear: year, povertyLine: povertyLine),
        let b = rhs.value(inYear: year, povertyLine: povertyLine)
      else { return nil }
      return operation.apply(a, b)
    case .function(let function, let arguments):
      var values: [Double] = []
      for argument in arguments {
        guard let value = argument.value(inYear: year, povertyLine: povertyLine) else { return nil }
        values.append(value)
      }
      return function.apply(values)
    case .schedule(let steps):
      guard var chosen = steps.first else { return nil }
      for step in steps where step.year <= year { chosen = step }
      return chosen.value.value(inYear: year, povertyLine: povertyLine)
    case .indexed(let base, let rate, let baseYear):
      guard let b = base.value(inYear: year, povertyLine: povertyLine),
        let r = rate.value(inYear: year, povertyLine: povertyLine)
      else { return nil }
      return b * pow1p(r, year - baseYear)
    case .choose(let condition, let a, let b):
      guard let c = condition.value(inYear: year, povertyLine: povertyLine) else { return nil }
      return (c != 0 ? a : b).value(inYear: year, povertyLine: povertyLine)
    }
  }
}

/// `(1 + r)^n` by repeated multiplication, so that it is exact to the last bit on every
/// machine (the C library's `pow` is not guaranteed to be).
@usableFromInline
func pow1p(_ rate: Double, _ exponent: Int) -> Double {
  var result = 1.0
  let factor = exponent >= 0 ? 1 + rate : 1 / (1 + rate)
  for _ in 0..<abs(exponent) { result *= factor }
  return result
}

extension ValueExpression.UnaryOperation {
  /// Applies the operation to a number.
  @inlinable public func apply(_ x: Double) -> Double {
    switch self {
    case .negate: return -x
    case .not: return x != 0 ? 0 : 1
    }
  }
}

extension ValueExpression.BinaryOperation {
  /// Applies the operation to two numbers (booleans as 0 and 1).
  @inlinable public func apply(_ a: Double, _ b: Double) -> Double {
    switch self {
    case .add: return a + b
    case .subtract: return a - b
    case .multiply: return a * b
    case .divide: return a / b
    case .less: return a < b ? 1 : 0
    case .lessEqual: return a <= b ? 1 : 0
    case .greater: return a > b ? 1 : 0
    case .greaterEqual: return a >= b ? 1 : 0
    case .equal: return a == b ? 1 : 0
    case .notEqual: return a != b ? 1 : 0
    case .and: return (a != 0 && b != 0) ? 1 : 0
    case .or: return (a != 0 || b != 0) ? 1 : 0
    }
  }
}

extension ValueExpression.MathFunction {
  /// How many arguments the function takes (nil: two or more).
  public var arity: Int? {
    switch self {
    case .min, .max: return nil
    default: return 1
    }
  }

  /// Applies the function.
  @inlinable public func apply(_ values: [Double]) -> Double {
    switch self {
    case .min: return values.dropFirst().reduce(values.first ?? .nan) { Swift.min($0, $1) }
    case .max: return values.dropFirst().reduce(values.first ?? .nan) { Swift.max($0, $1) }
    case .abs: return Swift.abs(values[0])
    case .exp: return DeterministicMath.exp(values[0])
    case .log: return DeterministicMath.log(values[0])
    case .sqrt: return values[0].squareRoot()
    case .floor: return values[0].rounded(.down)
    case .round: return values[0].rounded(.toNearestOrAwayFromZero)
    }
  }
}
