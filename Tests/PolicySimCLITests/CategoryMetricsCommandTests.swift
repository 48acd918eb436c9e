import Foundation
import XCTest

/// Per-category metrics (`report by village`) through `run`, `compare`, `plot` and
/// `notebook`: the names with `[`, `=` and `]` stay valid CSV fields and figure names.
final class CategoryMetricsCommandTests: XCTestCase {
  private var scenario: String {
    PolicySimBinary.packageRoot.appendingPathComponent("scenarios/village-hazards.scenario").path
  }

  func testCategoryMetricsAreWrittenComparedAndPlotted() throws {
    let folder = try PolicySimBinary.temporaryFolder(self)
    let out = folder + "/results"
    let run = try PolicySimBinary.run(["run", scenario, "--replications", "3", "--households", "300", "--threads", "2", "--out", out, "--quiet"])
    XCTAssertEqual(run.status, 0, run.error)
    let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
    let lines = summary.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    let header = lines[0].split(separator: ",").count
    // Every row has as many fields as the header: no name needed quoting.
    XCTAssertTrue(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == header })
    for metric in [
      "incidence[village=river]", "poverty_gap[village=hill]", "mean_income[village=mountain]", "people[village=river]",
      "hit_villages_flood", "hit_villages_drought", "cost_illness", "indebted_households",
    ] {
      XCTAssertTrue(summary.contains("baseline,2020,\(metric),"), metric)
    }
    let comparison = try String(contentsOfFile: out + "/comparison.csv", encoding: .utf8)
    XCTAssertTrue(comparison.contains(",2020,incidence[village=mountain],"), "comparison rows for category metrics")

    let figure = folder + "/mountain.svg"
    let plot = try PolicySimBinary.run(["plot", out, "--metric", "incidence[village=mountain]", "--out", figure])
    XCTAssertEqual(plot.status, 0, plot.error)
    let svg = try String(contentsOfFile: figure, encoding: .utf8)
    XCTAssertTrue(svg.contains("Poverty incidence (village = mountain)"), "titled with the category")

    let notebook = try PolicySimBinary.run(["notebook", out, "--out", folder + "/hazards.ipynb"])
    XCTAssertEqual(notebook.status, 0, notebook.error)
  }
}
