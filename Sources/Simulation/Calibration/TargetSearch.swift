/// Finds the least value of a parameter at which a metric meets a target with a stated
/// confidence, by bisection on common random numbers.
///
/// Every evaluation runs the same seed and replication numbers, so the metric's estimate is
/// a deterministic function of the parameter value and bisection is well defined. The search
/// assumes that meeting the target is monotone in the parameter (not met below some value,
/// met above it) and checks it at the two ends only.
///
/// Procedure:
/// 1. evaluate `low` and `high` with `replications`; refuse when the target is already met at
///    `low` or not met at `high`;
/// 2. bisect with `replications` until the bracket is at most 4 × `tolerance` wide;
/// 3. near the answer, re-evaluate the bracket's ends with 2 × `replications` (the first
///    `replications` replications are the same numbers, the rest new); an end whose verdict
///    changes is replaced by the original end of the search, then bisection continues with
///    2 × `replications` until the bracket is at most `tolerance` wide.
///
/// The answer is the bracket's upper end: the least value evaluated that meets the target.
public struct TargetSearch: Sendable {
  /// Which side of the target the metric must be on.
  public enum Direction: Sendable {
    /// The metric's upper confidence bound must be at most the target.
    case atMost
    /// The metric's lower confidence bound must be at least the target.
    case atLeast
  }

  /// One evaluation of the model at a parameter value.
  public struct Evaluation: Sendable, Equatable {
    /// The parameter value.
    public var value: Double
    /// Replications run.
    public var replications: Int
    /// Mean of the metric over replications.
    public var mean: Double
    /// Standard error of that mean.
    public var se: Double
    /// Mean of the cost (cumulative over the years) over replications.
    public var cost: Double
    /// Standard error of the cost's mean.
    public var costSE: Double
    /// The one-sided confidence bound compared with the target (filled by the search).
    public var bound: Double = .nan
    /// Whether the bound meets the target (filled by the search).
    public var meets: Bool = false

    /// Creates an evaluation.
    public init(value: Double, replications: Int, mean: Double, se: Double, cost: Double, costSE: Double) {
      self.value = value
      self.replications = replications
      self.mean = mean
      self.se = se
      self.cost = cost
      self.costSE = costSE
    }
  }

  /// Why no answer was found.
  public enum Refusal: Error, Sendable, Equatable {
    /// The target is already met at the lower end.
    case metAtLow(Evaluation)
    /// The target is not met at the upper end.
    case notMetAtHigh(Evaluation)
  }

  /// The outcome of a search.
  public struct Outcome: Sendable {
    /// The least value found that meets the target (the bracket's upper end).
    public var value: Double
    /// The final bracket: the target is not met at `lower`, met at `value`.
    public var lower: Double
    /// The evaluation at `value` with the final replications.
    public var answer: Evaluation
    /// Every evaluation, in order.
    public var evaluations: [Evaluation]
  }

  /// The target value of the metric.
  public var target: Double
  /// Which side of the target is wanted.
  public var direction: Direction
  /// The normal quantile of the one-sided confidence (1.6449 for 95%).
  public var z: Double
  /// Lower end of the parameter's range.
  public var low: Double
  /// Upper end of the parameter's range.
  public var high: Double
  /// The final bracket width.
  public var tolerance: Double
  /// Replications far from the answer (twice as many near it).
  public var replications: Int

  /// Creates a search.
  public init(target: Double, direction: Direction, z: Double, low: Double, high: Double, tolerance: Double, replications: Int) {
    self.target = target
    self.direction = direction
    self.z = z
    self.low = low
    self.high = high
    self.tolerance = tolerance
    self.replications = replications
  }

  /// Runs the search; `evaluate(value, replications)` runs the model.
  /// - Complexity: about log2((high − low) / tolerance) + 4 evaluations.
  public func run(_ evaluate: (Double, Int) -> Evaluation) throws(Refusal) -> Outcome {
    var evaluations: [Evaluation] = []
    func judge(_ value: Double, _ replications: Int) -> Evaluation {
      var evaluation = evaluate(value, replications)
      switch direction {
      case .atMost:
        evaluation.bound = evaluation.mean + z * evaluation.se
        evaluation.meets = evaluation.bound <= target
      case .atLeast:
        evaluation.bound = evaluation.mean - z * evaluation.se
        evaluation.meets = evaluation.bound >= target
      }
      evaluations.append(evaluation)
      return evaluation
    }
    let atLow = judge(low, replications)
    if atLow.meets { throw .metAtLow(atLow) }
    var atHigh = judge(high, replications)
    if !atHigh.meets { throw .notMetAtHigh(atHigh) }
    var lower = low
    var upper = high
    var count = replications
    func bisect(until width: Double) {
      while upper - lower > width {
        let middle = lower + (upper - lower) / 2
        guard middle > lower && middle < upper else { break }
        let evaluation = judge(middle, count)
        if evaluation.meets {
          upper = middle
          atHigh = evaluation
        } else {
          lower = middle
        }
      }
    }
    bisect(until: 4 * tolerance)
    count = 2 * replications
    atHigh = judge(upper, count)
    if !atHigh.meets {
      lower = upper
      upper = high
      atHigh = judge(upper, count)
      if !atHigh.meets { throw .notMetAtHigh(atHigh) }
    }
    if lower != low && judge(lower, count).meets {
      upper = lower
      lower = low
    }
    bisect(until: tolerance)
    if atHigh.value != upper || atHigh.replications != count { atHigh = judge(upper, count) }
    return Outcome(value: upper, lower: lower, answer: atHigh, evaluations: evaluations)
  }
}
