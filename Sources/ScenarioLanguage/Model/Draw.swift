/// A random draw in an expression: one value per household, year and stream.
///
/// Streams are named (`population.income`, `income growth`, `shock.illness`, …) and the
/// simulator keys its counter-based generator by the name's hash, so that adding a random
/// element to a scenario never changes the draws of the others, and options share draws.
public struct Draw: Sendable, Equatable {
  /// The distribution and its parameters.
  public var distribution: Distribution
  /// The stream's name.
  public var stream: String

  /// Creates a draw.
  public init(distribution: Distribution, stream: String) {
    self.distribution = distribution
    self.stream = stream
  }
}

/// The distributions the language offers. Every draw is a transformation of one uniform
/// `u` in (0, 1) or one standard normal `z` (the inverse normal CDF of `u`), so that a
/// parameter change moves each household's draw monotonically (common random numbers).
public indirect enum Distribution: Sendable, Equatable {
  /// `mean + sd · z`.
  case normal(mean: ValueExpression, sd: ValueExpression)
  /// `median · exp(sigma · z)`.
  case lognormal(median: ValueExpression, sigma: ValueExpression)
  /// `mean · exp(sigma · z − sigma²/2)`: lognormal with the given arithmetic mean.
  case lognormalByMean(mean: ValueExpression, sigma: ValueExpression)
  /// `min + (max − min) · u`.
  case uniform(min: ValueExpression, max: ValueExpression)
  /// 1 if `u < p`, else 0.
  case bernoulli(p: ValueExpression)
  /// The first value whose cumulative probability exceeds `u`.
  case categorical(values: [Double], probabilities: [Double])

  /// Whether the draw uses a standard normal (else a uniform).
  public var usesNormal: Bool {
    switch self {
    case .normal, .lognormal, .lognormalByMean: return true
    case .uniform, .bernoulli, .categorical: return false
    }
  }
}
