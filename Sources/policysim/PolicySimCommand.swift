import Foundation
import Reports
import ScenarioLanguage

/// The `policysim` command: dispatches to subcommands and maps failures to exit codes.
enum PolicySimCommand {
  static func main(_ arguments: [String], output: inout TerminalOutput) -> Int32 {
    let rest = Array(arguments.dropFirst())
    guard let name = rest.first else {
      output.print(HelpText.overview)
      return ExitCode.success
    }
    let commandArguments = Array(rest.dropFirst())
    if commandArguments.contains("--help") || commandArguments.contains("-h") {
      output.print(HelpText.forCommand(name))
      return ExitCode.success
    }
    do throws(UsageError) {
      switch name {
      case "run": return try RunCommand.main(commandArguments, commandLine: arguments, output: &output)
      case "check": return try CheckCommand.main(commandArguments, output: &output)
      case "plot": return try PlotCommand.main(commandArguments, output: &output)
      case "notebook": return try NotebookCommand.main(commandArguments, output: &output)
      case "compare": return try CompareCommand.main(commandArguments, output: &output)
      case "target": return try TargetCommand.main(commandArguments, commandLine: arguments, output: &output)
      case "calibrate": return try CalibrateCommand.main(commandArguments, commandLine: arguments, output: &output)
      case "merge": return try MergeCommand.main(commandArguments, commandLine: arguments, output: &output)
      case "slurm": return try SlurmCommand.main(commandArguments, output: &output)
      case "fmt": return try FmtCommand.main(commandArguments, output: &output)
      case "help", "--help", "-h":
        output.print(HelpText.forCommand(commandArguments.first))
        return ExitCode.success
      case "--version", "version":
        output.print(Reports.ToolVersion.current)
        return ExitCode.success
      default:
        let suggestion =
          ScenarioLanguage.NameSuggestion.closest(
            to: name, among: ["run", "check", "compare", "target", "calibrate", "plot", "notebook", "merge", "slurm", "fmt", "help"]
          ).map {
            " (did you mean '\($0)'?)"
          } ?? ""
        throw UsageError(message: "unknown subcommand '\(name)'\(suggestion)", command: nil)
      }
    } catch {
      output.error("Error: \(error.message)")
      output.error(HelpText.usageLine(error.command).replacingOccurrences(of: "USAGE:", with: "Usage:"))
      output.error("  See 'policysim \(error.command.map { "\($0) " } ?? "")--help' for more information.")
      return ExitCode.usage
    }
  }
}
