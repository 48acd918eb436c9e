import Foundation
import Reports
import ScenarioLanguage
import Simulation

/// `policysim target FILE`: the least value of a parameter at which a metric meets a target
/// with a stated confidence (bisection on common random numbers, see `TargetSearch`).
enum TargetCommand {
  static let specification = ArgumentList.Specification(
    command: "target",
    valued: [
      "--parameter", "--metric", "--year", "--at-most", "--at-least", "--low", "--high", "--confidence", "--replications", "--tolerance",
      "--seed", "--households", "--threads", "--set", "--out",
    ], flags: ["--quiet", "--force"], positionalCount: 1...1)

  /// The columns of `target.csv`.
  static let header = [
    "evaluation", "parameter", "value", "replications", "metric", "year", "mean", "se", "bound", "target", "meets", "cost_total_mean",
    "cost_total_se", "answer",
  ]

  static func main(_ arguments: [String], commandLine: [String], output: inout TerminalOutput) throws(UsageError) -> Int32 {
    let list = try ArgumentList(arguments, specification)
    func usage(_ message: String) -> UsageError { UsageError(message: message, command: "target") }
    guard let parameter = list.value("--parameter") else { throw usage("missing '--parameter <path>'") }
    guard let metricName = list.value("--metric") else { throw usage("missing '--metric <name>'") }
    let atMost = list.value("--at-most")
    let atLeast = list.value("--at-least")
    guard (atMost == nil) != (atLeast == nil) else { throw usage("give exactly one of '--at-most <value>' and '--at-least <value>'") }
    guard let targetText = atMost ?? atLeast, let target = ParameterAssignment.parseNumber(targetText) else {
      throw usage("'\(atMost != nil ? "--at-most" : "--at-least")' expects a number such as 3% or 0.03, not '\(atMost ?? atLeast ?? "")'")
    }
    guard let highText = list.value("--high") else { throw usage("missing '--high <value>': the upper end of the parameter's range") }
    guard let high = ParameterAssignment.parseNumber(highText) else { throw usage("'--high' expects a number, not '\(highText)'") }
    let lowText = list.value("--low") ?? (high.percent ? "0%" : "0")
    guard let low = ParameterAssignment.parseNumber(lowText) else { throw usage("'--low' expects a number, not '\(lowText)'") }
    guard low.value < high.value else { throw usage("'--low' (\(lowText)) must be less than '--high' (\(highText))") }
    let confidenceText = list.value("--confidence") ?? "95%"
    guard let confidence = ParameterAssignment.parseNumber(confidenceText), confidence.value >= 0.5, confidence.value < 1 else {
      throw usage("'--confidence' expects a level from 50% to 99.99%, not '\(confidenceText)'")
    }
    var tolerance = (high.value - low.value) / 100
    if let text = list.value("--tolerance") {
      guard let parsed = ParameterAssignment.parseNumber(text), parsed.value > 0 else { throw usage("'--tolerance' expects a positive number, not '\(text)'") }
      tolerance = parsed.value
    }
    let replications = try list.integer("--replications", in: 2...10_000_000, command: "target")
    let seed = try list.integer("--seed", in: 0...Int.max, command: "target")
    let households = try list.integer("--households", in: 1...100_000_000, command: "target")
    let threads = try list.integer("--threads", in: 1...1024, command: "target") ?? ProcessInfo.processInfo.activeProcessorCount
    let year = try list.integer("--year", in: 0...9999, command: "target")
    let quiet = list.flags.contains("--quiet")
    let path = list.positional[0]
    let percent = high.percent || low.percent

    let input: ScenarioInput
    do {
      input = try ScenarioInput(path: path, settings: list.values["--set"] ?? [])
    } catch {
      output.error(error.message)
      return ExitCode.inputError
    }
    // Check once at the lower end: unknown paths and units are reported here.
    let (checked, diagnostics, files) = input.check(with: [ParameterAssignment(path: parameter, value: low.value, percent: percent)])
    if !diagnostics.isEmpty { output.error(DiagnosticRenderer(sources: files).render(diagnostics), newline: false) }
    guard let first = checked else { return ExitCode.inputError }
    let catalog = SimulationRunner(scenario: first, threads: 1).catalog
    guard let metric = catalog.names.firstIndex(of: metricName) else {
      let suggestion = NameSuggestion.closest(to: metricName, among: catalog.names).map { " (did you mean '\($0)'?)" } ?? ""
      throw usage("no metric '\(metricName)' in this scenario\(suggestion)")
    }
    guard let cost = catalog.names.firstIndex(of: "cost_total") else { return ExitCode.internalError }
    let targetYear = year ?? first.years.upperBound
    guard first.years.contains(targetYear) else {
      throw usage("'--year' must be a simulated year, \(first.years.lowerBound) to \(first.years.upperBound), not \(targetYear)")
    }
    let folder = list.value("--out") ?? "results/" + ((path as NSString).lastPathComponent as NSString).deletingPathExtension + "-target"
    if let problem = OutputFolderCheck.problem(with: folder, force: list.flags.contains("--force")) {
      output.error("error: \(problem)")
      return ExitCode.inputError
    }

    let baseReplications = replications ?? first.replications
    let search = TargetSearch(
      target: target.value, direction: atMost != nil ? .atMost : .atLeast, z: InverseNormal.quantile(confidence.value), low: low.value,
      high: high.value, tolerance: tolerance, replications: baseReplications)
    var failure: [Diagnostic] = []
    let started = Date()
    let evaluate: (Double, Int) -> TargetSearch.Evaluation = { value, count in
      let (variant, problems, _) = input.check(with: [ParameterAssignment(path: parameter, value: value, percent: percent)])
      guard var scenario = variant else {
        failure = problems
        return TargetSearch.Evaluation(value: value, replications: count, mean: .nan, se: .nan, cost: .nan, costSE: .nan)
      }
      scenario.options = [scenario.baseline]
      scenario.baselineIndex = 0
      scenario.replications = count
      if let seed { scenario.seed = UInt64(seed) }
      if let households { scenario.households = households }
      let results = SimulationRunner(scenario: scenario, threads: threads).run()
      let yearIndex = targetYear - scenario.years.lowerBound
      let values = SummaryStatistics(results.samples(option: 0, year: yearIndex, metric: metric))
      let totals = results.replications.map { replication in
        results.years.indices.reduce(0.0) { $0 + results.value(replication: replication, option: 0, year: $1, metric: cost) }
      }
      let costs = SummaryStatistics(totals)
      return TargetSearch.Evaluation(value: value, replications: count, mean: values.mean, se: values.se, cost: costs.mean, costSE: costs.se)
    }
    let comparison = atMost != nil ? "at most" : "at least"
    let outcome: TargetSearch.Outcome
    do throws(TargetSearch.Refusal) {
      outcome = try search.run(evaluate)
    } catch {
      if !failure.isEmpty {
        output.error(DiagnosticRenderer(sources: input.sources).render(failure), newline: false)
        return ExitCode.inputError
      }
      switch error {
      case .metAtLow(let evaluation):
        output.error(
          "error: the target is already met at --low \(lowText): \(metricName) in \(targetYear) is \(format(evaluation.mean, metricName)) (\(confidenceText) bound \(format(evaluation.bound, metricName))), \(comparison) \(targetText)"
        )
        output.error("  = hint: lower --low, or check that \(metricName) moves the other way as \(parameter) grows")
      case .notMetAtHigh(let evaluation):
        output.error(
          "error: the target is not met at --high \(highText): \(metricName) in \(targetYear) is \(format(evaluation.mean, metricName)) (\(confidenceText) bound \(format(evaluation.bound, metricName))), not \(comparison) \(targetText)"
        )
        output.error("  = hint: raise --high, relax the target, or run more --replications to narrow the bound")
      }
      return ExitCode.inputError
    }
    let finished = Date()

    var table = CSVTable(header: header)
    let answerIndex = outcome.evaluations.lastIndex(of: outcome.answer)
    for (index, evaluation) in outcome.evaluations.enumerated() {
      table.append(
        [String(index + 1), parameter, CSVNumber.format(evaluation.value), String(evaluation.replications), metricName, String(targetYear)]
          + [evaluation.mean, evaluation.se, evaluation.bound, target.value].map(CSVNumber.format)
          + [evaluation.meets ? "yes" : "no", CSVNumber.format(evaluation.cost), CSVNumber.format(evaluation.costSE), index == answerIndex ? "yes" : "no"])
    }
    let answer = outcome.answer
    let answerText = ParameterAssignment(path: parameter, value: outcome.value, percent: percent).valueText
    let lowerText = ParameterAssignment(path: parameter, value: outcome.lower, percent: percent).valueText
    var manifest = RunManifest(
      toolVersion: ToolVersion.current, scenario: first.name, scenarioFile: path, scenarioSHA256: SHA256.hexDigest(input.bytes),
      seed: seed.map(UInt64.init) ?? first.seed, replications: answer.replications, households: households ?? first.households,
      firstYear: first.years.lowerBound, lastYear: first.years.upperBound,
      options: [RunManifest.Option(name: first.baseline.name, overrides: first.baseline.overrides)],
      baseline: first.baseline.name, settings: list.values["--set"] ?? [], commandLine: commandLine, started: RunManifest.timestamp(started),
      finished: RunManifest.timestamp(finished), threads: threads, files: ["target.csv", "manifest.json"])
    manifest.search = [
      "kind": "target", "parameter": parameter, "metric": metricName, "year": String(targetYear), "condition": "\(comparison) \(targetText)",
      "confidence": confidenceText, "low": lowText, "high": highText, "tolerance": CSVNumber.format(tolerance), "replications": String(baseReplications),
      "value": answerText, "bracket_low": lowerText, "evaluations": String(outcome.evaluations.count),
    ]
    let written: [String]
    do throws(OutputError) {
      written = try AtomicFile.write([("target.csv", table.rendered()), ("manifest.json", manifest.json())], into: folder)
    } catch {
      output.error("error: \(error.description)")
      return ExitCode.cannotCreate
    }
    if !quiet {
      let z95 = ComparisonTable.z95
      output.print(
        "\(parameter) = \(answerText): the least value found with \(metricName) in \(targetYear) \(comparison) \(targetText) at \(confidenceText) confidence")
      output.print("  bracket: not met at \(lowerText), met at \(answerText) (width \(ParameterAssignment.number(outcome.value - outcome.lower)))")
      output.print(
        "  \(metricName) \(targetYear) at \(answerText): \(format(answer.mean, metricName)), 95% CI [\(format(answer.mean - z95 * answer.se, metricName)), \(format(answer.mean + z95 * answer.se, metricName))], \(confidenceText) bound \(format(answer.bound, metricName)) (\(answer.replications) replications)"
      )
      output.print(
        "  cost_total \(first.years.lowerBound)–\(first.years.upperBound): \(HeadlineTable.compact(answer.cost)) yuan, 95% CI [\(HeadlineTable.compact(answer.cost - z95 * answer.costSE)), \(HeadlineTable.compact(answer.cost + z95 * answer.costSE))]"
      )
      output.print("  \(outcome.evaluations.count) evaluations")
      output.print("Wrote \(written.joined(separator: ", "))")
    }
    return ExitCode.success
  }

  /// A metric value for reading (incidence in percent).
  static func format(_ value: Double, _ metric: String) -> String {
    metric == "incidence" ? String(format: "%.2f%%", value * 100) : String(format: "%.6g", value)
  }
}
