import ScenarioLanguage

/// The exit, transition and monitoring rules of one option, compiled for the year cycle,
/// with the columns of state they keep.
struct CompiledTransition: Sendable {
  /// Columns of per-household state (after the other year-cycle columns).
  struct Columns: Sendable {
    /// 1 while the household has exited and is not registered again.
    var exited: Int
    /// 1 when monitored (status drawn up at the end of last year, like the registry).
    var monitored: Int
    /// Years since exit (0 when not exited).
    var yearsSinceExit: Int
    /// Consecutive years the exit rule has held for a registered household.
    var exitRun: Int
    /// 1 once the household has exited (for returns to poverty).
    var everExited: Int
    /// 1 once the household has been measured poor (for new entrants).
    var everPoor: Int
    /// Years left before a household found by monitoring enters the registry (0: none).
    var waiting: Int
  }

  /// A kept programme: its eligibility with `registered` read as true.
  struct Kept: Sendable {
    var programme: Int
    var eligibleAsRegistered: ColumnProgram
  }

  var rule: TransitionRule
  var columns: Columns
  var exitWhen: ColumnProgram
  var kept: [Kept]
  var share: ColumnProgram?
  var marginalBelow: ColumnProgram?
  var monitorExited: ColumnProgram?
  var monitorDetect: ColumnProgram?
  var monitoringStream: UInt32

  /// The compiled eligibility of programme `index` for exited households, if it is kept.
  func kept(_ index: Int) -> ColumnProgram? { kept.first { $0.programme == index }?.eligibleAsRegistered }
}

extension ValueExpression {
  /// The expression with `registered` replaced by true: how a kept programme sees an exited
  /// household during the transition window. Draw parameters are left as written.
  func readingRegisteredAsTrue() -> ValueExpression {
    switch self {
    case .variable(.registered): return .constant(1)
    case .constant, .attribute, .variable, .yearly, .draw: return self
    case .unary(let operation, let operand): return .unary(operation, operand.readingRegisteredAsTrue())
    case .binary(let operation, let lhs, let rhs): return .binary(operation, lhs.readingRegisteredAsTrue(), rhs.readingRegisteredAsTrue())
    case .function(let function, let arguments): return .function(function, arguments.map { $0.readingRegisteredAsTrue() })
    case .schedule(let steps): return .schedule(steps.map { ScheduleStep(year: $0.year, value: $0.value.readingRegisteredAsTrue()) })
    case .indexed(let base, let rate, let baseYear): return .indexed(base: base.readingRegisteredAsTrue(), rate: rate, baseYear: baseYear)
    case .choose(let condition, let a, let b): return .choose(condition.readingRegisteredAsTrue(), a.readingRegisteredAsTrue(), b.readingRegisteredAsTrue())
    }
  }
}
