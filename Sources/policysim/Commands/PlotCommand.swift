import Foundation
import Reports

/// `policysim plot RESULTS_DIR`: draws a figure of a results folder as SVG.
enum PlotCommand {
  static let specification = ArgumentList.Specification(
    command: "plot", valued: ["--metric", "--options", "--kind", "--year", "--out"], flags: ["--quiet"], positionalCount: 0...1)

  static func main(_ arguments: [String], output: inout TerminalOutput) throws(UsageError) -> Int32 {
    let list = try ArgumentList(arguments, specification)
    guard let folder = list.positional.first else { throw UsageError(message: "missing results folder", command: "plot") }
    let kindText = list.value("--kind") ?? "fan"
    guard let kind = FigureKind(rawValue: kindText) else {
      throw UsageError(
        message: "'--kind' expects one of \(FigureKind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(kindText)'", command: "plot")
    }
    let metric = list.value("--metric") ?? "incidence"
    let optionList = list.value("--options")
    if let optionList, optionList.trimmingCharacters(in: CharacterSet(charactersIn: ", ")).isEmpty {
      throw UsageError(message: "'--options' expects option names separated by commas", command: "plot")
    }
    let year = try list.integer("--year", in: 0...9999, command: "plot")
    let outPath = list.value("--out") ?? (folder as NSString).appendingPathComponent("\(metric)-\(kind.rawValue).svg")
    guard !outPath.isEmpty, !outPath.hasSuffix("/") else {
      throw UsageError(message: "'--out' expects a file name, such as fig.svg", command: "plot")
    }

    let results: SavedResults
    do throws(SavedResults.ReadError) {
      results = try SavedResults(folder: folder)
    } catch {
      output.error("error: \(error.message)")
      return ExitCode.inputError
    }
    let svg: String
    do throws(FigureError) {
      svg = try FigureRequest(kind: kind, metric: metric, options: optionList.map(results.optionNames), year: year).render(results)
    } catch {
      if error.cause == .request { throw UsageError(message: error.message, command: "plot") }
      output.error("error: \(error.message)")
      return ExitCode.inputError
    }
    do throws(OutputError) {
      let outFolder = (outPath as NSString).deletingLastPathComponent
      if !outFolder.isEmpty { try AtomicFile.createDirectory(outFolder) }
      try AtomicFile.write(svg, to: outPath)
    } catch {
      output.error("error: \(error.description)")
      return ExitCode.cannotCreate
    }
    if !list.flags.contains("--quiet") { output.print("Wrote \(outPath)") }
    return ExitCode.success
  }
}
