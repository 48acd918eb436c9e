/// The key of a figure, drawn to the right of the plot: one swatch and label per entry.
public struct ChartLegend: Sendable {
  /// How an entry's swatch is drawn.
  public enum Swatch: Sendable, Equatable {
    /// A line in a colour, with an SVG dash pattern ("" for solid).
    case line(colour: String, dash: String)
    /// A filled box in a colour at an opacity.
    case band(colour: String, opacity: Double)
  }

  /// One entry.
  public struct Entry: Sendable {
    /// The text.
    public var label: String
    /// The swatch.
    public var swatch: Swatch
    /// Creates an entry.
    public init(label: String, swatch: Swatch) {
      self.label = label
      self.swatch = swatch
    }
  }

  /// Entries from top to bottom.
  public var entries: [Entry]

  /// Creates a legend.
  public init(entries: [Entry]) {
    self.entries = entries
  }

  /// Width the legend needs, in pixels (0 when empty).
  var width: Double {
    guard !entries.isEmpty else { return 0 }
    return 34 + (entries.map { TextMeasure.width($0.label, size: 12) }.max() ?? 0) + 8
  }

  /// Draws the legend with its top-left corner at (`x`, `y`).
  func draw(into svg: inout SVGDocument, x: Double, y: Double) {
    guard !entries.isEmpty else { return }
    svg.open("g", [("class", "legend")])
    for (index, entry) in entries.enumerated() {
      let middle = y + 9 + Double(index) * 20
      switch entry.swatch {
      case .line(let colour, let dash):
        var attributes: [SVGDocument.Attribute] = [
          ("x1", SVGNumber.format(x)), ("y1", SVGNumber.format(middle)), ("x2", SVGNumber.format(x + 24)), ("y2", SVGNumber.format(middle)),
          ("stroke", colour), ("stroke-width", "2.5"),
        ]
        if !dash.isEmpty { attributes.append(("stroke-dasharray", dash)) }
        svg.element("line", attributes)
      case .band(let colour, let opacity):
        svg.element(
          "rect",
          [
            ("x", SVGNumber.format(x)), ("y", SVGNumber.format(middle - 6)), ("width", "24"), ("height", "12"), ("fill", colour),
            ("fill-opacity", SVGNumber.format(opacity, decimals: 2)),
          ])
      }
      svg.element("text", [("x", SVGNumber.format(x + 32)), ("y", SVGNumber.format(middle + 4))], text: entry.label)
    }
    svg.close()
  }
}
