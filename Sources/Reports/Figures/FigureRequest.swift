import ScenarioLanguage

/// What `policysim plot` is asked to draw: a kind of figure, a metric, optionally a subset
/// of options and a year; checked against a results folder before drawing.
public struct FigureRequest: Sendable, Equatable {
  /// The kind of figure.
  public var kind: FigureKind
  /// The metric (a `metric` value of `summary.csv`).
  public var metric: String
  /// The options to draw, in this order (all options when nil).
  public var options: [String]?
  /// The year of a bar or sweep chart (the last year when nil).
  public var year: Int?

  /// Creates a request.
  public init(kind: FigureKind = .fan, metric: String, options: [String]? = nil, year: Int? = nil) {
    self.kind = kind
    self.metric = metric
    self.options = options
    self.year = year
  }

  /// Draws the figure from `results`.
  /// - Throws: `FigureError` for a metric, option or year the results do not have (with a
  ///   "did you mean" suggestion), a difference chart without a non-baseline option, or a
  ///   sweep chart of a run without a sweep.
  public func render(_ results: SavedResults) throws(FigureError) -> String {
    guard results.metrics.contains(metric) else {
      throw FigureError(
        "unknown metric '\(metric)'\(Self.suggestion(metric, results.metrics)); the results have: \(results.metrics.joined(separator: ", "))",
        cause: .request)
    }
    let chosen = options ?? results.options
    for option in chosen where !results.options.contains(option) {
      throw FigureError(
        "unknown option '\(option)'\(Self.suggestion(option, results.options)); the results have: \(results.options.map { "'\($0)'" }.joined(separator: ", "))",
        cause: .request)
    }
    guard let lastYear = results.years.last else { throw FigureError("the results have no rows", cause: .results) }
    let year = self.year ?? lastYear
    guard results.years.contains(year) else {
      throw FigureError("no year \(year) in the results, which run from \(results.years[0]) to \(lastYear)", cause: .request)
    }
    switch kind {
    case .fan:
      return FanChart(results: results, metric: metric, options: chosen).svg()
    case .bars:
      return OptionBars(results: results, metric: metric, options: chosen, year: year).svg()
    case .difference:
      let compared = chosen.filter { $0 != results.baseline && !results.comparison(option: $0, metric: metric).isEmpty }
      guard !compared.isEmpty else {
        throw FigureError(
          "a difference chart needs an option other than the baseline '\(results.baseline)' with rows in comparison.csv", cause: .results)
      }
      return DifferenceChart(results: results, metric: metric, options: compared).svg()
    case .sweep:
      guard !results.sweptParameters.isEmpty else {
        throw FigureError(
          "the results have no swept parameter (no sweep columns in summary.csv); a sweep chart needs a scenario with a 'sweep'", cause: .results)
      }
      guard
        let parameter = results.sweptParameters.first(where: { parameter in chosen.contains { results.sweepValue(option: $0, parameter: parameter) != nil } })
      else {
        throw FigureError("none of the options drawn belongs to a sweep of \(results.sweptParameters.joined(separator: ", "))", cause: .request)
      }
      // By default the sweep against the baseline alone; other options only when asked for.
      let drawn = options ?? chosen.filter { $0 == results.baseline || results.sweepValue(option: $0, parameter: parameter) != nil }
      return SweepChart(results: results, metric: metric, parameter: parameter, options: drawn, year: year).svg()
    }
  }

  /// " (did you mean 'x'?)" or "".
  private static func suggestion(_ name: String, _ candidates: [String]) -> String {
    NameSuggestion.closest(to: name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
  }
}
