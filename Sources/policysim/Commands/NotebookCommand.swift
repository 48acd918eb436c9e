import Foundation
import Reports

/// `policysim notebook RESULTS_DIR`: exports a Jupyter notebook that loads the run's CSVs
/// and redraws its figures.
enum NotebookCommand {
  static let specification = ArgumentList.Specification(
    command: "notebook", valued: ["--out", "--data"], flags: ["--quiet"], positionalCount: 0...1)

  static func main(_ arguments: [String], output: inout TerminalOutput) throws(UsageError) -> Int32 {
    let list = try ArgumentList(arguments, specification)
    guard let folder = list.positional.first else { throw UsageError(message: "missing results folder", command: "notebook") }
    let name = (folder as NSString).standardizingPath.split(separator: "/").last.map(String.init) ?? "results"
    let notebookPath = list.value("--out") ?? "notebooks-export/\(name == "." || name == ".." ? "results" : name).ipynb"
    guard !notebookPath.isEmpty, !notebookPath.hasSuffix("/") else {
      throw UsageError(message: "'--out' expects a notebook file name, such as notebooks-export/\(name).ipynb", command: "notebook")
    }

    let manifest: RunManifest
    do throws(NotebookInputError) {
      manifest = try RunNotebook.manifest(inFolder: folder)
    } catch {
      output.error("error: \(error.message)")
      return ExitCode.inputError
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: notebookPath, isDirectory: &isDirectory), isDirectory.boolValue {
      output.error("error: \(notebookPath): is a folder; give '--out' a notebook file name such as \(notebookPath)/\(name).ipynb")
      return ExitCode.inputError
    }
    let notebookFolder = (notebookPath as NSString).deletingLastPathComponent
    let resultsPath = list.value("--data") ?? RelativePath.from(notebookFolder.isEmpty ? "." : notebookFolder, to: folder)
    let text = RunNotebook(manifest: manifest, resultsPath: resultsPath).document().rendered()
    do throws(OutputError) {
      if !notebookFolder.isEmpty { try AtomicFile.createDirectory(notebookFolder) }
      try AtomicFile.write(text, to: notebookPath)
    } catch {
      output.error("error: \(error.description)")
      return ExitCode.cannotCreate
    }
    if !list.flags.contains("--quiet") {
      output.print("Wrote \(notebookPath) (reads \(resultsPath) relative to the notebook)")
    }
    return ExitCode.success
  }
}
