/// The figures `policysim run --plot` writes next to the CSV files: the fan chart of
/// incidence, bars of incidence and of total cost in the last year, and, with two or more
/// options, the difference of incidence from the baseline, and with a sweep, incidence in
/// the last year against the swept value.
public enum HeadlineFigures {
  /// The file names and requests, in the order written.
  public static func requests(for results: SavedResults) -> [(file: String, request: FigureRequest)] {
    var list: [(String, FigureRequest)] = [
      ("incidence-fan.svg", FigureRequest(kind: .fan, metric: "incidence")),
      ("incidence-bars.svg", FigureRequest(kind: .bars, metric: "incidence")),
      ("cost_total-bars.svg", FigureRequest(kind: .bars, metric: "cost_total")),
    ]
    if results.options.count >= 2 { list.append(("incidence-difference.svg", FigureRequest(kind: .difference, metric: "incidence"))) }
    if !results.sweptParameters.isEmpty { list.append(("incidence-sweep.svg", FigureRequest(kind: .sweep, metric: "incidence"))) }
    return list.filter { results.metrics.contains($0.1.metric) }
  }

  /// The figures as (file name, SVG text); a figure the results cannot give is left out.
  public static func make(_ results: SavedResults) -> [(file: String, svg: String)] {
    requests(for: results).compactMap { file, request in
      (try? request.render(results)).map { (file, $0) }
    }
  }
}
