import Foundation
import Reports
import ScenarioLanguage
import Simulation

/// `policysim calibrate FILE`: fits the scenario's free parameters to its calibration targets
/// (simulated method of moments, common random numbers, Nelder–Mead; see `Calibrator`).
enum CalibrateCommand {
  static let specification = ArgumentList.Specification(
    command: "calibrate", valued: ["--replications", "--seed", "--households", "--threads", "--set", "--max-evaluations", "--out"],
    flags: ["--quiet", "--force"], positionalCount: 1...1)

  /// The columns of `calibration.csv`.
  static let header = ["metric", "year", "observed", "simulated", "se", "error", "relative_error", "weight", "scale", "contribution"]

  static func main(_ arguments: [String], commandLine: [String], output: inout TerminalOutput) throws(UsageError) -> Int32 {
    let list = try ArgumentList(arguments, specification)
    let replications = try list.integer("--replications", in: 1...10_000_000, command: "calibrate")
    let seed = try list.integer("--seed", in: 0...Int.max, command: "calibrate")
    let households = try list.integer("--households", in: 1...100_000_000, command: "calibrate")
    let threads = try list.integer("--threads", in: 1...1024, command: "calibrate") ?? ProcessInfo.processInfo.activeProcessorCount
    let maximumEvaluations = try list.integer("--max-evaluations", in: 1...100_000, command: "calibrate") ?? 200
    let quiet = list.flags.contains("--quiet")
    let path = list.positional[0]

    let input: ScenarioInput
    do {
      input = try ScenarioInput(path: path, settings: list.values["--set"] ?? [])
    } catch {
      output.error(error.message)
      return ExitCode.inputError
    }
    let result = input.check(reportingTo: &output)
    guard let scenario = result.scenario else { return ExitCode.inputError }
    guard let calibration = scenario.calibration else {
      output.error("\(path): error: the scenario has no `calibrate { … }` block")
      output.error("  = hint: declare targets and free parameters, e.g. `calibrate { target incidence 2013 = 9.21%  free growth.mean between 0% and 15% }`")
      return ExitCode.inputError
    }
    let catalog = SimulationRunner(scenario: scenario, threads: 1).catalog
    let unknown = calibration.targets.filter { !catalog.names.contains($0.metric) }.map { target in
      Diagnostic(
        id: "unknown-metric", message: "there is no metric `\(target.metric)`", file: path, range: target.metricRange,
        hint: NameSuggestion.closest(to: target.metric, among: catalog.names).map { "did you mean `\($0)`?" } ?? "see docs/outputs.md § Metrics")
    }
    if !unknown.isEmpty {
      output.error(input.render(unknown), newline: false)
      return ExitCode.inputError
    }
    let folder = list.value("--out") ?? "results/" + ((path as NSString).lastPathComponent as NSString).deletingPathExtension + "-calibration"
    if let problem = OutputFolderCheck.problem(with: folder, force: list.flags.contains("--force")) {
      output.error("error: \(problem)")
      return ExitCode.inputError
    }

    let calibrator = Calibrator(
      source: input.source, settings: input.settings, calibration: calibration, threads: threads,
      optimiser: NelderMead(tolerance: 1e-4, maximumEvaluations: maximumEvaluations),
      adjust: { scenario in
        if let replications { scenario.replications = replications }
        if let seed { scenario.seed = UInt64(seed) }
        if let households { scenario.households = households }
      })
    let started = Date()
    let fit: Calibrator.Fit
    do throws(Calibrator.Failure) {
      fit = try calibrator.fit()
    } catch {
      let files = error.assignments.map { ParameterOverride.parse(commandLine: $0.settingText).1 }
      output.error(DiagnosticRenderer(sources: input.sources + files).render(error.diagnostics), newline: false)
      output.error("  (with \(error.assignments.map(\.settingText).joined(separator: ", ")))")
      return ExitCode.inputError
    }
    let finished = Date()
    let usedReplications = replications ?? scenario.replications
    let usedSeed = seed.map(UInt64.init) ?? scenario.seed
    let usedHouseholds = households ?? scenario.households

    var table = CSVTable(header: header)
    for target in fit.targets {
      table.append(
        [target.target.metric, String(target.target.year)]
          + [
            target.target.observed, target.simulated, target.se, target.error, target.target.observed == 0 ? .nan : target.error / target.target.observed,
            target.target.weight, target.target.scale, target.contribution,
          ].map(CSVNumber.format))
    }
    let overlay =
      "# Fitted by policysim calibrate \(path) (sha256 \(SHA256.hexDigest(input.bytes)))\n"
      + "# seed \(usedSeed), \(usedReplications) replications, \(usedHouseholds) households; objective \(CSVNumber.format(fit.objective)) after \(fit.evaluations) simulations\(fit.converged ? "" : " (not converged)")\n"
      + "# Apply with: policysim run \(path) --overlay fitted.overlay\n"
      + fit.assignments.map { "\($0.path) = \($0.valueText)\n" }.joined()
    var manifest = RunManifest(
      toolVersion: ToolVersion.current, scenario: scenario.name, scenarioFile: path, scenarioSHA256: SHA256.hexDigest(input.bytes), seed: usedSeed,
      replications: usedReplications, households: usedHouseholds, firstYear: scenario.years.lowerBound, lastYear: scenario.years.upperBound,
      options: [RunManifest.Option(name: scenario.baseline.name, overrides: scenario.baseline.overrides)], baseline: scenario.baseline.name,
      settings: list.values["--set"] ?? [], commandLine: commandLine, started: RunManifest.timestamp(started), finished: RunManifest.timestamp(finished),
      threads: threads, files: ["calibration.csv", "fitted.overlay", "manifest.json"])
    manifest.search = [
      "kind": "calibrate", "objective": CSVNumber.format(fit.objective), "evaluations": String(fit.evaluations), "converged": fit.converged ? "yes" : "no",
      "free": calibration.free.map {
        "\($0.path) in [\(ParameterAssignment(path: $0.path, value: $0.low, percent: $0.isPercent).valueText), \(ParameterAssignment(path: $0.path, value: $0.high, percent: $0.isPercent).valueText)]"
      }.joined(separator: "; "),
      "fitted": fit.assignments.map { "\($0.path) = \($0.valueText)" }.joined(separator: "; "),
    ]
    let written: [String]
    do throws(OutputError) {
      written = try AtomicFile.write(
        [("calibration.csv", table.rendered()), ("fitted.overlay", overlay), ("manifest.json", manifest.json())], into: folder)
    } catch {
      output.error("error: \(error.description)")
      return ExitCode.cannotCreate
    }
    if !quiet {
      output.print(
        "\"\(scenario.name)\": \(fit.evaluations) simulations of \(usedReplications) replications × \(usedHouseholds) households, objective \(String(format: "%.6g", fit.objective))\(fit.converged ? "" : " (stopped at --max-evaluations before converging)")"
      )
      output.print("")
      var rows = [["target", "observed", "simulated", "error"]]
      for target in fit.targets {
        let format: (Double) -> String = { target.target.metric == "incidence" ? String(format: "%.2f%%", $0 * 100) : String(format: "%.6g", $0) }
        rows.append(["\(target.target.metric) \(target.target.year)", format(target.target.observed), format(target.simulated), format(target.error)])
      }
      output.print(TextTable.render(rows))
      output.print("Fitted:")
      for (assignment, parameter) in zip(fit.assignments, calibration.free) {
        let low = ParameterAssignment(path: parameter.path, value: parameter.low, percent: parameter.isPercent).valueText
        let high = ParameterAssignment(path: parameter.path, value: parameter.high, percent: parameter.isPercent).valueText
        output.print("  \(assignment.path) = \(assignment.valueText)   (bounds \(low) to \(high))")
      }
      output.print("Wrote \(written.joined(separator: ", "))")
    }
    return ExitCode.success
  }
}
