import Foundation
import Simulation

/// Writes a run's outputs into a folder, each file atomically (temporary file + rename),
/// so that an interrupted run never leaves a half-written file where a good one was.
public struct ResultsFolder: Sendable {
  /// The folder's path.
  public let path: String

  /// A folder at a path (created when written).
  public init(path: String) {
    self.path = path
  }

  /// Writes `summary.csv`, `comparison.csv` and `manifest.json`; returns the paths written.
  /// `design` adds the swept-value columns and sets the discount rate (see `RunDesign`).
  /// With `figures`, the headline SVG figures (`HeadlineFigures`) are written too, after the
  /// CSV files and before the manifest, which lists them. With `replicationValues`,
  /// `replications.csv` (`ReplicationTable`, what `policysim merge` reads) is written after
  /// `comparison.csv`.
  @discardableResult
  public func write(
    _ results: ReplicationResults, manifest: RunManifest, design: RunDesign = RunDesign(), figures: Bool = false, replicationValues: Bool = false
  ) throws(OutputError) -> [String] {
    try AtomicFile.createDirectory(path)
    var manifest = manifest
    var files: [(String, String)] = [
      ("summary.csv", SummaryTable.make(results, design: design).rendered()),
      ("comparison.csv", ComparisonTable.make(results, design: design).rendered()),
    ]
    if replicationValues {
      files.append((ReplicationTable.fileName, ReplicationTable.make(results, design: design).rendered()))
    }
    if figures, let saved = try? SavedResults(summary: files[0].1, comparison: files[1].1, manifest: manifest.json(), name: manifest.scenario) {
      files += HeadlineFigures.make(saved).map { ($0.file, $0.svg) }
    }
    manifest.files = files.map(\.0) + ["manifest.json"]
    return try AtomicFile.write(files + [("manifest.json", manifest.json())], into: path)
  }
}
