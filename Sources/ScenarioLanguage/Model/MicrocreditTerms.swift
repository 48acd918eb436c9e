/// The terms of a microcredit programme with interest discount (docs/model.md § Microcredit).
///
/// A borrower receives `loan` for `term` years. Every year the loan is outstanding, interest
/// `interest · loan` is due: the state pays `discount · interest · min(loan, discountLimit)`,
/// the household the rest. The principal is due in the last year of the term; a household for
/// which `defaultsWhen` holds then defaults: the loan is written off at public cost and the
/// household may not borrow again.
public struct MicrocreditTerms: Sendable, Equatable {
  /// The chance that an eligible household borrows (a share per household).
  public var takeUp: ValueExpression
  /// The named random stream of the take-up draw (`programme.NAME.take_up`).
  public var takeUpStream: String
  /// The loan, yuan per household (fixed when the loan is made).
  public var loan: ValueExpression
  /// Years until the principal is due (1 or more).
  public var term: Int
  /// The market interest rate per year.
  public var interest: ValueExpression
  /// The share of the interest the state pays.
  public var discount: ValueExpression
  /// The part of the loan whose interest is discounted (yuan per household); nil: all of it.
  public var discountLimit: ValueExpression?
  /// The industry programme the loan pays for (its name), if any.
  public var finances: String?
  /// When a borrower defaults at the end of the term.
  public var defaultsWhen: ValueExpression

  /// Creates microcredit terms.
  public init(
    takeUp: ValueExpression, takeUpStream: String, loan: ValueExpression, term: Int, interest: ValueExpression,
    discount: ValueExpression, discountLimit: ValueExpression?, finances: String?, defaultsWhen: ValueExpression
  ) {
    self.takeUp = takeUp
    self.takeUpStream = takeUpStream
    self.loan = loan
    self.term = term
    self.interest = interest
    self.discount = discount
    self.discountLimit = discountLimit
    self.finances = finances
    self.defaultsWhen = defaultsWhen
  }
}
