import ScenarioLanguage

/// The covariate and health-support parts of a shock, compiled for the year cycle.
struct CompiledHazard: Sendable {
  /// The covariate rule, if the shock is a disaster drawn per village or county.
  var covariate: CovariateRule?
  /// The yearly probability of a covariate event (household-invariant).
  var probability: ValueExpression
  /// The share of eligible households of a hit village that suffer (nil: all).
  var hits: ColumnProgram?
  /// Streams of the village draw and of the per-household `hits` draw.
  var stream: UInt32
  var hitsStream: UInt32
  /// Health support: the exempted first part of each cost, per household.
  var exempt: ColumnProgram?
  /// `debt repaid over N years`, when written.
  var repaymentYears: Int?

  /// Whether the shock needs this path at all (nil when it is a plain idiosyncratic shock).
  init?(shock: ShockRule, compile: (ValueExpression) -> ColumnProgram) {
    guard shock.covariate != nil || shock.support != nil else { return nil }
    covariate = shock.covariate
    probability = shock.probability
    hits = shock.covariate?.hits.map(compile)
    stream = RandomSource.purpose(shock.covariate?.stream ?? "")
    hitsStream = RandomSource.purpose(shock.covariate?.hitsStream ?? "")
    exempt = shock.support.map { compile($0.exempt) }
    repaymentYears = shock.support?.repaymentYears
  }
}

/// A market price shock compiled for the year cycle.
struct CompiledPrice: Sendable {
  var rule: PriceRule
  /// The agricultural share of market income, per household.
  var share: ColumnProgram
  /// The stream of the yearly innovations.
  var stream: UInt32

  init(rule: PriceRule, share: ColumnProgram) {
    self.rule = rule
    self.share = share
    self.stream = RandomSource.purpose(rule.stream)
  }
}
