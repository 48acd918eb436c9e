import Foundation
import Reports

/// Small results folders as text, for figure tests: a swept run written by hand, so that
/// every number (and so every golden SVG byte) is fixed.
enum FigureFixture {
  /// `summary.csv` of a run with a baseline, a named option and a four-step sweep of
  /// `relocation.subsidy`, over 2016–2020, for `incidence` and `cost_total`.
  static var sweptSummary: String {
    var table = CSVTable(header: ["option", "relocation.subsidy", "year", "metric", "mean", "sd", "se", "p05", "p25", "p50", "p75", "p95"])
    let options: [(String, Double?)] = [("baseline", nil), ("free house", nil)] + [20000.0, 40000, 60000, 80000].map { ("relocation.subsidy=\(Int($0))", $0) }
    for (index, (option, subsidy)) in options.enumerated() {
      for (step, year) in (2016...2020).enumerated() {
        let effect = (subsidy ?? (index == 1 ? 50000 : 0)) / 10_000_000 * Double(step)
        let incidence = 0.22 - 0.01 * Double(step) - effect
        let cost = subsidy.map { $0 * 40 * Double(step) } ?? 1_500_000 * Double(step) * Double(index)
        for (metric, mean, spread) in [("incidence", incidence, 0.01), ("cost_total", cost, cost * 0.1)] {
          let numbers = [mean, spread, spread / 4, mean - 1.6 * spread, mean - 0.7 * spread, mean, mean + 0.7 * spread, mean + 1.6 * spread]
          table.append([option, subsidy.map { CSVNumber.format($0) } ?? "", String(year), metric] + numbers.map(CSVNumber.format))
        }
      }
    }
    return table.rendered()
  }

  /// The manifest of that run.
  static let sweptManifest = """
    {
      "baseline" : "baseline",
      "replications" : 16,
      "scenario" : "Swept county",
      "swept_parameters" : [
        "relocation.subsidy"
      ]
    }
    """

  /// The run read back (without `comparison.csv`).
  static func swept() throws -> SavedResults {
    try SavedResults(summary: sweptSummary, comparison: nil, manifest: sweptManifest, name: "swept")
  }
}
