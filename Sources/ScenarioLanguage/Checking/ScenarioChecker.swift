/// The front end in one call: source text → tokens → syntax tree → checked `Scenario`.
public enum ScenarioChecker {
  /// The outcome of checking: the scenario when it can be simulated, and every diagnostic.
  public struct Result: Sendable {
    /// The checked scenario, nil when there were errors.
    public var scenario: Scenario?
    /// Every problem found, sorted by position.
    public var diagnostics: [Diagnostic]
    /// Every parameter path an option or `--set` may override, in the order met.
    public var parameterPaths: [String]
  }

  /// Checks a scenario, applying command-line overrides (`--set`) to it as if edited into
  /// the file; each option's own overrides then apply on top. Command-line sweeps
  /// (`--sweep`), when given, replace the file's `sweep` statements.
  ///
  /// A household file named by `population from "…"` is read from `dataDirectory`, by
  /// default the folder of `source.path`.
  public static func check(source: SourceFile, settings: [ParameterOverride] = [], sweeps: [CommandLineSweep]? = nil, dataDirectory: String? = nil) -> Result {
    var parser = Parser(source: source)
    let syntax = parser.parseScenario()
    var diagnostics = DiagnosticList()
    diagnostics.append(contentsOf: parser.diagnostics)
    guard let syntax else { return Result(scenario: nil, diagnostics: diagnostics.sorted, parameterPaths: []) }
    return check(syntax: syntax, source: source, settings: settings, sweeps: sweeps, syntaxDiagnostics: diagnostics, dataDirectory: dataDirectory)
  }

  /// Checks an already parsed scenario.
  public static func check(
    syntax: ScenarioSyntax, source: SourceFile, settings: [ParameterOverride], sweeps: [CommandLineSweep]? = nil,
    syntaxDiagnostics: DiagnosticList = DiagnosticList(), dataDirectory: String? = nil
  ) -> Result {
    var diagnostics = syntaxDiagnostics
    var syntax = syntax
    syntax.readHouseholdFiles(
      directory: dataDirectory ?? HouseholdFile.directory(ofScenario: source.path), scenarioFile: source.path, diagnostics: &diagnostics)
    // Every option is checked as the model with its overrides applied; the model's checker
    // never reads `option` or `sweep` statements, so it is given a tree without them (with
    // thousands of options, copying them into every option's check was quadratic).
    var model = syntax
    model.items = syntax.items.filter { item in
      switch item {
      case .option, .sweep: return false
      default: return true
      }
    }
    var resumed = ResumedOptionChecks(base: OptionChecker(syntax: model, file: source.path, overrides: settings))
    let (base, baseRules) = resumed.checkBase()
    // After a syntax error, "X is missing" is usually the same error seen again.
    let hadSyntaxErrors = syntaxDiagnostics.hasErrors
    func relevant(_ list: [Diagnostic]) -> [Diagnostic] {
      hadSyntaxErrors ? list.filter { $0.id != "missing-setting" && $0.id != "missing-attribute" } : list
    }
    diagnostics.append(contentsOf: relevant(base.diagnostics))

    // Options.
    var optionSyntaxes: [OptionSyntax] = []
    for item in syntax.items { if case .option(let option) = item { optionSyntaxes.append(option) } }
    var names: Set<String> = []
    names.reserveCapacity(optionSyntaxes.count + 1)
    var baselineIndex: Int?
    for (index, option) in optionSyntaxes.enumerated() {
      if names.contains(option.name.value) {
        diagnostics.append(
          Diagnostic(
            id: "duplicate-name", message: "option `\(option.name.value)` is defined twice", file: source.path,
            range: option.name.range, hint: "give each option its own name"))
      }
      names.insert(option.name.value)
      if option.isBaseline {
        if baselineIndex != nil {
          diagnostics.append(
            Diagnostic(
              id: "duplicate-baseline", message: "more than one option is marked `baseline`", file: source.path,
              range: option.name.range, hint: "mark one option as the baseline; without a mark the first option is the baseline"))
        }
        baselineIndex = baselineIndex ?? index
      }
    }
    var options: [PolicyOption] = []
    options.reserveCapacity(optionSyntaxes.count)
    var baselineOverrides = settings
    var baselineTexts: [String] = []
    // Each option's overrides (the file's `--set`s first, then its own), then every option
    // checked, in parallel when there are many, merged in the order written.
    var duplicates: [[Diagnostic]] = []
    var checks: [ResumedOptionChecks.Option] = []
    checks.reserveCapacity(optionSyntaxes.count)
    for option in optionSyntaxes {
      var seen: Set<String> = []
      var found: [Diagnostic] = []
      var overrides = settings.filter { setting in !option.overrides.contains { $0.path.value == setting.path.value } }
      for written in option.overrides {
        if seen.contains(written.path.value) {
          found.append(
            Diagnostic(
              id: "duplicate-setting", message: "`\(written.path.value)` is set twice in option `\(option.name.value)`",
              file: source.path, range: written.path.range, hint: "keep one"))
        }
        seen.insert(written.path.value)
        overrides.append(ParameterOverride(path: written.path, value: written.value, file: source.path))
      }
      // Only the option's own overrides are refused: `--set seed=7` applies to every option.
      var lockedHere: Set<String> = []
      for path in seen where lockedPaths.contains(path) { lockedHere.insert(path) }
      duplicates.append(found)
      checks.append(ResumedOptionChecks.Option(overrides: overrides, lockedPaths: lockedHere, writtenPaths: seen))
    }
    // Each option carries on from the base check where its own overrides start to matter.
    var checked = resumed.run(checks)
    for (index, option) in optionSyntaxes.enumerated() {
      diagnostics.append(contentsOf: duplicates[index])
      // Moved out rather than copied: thousands of rules.
      let rules = checked[index].0.take()
      diagnostics.append(contentsOf: relevant(checked[index].1))
      let texts = option.overrides.map { "\($0.path.value) = \(source.text(in: $0.value.range))" }
      if index == (baselineIndex ?? 0) {
        baselineOverrides = checks[index].overrides
        baselineTexts = texts
      }
      if let rules {
        options.append(PolicyOption(name: option.name.value, overrides: texts, rules: rules))
      }
    }
    if optionSyntaxes.isEmpty, let baseRules {
      options = [PolicyOption(name: "baseline", overrides: [], rules: baseRules)]
      names.insert("baseline")
    }

    // Sweeps: one option per point, the baseline's overrides plus the swept values.
    let sweepInputs =
      sweeps
      ?? syntax.items.compactMap { item -> CommandLineSweep? in
        if case .sweep(let sweep) = item { return CommandLineSweep(syntax: sweep, file: source.path) }
        return nil
      }
    let sweepPlan = SweepPlan(sweepInputs, diagnostics: &diagnostics)
    if sweepPlan.isCheckable && !sweepPlan.paths.isEmpty {
      options += sweepPlan.options(
        syntax: model, file: source.path, baseline: (baselineOverrides, baselineTexts), takenNames: names, diagnostics: &diagnostics,
        relevant: relevant)
    }
    let calibration = CalibrationChecker.check(
      syntax.calibrations, file: source.path, years: min(base.firstYear, base.lastYear)...max(base.firstYear, base.lastYear),
      parameterPaths: base.parameterPaths, diagnostics: &diagnostics)
    // Every option reads the same household file: keep one copy of its columns.
    if let shared = baseRules?.microdata {
      for index in options.indices where options[index].rules.microdata == shared { options[index].rules.microdata = shared }
    }
    guard !diagnostics.hasErrors, baseRules != nil else {
      return Result(scenario: nil, diagnostics: diagnostics.sorted, parameterPaths: base.parameterPaths)
    }
    var scenario = Scenario(
      name: syntax.name.value, years: base.firstYear...base.lastYear, replications: base.replications, seed: base.seed,
      households: base.households, options: options, baselineIndex: baselineIndex ?? 0, sweptParameters: sweepPlan.paths,
      discountRate: base.discountRate)
    scenario.calibration = calibration
    return Result(scenario: scenario, diagnostics: diagnostics.sorted, parameterPaths: base.parameterPaths)
  }

  /// Settings shared by every option: refused inside an option or as a swept path.
  static let lockedPaths: Set<String> = ["replications", "seed", "population.households", "population.bootstrap", "discount"]
}
