import Foundation

/// The scripts of a Slurm job array that runs a scenario's replications as shards, one per
/// array task, and a merge job that depends on all of them (`policysim slurm`).
///
/// Every path in the scripts is absolute, so they can be submitted from any folder; every
/// argument is single-quoted for the shell.
struct SlurmJobArray {
  /// The absolute path of the `policysim` binary the tasks run.
  var binary: String
  /// The absolute path of the scenario.
  var scenario: String
  /// The absolute output folder: scripts, `logs/`, `part-I/` and `merged/` go there.
  var folder: String
  /// The scenario's name, for job names.
  var name: String
  /// Total replications, split into `shards` contiguous ranges.
  var replications: Int
  /// Array tasks (1 ≤ shards ≤ replications).
  var shards: Int
  /// `run` options passed to every shard (seed, households, settings, sweeps…).
  var runOptions: [String]
  /// `#SBATCH` directives of the array tasks besides the array, job name and log files.
  var directives: [String]

  /// The replication range of shard `index`: the ranges are as even as possible, in order,
  /// and together cover 0..<replications.
  func range(_ index: Int) -> Range<Int> {
    (index * replications / shards)..<((index + 1) * replications / shards)
  }

  /// The folder of shard `index`.
  func shardFolder(_ index: Int) -> String { "\(folder)/part-\(index)" }

  /// The folder the merge writes.
  var mergedFolder: String { "\(folder)/merged" }

  /// `job.sbatch`: the array; task I runs `policysim run … --replications A..<B --out part-I`.
  var jobScript: String {
    let ranges = (0..<shards).map(range)
    var lines = [
      "#!/bin/bash",
      "# Written by 'policysim slurm': \(shards) shards of \(replications) replications of \(Self.quote(scenario)).",
      "#SBATCH --job-name=\(Self.jobName(name))",
      "#SBATCH --array=0-\(shards - 1)",
      "#SBATCH --output=\(folder)/logs/part-%a.out",
    ]
    lines += directives.map { "#SBATCH \($0)" }
    lines += [
      "set -euo pipefail",
      "starts=(\(ranges.map { String($0.lowerBound) }.joined(separator: " ")))",
      "ends=(\(ranges.map { String($0.upperBound) }.joined(separator: " ")))",
      "task=${SLURM_ARRAY_TASK_ID:?run this script with sbatch (it is a job array)}",
      "exec \(Self.quote(binary)) run \(Self.quote(scenario)) --replications \"${starts[$task]}..<${ends[$task]}\" \\",
      "  --out \(Self.quote(folder))/part-\"$task\" --force --quiet\(runOptions.isEmpty ? "" : " \\")",
    ]
    if !runOptions.isEmpty { lines.append("  " + runOptions.map(Self.quote).joined(separator: " ")) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `merge.sbatch`: merges every shard into `merged/`.
  var mergeScript: String {
    let shardFolders: [String] = (0..<shards).map { Self.quote(shardFolder($0)) }
    var lines: [String] = [
      "#!/bin/bash",
      "# Written by 'policysim slurm': merges the \(shards) shards into \(Self.quote(mergedFolder)).",
      "#SBATCH --job-name=\(Self.jobName(name))-merge",
      "#SBATCH --output=\(folder)/logs/merge.out",
      "#SBATCH --ntasks=1",
      "#SBATCH --cpus-per-task=1",
    ]
    for directive in directives where !directive.hasPrefix("--cpus-per-task") && !directive.hasPrefix("--ntasks") {
      lines.append("#SBATCH \(directive)")
    }
    lines += ["set -euo pipefail", "exec \(Self.quote(binary)) merge \\"]
    lines += shardFolders.map { "  \($0) \\" }
    lines.append("  --out \(Self.quote(mergedFolder)) --force")
    return lines.joined(separator: "\n") + "\n"
  }

  /// `submit.sh`: submits the array, then the merge with `--dependency=afterok:` on it.
  /// Its arguments go to the merge's `sbatch` (e.g. `--wait` to return when all is done).
  var submitScript: String {
    """
    #!/bin/sh
    # Written by 'policysim slurm': submits the shards (job.sbatch) and, once they all
    # succeed, the merge (merge.sbatch). Arguments go to the merge's sbatch (e.g. --wait).
    set -eu
    array=$(sbatch --parsable \(Self.quote(folder))/job.sbatch)
    array=${array%%;*}
    echo "shards: job array $array (\(shards) tasks), logs in \(folder)/logs"
    merge=$(sbatch --parsable --dependency=afterok:"$array" --kill-on-invalid-dep=yes "$@" \(Self.quote(folder))/merge.sbatch)
    merge=${merge%%;*}
    echo "merge: job $merge, after job $array succeeds; results in \(mergedFolder)"

    """
  }

  /// A Slurm job name from the scenario's name: letters, digits, `-`, `_` and `.` only.
  static func jobName(_ name: String) -> String {
    let safe = String(name.lowercased().map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" })
    return "policysim-" + (safe.isEmpty ? "run" : safe)
  }

  /// `text` single-quoted for a POSIX shell, unless it needs no quotes.
  static func quote(_ text: String) -> String {
    let plain =
      !text.isEmpty
      && text.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "/._-+=:,@%".unicodeScalars.contains($0))
      }
    return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
