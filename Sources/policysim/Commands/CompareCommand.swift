import Foundation
import Reports
import ScenarioLanguage

/// `policysim compare RESULTS_DIR`: options against the baseline, read from a results folder.
enum CompareCommand {
  static let specification = ArgumentList.Specification(
    command: "compare", valued: ["--year", "--metrics", "--format", "--baseline"], flags: [], positionalCount: 0...1)

  /// Metrics shown when `--metrics` is not given (those the folder has).
  static let defaultMetrics = ["incidence", "poverty_gap", "cost_total"]

  static func main(_ arguments: [String], output: inout TerminalOutput) throws(UsageError) -> Int32 {
    let list = try ArgumentList(arguments, specification)
    guard let path = list.positional.first else { throw UsageError(message: "missing results folder", command: "compare") }
    let format = list.value("--format") ?? "text"
    guard ["text", "markdown", "csv"].contains(format) else {
      throw UsageError(message: "'--format' expects text, markdown or csv, not '\(format)'", command: "compare")
    }
    let contents: ResultsFolderContents
    do {
      contents = try ResultsFolderContents(path: path)
    } catch {
      output.error("error: \(error.description)")
      return ExitCode.inputError
    }
    // Differences are stored against the run's baseline only (paired by replication).
    if let baseline = list.value("--baseline"), baseline != contents.baseline {
      throw UsageError(
        message:
          "the run's baseline is '\(contents.baseline)', not '\(baseline)'; differences against another option need a run with `option \"\(baseline)\" baseline { … }`",
        command: "compare")
    }
    let years = contents.years
    guard let lastYear = years.last else {
      output.error("error: \(path)/summary.csv: no rows")
      return ExitCode.inputError
    }
    var chosenYears = [lastYear]
    if let text = list.value("--year") {
      if text == "all" {
        chosenYears = years
      } else {
        guard let year = Int(text), years.contains(year) else {
          throw UsageError(
            message: "'--year' expects all or a year of the run, \(years[0]) to \(lastYear), not '\(text)'", command: "compare")
        }
        chosenYears = [year]
      }
    }
    let available = contents.metrics
    var metrics = defaultMetrics.filter(available.contains)
    if let text = list.value("--metrics") {
      metrics = text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
      for metric in metrics where !available.contains(metric) {
        let suggestion = NameSuggestion.closest(to: metric, among: available).map { " (did you mean '\($0)'?)" } ?? ""
        throw UsageError(message: "no metric '\(metric)' in \(path)\(suggestion)", command: "compare")
      }
    }
    let comparison = OptionComparison(contents, years: chosenYears, metrics: metrics)
    switch format {
    case "csv": output.print(comparison.csv(), newline: false)
    case "markdown": output.print(comparison.rendered(markdown: true), newline: false)
    default: output.print(comparison.rendered(markdown: false), newline: false)
    }
    return ExitCode.success
  }
}
