import Foundation

/// What a metric measures, for axis titles and tick labels: shares are drawn as percentages,
/// money in yuan (in thousands, millions or billions when large), counts as persons or
/// households.
public enum MetricUnit: Sendable, Equatable {
  /// A share from 0 to 1, drawn as %.
  case share
  /// Yuan per person per year (incomes).
  case yuanPerPerson
  /// Yuan (fiscal cost).
  case yuan
  /// Persons.
  case persons
  /// Households.
  case households

  /// The unit of a metric of `summary.csv` (docs/outputs.md § Metrics).
  public init(metric: String) {
    if let (base, _) = Self.category(of: metric) {
      self.init(metric: base)
      return
    }
    switch metric {
    case "incidence", "poverty_gap", "poverty_gap_squared": self = .share
    case "mean_income", "median_income": self = .yuanPerPerson
    case "poor_people", "people": self = .persons
    default:
      if metric.hasPrefix("cost_") {
        self = .yuan
      } else {
        self = .households
      }
    }
  }

  /// A readable name for a metric: "Poverty incidence", "Total fiscal cost", "Cost of relocation".
  public static func title(of metric: String) -> String {
    if let (base, category) = category(of: metric) {
      return "\(title(of: base)) (\(category.replacingOccurrences(of: "=", with: " = ")))"
    }
    switch metric {
    case "incidence": return "Poverty incidence"
    case "poverty_gap": return "Poverty gap (FGT1)"
    case "poverty_gap_squared": return "Squared poverty gap (FGT2)"
    case "mean_income": return "Mean income"
    case "median_income": return "Median income"
    case "poor_people": return "Poor people"
    case "people": return "People"
    case "registered_households": return "Registered households"
    case "relocated_households": return "Relocated households"
    case "cost_total": return "Total fiscal cost"
    default:
      for (prefix, name) in [
        ("participants_", "Participants in "), ("cost_", "Cost of "), ("shocked_households_", "Households hit by "), ("employed_", "Employed after training "), ("hit_villages_", "Villages hit by "),
      ]
      where metric.hasPrefix(prefix) {
        return name + metric.dropFirst(prefix.count).replacingOccurrences(of: "_", with: " ")
      }
      let words = metric.replacingOccurrences(of: "_", with: " ")
      return words.prefix(1).uppercased() + words.dropFirst()
    }
  }

  /// A per-category metric of `report by` (`incidence[village=upper]`): the base metric and
  /// the category (`village=upper`); nil for other metrics.
  static func category(of metric: String) -> (base: String, category: String)? {
    guard metric.hasSuffix("]"), let open = metric.firstIndex(of: "["), open != metric.startIndex else { return nil }
    return (String(metric[..<open]), String(metric[metric.index(after: open)..<metric.index(before: metric.endIndex)]))
  }

  /// The factor values are divided by for ticks, and its word ("million"), chosen from the
  /// largest tick so that labels stay short.
  func magnitude(of ticks: [Double]) -> (divisor: Double, word: String) {
    guard self != .share else { return (0.01, "") }
    let largest = ticks.map(abs).max() ?? 0
    if largest >= 1e9 { return (1e9, "billion ") }
    if largest >= 1e6 { return (1e6, "million ") }
    if largest >= 1e5 { return (1e3, "thousand ") }
    return (1, "")
  }

  /// The unit text of an axis title for these ticks, e.g. "% of persons", "million yuan";
  /// for a `difference` from the baseline, shares are in percentage points.
  public func axisUnit(ticks: [Double], difference: Bool = false) -> String {
    let word = magnitude(of: ticks).word
    switch self {
    case .share: return difference ? "percentage points" : "%"
    case .yuanPerPerson: return "\(word)yuan per person per year"
    case .yuan: return "\(word)yuan"
    case .persons: return "\(word)persons"
    case .households: return "\(word)households"
    }
  }

  /// Tick labels with as many decimals as the step needs and thousands separators:
  /// 0.125 with step 0.025 as a share → "12.5"; 25000 → "25,000"; 3e7 → "30" (million).
  public func tickLabels(_ ticks: [Double], step: Double) -> [String] {
    let divisor = magnitude(of: ticks).divisor
    let scaledStep = step / divisor
    var decimals = 0
    while decimals < 6 && abs(scaledStep * pow(10, Double(decimals)) - (scaledStep * pow(10, Double(decimals))).rounded()) > 1e-6 {
      decimals += 1
    }
    return ticks.map { Self.grouped($0 / divisor, decimals: decimals) }
  }

  /// A value with `decimals` decimals and commas between thousands ("−" for minus).
  static func grouped(_ value: Double, decimals: Int) -> String {
    let text = SVGNumber.format(abs(value), decimals: decimals)
    let parts = text.split(separator: ".", maxSplits: 1)
    var whole = String(parts[0])
    var groups: [String] = []
    while whole.count > 3 {
      groups.insert(String(whole.suffix(3)), at: 0)
      whole.removeLast(3)
    }
    groups.insert(whole, at: 0)
    var result = groups.joined(separator: ",")
    if parts.count > 1 {
      result += "." + parts[1].padding(toLength: decimals, withPad: "0", startingAt: 0)
    } else if decimals > 0 {
      result += "." + String(repeating: "0", count: decimals)
    }
    return (value < 0 && text != "0" ? "\u{2212}" : "") + result
  }
}

extension MetricUnit {
  /// Tick labels of a quantity without a known unit (a swept parameter's values), with as
  /// many decimals as the step needs and thousands separators.
  public static func plainLabels(_ ticks: [Double], step: Double) -> [String] {
    var decimals = 0
    while decimals < 6 && abs(step * pow(10, Double(decimals)) - (step * pow(10, Double(decimals))).rounded()) > 1e-6 { decimals += 1 }
    return ticks.map { grouped($0, decimals: decimals) }
  }
}
