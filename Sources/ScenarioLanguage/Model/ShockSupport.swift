/// Health support and debt of a shock: the state pays an exempted first part of each cost
/// and the reimbursed share of the rest; the household pays its share from savings, and
/// what savings cannot cover becomes debt repaid in equal yearly parts.
public struct ShockSupport: Sendable, Equatable {
  /// The first yuan of each cost paid by the state (`exempt 500 yuan`), per household.
  public var exempt: ValueExpression
  /// `debt repaid over N years`: the household's share is paid from savings, the rest
  /// becomes debt; nil: the household's share reduces this year's disposable income.
  public var repaymentYears: Int?
  /// Creates support rules.
  public init(exempt: ValueExpression, repaymentYears: Int?) {
    self.exempt = exempt
    self.repaymentYears = repaymentYears
  }
}
