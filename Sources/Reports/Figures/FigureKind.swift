/// The kinds of figure `policysim plot` draws.
public enum FigureKind: String, Sendable, CaseIterable {
  /// Per option over the years: the median with p25–p75 and p05–p95 bands across replications.
  case fan
  /// Options side by side in one year: the mean with its 95% confidence interval.
  case bars
  /// Each option minus the baseline over the years, with the 95% interval of the paired difference.
  case difference
  /// The metric in one year against the value of a swept parameter.
  case sweep
}
