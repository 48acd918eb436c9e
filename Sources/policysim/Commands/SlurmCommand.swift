import Foundation
import Reports

/// `policysim slurm FILE --shards N --out DIR`: writes a Slurm job array that runs the
/// scenario's replications as N shards and a dependent job that merges them
/// (`SlurmJobArray`), after checking the scenario as `run` would.
enum SlurmCommand {
  /// `run` options passed on to every shard unchanged (`--overlay` made absolute).
  static let runOptions = ["--seed", "--threads", "--households", "--set", "--sweep", "--discount", "--overlay"]

  static let specification = ArgumentList.Specification(
    command: "slurm",
    valued: ["--shards", "--out", "--replications", "--partition", "--time", "--cpus-per-task", "--account", "--sbatch"] + runOptions,
    flags: ["--quiet"], positionalCount: 1...1)

  static func main(_ arguments: [String], output: inout TerminalOutput) throws(UsageError) -> Int32 {
    let list = try ArgumentList(arguments, specification)
    guard let shards = try list.integer("--shards", in: 1...100_000, command: "slurm") else {
      throw UsageError(message: "missing '--shards <N>'", command: "slurm")
    }
    guard let outText = list.value("--out") else { throw UsageError(message: "missing '--out <dir>'", command: "slurm") }
    let replications = try list.integer("--replications", in: 1...ReplicationsArgument.limit, command: "slurm")
    let cpus = try list.integer("--cpus-per-task", in: 1...1024, command: "slurm")
    _ = try list.integer("--seed", in: 0...Int.max, command: "slurm")
    _ = try list.integer("--threads", in: 1...1024, command: "slurm")
    _ = try list.integer("--households", in: 1...100_000_000, command: "slurm")
    for name in ["--partition", "--time", "--account"] {
      if let value = list.value(name), value.isEmpty || value.contains(where: { $0.isWhitespace || $0 == "'" || $0 == "\"" }) {
        throw UsageError(message: "'\(name)' expects a single word, not '\(value)'", command: "slurm")
      }
    }
    for line in list.values["--sbatch"] ?? [] where !line.hasPrefix("--") || line.contains("\n") {
      throw UsageError(message: "'--sbatch' expects one sbatch option such as --mem=4G, not '\(line)'", command: "slurm")
    }

    let scenarioPath = absolute(list.positional[0])
    let settingTexts = (list.values["--set"] ?? []) + (list.value("--discount").map { ["discount=\($0)"] } ?? [])
    var input: ScenarioInput
    do {
      input = try ScenarioInput(path: scenarioPath, settings: settingTexts, sweeps: list.values["--sweep"] ?? [])
      if let overlayPath = list.value("--overlay") { _ = try input.applyOverlay(at: overlayPath) }
    } catch {
      output.error(error.message)
      return ExitCode.inputError
    }
    let result = input.check(reportingTo: &output)
    guard let scenario = result.scenario else { return ExitCode.inputError }
    let total = replications ?? scenario.replications
    guard shards <= total else {
      output.error("error: \(shards) shards for \(total) replications; give at most one shard per replication")
      return ExitCode.inputError
    }

    var passed: [String] = []
    for name in runOptions {
      for value in list.values[name] ?? [] { passed += [name, name == "--overlay" ? absolute(value) : value] }
    }
    if list.value("--threads") == nil { passed += ["--threads", String(cpus ?? 1)] }
    var directives = ["--ntasks=1", "--cpus-per-task=\(cpus ?? 1)"]
    if let partition = list.value("--partition") { directives.append("--partition=\(partition)") }
    if let time = list.value("--time") { directives.append("--time=\(time)") }
    if let account = list.value("--account") { directives.append("--account=\(account)") }
    directives += list.values["--sbatch"] ?? []
    let folder = absolute(outText)
    let job = SlurmJobArray(
      binary: Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? absolute(CommandLine.arguments[0]), scenario: scenarioPath,
      folder: folder, name: scenario.name, replications: total, shards: shards, runOptions: passed, directives: directives)
    do throws(OutputError) {
      try AtomicFile.createDirectory(folder + "/logs")
      try AtomicFile.write(job.jobScript, to: folder + "/job.sbatch")
      try AtomicFile.write(job.mergeScript, to: folder + "/merge.sbatch")
      try AtomicFile.write(job.submitScript, to: folder + "/submit.sh")
    } catch {
      output.error("error: \(error.description)")
      return ExitCode.cannotCreate
    }
    chmod(folder + "/submit.sh", 0o755)
    if !list.flags.contains("--quiet") {
      output.print("Wrote \(folder)/job.sbatch (\(shards) array tasks, \(total) replications), \(folder)/merge.sbatch and \(folder)/submit.sh")
      output.print("Submit with: \(SlurmJobArray.quote(folder + "/submit.sh"))   (merged results: \(job.mergedFolder))")
    }
    return ExitCode.success
  }

  /// `path` made absolute against the current folder, with `.` and `..` resolved.
  static func absolute(_ path: String) -> String {
    let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return (full as NSString).standardizingPath
  }
}
