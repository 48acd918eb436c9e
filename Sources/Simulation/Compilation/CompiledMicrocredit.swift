import ScenarioLanguage

/// A microcredit programme compiled for the year cycle: its terms as column programs and
/// the columns that hold each household's loan.
struct CompiledMicrocredit: Sendable {
  var terms: MicrocreditTerms
  var takeUp: ColumnProgram
  var loan: ColumnProgram
  var interest: ColumnProgram
  var discount: ColumnProgram
  /// nil: the whole loan is discounted.
  var discountLimit: ColumnProgram?
  var defaultsWhen: ColumnProgram
  var takeUpStream: UInt32
  /// The industry programme financed (index into `OptionPlan.programmes`), if any.
  var finances: Int?
  /// Column: the principal outstanding (0: no loan).
  var principal: Int
  /// Column: years of the term left, including this one.
  var yearsLeft: Int
  /// Column: 1 once the household has defaulted (no new loans).
  var barred: Int
}
