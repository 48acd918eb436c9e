/// `calibrate { target … free … }`: observed facts the model should reproduce and the
/// parameters `policysim calibrate` may move to reproduce them.
///
/// ```
/// calibrate {
///   target incidence 2013 = 9.21%
///   target mean_income 2014 = 8100 weight 2 scale 500
///   free growth.mean between 0% and 15%
/// }
/// ```
public struct CalibrationSyntax: Sendable, Equatable {
  /// The `target` lines, in order.
  public var targets: [CalibrationTargetSyntax]
  /// The `free` lines, in order.
  public var free: [FreeParameterSyntax]
  /// The whole block.
  public var range: SourceRange

  /// Creates a block.
  public init(targets: [CalibrationTargetSyntax], free: [FreeParameterSyntax], range: SourceRange) {
    self.targets = targets
    self.free = free
    self.range = range
  }
}

/// A number written in a calibration block, with whether it had a `%` (then `value` is
/// the fraction: `9.21%` is 0.0921).
public struct CalibrationNumberSyntax: Sendable, Equatable {
  /// The value (a fraction when written with `%`).
  public var value: Double
  /// Whether it was written with `%`.
  public var isPercent: Bool
  /// Where it was written.
  public var range: SourceRange

  /// Creates a number.
  public init(value: Double, isPercent: Bool, range: SourceRange) {
    self.value = value
    self.isPercent = isPercent
    self.range = range
  }
}

/// `target METRIC YEAR = VALUE [weight W] [scale S]`.
public struct CalibrationTargetSyntax: Sendable, Equatable {
  /// The metric's name (checked against the metric catalogue by the command).
  public var metric: Located<String>
  /// The year observed.
  public var year: Located<Int>
  /// The observed value.
  public var observed: CalibrationNumberSyntax
  /// The weight in the objective (default 1).
  public var weight: CalibrationNumberSyntax?
  /// The scale dividing the error (default: |observed|).
  public var scale: CalibrationNumberSyntax?
  /// The whole line.
  public var range: SourceRange

  /// Creates a target.
  public init(
    metric: Located<String>, year: Located<Int>, observed: CalibrationNumberSyntax, weight: CalibrationNumberSyntax?, scale: CalibrationNumberSyntax?,
    range: SourceRange
  ) {
    self.metric = metric
    self.year = year
    self.observed = observed
    self.weight = weight
    self.scale = scale
    self.range = range
  }
}

/// `free PATH between LOW and HIGH`.
public struct FreeParameterSyntax: Sendable, Equatable {
  /// The parameter path.
  public var path: Located<String>
  /// The lower bound.
  public var low: CalibrationNumberSyntax
  /// The upper bound.
  public var high: CalibrationNumberSyntax
  /// The whole line.
  public var range: SourceRange

  /// Creates a free parameter.
  public init(path: Located<String>, low: CalibrationNumberSyntax, high: CalibrationNumberSyntax, range: SourceRange) {
    self.path = path
    self.low = low
    self.high = high
    self.range = range
  }
}
