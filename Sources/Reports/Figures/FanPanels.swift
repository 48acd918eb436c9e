/// Fan charts of many options as small multiples: one panel per option on a shared scale,
/// each with its median line and p25–p75 and p05–p95 bands, and the baseline's median as a
/// grey dashed reference line, so that no option's fan hides another's.
///
/// `FanChart` draws this layout when it has more options than one panel can show legibly.
struct FanPanels {
  /// Columns of panels.
  static let columns = 3
  /// Height of one panel's plot area.
  static let panelHeight = 130.0
  /// Vertical distance from one row of panels to the next (plot, title, year labels).
  static let rowPitch = 182.0

  let results: SavedResults
  let metric: String
  let options: [String]
  let yScale: AxisScale
  let unit: MetricUnit

  /// The SVG text.
  func svg() -> String {
    let rows = (options.count + Self.columns - 1) / Self.columns
    let height = Int(84 + Double(rows) * Self.rowPitch + 28)
    let width = Double(ChartFrame.width)
    let yLabels = unit.tickLabels(yScale.ticks, step: yScale.step)
    let left = 34 + (yLabels.map { TextMeasure.width($0, size: 12) }.max() ?? 0) + 8
    let gap = 28.0
    let panelWidth = (width - 16 - left - gap * Double(Self.columns - 1)) / Double(Self.columns)
    let xScale = AxisScale(years: (results.years.first ?? 0)...(results.years.last ?? 0), maximumTicks: 5)
    let title = MetricUnit.title(of: metric)
    var svg = SVGDocument(width: ChartFrame.width, height: height, title: "\(results.scenario): \(title)")
    svg.element("text", [("x", SVGNumber.format(left)), ("y", "28"), ("font-size", "17"), ("font-weight", "bold")], text: results.scenario)
    svg.element(
      "text", [("x", SVGNumber.format(left)), ("y", "50"), ("font-size", "13"), ("fill", "#444444")],
      text: "\(title): median (line), middle 50% and 90% of \(ReplicationCount.text(results.replications)) (bands)")
    svg.element(
      "text", [("x", SVGNumber.format(left)), ("y", "68"), ("font-size", "13"), ("fill", "#444444")],
      text: "grey dashed line: the median of the baseline\(results.baseline == "baseline" ? "" : ", \(results.baseline)")")
    let bottomOfLast = 84 + Double(rows - 1) * Self.rowPitch + 24 + Self.panelHeight
    svg.element(
      "text",
      [
        ("x", "0"), ("y", "0"), ("transform", "translate(20 \(SVGNumber.format((84 + bottomOfLast) / 2))) rotate(-90)"), ("text-anchor", "middle"),
        ("font-size", "13"), ("fill", ColourPalette.axis),
      ], text: "\(title) (\(unit.axisUnit(ticks: yScale.ticks)))")
    svg.element(
      "text",
      [
        ("x", SVGNumber.format((left + width - 16) / 2)), ("y", String(height - 10)), ("text-anchor", "middle"), ("font-size", "13"),
        ("fill", ColourPalette.axis),
      ],
      text: "Year")
    let baseline = results.summary(option: results.baseline, metric: metric)
    for (index, option) in options.enumerated() {
      let x0 = left + Double(index % Self.columns) * (panelWidth + gap)
      let top = 84 + Double(index / Self.columns) * Self.rowPitch + 24
      let bottom = top + Self.panelHeight
      let x = { (year: Int) in xScale.position(Double(year), from: x0, to: x0 + panelWidth) }
      let y = { (value: Double) in yScale.position(value, from: bottom, to: top) }
      let colourIndex = results.colourIndex(of: option)
      let colour = ColourPalette.colour(colourIndex)
      svg.open("g", [("class", "panel"), ("data-option", option)])
      svg.element(
        "text", [("x", SVGNumber.format(x0)), ("y", SVGNumber.format(top - 8)), ("font-size", "13"), ("font-weight", "bold")],
        text: Self.fitted(option, width: panelWidth))
      for tick in yScale.ticks {
        let position = SVGNumber.format(y(tick))
        svg.element(
          "line", [("x1", SVGNumber.format(x0)), ("y1", position), ("x2", SVGNumber.format(x0 + panelWidth)), ("y2", position), ("stroke", ColourPalette.grid)])
      }
      if index % Self.columns == 0 {
        for (tick, label) in zip(yScale.ticks, yLabels) {
          svg.element(
            "text", [("x", SVGNumber.format(x0 - 8)), ("y", SVGNumber.format(y(tick) + 4)), ("text-anchor", "end"), ("fill", ColourPalette.axis)],
            text: label)
        }
      }
      svg.element(
        "line",
        [
          ("x1", SVGNumber.format(x0)), ("y1", SVGNumber.format(bottom)), ("x2", SVGNumber.format(x0 + panelWidth)), ("y2", SVGNumber.format(bottom)),
          ("stroke", ColourPalette.axis),
        ])
      for tick in xScale.ticks {
        // Labels at the panel's edges are anchored inwards, so neighbouring panels' labels never meet.
        let position = x(Int(tick))
        let anchor = position <= x0 + 1 ? "start" : position >= x0 + panelWidth - 1 ? "end" : "middle"
        svg.element(
          "text", [("x", SVGNumber.format(position)), ("y", SVGNumber.format(bottom + 17)), ("text-anchor", anchor), ("fill", ColourPalette.axis)],
          text: String(Int(tick)))
      }
      let records = results.summary(option: option, metric: metric)
      for (lower, upper, opacity) in [(\SummaryRecord.p05, \SummaryRecord.p95, "0.16"), (\SummaryRecord.p25, \SummaryRecord.p75, "0.3")] {
        let outline = records.map { (x($0.year), y($0[keyPath: upper])) } + records.reversed().map { (x($0.year), y($0[keyPath: lower])) }
        let path = outline.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(SVGNumber.format($0.element.0)),\(SVGNumber.format($0.element.1))" }
        svg.element("path", [("d", path.joined(separator: " ") + " Z"), ("fill", colour), ("fill-opacity", opacity), ("stroke", "none")])
      }
      if option != results.baseline && !baseline.isEmpty {
        svg.element(
          "polyline",
          [
            ("points", baseline.map { "\(SVGNumber.format(x($0.year))),\(SVGNumber.format(y($0.p50)))" }.joined(separator: " ")), ("fill", "none"),
            ("stroke", "#666666"), ("stroke-width", "1.5"), ("stroke-dasharray", "4 3"),
          ])
      }
      svg.element(
        "polyline",
        [
          ("points", records.map { "\(SVGNumber.format(x($0.year))),\(SVGNumber.format(y($0.p50)))" }.joined(separator: " ")), ("fill", "none"),
          ("stroke", colour), ("stroke-width", "2.5"), ("stroke-linejoin", "round"),
        ])
      svg.close()
    }
    return svg.rendered()
  }

  /// `text`, shortened with "…" to fit `width` at 13 px bold.
  static func fitted(_ text: String, width: Double) -> String {
    var shown = text
    while shown.count > 1 && TextMeasure.width(shown, size: 13) * 1.08 > width {
      shown.removeLast()
    }
    return shown == text ? text : String(shown.dropLast()) + "…"
  }
}
