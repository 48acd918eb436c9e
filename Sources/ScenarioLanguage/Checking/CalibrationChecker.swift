/// Checks a scenario's `calibrate { … }` block: target years inside the simulated years,
/// positive weights and scales, known and overridable parameter paths, bounds in order and
/// in one unit. Metric names are checked by `policysim calibrate`, which knows the metric
/// catalogue.
enum CalibrationChecker {
  /// Paths a calibration cannot move (they set the run's size and random numbers).
  static let lockedPaths: Set<String> = ["replications", "seed", "population.households"]

  /// The checked calibration, nil when the scenario has no `calibrate` block or it has errors.
  static func check(
    _ blocks: [CalibrationSyntax], file: String, years: ClosedRange<Int>, parameterPaths: [String], diagnostics: inout DiagnosticList
  ) -> Calibration? {
    guard let block = blocks.first else { return nil }
    var problems: [Diagnostic] = []
    func error(_ id: String, _ message: String, _ range: SourceRange, hint: String?) {
      problems.append(Diagnostic(id: id, message: message, file: file, range: range, hint: hint))
    }
    for extra in blocks.dropFirst() {
      error(
        "duplicate-calibration", "the scenario has more than one `calibrate` block", SourceRange(start: extra.range.start, end: extra.range.start + 9),
        hint: "put every target and free parameter in one block")
    }
    if block.targets.isEmpty {
      error(
        "empty-calibration", "the calibration has no `target`", SourceRange(start: block.range.start, end: block.range.start + 9),
        hint: "e.g. `target incidence 2013 = 9.21%`")
    }
    if block.free.isEmpty {
      error(
        "empty-calibration", "the calibration has no `free` parameter", SourceRange(start: block.range.start, end: block.range.start + 9),
        hint: "e.g. `free growth.mean between 0% and 15%`")
    }
    var targets: [Calibration.Target] = []
    var seenTargets: Set<String> = []
    for target in block.targets {
      if !years.contains(target.year.value) {
        error(
          "year-out-of-range", "\(target.year.value) is not a simulated year", target.year.range,
          hint: "the scenario simulates \(years.lowerBound) to \(years.upperBound)")
      }
      if !seenTargets.insert("\(target.metric.value) \(target.year.value)").inserted {
        error("duplicate-target", "`\(target.metric.value)` in \(target.year.value) is targeted twice", target.metric.range, hint: "keep one")
      }
      let weight = target.weight?.value ?? 1
      if let written = target.weight, !(weight > 0 && weight.isFinite) {
        error("non-positive-weight", "a weight must be positive", written.range, hint: nil)
      }
      let scale = target.scale?.value ?? (target.observed.value == 0 ? 1 : abs(target.observed.value))
      if let written = target.scale, !(scale > 0 && scale.isFinite) {
        error("non-positive-scale", "a scale must be positive", written.range, hint: "the error is divided by it")
      }
      targets.append(
        Calibration.Target(
          metric: target.metric.value, year: target.year.value, observed: target.observed.value, weight: weight, scale: scale,
          metricRange: target.metric.range))
    }
    var free: [Calibration.FreeParameter] = []
    var seenPaths: Set<String> = []
    for parameter in block.free {
      let path = parameter.path.value
      if lockedPaths.contains(path) {
        error("override-not-allowed", "`\(path)` cannot be calibrated", parameter.path.range, hint: "it sets the run's size or random numbers")
      } else if !parameterPaths.contains(path) {
        let suggestion = NameSuggestion.closest(to: path, among: parameterPaths).map { "did you mean `\($0)`?" }
        error("unknown-parameter", "there is no parameter `\(path)`", parameter.path.range, hint: suggestion ?? "see `policysim check FILE --parameters`")
      }
      if !seenPaths.insert(path).inserted {
        error("duplicate-free", "`\(path)` is free twice", parameter.path.range, hint: "keep one")
      }
      if parameter.low.isPercent != parameter.high.isPercent {
        error(
          "mixed-units", "one bound is in percent and the other is not", parameter.low.range.union(parameter.high.range),
          hint: "write both with `%` or neither")
      }
      if !(parameter.low.value < parameter.high.value) {
        error(
          "bounds-reversed", "the lower bound must be less than the upper bound", parameter.low.range.union(parameter.high.range),
          hint: "write `between` the smaller `and` the larger value")
      }
      free.append(Calibration.FreeParameter(path: path, low: parameter.low.value, high: parameter.high.value, isPercent: parameter.low.isPercent))
    }
    diagnostics.append(contentsOf: problems)
    return problems.isEmpty ? Calibration(targets: targets, free: free, file: file) : nil
  }
}
