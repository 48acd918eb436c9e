import ScenarioLanguage

/// A programme's budget cap compiled for the year cycle: the priority key program and the
/// columns that carry demand from the first pass to the selection and the second pass.
struct CompiledCap: Sendable {
  /// The cap as checked.
  var rule: BudgetCap
  /// The expression of `priority lowest/highest`, or nil.
  var priorityKey: ColumnProgram?
  /// The stream of `priority random`.
  var priorityStream: UInt32
  /// Column: 1 where the household demands this year (pass 1); after the selection, 1 where
  /// it is served.
  var selected: Int
  /// Column: what serving the household costs (yuan), where it demands.
  var cost: Int
  /// Column: the household's priority key (lower is served first).
  var key: Int
}
