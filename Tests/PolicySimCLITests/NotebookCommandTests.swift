import Foundation
import XCTest

/// `policysim notebook`.
final class NotebookCommandTests: XCTestCase {
  /// Runs the reference county small into `folder/out` (relative to `folder`).
  private func runSmall(in folder: String, out: String, threads: Int = 2) throws {
    let outcome = try PolicySimBinary.run(
      [
        "run", PolicySimBinary.referenceScenario, "--replications", "3", "--households", "200", "--threads", String(threads),
        "--out", out, "--quiet",
      ], in: folder)
    XCTAssertEqual(outcome.status, 0, outcome.error)
  }

  private func bytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }

  func testWritesANotebookThatReadsTheResultsRelativeToItself() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try runSmall(in: folder, out: "results/reference-county")
    let outcome = try PolicySimBinary.run(["notebook", "results/reference-county"], in: folder)
    XCTAssertEqual(outcome.status, 0, outcome.error)
    XCTAssertEqual(
      outcome.output,
      "Wrote notebooks-export/reference-county.ipynb (reads ../results/reference-county relative to the notebook)\n")
    let notebook = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: bytes(folder + "/notebooks-export/reference-county.ipynb")) as? [String: Any])
    XCTAssertEqual(notebook["nbformat"] as? Int, 4)
    XCTAssertEqual(notebook["nbformat_minor"] as? Int, 5)
    let cells = try XCTUnwrap(notebook["cells"] as? [[String: Any]])
    let setup = (cells[1]["source"] as? [String] ?? []).joined()
    XCTAssertTrue(setup.contains("RESULTS = Path(\"../results/reference-county\")"), setup)
    let title = (cells[0]["source"] as? [String] ?? []).joined()
    XCTAssertTrue(title.contains("# Reference county"), title)
    XCTAssertTrue(title.contains("| replications | 3 |"), title)
  }

  func testOutAndDataAndQuiet() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try runSmall(in: folder, out: "run")
    let outcome = try PolicySimBinary.run(
      ["notebook", "run", "--out", "deep/er/x.ipynb", "--data", "/data/run", "--quiet"], in: folder)
    XCTAssertEqual(outcome.status, 0, outcome.error)
    XCTAssertEqual(outcome.output, "")
    let text = try String(contentsOfFile: folder + "/deep/er/x.ipynb", encoding: .utf8)
    XCTAssertTrue(text.contains(#"RESULTS = Path(\"/data/run\")"#), text)
  }

  /// The determinism promise of `tools/figures.sh` on a small case: two runs with the same
  /// settings (on different thread counts) give the same CSV bytes and the same notebook.
  func testTwoRunsGiveIdenticalCSVsAndNotebooks() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    for (copy, threads) in [("one", 1), ("two", 2)] {
      try runSmall(in: folder, out: "\(copy)/data/reference-county", threads: threads)
      let outcome = try PolicySimBinary.run(
        ["notebook", "\(copy)/data/reference-county", "--out", "\(copy)/reference-county.ipynb"], in: folder)
      XCTAssertEqual(outcome.status, 0, outcome.error)
    }
    for file in ["data/reference-county/summary.csv", "data/reference-county/comparison.csv", "reference-county.ipynb"] {
      XCTAssertEqual(try bytes("\(folder)/one/\(file)"), try bytes("\(folder)/two/\(file)"), file)
    }
  }

  func testMissingFolderIsAnInputError() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let outcome = try PolicySimBinary.run(["notebook", "nowhere"], in: folder)
    XCTAssertEqual(outcome.status, 1)
    XCTAssertEqual(outcome.error, "error: nowhere: no such folder\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/notebooks-export"))
  }

  func testFolderWithoutResultsIsAnInputError() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try FileManager.default.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: true)
    let outcome = try PolicySimBinary.run(["notebook", "empty"], in: folder)
    XCTAssertEqual(outcome.status, 1)
    XCTAssertEqual(
      outcome.error, "error: empty: not a PolicySim results folder (no manifest.json); give the folder written by 'policysim run'\n")
  }

  func testOutThatIsAFolderIsAnInputError() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try runSmall(in: folder, out: "run")
    let outcome = try PolicySimBinary.run(["notebook", "run", "--out", "run"], in: folder)
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.error.hasPrefix("error: run: is a folder"), outcome.error)
  }

  func testUnwritableOutIsExit73() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    try runSmall(in: folder, out: "run")
    try Data().write(to: URL(fileURLWithPath: folder + "/file"))
    let outcome = try PolicySimBinary.run(["notebook", "run", "--out", "file/x.ipynb"], in: folder)
    XCTAssertEqual(outcome.status, 73)
    XCTAssertTrue(outcome.error.hasPrefix("error: cannot create directory file"), outcome.error)
  }

  func testUsageErrors() throws {
    let missing = try PolicySimBinary.run(["notebook"])
    XCTAssertEqual(missing.status, 64)
    XCTAssertTrue(missing.error.hasPrefix("Error: missing results folder\nUsage: policysim notebook <results-dir>"), missing.error)
    XCTAssertTrue(missing.error.contains("See 'policysim notebook --help'"), missing.error)
    let unknown = try PolicySimBinary.run(["notebook", "x", "--outt", "y"])
    XCTAssertEqual(unknown.status, 64)
    XCTAssertTrue(unknown.error.hasPrefix("Error: unknown option '--outt' (did you mean '--out'?)"), unknown.error)
    let extra = try PolicySimBinary.run(["notebook", "x", "y"])
    XCTAssertEqual(extra.status, 64)
    XCTAssertTrue(extra.error.hasPrefix("Error: unexpected argument 'y'"), extra.error)
  }

  func testHelp() throws {
    let outcome = try PolicySimBinary.run(["notebook", "--help"])
    XCTAssertEqual(outcome.status, 0)
    XCTAssertTrue(outcome.output.contains("USAGE: policysim notebook <results-dir> [--out <file.ipynb>]"), outcome.output)
    let overview = try PolicySimBinary.run(["help"])
    XCTAssertTrue(overview.output.contains("  notebook   Export a Jupyter notebook"), overview.output)
  }
}
