import ScenarioLanguage

/// `policysim check FILE`: reports every error of a scenario in one pass.
enum CheckCommand {
  static let specification = ArgumentList.Specification(command: "check", valued: ["--set"], flags: ["--parameters"], positionalCount: 1...1)

  static func main(_ arguments: [String], output: inout TerminalOutput) throws(UsageError) -> Int32 {
    let list = try ArgumentList(arguments, specification)
    let input: ScenarioInput
    do {
      input = try ScenarioInput(path: list.positional[0], settings: list.values["--set"] ?? [])
    } catch {
      output.error(error.message)
      return ExitCode.inputError
    }
    let result = input.check(reportingTo: &output)
    guard let scenario = result.scenario else { return ExitCode.inputError }
    if list.flags.contains("--parameters") {
      for path in result.parameterPaths { output.print(path) }
      return ExitCode.success
    }
    output.print(
      "\(input.source.path): ok: \"\(scenario.name)\", \(scenario.years.lowerBound) to \(scenario.years.upperBound), \(scenario.households) households, \(scenario.replications) replications, options: \(scenario.options.map(\.name).joined(separator: ", ")) (baseline: \(scenario.baseline.name))"
    )
    return ExitCode.success
  }
}
