import ScenarioLanguage

/// A checked expression compiled into a flat list of column operations.
///
/// Each instruction runs over a whole block of households (a few hundred contiguous
/// values) before the next one starts, so the interpretation cost is paid once per block,
/// not once per household, and every inner loop is a simple pass over contiguous memory
/// that the compiler can vectorise.
struct ColumnProgram: Sendable {
  /// Where an instruction reads a block of values.
  enum Operand: Sendable, Equatable {
    /// A household column (attribute or year-cycle state).
    case column(Int)
    /// A scratch register written by an earlier instruction.
    case register(Int)
    /// A per-year constant (index into the plan's constant table).
    case constant(Int)
  }

  /// One operation over a block.
  enum Instruction: Sendable {
    case unary(ValueExpression.UnaryOperation, destination: Int, Operand)
    case binary(ValueExpression.BinaryOperation, destination: Int, Operand, Operand)
    case function(ValueExpression.MathFunction, destination: Int, Operand)
    /// The smaller (or larger) of two values.
    case extremum(minimum: Bool, destination: Int, Operand, Operand)
    case uniform(destination: Int, stream: UInt32)
    case normal(destination: Int, stream: UInt32)
    /// `condition != 0 ? a : b`.
    case select(destination: Int, Operand, Operand, Operand)
    /// Maps uniforms to category values by cumulative probabilities.
    case categorical(destination: Int, Operand, cumulative: [Double], values: [Double])
  }

  /// The instructions in order.
  var instructions: [Instruction]
  /// Where the result is.
  var result: Operand
  /// Number of registers used.
  var registerCount: Int
  /// Which compiled setting this is: its number in the order `ProgramCompiler` compiled
  /// them (see `OptionPlan.programOrigins`, used to name it in a non-finite diagnostic).
  var id = -1
}
