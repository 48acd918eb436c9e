import ScenarioLanguage

/// Person-weighted sums of one year per category of each `report by` attribute,
/// accumulated block by block in household order (so the result does not depend on
/// threads).
struct BreakdownAccumulator {
  /// Per breakdown, per label code: persons, poor persons, gap, income.
  private var sums: [[Double]]
  private static let fields = 4

  init(rules: ModelRules) {
    let labels = max(1, rules.labels.count)
    sums = rules.breakdowns.map { _ in Array(repeating: 0, count: labels * Self.fields) }
  }

  /// Adds a block: `category` holds label codes, `disposable` per-capita income, `size`
  /// persons.
  mutating func add(
    breakdown: Int, category: UnsafeMutablePointer<Double>, disposable: UnsafeMutablePointer<Double>, size: UnsafeMutablePointer<Double>,
    count: Int, line: Double
  ) {
    sums[breakdown].withUnsafeMutableBufferPointer { sum in
      let codes = sum.count / Self.fields
      for i in 0..<count {
        let code = Int(category[i])
        guard code >= 0, code < codes else { continue }
        let w = size[i]
        let d = disposable[i]
        let base = code * Self.fields
        sum[base] += w
        sum[base + 3] += w * d
        if d < line {
          sum[base + 1] += w
          sum[base + 2] += w * min(1, (line - d) / line)
        }
      }
    }
  }

  /// Writes incidence, poverty gap, mean income and people per category (as the headline
  /// metrics: persons counted as at least 1 in the denominators).
  func write(into metrics: UnsafeMutableBufferPointer<Double>, rules: ModelRules, catalog: MetricCatalog) {
    for (index, breakdown) in rules.breakdowns.enumerated() {
      var metric = catalog.extended.breakdownFirst[index]
      for category in breakdown.categories {
        let base = category.code * Self.fields
        let persons = sums[index][base]
        let people = max(persons, 1)
        metrics[metric] = sums[index][base + 1] / people
        metrics[metric + 1] = sums[index][base + 2] / people
        metrics[metric + 2] = sums[index][base + 3] / people
        metrics[metric + 3] = persons
        metric += ExtendedMetrics.breakdownMetrics.count
      }
    }
  }
}
