/// A programme or transfer as the year cycle runs it.
public struct ProgrammeRule: Sendable, Equatable {
  /// The programme's name (used in parameter paths and output columns).
  public var name: String
  /// The display title.
  public var title: String
  /// Years in which it accepts households.
  public var years: ClosedRange<Int>
  /// Who may take part (evaluated on last year's registry).
  public var eligible: ValueExpression
  /// What the programme does.
  public var kind: Kind
  /// Updates applied when a household joins.
  public var onJoin: [EffectRule]
  /// Updates applied once, at the start of next year (after growth).
  public var nextYear: [EffectRule]
  /// A yearly budget or number of places, and who is served first; nil: no cap.
  public var cap: BudgetCap?

  /// The built-in kinds of programme.
  public enum Kind: Sendable, Equatable {
    /// Moves households: pays `subsidy` toward `cost`; the rest comes from savings and then
    /// debt, repaid in equal parts over `repaymentYears`. Once per household.
    case relocation(cost: ValueExpression, subsidy: ValueExpression, movesWhen: ValueExpression, repaymentYears: Int)
    /// Grants `grant` (yuan per household, already multiplied by its unit); with probability
    /// `success` the household's per-person income rises by `gain` next year. Once per household.
    case industry(grant: ValueExpression, success: ValueExpression, gainPerPerson: ValueExpression, successStream: String)
    /// Pays `amount` yuan per household every active year to eligible households.
    case subsidy(amount: ValueExpression)
    /// Tops per-capita disposable income up to `level`; runs after all programmes.
    case topUp(level: ValueExpression)
    /// Trains one person per eligible household at `cost` yuan; with probability
    /// `employment` the trainee finds a job paying `wage` yuan per household per year from
    /// next year on, lost with probability `jobLoss` after each paid year. Once per household.
    case training(Training)
    /// Lends to households that take up a loan; the state pays part of the interest.
    case microcredit(MicrocreditTerms)
  }

  /// Creates a programme.
  public init(name: String, title: String, years: ClosedRange<Int>, eligible: ValueExpression, kind: Kind, onJoin: [EffectRule], nextYear: [EffectRule]) {
    self.name = name
    self.title = title
    self.years = years
    self.eligible = eligible
    self.kind = kind
    self.onJoin = onJoin
    self.nextYear = nextYear
  }

  /// Whether a household joins at most once (relocation and industry support).
  public var isOnce: Bool {
    switch kind {
    case .relocation, .industry, .training: return true
    case .subsidy, .topUp, .microcredit: return false
    }
  }

  /// Whether this is a transfer (runs after all programmes).
  public var isTransfer: Bool {
    if case .topUp = kind { return true }
    return false
  }

  /// Whether this is a relocation programme.
  public var isRelocation: Bool {
    if case .relocation = kind { return true }
    return false
  }
}

extension ProgrammeRule {
  /// Whether this is a microcredit programme (its loans are serviced every year).
  public var isMicrocredit: Bool {
    if case .microcredit = kind { return true }
    return false
  }
}
