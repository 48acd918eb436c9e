import Simulation

/// A ratio of two means across paired replications (e.g. extra cost ÷ people lifted out of
/// poverty), with a delta-method standard error and 95% interval.
///
/// Estimate: R = mean(x) / mean(y). Standard error (first-order delta method, the usual
/// linearisation of a ratio estimator): se = sd(x − R·y) / (√n · |mean(y)|), from the
/// per-replication residuals xᵢ − R·yᵢ. The interval is R ± 1.96·se.
///
/// The ratio is only reported when the denominator is distinguishably positive (its own
/// 95% interval lies above 0); otherwise a ratio is unstable or meaningless (dividing by
/// about 0, or "cost per person lifted" when nobody is lifted) and `isDefined` is false.
public struct RatioEstimate: Sendable, Equatable {
  /// The ratio of the means, or NaN when not defined.
  public let ratio: Double
  /// Its standard error, or NaN when not defined.
  public let se: Double
  /// Whether the denominator's 95% interval lies above zero.
  public let isDefined: Bool

  /// Estimates mean(numerator) / mean(denominator) from paired samples of equal length.
  public init(numerator: [Double], denominator: [Double]) {
    let bottom = SummaryStatistics(denominator)
    let top = SummaryStatistics(numerator)
    guard bottom.count > 0, bottom.mean - ComparisonTable.z95 * bottom.se > 0, top.mean.isFinite else {
      ratio = .nan
      se = .nan
      isDefined = false
      return
    }
    let estimate = top.mean / bottom.mean
    let residuals = zip(numerator, denominator).map { $0 - estimate * $1 }
    ratio = estimate
    se = SummaryStatistics(residuals).sd / (Double(bottom.count).squareRoot() * abs(bottom.mean))
    isDefined = true
  }

  /// Lower end of the 95% interval.
  public var low: Double { ratio - ComparisonTable.z95 * se }
  /// Upper end of the 95% interval.
  public var high: Double { ratio + ComparisonTable.z95 * se }
}
