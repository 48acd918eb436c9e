/// An expression as written: arithmetic, comparisons, logic, names, calls, schedules.
public struct Expression: Sendable, Equatable {
  /// Unary operators.
  public enum UnaryOperator: String, Sendable { case negate = "-", not }
  /// Binary operators, loosest first: `or`, `and`, comparisons, `+ -`, `* / of`.
  public enum BinaryOperator: String, Sendable {
    case or, and
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case of
  }

  /// A call argument, optionally labelled (`median: 3400`, `3: 25%`).
  public struct Argument: Sendable, Equatable {
    /// The label, if any (an identifier or a number as written).
    public var label: Located<String>?
    /// The value.
    public var value: Expression
    /// Creates an argument.
    public init(label: Located<String>?, value: Expression) {
      self.label = label
      self.value = value
    }
  }

  /// One year of a schedule (`2019: 25000`).
  public struct ScheduleEntry: Sendable, Equatable {
    /// The year from which the value applies.
    public var year: Located<Int>
    /// The value.
    public var value: Expression
    /// Creates an entry.
    public init(year: Located<Int>, value: Expression) {
      self.year = year
      self.value = value
    }
  }

  /// The shape of an expression.
  public indirect enum Kind: Sendable, Equatable {
    /// A number, already divided by 100 when written with `%`, and its unit if written.
    case number(Double, unit: UnitSyntax?)
    /// `true` or `false`.
    case boolean(Bool)
    /// A name: an attribute, parameter, built-in or category label.
    case name(String)
    /// `field.name` inside options and `--set` (a parameter path).
    case path([String])
    /// A function or distribution call.
    case call(Located<String>, [Argument])
    /// `-x`, `not x`.
    case unary(UnaryOperator, Expression)
    /// `a + b` and so on.
    case binary(BinaryOperator, Expression, Expression)
    /// `schedule(2016: 18720, 2019: 25000)`: a value by year.
    case schedule([ScheduleEntry])
    /// `base indexed rate per year`: grows by `rate` each year after the first simulated one.
    case indexed(base: Expression, rate: Expression)
  }

  /// The shape.
  public var kind: Kind
  /// Where it was written.
  public var range: SourceRange

  /// Creates an expression.
  public init(_ kind: Kind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// The unit written on the expression if it is a single number.
  public var literalUnit: UnitSyntax? {
    if case .number(_, let unit) = kind { return unit }
    if case .indexed(let base, _) = kind { return base.literalUnit }
    return nil
  }
}
