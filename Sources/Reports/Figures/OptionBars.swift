/// Options side by side in one year: a bar per option at the mean of a metric across
/// replications, with a whisker for the 95% confidence interval of the mean
/// (mean ± 1.96 · se).
public struct OptionBars: Sendable {
  /// The results drawn.
  public let results: SavedResults
  /// The metric drawn.
  public let metric: String
  /// The options drawn, left to right.
  public let options: [String]
  /// The year drawn.
  public let year: Int

  /// Creates a chart of `metric` in `year` for `options`.
  public init(results: SavedResults, metric: String, options: [String], year: Int) {
    self.results = results
    self.metric = metric
    self.options = options
    self.year = year
  }

  /// The SVG text.
  public func svg() -> String {
    let unit = MetricUnit(metric: metric)
    let bars = options.compactMap { option in results.summary(option: option, metric: metric).first { $0.year == year } }
    let half = bars.map { 1.959963984540054 * $0.se }
    let yScale = AxisScale(covering: zip(bars, half).flatMap { [$0.mean - $1, $0.mean + $1] }, includingZero: true)
    let xScale = AxisScale(covering: [0, Double(max(1, bars.count))])
    let labels = bars.map { $0.option == results.baseline && $0.option != "baseline" ? "\($0.option) (baseline)" : $0.option }
    let frame = ChartFrame(
      xScale: xScale, xLabels: labels, yScale: yScale, yLabels: unit.tickLabels(yScale.ticks, step: yScale.step), legend: ChartLegend(entries: []))
    let slot = (frame.right - frame.left) / Double(max(1, bars.count))
    let centres = bars.indices.map { frame.left + slot * (Double($0) + 0.5) }
    let title = MetricUnit.title(of: metric)
    var svg = SVGDocument(width: ChartFrame.width, height: ChartFrame.height, title: "\(results.scenario): \(title) in \(year)")
    frame.draw(
      into: &svg, title: results.scenario,
      subtitle: "\(title) in \(year): mean over \(ReplicationCount.text(results.replications)), whiskers 95% confidence interval",
      xTitle: "Option", yTitle: "\(title) (\(unit.axisUnit(ticks: yScale.ticks)))", xPositions: centres)
    let width = min(72, slot * 0.6)
    let zero = frame.y(0)
    for ((bar, whisker), centre) in zip(zip(bars, half), centres) {
      let colour = ColourPalette.colour(results.colourIndex(of: bar.option))
      let top = frame.y(bar.mean)
      svg.open("g", [("class", "option"), ("data-option", bar.option)])
      svg.element(
        "rect",
        [
          ("x", SVGNumber.format(centre - width / 2)), ("y", SVGNumber.format(min(top, zero))), ("width", SVGNumber.format(width)),
          ("height", SVGNumber.format(abs(zero - top))), ("fill", colour),
        ])
      if whisker > 0 {
        let high = SVGNumber.format(frame.y(bar.mean + whisker))
        let low = SVGNumber.format(frame.y(bar.mean - whisker))
        let stroke: [SVGDocument.Attribute] = [("stroke", ColourPalette.axis), ("stroke-width", "1.5")]
        svg.element("line", [("x1", SVGNumber.format(centre)), ("y1", high), ("x2", SVGNumber.format(centre)), ("y2", low)] + stroke)
        for end in [high, low] {
          svg.element("line", [("x1", SVGNumber.format(centre - 8)), ("y1", end), ("x2", SVGNumber.format(centre + 8)), ("y2", end)] + stroke)
        }
      }
      svg.close()
    }
    svg.element(
      "line",
      [
        ("x1", SVGNumber.format(frame.left)), ("y1", SVGNumber.format(zero)), ("x2", SVGNumber.format(frame.right)), ("y2", SVGNumber.format(zero)),
        ("stroke", ColourPalette.axis), ("stroke-width", "1"),
      ])
    return svg.rendered()
  }
}
