/// Exit from the registry, the transition window after exit and the monitoring of
/// households at risk (`exit { … }`, `transition { … }`, `monitoring { … }`).
///
/// When a scenario has an `exit` block the registry is persistent: a registered household
/// stays registered until the exit rule has held for `exitFor` consecutive years; other
/// households enter through identification or, when monitored, through monitoring
/// (docs/model.md § Exit, transition and monitoring).
public struct TransitionRule: Sendable, Equatable {
  /// Years in which exits can happen.
  public var exitYears: ClosedRange<Int>
  /// The exit rule, a condition checked at the end of the year (after measurement).
  public var exitWhen: ValueExpression
  /// Consecutive years the rule must hold before the household exits.
  public var exitFor: Int
  /// The transition window and what exited households keep, if a `transition` block exists.
  public var window: Window?
  /// The monitoring of households at risk, if a `monitoring` block exists.
  public var monitoring: Monitoring?

  /// What exited households keep during the transition window.
  public struct Window: Sendable, Equatable {
    /// Years in which exited households keep the listed support.
    public var years: ClosedRange<Int>
    /// Indices (into `ModelRules.programmes`) of the programmes and transfers kept.
    public var kept: [Int]
    /// Share of the kept support still paid (1 = all, 0 = cut), per household and year.
    public var share: ValueExpression
    /// Creates a window.
    public init(years: ClosedRange<Int>, kept: [Int], share: ValueExpression) {
      self.years = years
      self.kept = kept
      self.share = share
    }
  }

  /// Which households are monitored and how those that fall below the line are found.
  public struct Monitoring: Sendable, Equatable {
    /// Non-registered households with pre-transfer per-capita income below this are
    /// monitored (yuan per person).
    public var marginalBelow: ValueExpression
    /// Whether (for which) exited households are monitored.
    public var exited: ValueExpression
    /// Probability that a monitored household below the line is found in a year.
    public var detect: ValueExpression
    /// Years between being found and being in the registry used (0: next year's registry).
    public var delay: Int
    /// The stream of the detection draw.
    public var stream: String
    /// Years in which households are monitored (at the end of the year).
    public var years: ClosedRange<Int>
    /// Creates monitoring rules.
    public init(
      marginalBelow: ValueExpression, exited: ValueExpression, detect: ValueExpression, delay: Int, stream: String, years: ClosedRange<Int>
    ) {
      self.years = years
      self.marginalBelow = marginalBelow
      self.exited = exited
      self.detect = detect
      self.delay = delay
      self.stream = stream
    }
  }

  /// Creates rules.
  public init(exitYears: ClosedRange<Int>, exitWhen: ValueExpression, exitFor: Int, window: Window?, monitoring: Monitoring?) {
    self.exitYears = exitYears
    self.exitWhen = exitWhen
    self.exitFor = exitFor
    self.window = window
    self.monitoring = monitoring
  }
}
