import Foundation

/// The notebook exported for one results folder: it explains the run (from `manifest.json`),
/// loads `summary.csv` and `comparison.csv` with pandas, and redraws the figures with
/// matplotlib.
///
/// Determinism: the notebook depends only on the manifest's description of the run
/// (scenario, file, hash, seed, replications, households, years, options, settings, tool
/// version) and on the path to the results, never on times, threads or the command line,
/// so exporting the same run twice gives the same bytes.
///
/// Tolerance: the Python code selects columns and rows by name, so extra columns (e.g. swept
/// parameters after `option`) and extra metrics in the CSVs are ignored, and a metric that
/// is missing is reported in the cell's output instead of failing.
public struct RunNotebook: Sendable {
  /// The run, as recorded in its `manifest.json`.
  public var manifest: RunManifest
  /// The results folder as the notebook names it: relative to the notebook's folder.
  public var resultsPath: String

  /// A notebook for a run whose results are at `resultsPath` from the notebook.
  public init(manifest: RunManifest, resultsPath: String) {
    self.manifest = manifest
    self.resultsPath = resultsPath
  }

  /// The files a results folder must hold to be exported.
  public static let requiredFiles = ["manifest.json", "summary.csv", "comparison.csv"]

  /// Reads the manifest of the results folder at `folder`.
  /// - Throws: `NotebookInputError` when `folder` is not a folder, lacks one of
  ///   `requiredFiles`, or its manifest cannot be read.
  public static func manifest(inFolder folder: String) throws(NotebookInputError) -> RunManifest {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
      throw NotebookInputError("\(folder): no such folder")
    }
    guard isDirectory.boolValue else { throw NotebookInputError("\(folder): is a file, not a results folder") }
    for name in requiredFiles where !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name)) {
      throw NotebookInputError(
        "\(folder): not a PolicySim results folder (no \(name)); give the folder written by 'policysim run'")
    }
    let path = (folder as NSString).appendingPathComponent("manifest.json")
    guard let data = FileManager.default.contents(atPath: path) else { throw NotebookInputError("\(path): cannot be read") }
    do {
      return try JSONDecoder().decode(RunManifest.self, from: data)
    } catch {
      throw NotebookInputError("\(path): not a PolicySim manifest (invalid JSON or a key missing)")
    }
  }

  /// The notebook.
  public func document() -> NotebookDocument {
    NotebookDocument(cells: [
      .markdown("title", title),
      .code("setup", NotebookPython.setup(resultsPath: resultsPath, scenario: manifest.scenario, baseline: manifest.baseline)),
      .markdown("summary-about", NotebookPython.summaryAbout),
      .code("summary-load", NotebookPython.summaryLoad),
      .markdown("comparison-about", NotebookPython.comparisonAbout(baseline: manifest.baseline)),
      .code("comparison-load", NotebookPython.comparisonLoad),
      .markdown("headline-about", NotebookPython.headlineAbout),
      .code("headline", NotebookPython.headline),
      .markdown("fan-about", NotebookPython.fanAbout),
      .code("fan-chart", NotebookPython.fanChart),
      .code("fan-incidence", NotebookPython.fanIncidence),
      .markdown("gap-about", NotebookPython.gapAbout),
      .code("fan-gap", NotebookPython.fanGap),
      .markdown("cost-about", NotebookPython.costAbout),
      .code("cost", NotebookPython.cost),
      .markdown("difference-about", NotebookPython.differenceAbout(baseline: manifest.baseline)),
      .code("difference", NotebookPython.difference),
      .markdown("reproduce", reproduce),
    ])
  }

  /// The title cell: what was run, from the manifest.
  var title: String {
    let run = manifest
    var lines = [
      "# \(Self.escaped(run.scenario))",
      "",
      "Results of **PolicySim \(Self.escaped(run.toolVersion))** for the scenario *\(Self.escaped(run.scenario))*. This notebook was written by `policysim notebook`: it reads the run's tables with pandas and redraws the figures with matplotlib.",
      "",
      "| run | |",
      "|---|---|",
      "| scenario file | `\(Self.code(run.scenarioFile))` |",
      "| SHA-256 of the scenario file | `\(run.scenarioSHA256)` |",
      "| years | \(run.firstYear) to \(run.lastYear) |",
      "| households | \(run.households) |",
      "| replications | \(run.replications) |",
      "| seed | \(run.seed) |",
      "| `--set` | \(run.settings.isEmpty ? "none" : run.settings.map { "`\(Self.code($0))`" }.joined(separator: ", ")) |",
      "| tool version | \(Self.escaped(run.toolVersion)) |",
      "",
      "Options, in the scenario's order; each differs from the scenario as written by its overrides, and replication *r* of every option uses the same random numbers:",
      "",
      "| option | overrides |",
      "|---|---|",
    ]
    for option in run.options {
      let name = Self.escaped(option.name) + (option.name == run.baseline ? " (baseline)" : "")
      let overrides = option.overrides.isEmpty ? "none" : option.overrides.map { "`\(Self.code($0))`" }.joined(separator: "<br>")
      lines.append("| \(name) | \(overrides) |")
    }
    return lines.joined(separator: "\n")
  }

  /// The closing cell: how to get the same results again.
  var reproduce: String {
    let run = manifest
    let settings = run.settings.map { " --set \(Self.shellQuoted($0))" }.joined()
    return """
      ## Reproducing

      The CSV files come out byte for byte the same from the same scenario file (check its SHA-256 above), seed, replications, households and `--set` values:

      ```sh
      policysim run \(Self.shellQuoted(run.scenarioFile)) --seed \(run.seed) --replications \(run.replications) --households \(run.households)\(settings) --out RESULTS
      policysim notebook RESULTS --out NOTEBOOK.ipynb
      ```
      """
  }

  /// Text safe in Markdown prose and table cells.
  static func escaped(_ text: String) -> String {
    var result = ""
    for character in text {
      if "\\`*_[]<>|#".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }

  /// Text safe inside a Markdown code span in a table (`|` cannot be escaped there).
  static func code(_ text: String) -> String {
    text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|")
  }

  /// A POSIX shell word: bare when it is plain, otherwise in single quotes.
  static func shellQuoted(_ text: String) -> String {
    let plain =
      !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./=:,+".unicodeScalars.contains($0) }
    return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
