import Foundation
import Reports
import ScenarioLanguage
import Simulation

/// `policysim run FILE`: simulates a scenario and writes its results folder.
enum RunCommand {
  static let specification = ArgumentList.Specification(
    command: "run", valued: ["--replications", "--seed", "--threads", "--households", "--set", "--sweep", "--discount", "--overlay", "--out"],
    flags: ["--quiet", "--force", "--plot"], positionalCount: 1...1)

  static func main(_ arguments: [String], commandLine: [String], output: inout TerminalOutput) throws(UsageError) -> Int32 {
    let list = try ArgumentList(arguments, specification)
    let replications = try ReplicationsArgument.parse(list, command: "run")
    let seed = try list.integer("--seed", in: 0...Int.max, command: "run")
    let threads = try list.integer("--threads", in: 1...1024, command: "run")
    let households = try list.integer("--households", in: 1...100_000_000, command: "run")
    let quiet = list.flags.contains("--quiet")
    let path = list.positional[0]
    let sweepTexts = list.values["--sweep"] ?? []
    guard sweepTexts.count <= 2 else {
      throw UsageError(message: "'--sweep' is given \(sweepTexts.count) times; a run sweeps at most 2 parameters", command: "run")
    }
    // `--discount 3%` is `--set discount=3%`, checked like the scenario's `discount` setting.
    let settingTexts = (list.values["--set"] ?? []) + (list.value("--discount").map { ["discount=\($0)"] } ?? [])

    var input: ScenarioInput
    var overlay: (lines: [String], sha256: String)?
    do {
      input = try ScenarioInput(path: path, settings: settingTexts, sweeps: sweepTexts)
      if let overlayPath = list.value("--overlay") { overlay = try input.applyOverlay(at: overlayPath) }
    } catch {
      output.error(error.message)
      return ExitCode.inputError
    }
    let result = input.check(reportingTo: &output)
    guard var scenario = result.scenario else { return ExitCode.inputError }
    if case .count(let count) = replications { scenario.replications = count }
    // A range `A..<B` runs only those replications (a shard) and writes replications.csv.
    let range: Range<Int>
    if case .range(let shard) = replications { range = shard } else { range = 0..<scenario.replications }
    scenario.replications = range.count
    if let seed { scenario.seed = UInt64(seed) }
    if let households { scenario.households = households }
    let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount

    let folderPath = list.value("--out") ?? "results/" + ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    if let problem = OutputFolderCheck.problem(with: folderPath, force: list.flags.contains("--force")) {
      output.error("error: \(problem)")
      return ExitCode.inputError
    }

    let started = Date()
    let runner = SimulationRunner(scenario: scenario, threads: threadCount)
    let needed = runner.estimatedMemory(replications: range.count)
    let available = Int(clamping: ProcessInfo.processInfo.physicalMemory)
    if needed > available / 10 * 8 {
      output.error(
        "error: this run needs about \(needed / 1_048_576) MiB of memory (\(scenario.households) households × \(threadCount) threads), more than the 80% of this machine's \(available / 1_048_576) MiB it may use"
      )
      output.error("  = hint: use fewer --households or fewer --threads")
      return ExitCode.inputError
    }
    let progress = ProgressDisplay.forStandardError(total: scenario.replications, quiet: quiet)
    let report: (@Sendable (Int) -> Void)? = progress.map { display in { @Sendable done in display.update(done: done) } }
    // Fail before hours of computation, not after, when the folder cannot be written.
    let createdFolder = !FileManager.default.fileExists(atPath: folderPath)
    do throws(OutputError) {
      try AtomicFile.probeDirectory(folderPath)
      // Temporary files of an earlier run that was killed (SIGKILL) are its own: remove them.
      AtomicFile.removeStaleTemporaryFiles(in: folderPath)
    } catch {
      output.error("error: \(error.description)")
      return ExitCode.cannotCreate
    }
    RunInterruption.install(folder: folderPath, created: createdFolder)
    let results = runner.run(replications: range, progress: report, shouldStop: { RunInterruption.isRequested })
    progress?.finish()
    guard RunInterruption.beginWriting() else {
      output.error(RunInterruption.message(folder: folderPath))
      // An empty folder this run created is removed (rmdir fails on anything else).
      if createdFolder { rmdir(folderPath) }
      return ExitCode.interrupted
    }
    defer { RunInterruption.finish() }
    if let bad = results.firstNonFinite() {
      output.error(
        "error: the run produced \(bad.valueDescription) for \(bad.metric) (option \"\(bad.option)\", year \(bad.year), replication \(bad.replication)); no results written"
      )
      if let option = scenario.options.firstIndex(where: { $0.name == bad.option }),
        let origin = runner.traceNonFinite(option: option, replication: bad.replication)
      {
        output.error(NonFiniteOriginNote.text(origin, source: input.source))
      }
      let sites = NonFiniteArithmetic.sites(in: input.source)
      if !sites.isEmpty {
        output.error("  = note: the arithmetic of \(input.source.path) that can produce it:")
        output.error(input.render(sites), newline: false)
      }
      output.error("  = hint: guard the operand, e.g. `x / max(1, y)` or `log(max(1, x))`")
      if createdFolder { rmdir(folderPath) }
      return ExitCode.inputError
    }
    let finished = Date()
    var manifest = RunManifest(
      toolVersion: ToolVersion.current, scenario: scenario.name, scenarioFile: path, scenarioSHA256: SHA256.hexDigest(input.bytes),
      seed: scenario.seed, replications: scenario.replications, households: scenario.households,
      firstYear: scenario.years.lowerBound, lastYear: scenario.years.upperBound,
      options: scenario.options.map { RunManifest.Option(name: $0.name, overrides: $0.overrides) }, baseline: scenario.baseline.name,
      settings: settingTexts, commandLine: commandLine,
      started: RunManifest.timestamp(started), finished: RunManifest.timestamp(finished), threads: threadCount, files: [])
    if let microdata = scenario.baseline.rules.microdata {
      manifest.householdFile = microdata.path
      manifest.householdFileSHA256 = FileManager.default.contents(atPath: microdata.path).map { SHA256.hexDigest([UInt8]($0)) }
    }
    manifest.sweptParameters = scenario.sweptParameters
    manifest.discountRate = scenario.discountRate
    if case .range = replications { manifest.replicationRange = [range.lowerBound, range.upperBound] }
    if let overlay {
      manifest.overlay = list.value("--overlay")
      manifest.overlaySHA256 = overlay.sha256
      manifest.overlaySettings = overlay.lines
    }
    let written: [String]
    do throws(OutputError) {
      written = try ResultsFolder(path: folderPath).write(
        results, manifest: manifest, design: RunDesign(scenario: scenario), figures: list.flags.contains("--plot"),
        replicationValues: manifest.replicationRange != nil)
    } catch {
      output.error("error: \(error.description)")
      return ExitCode.cannotCreate
    }
    if RunInterruption.isRequested {
      output.error("policysim: interrupted while writing; the results in '\(folderPath)' are complete")
      return ExitCode.interrupted
    }
    if !quiet {
      let seconds = finished.timeIntervalSince(started)
      let householdYears = Double(scenario.households * scenario.years.count * scenario.replications * scenario.options.count)
      output.print(
        "\"\(scenario.name)\": \(scenario.replications) replications × \(scenario.options.count) options × \(scenario.households) households × \(scenario.years.count) years in \(String(format: "%.2f", seconds)) s (\(HeadlineTable.compact(householdYears / max(seconds, 1e-9))) household-years/s on \(threadCount) thread\(threadCount == 1 ? "" : "s"))"
      )
      output.print("")
      output.print(HeadlineTable.render(results))
      output.print("Wrote \(written.joined(separator: ", "))")
    }
    return ExitCode.success
  }
}

/// Refuses to write into a folder that holds something other than PolicySim output.
enum OutputFolderCheck {
  static func problem(with path: String, force: Bool) -> String? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
    guard isDirectory.boolValue else { return "'\(path)' exists and is not a folder; choose another --out" }
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    if entries.isEmpty || force || entries.contains("manifest.json") { return nil }
    return "'\(path)' is not empty and is not a PolicySim results folder (no manifest.json); choose another --out, or add --force to write into it"
  }
}
