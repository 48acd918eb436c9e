/// A fan chart: for each option, the median of a metric across replications over the
/// years, with bands holding the middle 50% (p25–p75) and 90% (p05–p95) of replications.
///
/// Up to `overlaidOptions` options share one panel; more get one panel each.
/// The bands show Monte Carlo spread between replications (what one realisation of the
/// county might look like), not the uncertainty of the mean.
public struct FanChart: Sendable {
  /// The results drawn.
  public let results: SavedResults
  /// The metric drawn.
  public let metric: String
  /// The options drawn, in the order given.
  public let options: [String]

  /// Options overlaid in one panel at most; more are drawn as small multiples (`FanPanels`).
  public static let overlaidOptions = 4

  /// Creates a chart of `metric` for `options`.
  public init(results: SavedResults, metric: String, options: [String]) {
    self.results = results
    self.metric = metric
    self.options = options
  }

  /// The SVG text.
  public func svg() -> String {
    let unit = MetricUnit(metric: metric)
    let series = options.map { (option: $0, records: results.summary(option: $0, metric: metric)) }
    let yScale = AxisScale(covering: series.flatMap { $0.records.flatMap { [$0.p05, $0.p95, $0.p50] } }, includingZero: unit == .yuan)
    if options.count > Self.overlaidOptions {
      return FanPanels(results: results, metric: metric, options: options, yScale: yScale, unit: unit).svg()
    }
    let frame = ChartFrame.overYears(
      results, options: options, yScale: yScale, unit: unit,
      moreLegend: [
        ChartLegend.Entry(label: "middle 50% (p25–p75)", swatch: .band(colour: "#555555", opacity: 0.4)),
        ChartLegend.Entry(label: "middle 90% (p05–p95)", swatch: .band(colour: "#555555", opacity: 0.16)),
      ])
    let title = MetricUnit.title(of: metric)
    var svg = SVGDocument(width: ChartFrame.width, height: ChartFrame.height, title: "\(results.scenario): \(title)")
    frame.draw(
      into: &svg, title: results.scenario,
      subtitle: "\(title): median and spread across \(ReplicationCount.text(results.replications))",
      xTitle: "Year", yTitle: "\(title) (\(unit.axisUnit(ticks: yScale.ticks)))")
    let drawn = series.filter { !$0.records.isEmpty }
    // Every band before any line, so that no option's band hides another's median.
    for (lower, upper, opacity) in [(\SummaryRecord.p05, \SummaryRecord.p95, "0.16"), (\SummaryRecord.p25, \SummaryRecord.p75, "0.3")] {
      svg.open("g", [("class", opacity == "0.16" ? "bands-90" : "bands-50"), ("stroke", "none"), ("fill-opacity", opacity)])
      for (option, records) in drawn {
        let colour = ColourPalette.colour(results.colourIndex(of: option))
        svg.element("path", [("d", band(records, frame, lower, upper)), ("fill", colour), ("data-option", option)])
      }
      svg.close()
    }
    svg.open("g", [("class", "medians"), ("fill", "none"), ("stroke-width", "2.5"), ("stroke-linejoin", "round")])
    for (option, records) in drawn {
      let index = results.colourIndex(of: option)
      var line: [SVGDocument.Attribute] = [
        ("points", records.map { "\(SVGNumber.format(frame.x(Double($0.year)))),\(SVGNumber.format(frame.y($0.p50)))" }.joined(separator: " ")),
        ("stroke", ColourPalette.colour(index)), ("data-option", option),
      ]
      let dash = ColourPalette.dash(index)
      if !dash.isEmpty { line.append(("stroke-dasharray", dash)) }
      svg.element("polyline", line)
    }
    svg.close()
    frame.legend.draw(into: &svg, x: frame.legendOrigin.x, y: frame.legendOrigin.y)
    return svg.rendered()
  }

  /// A closed path along `upper` from the first year to the last and back along `lower`.
  private func band(_ records: [SummaryRecord], _ frame: ChartFrame, _ lower: KeyPath<SummaryRecord, Double>, _ upper: KeyPath<SummaryRecord, Double>)
    -> String
  {
    let top = records.map { (frame.x(Double($0.year)), frame.y($0[keyPath: upper])) }
    let bottom = records.reversed().map { (frame.x(Double($0.year)), frame.y($0[keyPath: lower])) }
    let points = (top + bottom).enumerated().map { index, point in
      "\(index == 0 ? "M" : "L")\(SVGNumber.format(point.0)),\(SVGNumber.format(point.1))"
    }
    return points.joined(separator: " ") + " Z"
  }
}

/// "200 replications", or "replications" when the count is unknown.
enum ReplicationCount {
  static func text(_ count: Int) -> String {
    count <= 0 ? "replications" : count == 1 ? "1 replication" : "\(count) replications"
  }
}
