/// A metric in one year against the value of a swept parameter: the mean across
/// replications at each swept value, joined by a line, inside a band for its 95% confidence
/// interval; the other options (not part of the sweep) are drawn as dashed horizontal
/// reference lines, so that a planner can read which swept value reaches a target. Colours
/// are the figure's own: the sweep first, then the references in order. When the run sweeps
/// a second parameter, each of its values gets its own line.
public struct SweepChart: Sendable {
  /// The results drawn.
  public let results: SavedResults
  /// The metric drawn.
  public let metric: String
  /// The swept parameter on the x axis.
  public let parameter: String
  /// The options drawn: those with a value of `parameter` form the sweep; the rest are references.
  public let options: [String]
  /// The year drawn.
  public let year: Int

  /// Creates a chart of `metric` in `year` against `parameter`.
  public init(results: SavedResults, metric: String, parameter: String, options: [String], year: Int) {
    self.results = results
    self.metric = metric
    self.parameter = parameter
    self.options = options
    self.year = year
  }

  /// The SVG text.
  public func svg() -> String {
    let unit = MetricUnit(metric: metric)
    let z = 1.959963984540054
    let record = { (option: String) in results.summary(option: option, metric: metric).first { $0.year == year } }
    let points = options.compactMap { option -> (x: Double, record: SummaryRecord)? in
      guard let x = results.sweepValue(option: option, parameter: parameter), let record = record(option) else { return nil }
      return (x, record)
    }.sorted { $0.x < $1.x }
    let references = options.filter { results.sweepValue(option: $0, parameter: parameter) == nil }.compactMap(record)
    // With a second swept parameter, one line per value of the other(s).
    let others = results.sweptParameters.filter { $0 != parameter }
    var series: [(label: String, points: [(x: Double, record: SummaryRecord)])] = []
    for point in points {
      let label = others.compactMap { other in
        results.sweepValue(option: point.record.option, parameter: other).map { "\(other) = \(CSVNumber.format($0))" }
      }.joined(separator: ", ")
      if let index = series.firstIndex(where: { $0.label == label }) {
        series[index].points.append(point)
      } else {
        series.append((label, [point]))
      }
    }
    let yScale = AxisScale(
      covering: points.flatMap { [$0.record.mean - z * $0.record.se, $0.record.mean + z * $0.record.se] } + references.map(\.mean),
      includingZero: unit == .yuan)
    let xScale = AxisScale(covering: points.map(\.x))
    var entries: [ChartLegend.Entry] = []
    for (index, line) in series.enumerated() {
      let label = line.label.isEmpty ? "sweep of \(parameter)" : line.label
      entries.append(ChartLegend.Entry(label: label, swatch: .line(colour: ColourPalette.colour(index), dash: "")))
    }
    entries.append(ChartLegend.Entry(label: "95% confidence interval", swatch: .band(colour: "#555555", opacity: 0.22)))
    for (index, reference) in references.enumerated() {
      let colour = ColourPalette.colour(series.count + index)
      entries.append(ChartLegend.Entry(label: reference.option, swatch: .line(colour: colour, dash: "6 3")))
    }
    let legend = ChartLegend(entries: entries)
    let frame = ChartFrame(
      xScale: xScale, xLabels: MetricUnit.plainLabels(xScale.ticks, step: xScale.step), yScale: yScale,
      yLabels: unit.tickLabels(yScale.ticks, step: yScale.step), legend: legend)
    let title = MetricUnit.title(of: metric)
    var svg = SVGDocument(width: ChartFrame.width, height: ChartFrame.height, title: "\(results.scenario): \(title) in \(year) by \(parameter)")
    frame.draw(
      into: &svg, title: results.scenario,
      subtitle: "\(title) in \(year) by swept \(parameter): mean over \(ReplicationCount.text(results.replications))",
      xTitle: parameter, yTitle: "\(title) (\(unit.axisUnit(ticks: yScale.ticks)))")
    for (index, reference) in references.enumerated() {
      let y = SVGNumber.format(frame.y(reference.mean))
      svg.element(
        "line",
        [
          ("x1", SVGNumber.format(frame.left)), ("y1", y), ("x2", SVGNumber.format(frame.right)), ("y2", y),
          ("stroke", ColourPalette.colour(series.count + index)), ("stroke-width", "2"), ("stroke-dasharray", "6 3"),
          ("data-option", reference.option),
        ])
    }
    // Every band before any line, so that no series' band covers another's line.
    svg.open("g", [("class", "sweep-bands"), ("fill-opacity", "0.22"), ("stroke", "none")])
    for (index, line) in series.enumerated() {
      let upper = line.points.map { (frame.x($0.x), frame.y($0.record.mean + z * $0.record.se)) }
      let lower = line.points.reversed().map { (frame.x($0.x), frame.y($0.record.mean - z * $0.record.se)) }
      let band =
        (upper + lower).enumerated().map { "\($0.offset == 0 ? "M" : "L")\(SVGNumber.format($0.element.0)),\(SVGNumber.format($0.element.1))" }
        .joined(separator: " ") + " Z"
      svg.element("path", [("d", band), ("fill", ColourPalette.colour(index))])
    }
    svg.close()
    for (index, line) in series.enumerated() {
      let colour = ColourPalette.colour(index)
      svg.open("g", [("class", "sweep"), ("data-parameter", parameter)] + (line.label.isEmpty ? [] : [("data-series", line.label)]))
      svg.element(
        "polyline",
        [
          ("points", line.points.map { "\(SVGNumber.format(frame.x($0.x))),\(SVGNumber.format(frame.y($0.record.mean)))" }.joined(separator: " ")),
          ("fill", "none"), ("stroke", colour), ("stroke-width", "2.5"), ("stroke-linejoin", "round"),
        ])
      for point in line.points {
        svg.element(
          "circle", [("cx", SVGNumber.format(frame.x(point.x))), ("cy", SVGNumber.format(frame.y(point.record.mean))), ("r", "4"), ("fill", colour)])
      }
      svg.close()
    }
    legend.draw(into: &svg, x: frame.legendOrigin.x, y: frame.legendOrigin.y)
    return svg.rendered()
  }
}
