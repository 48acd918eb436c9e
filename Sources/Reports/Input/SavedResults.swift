import Foundation

/// A results folder read back from disk: `summary.csv`, `comparison.csv` and the parts of
/// `manifest.json` that figures need (scenario name, baseline, replications, swept
/// parameters).
///
/// Sweeps: a sweep adds one column per swept parameter to `summary.csv`, named by its path
/// (`relocation.subsidy`) and placed between `option` and `year`; the column holds the
/// option's value of that parameter, empty for options that are not part of that sweep.
///
/// Rows with a value that is not finite (NaN, ±Inf: a ratio with nothing to divide by) are
/// left out, so that a figure leaves that option's year blank rather than drawing it at 0.
public struct SavedResults: Sendable {
  /// The scenario's name (from the manifest; the folder name if there is none).
  public let scenario: String
  /// The baseline option.
  public let baseline: String
  /// Replications behind every figure (0 if unknown).
  public let replications: Int
  /// Option names in scenario order.
  public let options: [String]
  /// Metric names in file order.
  public let metrics: [String]
  /// Simulated years, ascending.
  public let years: [Int]
  /// Swept parameter paths, in column order.
  public let sweptParameters: [String]
  private let summary: [String: [SummaryRecord]]
  private let comparison: [String: [ComparisonRecord]]
  private let sweepValues: [String: [String: Double]]

  /// A problem reading a results folder.
  public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the file.
    public let message: String
    /// The message.
    public var description: String { message }
  }

  /// The parts of `manifest.json` used here; every key is optional so that older and newer
  /// manifests both read.
  private struct Manifest: Decodable {
    var scenario: String?
    var baseline: String?
    var replications: Int?
    var sweptParameters: [String]?
    enum CodingKeys: String, CodingKey {
      case scenario, baseline, replications, sweptParameters = "swept_parameters"
    }
  }

  /// Reads the results folder at `path`.
  /// - Throws: `ReadError` if the folder or `summary.csv` is missing or malformed.
  public init(folder path: String) throws(ReadError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ReadError(message: "\(path): no such results folder")
    }
    guard isDirectory.boolValue else { throw ReadError(message: "\(path): not a folder; give the results folder of a run") }
    func read(_ name: String) -> String? {
      FileManager.default.contents(atPath: (path as NSString).appendingPathComponent(name)).map { String(decoding: $0, as: UTF8.self) }
    }
    guard let summaryText = read("summary.csv") else {
      throw ReadError(message: "\(path): no summary.csv; is this the results folder of 'policysim run'?")
    }
    let folderName = (path as NSString).lastPathComponent
    try self.init(summary: summaryText, comparison: read("comparison.csv"), manifest: read("manifest.json"), name: folderName, folder: path)
  }

  /// Reads results from the texts of the three files (`comparison` and `manifest` may be
  /// missing); `name` stands in for the scenario's name when there is no manifest.
  /// - Throws: `ReadError` naming the file that is malformed.
  public init(summary summaryText: String, comparison comparisonText: String?, manifest manifestText: String?, name: String, folder: String = ".")
    throws(ReadError)
  {
    let manifest = manifestText.flatMap { try? JSONDecoder().decode(Manifest.self, from: Data($0.utf8)) }
    let table: CSVReader
    do {
      table = try CSVReader(text: summaryText)
    } catch {
      throw ReadError(message: "\(folder)/summary.csv: \(error.description)")
    }
    let required = ["option", "year", "metric", "mean", "se", "p05", "p25", "p50", "p75", "p95"]
    var columns: [String: Int] = [:]
    for name in required {
      guard let index = table.column(name) else { throw ReadError(message: "\(folder)/summary.csv: no column '\(name)'") }
      columns[name] = index
    }
    let optionColumn = columns["option"] ?? 0
    let yearColumn = columns["year"] ?? 1
    let sweepColumns = yearColumn > optionColumn + 1 ? Array((optionColumn + 1)..<yearColumn) : []
    sweptParameters = sweepColumns.map { table.header[$0] }

    var summary: [String: [SummaryRecord]] = [:]
    var options: [String] = []
    var metrics: [String] = []
    var years = Set<Int>()
    var sweepValues: [String: [String: Double]] = [:]
    for (index, row) in table.rows.enumerated() {
      guard row.count == table.header.count else {
        throw ReadError(message: "\(folder)/summary.csv: record \(index + 2) has \(row.count) fields, the header \(table.header.count)")
      }
      func number(_ name: String) throws(ReadError) -> Double {
        let text = row[columns[name] ?? 0]
        switch text {
        case "NaN": return .nan
        case "Inf": return .infinity
        case "-Inf": return -.infinity
        default:
          guard let value = Double(text) else {
            throw ReadError(message: "\(folder)/summary.csv: record \(index + 2): '\(text)' in column '\(name)' is not a number")
          }
          return value
        }
      }
      guard let year = Int(row[yearColumn]) else {
        throw ReadError(message: "\(folder)/summary.csv: record \(index + 2): '\(row[yearColumn])' is not a year")
      }
      let record = SummaryRecord(
        option: row[optionColumn], year: year, metric: row[columns["metric"] ?? 2], mean: try number("mean"), se: try number("se"),
        p05: try number("p05"), p25: try number("p25"), p50: try number("p50"), p75: try number("p75"), p95: try number("p95"))
      if !options.contains(record.option) {
        options.append(record.option)
        for column in sweepColumns {
          if let value = Double(row[column]) { sweepValues[record.option, default: [:]][table.header[column]] = value }
        }
      }
      if !metrics.contains(record.metric) { metrics.append(record.metric) }
      years.insert(year)
      let values = [record.mean, record.se, record.p05, record.p25, record.p50, record.p75, record.p95]
      if values.allSatisfy(\.isFinite) { summary[Self.key(record.option, record.metric), default: []].append(record) }
    }
    for key in summary.keys { summary[key]?.sort { $0.year < $1.year } }

    var comparison: [String: [ComparisonRecord]] = [:]
    var comparedBaseline: String?
    if let comparisonText {
      let table: CSVReader
      do {
        table = try CSVReader(text: comparisonText)
      } catch {
        throw ReadError(message: "\(folder)/comparison.csv: \(error.description)")
      }
      let names = ["option", "baseline", "year", "metric", "difference", "ci95_low", "ci95_high"]
      let indices = names.map { table.column($0) }
      if indices.allSatisfy({ $0 != nil }) {
        let at = indices.map { $0 ?? 0 }
        for row in table.rows where row.count == table.header.count {
          guard let year = Int(row[at[2]]), let difference = Double(row[at[4]]), let low = Double(row[at[5]]), let high = Double(row[at[6]]),
            difference.isFinite, low.isFinite, high.isFinite
          else { continue }
          comparedBaseline = row[at[1]]
          let record = ComparisonRecord(option: row[at[0]], year: year, metric: row[at[3]], difference: difference, low: low, high: high)
          comparison[Self.key(record.option, record.metric), default: []].append(record)
        }
      }
    }
    for key in comparison.keys { comparison[key]?.sort { $0.year < $1.year } }

    self.scenario = manifest?.scenario ?? name
    self.baseline = manifest?.baseline ?? comparedBaseline ?? options.first ?? ""
    self.replications = manifest?.replications ?? 0
    self.options = options
    self.metrics = metrics
    self.years = years.sorted()
    self.summary = summary
    self.comparison = comparison
    self.sweepValues = sweepValues
  }

  private static func key(_ option: String, _ metric: String) -> String { option + "\u{0}" + metric }

  /// A metric's rows for one option, by year.
  public func summary(option: String, metric: String) -> [SummaryRecord] {
    summary[Self.key(option, metric)] ?? []
  }

  /// A metric's differences from the baseline for one option, by year (none for the baseline).
  public func comparison(option: String, metric: String) -> [ComparisonRecord] {
    comparison[Self.key(option, metric)] ?? []
  }

  /// The value of a swept parameter in an option, if the option belongs to that sweep.
  public func sweepValue(option: String, parameter: String) -> Double? {
    sweepValues[option]?[parameter]
  }

  /// The options named in `text`, separated by commas (as `--options a,b` gives them); a
  /// name that itself contains commas (a sweep point `a.x=1, b.y=2`) is recognised whole
  /// when it is one of `options`. Unknown names are returned as written, trimmed.
  public func optionNames(_ text: String) -> [String] {
    var names: [String] = []
    var pending: [Substring] = []
    for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
      pending.append(piece)
      let candidate = pending.joined(separator: ",").trimmingCharacters(in: .whitespaces)
      if options.contains(candidate) {
        names.append(candidate)
        pending.removeAll()
      }
    }
    names += pending.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    return names
  }

  /// The option's position in the scenario (which fixes its colour in every figure).
  public func colourIndex(of option: String) -> Int {
    options.firstIndex(of: option) ?? 0
  }
}
