import Foundation
import XCTest

/// `policysim slurm`: the job array, merge job and submit script it writes (the real Slurm
/// run is `tools/slurm-integration-test.sh`).
final class SlurmCommandTests: XCTestCase {
  func testWritesAJobArrayAMergeJobAndASubmitScript() throws {
    let folder = try PolicySimBinary.temporaryFolder(self) + "/cluster"
    let outcome = try PolicySimBinary.run([
      "slurm", PolicySimBinary.referenceScenario, "--shards", "3", "--replications", "7", "--households", "500", "--out", folder,
      "--partition", "short", "--time", "01:00:00", "--cpus-per-task", "2", "--set", "relocation.subsidy=40000",
    ])
    XCTAssertEqual(outcome.status, 0, outcome.error)
    let job = try String(contentsOfFile: folder + "/job.sbatch", encoding: .utf8)
    for line in [
      "#SBATCH --array=0-2", "#SBATCH --partition=short", "#SBATCH --time=01:00:00", "#SBATCH --cpus-per-task=2",
      "#SBATCH --output=\(folder)/logs/part-%a.out", "starts=(0 2 4)", "ends=(2 4 7)",
      "  --households 500 --set relocation.subsidy=40000 --threads 2",
    ] {
      XCTAssertTrue(job.components(separatedBy: "\n").contains(line), "\(line) missing from\n\(job)")
    }
    XCTAssertTrue(job.contains(" run \(PolicySimBinary.referenceScenario) --replications \"${starts[$task]}..<${ends[$task]}\""), job)
    let merge = try String(contentsOfFile: folder + "/merge.sbatch", encoding: .utf8)
    XCTAssertTrue(merge.contains(" merge \\\n  \(folder)/part-0 \\\n  \(folder)/part-1 \\\n  \(folder)/part-2 \\\n  --out \(folder)/merged --force"), merge)
    let submit = try String(contentsOfFile: folder + "/submit.sh", encoding: .utf8)
    XCTAssertTrue(submit.contains("array=$(sbatch --parsable \(folder)/job.sbatch)"), submit)
    XCTAssertTrue(submit.contains("sbatch --parsable --dependency=afterok:\"$array\""), submit)
    XCTAssertTrue(FileManager.default.isExecutableFile(atPath: folder + "/submit.sh"))
    let syntax = Process()
    syntax.executableURL = URL(fileURLWithPath: "/bin/bash")
    syntax.arguments = ["-n", folder + "/job.sbatch", folder + "/merge.sbatch", folder + "/submit.sh"]
    try syntax.run()
    syntax.waitUntilExit()
    XCTAssertEqual(syntax.terminationStatus, 0)
  }

  func testMoreShardsThanReplicationsIsAnInputError() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let outcome = try PolicySimBinary.run(["slurm", PolicySimBinary.referenceScenario, "--shards", "9", "--replications", "4", "--out", folder])
    XCTAssertEqual(outcome.status, 1)
    XCTAssertEqual(outcome.error, "error: 9 shards for 4 replications; give at most one shard per replication\n")
  }

  func testMissingShardsIsAUsageError() throws {
    let outcome = try PolicySimBinary.run(["slurm", PolicySimBinary.referenceScenario, "--out", "x"])
    XCTAssertEqual(outcome.status, 64)
    XCTAssertTrue(outcome.error.hasPrefix("Error: missing '--shards <N>'\nUsage: policysim slurm "), outcome.error)
  }
}
