import Foundation
import Reports
import XCTest

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `FigureRequest`: what can be drawn from a results folder, and the messages when not.
final class FigureRequestTests: XCTestCase {
  func testReadsSweepColumnsAndManifest() throws {
    let results = try FigureFixture.swept()
    XCTAssertEqual(results.scenario, "Swept county")
    XCTAssertEqual(results.replications, 16)
    XCTAssertEqual(results.sweptParameters, ["relocation.subsidy"])
    XCTAssertEqual(results.metrics, ["incidence", "cost_total"])
    XCTAssertEqual(results.years, [2016, 2017, 2018, 2019, 2020])
    XCTAssertEqual(results.options.count, 6)
    XCTAssertEqual(results.sweepValue(option: "relocation.subsidy=40000", parameter: "relocation.subsidy"), 40000)
    XCTAssertNil(results.sweepValue(option: "baseline", parameter: "relocation.subsidy"))
    XCTAssertEqual(results.summary(option: "baseline", metric: "incidence").map(\.year), [2016, 2017, 2018, 2019, 2020])
  }

  func testUnknownMetricSuggestsTheClosest() throws {
    let results = try FigureFixture.swept()
    XCTAssertThrowsError(try FigureRequest(metric: "incidense").render(results)) { error in
      XCTAssertEqual(
        error as? FigureError,
        FigureError("unknown metric 'incidense' (did you mean 'incidence'?); the results have: incidence, cost_total", cause: .request))
    }
  }

  func testUnknownOptionAndYearAreRequestErrors() throws {
    let results = try FigureFixture.swept()
    XCTAssertThrowsError(try FigureRequest(metric: "incidence", options: ["basline"]).render(results)) { error in
      XCTAssertEqual((error as? FigureError)?.cause, .request)
      XCTAssertTrue((error as? FigureError)?.message.hasPrefix("unknown option 'basline' (did you mean 'baseline'?)") ?? false)
    }
    XCTAssertThrowsError(try FigureRequest(kind: .bars, metric: "incidence", year: 2030).render(results)) { error in
      XCTAssertEqual(error as? FigureError, FigureError("no year 2030 in the results, which run from 2016 to 2020", cause: .request))
    }
  }

  func testDifferenceNeedsComparisonRowsAndSweepNeedsSweepColumns() throws {
    let swept = try FigureFixture.swept()
    XCTAssertThrowsError(try FigureRequest(kind: .difference, metric: "incidence").render(swept)) { error in
      XCTAssertEqual((error as? FigureError)?.cause, .results)
    }
    let plain = try SavedResults(
      summary: "option,year,metric,mean,sd,se,p05,p25,p50,p75,p95\r\nbaseline,2016,incidence,0.2,0,0,0.2,0.2,0.2,0.2,0.2\r\n", comparison: nil,
      manifest: nil, name: "plain")
    XCTAssertThrowsError(try FigureRequest(kind: .sweep, metric: "incidence").render(plain)) { error in
      XCTAssertEqual(
        error as? FigureError,
        FigureError(
          "the results have no swept parameter (no sweep columns in summary.csv); a sweep chart needs a scenario with a 'sweep'", cause: .results))
    }
    XCTAssertEqual(plain.scenario, "plain")
    XCTAssertEqual(plain.baseline, "baseline")
  }

  func testRowsWithoutAFiniteValueAreLeftOut() throws {
    let results = try SavedResults(
      summary: "option,year,metric,mean,sd,se,p05,p25,p50,p75,p95\r\nbaseline,2016,ratio,NaN,0,0,1,1,1,1,1\r\nbaseline,2017,ratio,2,0,0,2,2,2,2,2\r\n",
      comparison: nil, manifest: nil, name: "ratios")
    XCTAssertEqual(results.metrics, ["ratio"])
    XCTAssertEqual(results.summary(option: "baseline", metric: "ratio").map(\.year), [2017])
    XCTAssertFalse(try FigureRequest(metric: "ratio").render(results).contains("NaN"))
  }

  func testMissingFolderAndFile() throws {
    XCTAssertThrowsError(try SavedResults(folder: "/nonexistent/results")) { error in
      XCTAssertEqual((error as? SavedResults.ReadError)?.message, "/nonexistent/results: no such results folder")
    }
    let empty = try ResultsFixture.temporaryFolder(self)
    XCTAssertThrowsError(try SavedResults(folder: empty)) { error in
      XCTAssertEqual((error as? SavedResults.ReadError)?.message, "\(empty): no summary.csv; is this the results folder of 'policysim run'?")
    }
  }

  func testEveryKindIsValidXMLAndDeterministic() throws {
    let results = try FigureFixture.swept()
    for kind in [FigureKind.fan, .bars, .sweep] {
      for metric in ["incidence", "cost_total"] {
        let request = FigureRequest(kind: kind, metric: metric)
        let svg = try request.render(results)
        XCTAssertEqual(svg, try request.render(results))
        let parser = XMLParser(data: Data(svg.utf8))
        XCTAssertTrue(parser.parse(), "\(kind) \(metric): \(String(describing: parser.parserError))")
        XCTAssertFalse(svg.contains("nan") || svg.contains("inf"), "\(kind) \(metric)")
      }
    }
  }

  func testTwoSweptParametersGiveOneLinePerValueOfTheSecond() throws {
    var table = CSVTable(header: ["option", "a.x", "b.y", "year", "metric", "mean", "sd", "se", "p05", "p25", "p50", "p75", "p95"])
    table.append(["baseline", "", "", "2020", "incidence", "0.2", "0", "0", "0.2", "0.2", "0.2", "0.2", "0.2"])
    for x in [1, 2, 3] {
      for y in [0.5, 0.9] {
        let mean = CSVNumber.format(0.2 - 0.01 * Double(x) * y)
        table.append(["a.x=\(x), b.y=\(y)", String(x), CSVNumber.format(y), "2020", "incidence", mean, "0.01", "0.001"] + Array(repeating: mean, count: 5))
      }
    }
    let results = try SavedResults(summary: table.rendered(), comparison: nil, manifest: nil, name: "two")
    XCTAssertEqual(results.sweptParameters, ["a.x", "b.y"])
    XCTAssertEqual(results.optionNames("baseline,a.x=2, b.y=0.9 , nobody"), ["baseline", "a.x=2, b.y=0.9", "nobody"])
    let svg = try FigureRequest(kind: .sweep, metric: "incidence").render(results)
    XCTAssertTrue(svg.contains("data-series=\"b.y = 0.5\""), svg)
    XCTAssertTrue(svg.contains("data-series=\"b.y = 0.9\""), svg)
    XCTAssertEqual(svg.components(separatedBy: "<circle ").count - 1, 6)
  }
}
