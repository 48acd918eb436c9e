import Foundation
import Reports

/// `policysim merge SHARD... --out DIR`: merges the results folders of shards
/// (`run … --replications A..<B`) into the results of the run with all their replications.
enum MergeCommand {
  static let specification = ArgumentList.Specification(
    command: "merge", valued: ["--out"], flags: ["--quiet", "--force"], positionalCount: 0...Int.max)

  static func main(_ arguments: [String], commandLine: [String], output: inout TerminalOutput) throws(UsageError) -> Int32 {
    let list = try ArgumentList(arguments, specification)
    guard !list.positional.isEmpty else { throw UsageError(message: "missing shard folders", command: "merge") }
    guard let folderPath = list.value("--out") else { throw UsageError(message: "missing '--out <dir>'", command: "merge") }
    if let problem = OutputFolderCheck.problem(with: folderPath, force: list.flags.contains("--force")) {
      output.error("error: \(problem)")
      return ExitCode.inputError
    }
    let merge: ShardMerge
    do throws(MergeError) {
      merge = try ShardMerge(list.positional.map { path throws(MergeError) in try Shard(folder: path) })
    } catch {
      output.error("error: \(error.message)")
      return ExitCode.inputError
    }
    var manifest = merge.manifest
    manifest.commandLine = commandLine
    let written: [String]
    do throws(OutputError) {
      written = try ResultsFolder(path: folderPath).write(merge.results, manifest: manifest, design: merge.design, replicationValues: true)
    } catch {
      output.error("error: \(error.description)")
      return ExitCode.cannotCreate
    }
    if !list.flags.contains("--quiet") {
      output.print("Merged \(list.positional.count) shards: replications 0..<\(merge.results.replications.upperBound) of \"\(manifest.scenario)\"")
      output.print("Wrote \(written.joined(separator: ", "))")
    }
    return ExitCode.success
  }
}
