/// The layout every figure shares: a title and subtitle at the top, a plot area with grid
/// lines, labelled ticks and axis titles, and room for a legend on the right.
///
/// Sizes are in pixels of an 800 × 480 figure; text is at least 12 px so that it stays
/// legible when the figure is printed at column width.
struct ChartFrame {
  /// Figure width.
  static let width = 800
  /// Figure height.
  static let height = 480

  let xScale: AxisScale
  let yScale: AxisScale
  let xLabels: [String]
  let yLabels: [String]
  /// Left edge of the plot area.
  let left: Double
  /// Right edge of the plot area.
  let right: Double
  /// Top edge of the plot area.
  let top: Double = 72
  /// Bottom edge of the plot area.
  let bottom: Double
  /// Whether x tick labels are turned 35° to fit.
  let slantedXLabels: Bool
  /// The legend the frame leaves room for, drawn at `legendOrigin`.
  let legend: ChartLegend

  /// Lays out a frame for these scales and labels, leaving room for `legend`.
  init(xScale: AxisScale, xLabels: [String], yScale: AxisScale, yLabels: [String], legend: ChartLegend) {
    self.xScale = xScale
    self.yScale = yScale
    self.xLabels = xLabels
    self.yLabels = yLabels
    self.legend = legend
    let yLabelWidth = yLabels.map { TextMeasure.width($0, size: 12) }.max() ?? 0
    left = 34 + yLabelWidth + 8
    right = Double(Self.width) - 16 - (legend.width > 0 ? legend.width + 16 : 0)
    let spacing = (right - left) / Double(max(1, xLabels.count))
    let widest = xLabels.map { TextMeasure.width($0, size: 12) }.max() ?? 0
    slantedXLabels = widest > spacing - 6
    bottom = Double(Self.height) - 52 - (slantedXLabels ? min(widest * 0.57, 140) : 0)
  }

  /// The horizontal pixel position of a value.
  func x(_ value: Double) -> Double { xScale.position(value, from: left, to: right) }
  /// The vertical pixel position of a value.
  func y(_ value: Double) -> Double { yScale.position(value, from: bottom, to: top) }

  /// Draws the title, subtitle, grid lines, axes, ticks and axis titles. With `xPositions`
  /// the x labels are placed there (categories) instead of at the scale's ticks.
  func draw(into svg: inout SVGDocument, title: String, subtitle: String, xTitle: String, yTitle: String, xPositions: [Double]? = nil) {
    svg.element("text", [("x", SVGNumber.format(left)), ("y", "28"), ("font-size", "17"), ("font-weight", "bold")], text: title)
    svg.element("text", [("x", SVGNumber.format(left)), ("y", "50"), ("font-size", "13"), ("fill", "#444444")], text: subtitle)
    svg.open("g", [("class", "grid"), ("stroke", ColourPalette.grid), ("stroke-width", "1")])
    for tick in yScale.ticks {
      let position = SVGNumber.format(y(tick))
      svg.element("line", [("x1", SVGNumber.format(left)), ("y1", position), ("x2", SVGNumber.format(right)), ("y2", position)])
    }
    svg.close()
    svg.open("g", [("class", "y-axis"), ("font-size", "12"), ("fill", ColourPalette.axis), ("text-anchor", "end")])
    for (tick, label) in zip(yScale.ticks, yLabels) {
      svg.element("text", [("x", SVGNumber.format(left - 8)), ("y", SVGNumber.format(y(tick) + 4))], text: label)
    }
    let middle = SVGNumber.format((top + bottom) / 2)
    svg.element(
      "text", [("x", "0"), ("y", "0"), ("transform", "translate(20 \(middle)) rotate(-90)"), ("text-anchor", "middle"), ("font-size", "13")],
      text: yTitle)
    svg.close()
    svg.open("g", [("class", "x-axis"), ("font-size", "12"), ("fill", ColourPalette.axis), ("text-anchor", slantedXLabels ? "end" : "middle")])
    svg.element(
      "line",
      [
        ("x1", SVGNumber.format(left)), ("y1", SVGNumber.format(bottom)), ("x2", SVGNumber.format(right)), ("y2", SVGNumber.format(bottom)),
        ("stroke", ColourPalette.axis), ("stroke-width", "1"),
      ])
    let positions = xPositions ?? xScale.ticks.map(x)
    for (position, label) in zip(positions, xLabels) {
      let labelY = bottom + 18
      if slantedXLabels {
        svg.element(
          "text",
          [("x", "0"), ("y", "0"), ("transform", "translate(\(SVGNumber.format(position + 4)) \(SVGNumber.format(labelY))) rotate(-35)")],
          text: label)
      } else {
        svg.element("text", [("x", SVGNumber.format(position)), ("y", SVGNumber.format(labelY))], text: label)
      }
      svg.element(
        "line",
        [
          ("x1", SVGNumber.format(position)), ("y1", SVGNumber.format(bottom)), ("x2", SVGNumber.format(position)),
          ("y2", SVGNumber.format(bottom + 5)), ("stroke", ColourPalette.axis),
        ])
    }
    svg.element(
      "text", [("x", SVGNumber.format((left + right) / 2)), ("y", String(Self.height - 14)), ("text-anchor", "middle"), ("font-size", "13")],
      text: xTitle)
    svg.close()
  }

  /// Where the legend goes: right of the plot area, level with its top.
  var legendOrigin: (x: Double, y: Double) { (right + 16, top) }

  /// A frame with the run's years on the x axis and a legend with one line per option (its
  /// colour and dash) followed by `moreLegend`.
  static func overYears(_ results: SavedResults, options: [String], yScale: AxisScale, unit: MetricUnit, moreLegend: [ChartLegend.Entry]) -> ChartFrame {
    let xScale = AxisScale(years: (results.years.first ?? 0)...(results.years.last ?? 0))
    let lines = options.map { option in
      let index = results.colourIndex(of: option)
      return ChartLegend.Entry(label: option, swatch: .line(colour: ColourPalette.colour(index), dash: ColourPalette.dash(index)))
    }
    return ChartFrame(
      xScale: xScale, xLabels: xScale.ticks.map { String(Int($0)) }, yScale: yScale, yLabels: unit.tickLabels(yScale.ticks, step: yScale.step),
      legend: ChartLegend(entries: lines + moreLegend))
  }
}
