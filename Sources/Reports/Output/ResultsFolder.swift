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
  @discardableResult
  public func write(_ results: ReplicationResults, manifest: RunManifest) throws(OutputError) -> [String] {
    try AtomicFile.createDirectory(path)
    var manifest = manifest
    let files: [(String, String)] = [
      ("summary.csv", SummaryTable.make(results).rendered()),
      ("comparison.csv", ComparisonTable.make(results).rendered()),
    ]
    manifest.files = files.map(\.0) + ["manifest.json"]
    var written: [String] = []
    for (name, text) in files + [("manifest.json", manifest.json())] {
      let file = (path as NSString).appendingPathComponent(name)
      try AtomicFile.write(text, to: file)
      written.append(file)
    }
    return written
  }
}
