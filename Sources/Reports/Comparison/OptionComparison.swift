import Foundation

/// Options against the baseline for chosen years and metrics, read from a results folder:
/// the table printed by `policysim compare`.
///
/// Each metric of each year gives one block: the baseline's mean, then each other option's
/// mean and its paired difference with the baseline (95% interval from `comparison.csv`).
public struct OptionComparison: Sendable {
  /// One line of the table.
  public struct Row: Sendable, Equatable {
    /// Calendar year.
    public var year: Int
    /// Metric name.
    public var metric: String
    /// Option name.
    public var option: String
    /// Whether this is the baseline's line (no difference).
    public var isBaseline: Bool
    /// The option's mean, as written in the CSV.
    public var value: String
    /// Difference with the baseline, its 95% interval and `distinguishable` as written
    /// (empty for the baseline).
    public var difference: String, low: String, high: String, distinguishable: String
  }

  /// The baseline's name.
  public let baseline: String
  /// Replications behind the means.
  public let replications: Int
  /// Lines in year, metric, option order (the baseline first in each block).
  public let rows: [Row]

  /// Selects rows from a results folder. Options keep the order of `summary.csv`.
  public init(_ contents: ResultsFolderContents, years: [Int], metrics: [String]) {
    baseline = contents.baseline
    replications = contents.replications
    let summary = contents.summary
    let comparison = contents.comparison
    func field(_ table: CSVReader, _ row: [String], _ name: String) -> String {
      guard let index = table.column(name), row.indices.contains(index) else { return "" }
      return row[index]
    }
    var means: [String: String] = [:]
    var options: [String] = []
    for row in summary.rows {
      let option = field(summary, row, "option")
      if !options.contains(option) { options.append(option) }
      means["\(option)\u{0}\(field(summary, row, "year"))\u{0}\(field(summary, row, "metric"))"] = field(summary, row, "mean")
    }
    var differences: [String: [String]] = [:]
    for row in comparison.rows {
      let option = field(comparison, row, "option")
      let yearAndMetric = "\(field(comparison, row, "year"))\u{0}\(field(comparison, row, "metric"))"
      differences["\(option)\u{0}\(yearAndMetric)"] = ["difference", "ci95_low", "ci95_high", "distinguishable"].map { field(comparison, row, $0) }
      if !options.contains(option) { options.append(option) }
      // Rows only in comparison.csv (cost-effectiveness) take their means from it.
      if means["\(option)\u{0}\(yearAndMetric)"] == nil { means["\(option)\u{0}\(yearAndMetric)"] = field(comparison, row, "option_mean") }
      if means["\(contents.baseline)\u{0}\(yearAndMetric)"] == nil {
        means["\(contents.baseline)\u{0}\(yearAndMetric)"] = field(comparison, row, "baseline_mean")
      }
    }
    var rows: [Row] = []
    let ordered = options.filter { $0 == contents.baseline } + options.filter { $0 != contents.baseline }
    for year in years {
      for metric in metrics {
        for option in ordered {
          let key = "\(option)\u{0}\(year)\u{0}\(metric)"
          guard let value = means[key] else { continue }
          let isBaseline = option == contents.baseline
          let difference = isBaseline ? ["", "", "", ""] : (differences[key] ?? ["", "", "", ""])
          rows.append(
            Row(
              year: year, metric: metric, option: option, isBaseline: isBaseline, value: value, difference: difference[0], low: difference[1],
              high: difference[2], distinguishable: difference[3]))
        }
      }
    }
    self.rows = rows
  }

  /// The CSV columns of `csv()`.
  public static let header = ["year", "metric", "option", "value", "difference", "ci95_low", "ci95_high", "distinguishable"]

  /// The table as RFC 4180 CSV (numbers exactly as in the results folder).
  public func csv() -> String {
    var table = CSVTable(header: Self.header)
    for row in rows {
      table.append([String(row.year), row.metric, row.option, row.value, row.difference, row.low, row.high, row.distinguishable])
    }
    return table.rendered()
  }

  /// The table as aligned text (`markdown: false`) or GitHub Markdown, one block per year
  /// and metric; differences whose 95% interval includes zero are marked `~`.
  public func rendered(markdown: Bool) -> String {
    var text = ""
    var index = 0
    while index < rows.count {
      let year = rows[index].year
      let metric = rows[index].metric
      var block: [Row] = []
      while index < rows.count, rows[index].year == year, rows[index].metric == metric {
        block.append(rows[index])
        index += 1
      }
      if !text.isEmpty { text += "\n" }
      text += markdown ? "### \(metric), \(year)\n\n" : "\(metric), \(year):\n"
      var cells: [[String]] = [["option", "value", "difference", "95% CI", ""]]
      for row in block {
        let name = row.isBaseline && row.option != "baseline" ? row.option + " (baseline)" : row.option
        guard !row.isBaseline, let difference = Double(row.difference), let low = Double(row.low), let high = Double(row.high) else {
          cells.append([name, Self.display(row.value, metric: metric), "", "", ""])
          continue
        }
        cells.append([
          name, Self.display(row.value, metric: metric), Self.display(difference, metric: metric, signed: true),
          "[\(Self.display(low, metric: metric, signed: true)), \(Self.display(high, metric: metric, signed: true))]",
          row.distinguishable == "yes" ? "" : "~",
        ])
      }
      text += markdown ? Self.markdownTable(cells) : Self.textTable(cells)
    }
    let note = "Differences are paired (common random numbers), over \(replications) replications; ~ marks a 95% interval that includes zero."
    return text + (markdown ? "\n" + note + "\n" : "\n" + note + "\n")
  }

  /// Metrics shown as percentages (shares of persons).
  static let shares: Set<String> = ["incidence"]
  /// Metrics shown with five decimals (indices between 0 and 1).
  static let indices: Set<String> = ["poverty_gap", "poverty_gap_squared"]

  static func display(_ text: String, metric: String) -> String {
    Double(text).map { display($0, metric: metric, signed: false) } ?? text
  }

  /// A number for reading: incidence in percent, gaps with five decimals, others grouped.
  static func display(_ value: Double, metric: String, signed: Bool) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "Inf") }
    let sign = signed && value > 0 ? "+" : ""
    if shares.contains(metric) { return sign + String(format: "%.2f%%", value * 100) }
    if indices.contains(metric) { return sign + String(format: "%.5f", value) }
    if abs(value) >= 1000 || value == value.rounded() { return sign + grouped(value) }
    return sign + String(format: "%.4g", value)
  }

  /// 1234567.8 → "1,234,568".
  static func grouped(_ value: Double) -> String {
    let digits = String(format: "%.0f", abs(value))
    var result = ""
    for (offset, character) in digits.reversed().enumerated() {
      if offset > 0 && offset % 3 == 0 { result.append(",") }
      result.append(character)
    }
    let rounded = (abs(value)).rounded()
    return (value < 0 && rounded != 0 ? "-" : "") + String(result.reversed())
  }

  static func textTable(_ cells: [[String]]) -> String {
    TextTable.render(cells, leftAligned: [0, (cells.first?.count ?? 1) - 1])
  }

  static func markdownTable(_ cells: [[String]]) -> String {
    let header = ["option", "value", "difference", "95% CI", "n.s."]
    var text = "| " + header.joined(separator: " | ") + " |\n|---|---:|---:|---:|:---:|\n"
    for row in cells.dropFirst() {
      text += "| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
    }
    return text
  }
}
