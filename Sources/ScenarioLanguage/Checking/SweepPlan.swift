/// The options a scenario's sweeps add: one per value of one sweep, or one per
/// combination of the values of two (the first sweep varying slowest).
///
/// Each option is the baseline option's overrides plus the swept values, each value
/// checked exactly as an override of its path would be; the options share the baseline's
/// random numbers like every option.
struct SweepPlan {
  /// The swept paths, in the order the sweeps were written.
  private(set) var paths: [String] = []
  /// The expanded sweeps with the file each was written in.
  private var sweeps: [(values: SweepValues, file: String)] = []

  /// Whether the points may be checked: not too many combinations.
  private(set) var isCheckable = true

  /// At most this many sweeps (a grid of two parameters).
  static let maximumSweeps = 2

  /// Expands the sweeps, reporting malformed ones.
  init(_ inputs: [CommandLineSweep], diagnostics: inout DiagnosticList) {
    var seen: Set<String> = []
    for input in inputs {
      let sweep = input.syntax
      guard !seen.contains(sweep.path.value) else {
        diagnostics.append(
          Diagnostic(
            id: "duplicate-setting", message: "`\(sweep.path.value)` is swept twice", file: input.file, range: sweep.path.range,
            hint: "keep one sweep of it; `over (…)` lists any values"))
        continue
      }
      seen.insert(sweep.path.value)
      // Every sweep's values are read (and reported), even past the limit.
      let values = SweepValues(sweep, file: input.file, diagnostics: &diagnostics)
      guard seen.count <= Self.maximumSweeps else {
        diagnostics.append(
          Diagnostic(
            id: "too-many-sweeps", message: "a scenario sweeps at most \(Self.maximumSweeps) parameters", file: input.file,
            range: sweep.range, hint: "sweep one or two parameters; write further variants as options"))
        continue
      }
      // A malformed sweep is left out; the others' values are still checked.
      guard let values else { continue }
      sweeps.append((values, input.file))
      paths.append(sweep.path.value)
    }
    let combinations = sweeps.reduce(1) { $0 * $1.values.values.count }
    if sweeps.count == Self.maximumSweeps, combinations > SweepValues.maximumPoints, let last = inputs.dropFirst().first {
      diagnostics.append(
        Diagnostic(
          id: "sweep-too-large", message: "the two sweeps make \(combinations) combinations, more than \(SweepValues.maximumPoints)", file: last.file,
          range: last.syntax.range, hint: "sweep fewer values"))
      isCheckable = false
    }
  }

  /// The sweep points: one value of each sweep per point, the first sweep varying slowest.
  var points: [[SweepValues.Value]] {
    sweeps.reduce([[]]) { points, sweep in points.flatMap { point in sweep.values.values.map { point + [$0] } } }
  }

  /// Checks every point as an option built on the baseline's overrides and returns the
  /// options (none when any point has errors; the errors are added to `diagnostics`).
  func options(
    syntax: ScenarioSyntax, file: String, baseline: (overrides: [ParameterOverride], texts: [String]), takenNames: Set<String>,
    diagnostics: inout DiagnosticList, relevant: ([Diagnostic]) -> [Diagnostic]
  ) -> [PolicyOption] {
    var options: [PolicyOption] = []
    var names = takenNames
    let locked = ScenarioChecker.lockedPaths.intersection(paths)
    for point in points {
      var overrides = baseline.overrides.filter { !paths.contains($0.path.value) }
      var texts = baseline.texts.filter { text in !paths.contains { text.hasPrefix($0 + " = ") } }
      var labels: [String] = []
      var swept: [String: Double] = [:]
      for (sweep, value) in zip(sweeps, point) {
        let path = sweep.values.path
        overrides.append(
          ParameterOverride(path: path, value: Expression(.number(value.number, unit: value.unit), value.range), file: sweep.file))
        texts.append("\(path.value) = \(value.label)")
        labels.append("\(path.value)=\(value.label)")
        swept[path.value] = value.number
      }
      let name = labels.joined(separator: ", ")
      if names.contains(name), let first = sweeps.first {
        diagnostics.append(
          Diagnostic(
            id: "duplicate-name", message: "the sweep makes an option named `\(name)`, which is already taken", file: first.file,
            range: first.values.path.range, hint: "rename the option written with that name"))
      }
      names.insert(name)
      var checker = OptionChecker(syntax: syntax, file: file, overrides: overrides, lockedPaths: locked)
      let rules = checker.check()
      diagnostics.append(contentsOf: relevant(checker.diagnostics))
      if let rules { options.append(PolicyOption(name: name, overrides: texts, rules: rules, sweptValues: swept)) }
    }
    return diagnostics.hasErrors ? [] : options
  }
}
