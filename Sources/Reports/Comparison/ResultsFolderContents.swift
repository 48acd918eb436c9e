import Foundation

/// The files of a results folder read back: `manifest.json`, `summary.csv` and
/// `comparison.csv`, as written by `policysim run`.
///
/// Why: `policysim compare` works from the files a run left behind, so a comparison can be
/// made of any results folder (another machine's, an older run's) without simulating.
/// Columns are found by name, so columns added later (swept parameter values after
/// `option`, new metrics) are tolerated.
public struct ResultsFolderContents: Sendable {
  /// The folder's path as given.
  public let path: String
  /// The baseline option's name (from the manifest).
  public let baseline: String
  /// Replications run (from the manifest).
  public let replications: Int
  /// `summary.csv`.
  public let summary: CSVReader
  /// `comparison.csv`.
  public let comparison: CSVReader

  /// Why a folder cannot be read as a results folder; `description` is the message shown.
  public struct ReadError: Error, Sendable, CustomStringConvertible {
    /// The message, naming the path.
    public let description: String
  }

  /// Reads the folder at `path`.
  /// - Throws: `ReadError` when the folder is missing, is not a results folder (no
  ///   `manifest.json`), or a file is malformed or lacks a required column.
  public init(path: String) throws(ReadError) {
    self.path = path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ReadError(description: "\(path): no such folder") }
    guard isDirectory.boolValue else { throw ReadError(description: "\(path): is a file, not a results folder") }
    let manifestPath = (path as NSString).appendingPathComponent("manifest.json")
    guard let manifestData = FileManager.default.contents(atPath: manifestPath) else {
      throw ReadError(description: "\(path): not a PolicySim results folder (no manifest.json); give the folder written by 'policysim run'")
    }
    guard let manifest = try? JSONSerialization.jsonObject(with: manifestData) as? [String: Any], let baseline = manifest["baseline"] as? String else {
      throw ReadError(description: "\(manifestPath): not a PolicySim manifest (no \"baseline\")")
    }
    self.baseline = baseline
    self.replications = manifest["replications"] as? Int ?? 0
    summary = try Self.table(path, "summary.csv", columns: ["option", "year", "metric", "mean", "se"])
    comparison = try Self.table(
      path, "comparison.csv", columns: ["option", "year", "metric", "option_mean", "difference", "se", "ci95_low", "ci95_high", "distinguishable"])
  }

  /// Reads and parses one CSV file of the folder, checking that it has the given columns.
  private static func table(_ folder: String, _ name: String, columns: [String]) throws(ReadError) -> CSVReader {
    let file = (folder as NSString).appendingPathComponent(name)
    guard let data = FileManager.default.contents(atPath: file) else { throw ReadError(description: "\(file): missing or unreadable") }
    let table: CSVReader
    do {
      table = try CSVReader(text: String(decoding: data, as: UTF8.self))
    } catch {
      throw ReadError(description: "\(file): \(error.description)")
    }
    if let missing = columns.first(where: { table.column($0) == nil }) {
      throw ReadError(description: "\(file): no column '\(missing)'")
    }
    return table
  }

  /// The years present in `summary.csv`, ascending.
  public var years: [Int] {
    guard let column = summary.column("year") else { return [] }
    return Set(summary.rows.compactMap { $0.indices.contains(column) ? Int($0[column]) : nil }).sorted()
  }

  /// The metrics present in `summary.csv`, in file order, then those only in
  /// `comparison.csv` (such as the cost-effectiveness rows), in file order.
  public var metrics: [String] {
    var seen: Set<String> = []
    var names: [String] = []
    for table in [summary, comparison] {
      guard let column = table.column("metric") else { continue }
      for row in table.rows where row.indices.contains(column) && seen.insert(row[column]).inserted { names.append(row[column]) }
    }
    return names
  }
}
