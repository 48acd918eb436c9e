import Foundation
import Reports
import XCTest

/// `RunNotebook`: the exported notebook's JSON, cells and determinism.
final class RunNotebookTests: XCTestCase {
  /// A manifest like the reference county's, with fixed times.
  static func manifest(
    started: String = "2026-11-23T13:00:00Z", threads: Int = 2, commandLine: [String] = ["policysim", "run"]
  ) -> RunManifest {
    RunManifest(
      toolVersion: "0.1.0", scenario: "Reference county", scenarioFile: "scenarios/reference-county.scenario",
      scenarioSHA256: String(repeating: "ab", count: 32), seed: 20_161_231, replications: 50, households: 2000,
      firstYear: 2016, lastYear: 2025,
      options: [
        .init(name: "baseline", overrides: []), .init(name: "subsidy 40k", overrides: ["relocation.subsidy = 40000"]),
        .init(name: "subsidy 60k", overrides: ["relocation.subsidy = 60000"]),
      ],
      baseline: "baseline", settings: [], commandLine: commandLine, started: started, finished: started, threads: threads,
      files: ["summary.csv", "comparison.csv", "manifest.json"])
  }

  /// The notebook of `manifest()` reading `data/reference-county`.
  static func notebook() -> String {
    RunNotebook(manifest: manifest(), resultsPath: "data/reference-county").document().rendered()
  }

  /// The notebook parsed back as JSON.
  private func parsed(_ text: String) throws -> [String: Any] {
    try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// A cell's source joined into one string.
  private func source(_ cell: [String: Any]) -> String {
    (cell["source"] as? [String] ?? []).joined()
  }

  func testNotebookMatchesGoldenFile() throws {
    try Snapshot.assertMatches(Self.notebook(), named: "notebooks/reference-county.ipynb")
  }

  func testNotebookIsNbformat45WithTheExpectedCells() throws {
    let notebook = try parsed(Self.notebook())
    XCTAssertEqual(notebook["nbformat"] as? Int, 4)
    XCTAssertEqual(notebook["nbformat_minor"] as? Int, 5)
    let kernel = (notebook["metadata"] as? [String: Any])?["kernelspec"] as? [String: Any]
    XCTAssertEqual(kernel?["name"] as? String, "python3")
    let cells = try XCTUnwrap(notebook["cells"] as? [[String: Any]])
    let ids = cells.compactMap { $0["id"] as? String }
    XCTAssertEqual(
      ids,
      [
        "title", "setup", "summary-about", "summary-load", "comparison-about", "comparison-load", "headline-about", "headline",
        "fan-about", "fan-chart", "fan-incidence", "gap-about", "fan-gap", "cost-about", "cost", "difference-about", "difference",
        "reproduce",
      ])
    XCTAssertEqual(Set(ids).count, ids.count)
    XCTAssertTrue(ids.allSatisfy(NotebookCell.isValidID))
    for cell in cells {
      let kind = cell["cell_type"] as? String
      XCTAssertTrue(kind == "markdown" || kind == "code")
      XCTAssertNotNil(cell["metadata"] as? [String: Any])
      if kind == "code" {
        XCTAssertTrue(cell["execution_count"] is NSNull)
        XCTAssertEqual((cell["outputs"] as? [Any])?.count, 0)
      } else {
        XCTAssertNil(cell["outputs"])
      }
    }
    let byID = Dictionary(uniqueKeysWithValues: cells.map { ($0["id"] as? String ?? "", $0) })
    let title = source(byID["title"] ?? [:])
    for fact in [
      "# Reference county", "PolicySim 0.1.0", "| seed | 20161231 |", "| replications | 50 |", "| households | 2000 |",
      "| baseline (baseline) | none |", "| subsidy 60k | `relocation.subsidy = 60000` |", "`scenarios/reference-county.scenario`",
    ] {
      XCTAssertTrue(title.contains(fact), "title lacks \(fact):\n\(title)")
    }
    let setup = source(byID["setup"] ?? [:])
    XCTAssertTrue(setup.contains("RESULTS = Path(\"data/reference-county\")"), setup)
    XCTAssertTrue(setup.contains("BASELINE = \"baseline\""), setup)
    XCTAssertTrue(source(byID["summary-load"] ?? [:]).contains("read_table(\"summary.csv\""))
    XCTAssertTrue(source(byID["comparison-load"] ?? [:]).contains("\"comparison.csv\", [\"year\""))
    XCTAssertTrue(source(byID["fan-incidence"] ?? [:]).contains("fan_chart(\"incidence\""))
    XCTAssertTrue(source(byID["fan-gap"] ?? [:]).contains("fan_chart(\"poverty_gap\""))
    XCTAssertTrue(source(byID["cost"] ?? [:]).contains("\"cost_total\""))
    XCTAssertTrue(source(byID["difference"] ?? [:]).contains("ci95_low"))
    XCTAssertTrue(source(byID["reproduce"] ?? [:]).contains("--seed 20161231 --replications 50 --households 2000"))
  }

  func testTimesThreadsAndCommandLineDoNotChangeTheBytes() {
    let other = RunNotebook(
      manifest: Self.manifest(started: "2030-01-01T00:00:00Z", threads: 64, commandLine: ["/elsewhere/policysim", "run", "x"]),
      resultsPath: "data/reference-county"
    ).document().rendered()
    XCTAssertEqual(other, Self.notebook())
  }

  func testAwkwardNamesStayValidPythonAndMarkdown() throws {
    var manifest = Self.manifest()
    manifest.scenario = "Say \"hi\" \\ to | pipes"
    manifest.options = [.init(name: "a | b", overrides: ["x.y = 1"]), .init(name: "NA", overrides: [])]
    manifest.baseline = "a | b"
    manifest.settings = ["relocation.subsidy=40000"]
    let text = RunNotebook(manifest: manifest, resultsPath: "../results/it's here").document().rendered()
    let cells = try XCTUnwrap(try parsed(text)["cells"] as? [[String: Any]])
    let setup = source(cells[1])
    XCTAssertTrue(setup.contains(#"SCENARIO = "Say \"hi\" \\ to | pipes""#), setup)
    XCTAssertTrue(setup.contains(#"RESULTS = Path("../results/it's here")"#), setup)
    let title = source(cells[0])
    XCTAssertTrue(title.contains(#"| a \| b (baseline) | `x.y = 1` |"#), title)
    XCTAssertTrue(title.contains("| `--set` | `relocation.subsidy=40000` |"), title)
    XCTAssertTrue(source(cells.last ?? [:]).contains("--set relocation.subsidy=40000"))
  }

  func testReadingAFolderThatIsNotAResultsFolderFails() throws {
    let folder = try ResultsFixture.temporaryFolder(self)
    XCTAssertThrowsError(try RunNotebook.manifest(inFolder: folder + "/missing")) { error in
      XCTAssertEqual((error as? NotebookInputError)?.message, "\(folder)/missing: no such folder")
    }
    try Data().write(to: URL(fileURLWithPath: folder + "/file"))
    XCTAssertThrowsError(try RunNotebook.manifest(inFolder: folder + "/file")) { error in
      XCTAssertEqual((error as? NotebookInputError)?.message, "\(folder)/file: is a file, not a results folder")
    }
    try Data(Self.manifest().json().utf8).write(to: URL(fileURLWithPath: folder + "/manifest.json"))
    XCTAssertThrowsError(try RunNotebook.manifest(inFolder: folder)) { error in
      XCTAssertEqual(
        (error as? NotebookInputError)?.message,
        "\(folder): not a PolicySim results folder (no summary.csv); give the folder written by 'policysim run'")
    }
    for name in ["summary.csv", "comparison.csv"] {
      try Data().write(to: URL(fileURLWithPath: folder + "/" + name))
    }
    XCTAssertEqual(try RunNotebook.manifest(inFolder: folder), Self.manifest())
    try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/manifest.json"))
    XCTAssertThrowsError(try RunNotebook.manifest(inFolder: folder))
  }

  /// With the CI's Python environment present (`bash .ci/check-notebooks.sh` makes it), the
  /// golden notebook must pass Jupyter's own schema check.
  func testNbformatAcceptsTheNotebook() throws {
    let python = ResultsFixture.packageRoot.appendingPathComponent(".venv-ci/bin/python").path
    guard FileManager.default.isExecutableFile(atPath: python) else {
      throw XCTSkip("no .venv-ci; run bash .ci/check-notebooks.sh to create it")
    }
    let path = try ResultsFixture.temporaryFolder(self) + "/notebook.ipynb"
    try Data(Self.notebook().utf8).write(to: URL(fileURLWithPath: path))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [
      "-c",
      "import sys, nbformat; nb = nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); "
        + "assert (nb.nbformat, nb.nbformat_minor) == (4, 5); "
        + "assert nbformat.writes(nb) + '\\n' == open(sys.argv[1], encoding='utf-8').read(), 'layout differs from nbformat.write'",
      path,
    ]
    try process.run()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "nbformat rejected the notebook")
  }
}
