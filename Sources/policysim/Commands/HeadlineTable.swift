import Foundation
import Reports
import Simulation

/// The short table printed after a run: the last year's headline metrics per option.
enum HeadlineTable {
  static func render(_ results: ReplicationResults) -> String {
    let year = results.years.count - 1
    let columns: [(metric: String, title: String, format: (Double) -> String)] = [
      ("incidence", "incidence", { String(format: "%.2f%%", $0 * 100) }),
      ("poverty_gap", "poverty gap", { String(format: "%.5f", $0) }),
      ("mean_income", "mean income", { String(format: "%.0f", $0) }),
      ("relocated_households", "relocated", { String(format: "%.0f", $0) }),
      ("cost_total", "cost (yuan)", { compact($0) }),
    ]
    var rows: [[String]] = [["option"] + columns.map(\.title)]
    for option in results.options.indices {
      let isBaseline = option == results.baselineIndex && results.options[option] != "baseline"
      var row = [results.options[option] + (isBaseline ? " (baseline)" : "")]
      for column in columns {
        guard let metric = results.metrics.firstIndex(of: column.metric) else { row.append("-"); continue }
        let statistics = SummaryStatistics(results.samples(option: option, year: year, metric: metric))
        row.append(column.format(statistics.mean) + (statistics.count > 1 ? " ± " + column.format(1.96 * statistics.se) : ""))
      }
      rows.append(row)
    }
    return "Year \(results.years[year]) (mean ± 95% CI half-width over \(results.replications.count) replications):\n" + TextTable.render(rows)
  }

  /// 1234567 → "1.23M".
  static func compact(_ value: Double) -> String {
    let magnitude = abs(value)
    if magnitude >= 1e9 { return String(format: "%.2fG", value / 1e9) }
    if magnitude >= 1e6 { return String(format: "%.2fM", value / 1e6) }
    if magnitude >= 1e4 { return String(format: "%.1fk", value / 1e3) }
    return String(format: "%.0f", value)
  }
}
