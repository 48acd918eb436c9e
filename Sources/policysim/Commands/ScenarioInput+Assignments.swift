import ScenarioLanguage
import Simulation

extension ScenarioInput {
  /// Checks the scenario with its settings followed by the given assignments (each as a
  /// `--set` of its own); returns the scenario (nil on errors), the diagnostics and the
  /// source files to render them with.
  func check(with assignments: [ParameterAssignment]) -> (Scenario?, [Diagnostic], [SourceFile]) {
    var extra: [ParameterOverride] = []
    var problems: [Diagnostic] = []
    var files: [SourceFile] = []
    for assignment in assignments {
      let (setting, file, found) = ParameterOverride.parse(commandLine: assignment.settingText)
      files.append(file)
      problems += found
      if let setting { extra.append(setting) }
    }
    var result = ScenarioChecker.check(source: source, settings: settings + extra)
    result.diagnostics = diagnostics + problems + result.diagnostics
    let usable = diagnostics.isEmpty && problems.isEmpty
    return (usable ? result.scenario : nil, result.diagnostics, sources + files)
  }
}
