/// Each option minus the baseline over the years: the mean paired difference (from
/// `comparison.csv`) as a line, inside a band for its 95% confidence interval, with the
/// zero line marked. An interval that leaves the zero line marks a difference the run can
/// distinguish from Monte Carlo noise.
public struct DifferenceChart: Sendable {
  /// The results drawn.
  public let results: SavedResults
  /// The metric drawn.
  public let metric: String
  /// The options drawn (not the baseline).
  public let options: [String]

  /// Creates a chart of `metric` for `options`, each against the baseline.
  public init(results: SavedResults, metric: String, options: [String]) {
    self.results = results
    self.metric = metric
    self.options = options
  }

  /// The SVG text.
  public func svg() -> String {
    let unit = MetricUnit(metric: metric)
    let series = options.map { (option: $0, records: results.comparison(option: $0, metric: metric)) }
    let yScale = AxisScale(covering: series.flatMap { $0.records.flatMap { [$0.low, $0.high] } }, includingZero: true)
    let frame = ChartFrame.overYears(
      results, options: options, yScale: yScale, unit: unit,
      moreLegend: [ChartLegend.Entry(label: "95% confidence interval", swatch: .band(colour: "#555555", opacity: 0.22))])
    let title = MetricUnit.title(of: metric)
    var svg = SVGDocument(width: ChartFrame.width, height: ChartFrame.height, title: "\(results.scenario): \(title), difference from \(results.baseline)")
    frame.draw(
      into: &svg, title: results.scenario,
      subtitle: "\(title): option minus \(results.baseline), paired over \(ReplicationCount.text(results.replications))",
      xTitle: "Year", yTitle: "Difference (\(unit.axisUnit(ticks: yScale.ticks, difference: true)))")
    let zero = SVGNumber.format(frame.y(0))
    svg.element(
      "line",
      [
        ("x1", SVGNumber.format(frame.left)), ("y1", zero), ("x2", SVGNumber.format(frame.right)), ("y2", zero), ("stroke", ColourPalette.axis),
        ("stroke-width", "1.5"),
      ])
    for (option, records) in series where !records.isEmpty {
      let index = results.colourIndex(of: option)
      let colour = ColourPalette.colour(index)
      svg.open("g", [("class", "option"), ("data-option", option)])
      let upper = records.map { (frame.x(Double($0.year)), frame.y($0.high)) }
      let lower = records.reversed().map { (frame.x(Double($0.year)), frame.y($0.low)) }
      let path =
        (upper + lower).enumerated().map { "\($0.offset == 0 ? "M" : "L")\(SVGNumber.format($0.element.0)),\(SVGNumber.format($0.element.1))" }
        .joined(separator: " ") + " Z"
      svg.element("path", [("d", path), ("fill", colour), ("fill-opacity", "0.22"), ("stroke", "none")])
      var line: [SVGDocument.Attribute] = [
        ("points", records.map { "\(SVGNumber.format(frame.x(Double($0.year)))),\(SVGNumber.format(frame.y($0.difference)))" }.joined(separator: " ")),
        ("fill", "none"), ("stroke", colour), ("stroke-width", "2.5"), ("stroke-linejoin", "round"),
      ]
      let dash = ColourPalette.dash(index)
      if !dash.isEmpty { line.append(("stroke-dasharray", dash)) }
      svg.element("polyline", line)
      svg.close()
    }
    frame.legend.draw(into: &svg, x: frame.legendOrigin.x, y: frame.legendOrigin.y)
    return svg.rendered()
  }
}
