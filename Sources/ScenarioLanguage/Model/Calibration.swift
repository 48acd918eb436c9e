/// A scenario's checked `calibrate { … }` block: observed targets and the free parameters
/// `policysim calibrate` fits to them.
public struct Calibration: Sendable, Equatable {
  /// An observed fact: a metric's value in a year.
  public struct Target: Sendable, Equatable {
    /// Metric name (as in the CSV `metric` column).
    public var metric: String
    /// Calendar year.
    public var year: Int
    /// Observed value (a fraction when written with `%`).
    public var observed: Double
    /// Weight in the objective.
    public var weight: Double
    /// The error's scale: the objective adds weight × ((simulated − observed) / scale)².
    public var scale: Double
    /// Where the metric's name was written, for diagnostics found later.
    public var metricRange: SourceRange

    /// Creates a target.
    public init(metric: String, year: Int, observed: Double, weight: Double, scale: Double, metricRange: SourceRange) {
      self.metric = metric
      self.year = year
      self.observed = observed
      self.weight = weight
      self.scale = scale
      self.metricRange = metricRange
    }
  }

  /// A parameter the fit may move, within bounds.
  public struct FreeParameter: Sendable, Equatable {
    /// The parameter path, as for `--set`.
    public var path: String
    /// Lower bound (a fraction when written with `%`).
    public var low: Double
    /// Upper bound.
    public var high: Double
    /// Whether the bounds were written in percent (values are then written back with `%`).
    public var isPercent: Bool

    /// Creates a free parameter.
    public init(path: String, low: Double, high: Double, isPercent: Bool) {
      self.path = path
      self.low = low
      self.high = high
      self.isPercent = isPercent
    }
  }

  /// Targets, in the order written.
  public var targets: [Target]
  /// Free parameters, in the order written.
  public var free: [FreeParameter]
  /// The file the block was written in.
  public var file: String

  /// Creates a calibration.
  public init(targets: [Target], free: [FreeParameter], file: String) {
    self.targets = targets
    self.free = free
    self.file = file
  }
}
