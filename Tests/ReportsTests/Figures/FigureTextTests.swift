import XCTest

@testable import Reports

/// Number and label text in figures: fixed, locale-free, deterministic.
final class FigureTextTests: XCTestCase {
  func testSVGNumbers() {
    let cases: [(Double, Int, String)] = [
      (12, 1, "12"), (3.25, 1, "3.3"), (-3.25, 1, "-3.3"), (-0.01, 1, "0"), (-0.0, 1, "0"), (0.1 + 0.2, 1, "0.3"),
      (1234.5678, 2, "1234.57"), (.nan, 1, "0"), (.infinity, 1, "0"),
    ]
    for (value, decimals, text) in cases {
      XCTAssertEqual(SVGNumber.format(value, decimals: decimals), text, "\(value)")
    }
  }

  func testTickLabelsByUnit() {
    XCTAssertEqual(MetricUnit.share.tickLabels([0.1, 0.125, 0.15], step: 0.025), ["10.0", "12.5", "15.0"])
    XCTAssertEqual(MetricUnit.yuanPerPerson.tickLabels([0, 5000, 10000], step: 5000), ["0", "5,000", "10,000"])
    XCTAssertEqual(MetricUnit.yuan.tickLabels([0, 2e7, 4e7], step: 2e7), ["0", "20", "40"])
    XCTAssertEqual(MetricUnit.yuan.axisUnit(ticks: [0, 2e7, 4e7]), "million yuan")
    XCTAssertEqual(MetricUnit.share.tickLabels([-0.02, 0, 0.02], step: 0.02), ["\u{2212}2", "0", "2"])
    XCTAssertEqual(MetricUnit.share.axisUnit(ticks: [0], difference: true), "percentage points")
    XCTAssertEqual(MetricUnit.plainLabels([20000, 40000], step: 20000), ["20,000", "40,000"])
  }

  func testUnitsAndTitlesOfMetrics() {
    XCTAssertEqual(MetricUnit(metric: "incidence"), .share)
    XCTAssertEqual(MetricUnit(metric: "mean_income"), .yuanPerPerson)
    XCTAssertEqual(MetricUnit(metric: "cost_relocation"), .yuan)
    XCTAssertEqual(MetricUnit(metric: "poor_people"), .persons)
    XCTAssertEqual(MetricUnit(metric: "participants_industry"), .households)
    XCTAssertEqual(MetricUnit.title(of: "cost_minimum_living"), "Cost of minimum living")
    XCTAssertEqual(MetricUnit.title(of: "incidence"), "Poverty incidence")
  }

  func testSVGEscapesTextAndAttributes() {
    var svg = SVGDocument(width: 10, height: 10, title: "a & b")
    svg.open("g", [("data-option", "\"x\" <y>")])
    svg.element("text", [], text: "1 < 2")
    let text = svg.rendered()
    XCTAssertTrue(text.contains("<title>a &amp; b</title>"), text)
    XCTAssertTrue(text.contains("<g data-option=\"&quot;x&quot; &lt;y&gt;\">"), text)
    XCTAssertTrue(text.contains("    <text>1 &lt; 2</text>\n  </g>\n</svg>\n"), text)
  }

  func testPaletteIsOkabeItoThenDashes() {
    XCTAssertEqual(ColourPalette.colour(0), "#0072B2")
    XCTAssertEqual(ColourPalette.colour(8), "#0072B2")
    XCTAssertEqual(ColourPalette.dash(0), "")
    XCTAssertEqual(ColourPalette.dash(8), "6 3")
  }
}
