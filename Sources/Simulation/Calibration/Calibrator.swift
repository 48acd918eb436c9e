import Foundation
import ScenarioLanguage

/// Fits a scenario's free parameters to its calibration targets by the simulated method of
/// moments with common random numbers.
///
/// Objective: Σ weight · ((simulated − observed) / scale)² over the targets, where
/// `simulated` is the baseline option's mean of the metric over the replications. Every
/// evaluation uses the same seed and replications, so the objective is a deterministic
/// function of the parameters.
///
/// Bounds: each free parameter x ∈ [low, high] is searched as an unbounded u with
/// x = low + (high − low) / (1 + e^(−u)) (a logistic transform), so the simplex never leaves
/// the bounds; the search starts at the middle of the bounds (u = 0) with steps of 1 in u,
/// unless a start is given.
public struct Calibrator: Sendable {
  /// The scenario's source.
  public let source: SourceFile
  /// Settings applied before the free parameters (`--set`).
  public let settings: [ParameterOverride]
  /// What to fit.
  public let calibration: Calibration
  /// Applied to every evaluated scenario (replications, seed, households).
  public let adjust: @Sendable (inout Scenario) -> Void
  /// Worker threads.
  public let threads: Int
  /// The simplex's settings.
  public let optimiser: NelderMead

  /// One target's fit.
  public struct TargetFit: Sendable, Equatable {
    /// The target.
    public var target: Calibration.Target
    /// Mean of the metric over replications at the fitted values.
    public var simulated: Double
    /// Its standard error.
    public var se: Double
    /// simulated − observed.
    public var error: Double { simulated - target.observed }
    /// weight · (error / scale)².
    public var contribution: Double { target.weight * (error / target.scale) * (error / target.scale) }
  }

  /// The outcome.
  public struct Fit: Sendable {
    /// The fitted values, one per free parameter in order.
    public var assignments: [ParameterAssignment]
    /// Each target at the fitted values.
    public var targets: [TargetFit]
    /// The objective there.
    public var objective: Double
    /// Simulations run.
    public var evaluations: Int
    /// Whether the simplex met its tolerance.
    public var converged: Bool
  }

  /// Why an evaluation could not be made.
  public struct Failure: Error, Sendable {
    /// The diagnostics of the scenario with the failing values.
    public var diagnostics: [Diagnostic]
    /// The values tried.
    public var assignments: [ParameterAssignment]
  }

  /// Creates a calibrator.
  public init(
    source: SourceFile, settings: [ParameterOverride], calibration: Calibration, threads: Int,
    optimiser: NelderMead = NelderMead(tolerance: 1e-4, maximumEvaluations: 200),
    adjust: @escaping @Sendable (inout Scenario) -> Void = { _ in }
  ) {
    self.source = source
    self.settings = settings
    self.calibration = calibration
    self.threads = threads
    self.optimiser = optimiser
    self.adjust = adjust
  }

  /// Maps the unbounded search coordinates to parameter values.
  public func assignments(_ u: [Double]) -> [ParameterAssignment] {
    zip(calibration.free, u).map { parameter, u in
      ParameterAssignment(path: parameter.path, value: parameter.low + (parameter.high - parameter.low) / (1 + exp(-u)), percent: parameter.isPercent)
    }
  }

  /// The search coordinate of a value inside the bounds.
  public func coordinate(_ value: Double, of parameter: Calibration.FreeParameter) -> Double {
    let t = min(max((value - parameter.low) / (parameter.high - parameter.low), 1e-9), 1 - 1e-9)
    return log(t / (1 - t))
  }

  /// Simulates the baseline with the given values and measures every target.
  public func evaluate(_ assignments: [ParameterAssignment]) throws(Failure) -> [TargetFit] {
    var extra: [ParameterOverride] = []
    var problems: [Diagnostic] = []
    for assignment in assignments {
      let (setting, _, found) = ParameterOverride.parse(commandLine: assignment.settingText)
      problems += found
      if let setting { extra.append(setting) }
    }
    let result = ScenarioChecker.check(source: source, settings: settings + extra)
    guard problems.isEmpty, var scenario = result.scenario else { throw Failure(diagnostics: problems + result.diagnostics, assignments: assignments) }
    scenario.options = [scenario.baseline]
    scenario.baselineIndex = 0
    adjust(&scenario)
    let runner = SimulationRunner(scenario: scenario, threads: threads)
    let results = runner.run()
    return calibration.targets.map { target in
      let metric = runner.catalog.names.firstIndex(of: target.metric)
      let year = target.year - scenario.years.lowerBound
      guard let metric, results.years.indices.contains(year) else { return TargetFit(target: target, simulated: .nan, se: .nan) }
      let statistics = SummaryStatistics(results.samples(option: 0, year: year, metric: metric))
      return TargetFit(target: target, simulated: statistics.mean, se: statistics.se)
    }
  }

  /// Runs the fit from `start` (values, one per free parameter; default: the middles).
  /// - Throws: `Failure` when the scenario does not check with some values.
  public func fit(from start: [Double]? = nil) throws(Failure) -> Fit {
    var failure: Failure?
    var evaluations = 0
    let objective: ([Double]) -> Double = { u in
      guard failure == nil else { return .infinity }
      evaluations += 1
      do throws(Failure) {
        return try self.evaluate(self.assignments(u)).reduce(0) { $0 + $1.contribution }
      } catch {
        failure = error
        return .infinity
      }
    }
    let u0 = start.map { values in zip(values, calibration.free).map { coordinate($0, of: $1) } } ?? [Double](repeating: 0, count: calibration.free.count)
    let result = optimiser.minimise(objective, from: u0, step: [Double](repeating: 1, count: calibration.free.count))
    if let failure { throw failure }
    let fitted = assignments(result.point)
    let targets = try evaluate(fitted)
    return Fit(
      assignments: fitted, targets: targets, objective: targets.reduce(0) { $0 + $1.contribution }, evaluations: evaluations + 1,
      converged: result.converged)
  }
}
