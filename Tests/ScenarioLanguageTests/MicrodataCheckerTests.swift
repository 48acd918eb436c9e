import Foundation
import ScenarioLanguage
import XCTest

/// `population from "…"`: the checker's diagnostics for broken household files and mappings
/// (golden files in `Golden/microdata/`), and what it reads from a valid file.
final class MicrodataCheckerTests: XCTestCase {
  private static let folder = "microdata"
  private var directory: String { GoldenFile.bundledDirectory(Self.folder).path }

  private func check(_ name: String) throws -> (ScenarioChecker.Result, String) {
    let source = SourceFile(path: name, text: try GoldenFile.bundledText(name, in: Self.folder))
    let result = ScenarioChecker.check(source: source, dataDirectory: directory)
    let text = DiagnosticRenderer(sources: [source]).render(result.diagnostics).replacingOccurrences(of: directory, with: "<dir>")
    return (result, text)
  }

  func testBrokenScenariosMatchGoldenFiles() throws {
    let names = try GoldenFile.bundledFiles(in: Self.folder, withExtension: "scenario")
    XCTAssertGreaterThanOrEqual(names.count, 14)
    for name in names {
      let (result, text) = try check(name)
      XCTAssertNil(result.scenario, name)
      XCTAssertTrue(result.diagnostics.contains { $0.severity == .error }, name)
      try GoldenFile.assertMatches(text, golden: name.replacingOccurrences(of: ".scenario", with: ".expected"), in: Self.folder)
    }
  }

  private let valid = """
    scenario "m" {
      years 2016 to 2017
      poverty_line 2952 yuan per person per year
      population from "good.csv" {
        column income = "income"
        column size = "size"
        column village = "village" label
        weight "weight"
        missing income = 1500
        land = size * 2
      }
      programme subsidy east { eligible when village == "Upper, east"  amount 100 yuan per household }
    }
    """

  func testValidFileIsReadIntoTheRules() throws {
    let result = ScenarioChecker.check(source: SourceFile(path: "m.scenario", text: valid), dataDirectory: directory)
    XCTAssertEqual(result.diagnostics, [])
    let scenario = try XCTUnwrap(result.scenario)
    XCTAssertEqual(scenario.households, 3)
    let rules = scenario.baseline.rules
    let microdata = try XCTUnwrap(rules.microdata)
    XCTAssertEqual(microdata.rowCount, 3)
    XCTAssertNil(microdata.bootstrap)
    XCTAssertEqual(microdata.weights, [1.5, 0.5, 1])
    XCTAssertEqual(microdata.path, directory + "/good.csv")
    let income = try XCTUnwrap(microdata.columns.first { $0.attribute == rules.incomeIndex })
    XCTAssertEqual(income.values, [2000, 4000, 1500], "the empty cell takes the `missing` value")
    let size = try XCTUnwrap(microdata.columns.first { $0.attribute == rules.sizeIndex })
    XCTAssertEqual(size.values, [2, 3, 1])
    let villageIndex = try XCTUnwrap(rules.attributeIndex("village"))
    let village = try XCTUnwrap(microdata.columns.first { $0.attribute == villageIndex })
    let upper = Double(try XCTUnwrap(rules.labels.firstIndex(of: "Upper, east")))
    let lower = Double(try XCTUnwrap(rules.labels.firstIndex(of: "Lower")))
    XCTAssertEqual(village.values, [upper, lower, upper])
    XCTAssertEqual(rules.attributes[villageIndex].kind, .label)
    // `land` is computed on top of the data; mapped attributes are not in the order.
    let land = try XCTUnwrap(rules.attributeIndex("land"))
    XCTAssertTrue(rules.initializationOrder.contains(land))
    XCTAssertFalse(rules.initializationOrder.contains(rules.incomeIndex))
  }

  func testBootstrapSizeAndDefault() throws {
    let withCount = valid.replacingOccurrences(of: "land = size * 2", with: "bootstrap 10 households")
    let scenario = try XCTUnwrap(ScenarioChecker.check(source: SourceFile(path: "m", text: withCount), dataDirectory: directory).scenario)
    XCTAssertEqual(scenario.households, 10)
    XCTAssertEqual(scenario.baseline.rules.microdata?.bootstrap, 10)
    let bare = valid.replacingOccurrences(of: "land = size * 2", with: "bootstrap")
    let rows = try XCTUnwrap(ScenarioChecker.check(source: SourceFile(path: "m", text: bare), dataDirectory: directory).scenario)
    XCTAssertEqual(rows.households, 3)
    XCTAssertEqual(rows.baseline.rules.microdata?.bootstrap, 3)
  }

  func testBootstrapCannotChangeInAnOption() throws {
    let text = valid.replacingOccurrences(of: "land = size * 2", with: "bootstrap 10 households")
      .replacingOccurrences(of: "  programme subsidy", with: "  option big { population.bootstrap = 20 }\n  programme subsidy")
    let result = ScenarioChecker.check(source: SourceFile(path: "m", text: text), dataDirectory: directory)
    XCTAssertEqual(result.diagnostics.map(\.id), ["override-not-allowed"])
  }

  /// By default the file is looked for beside the scenario.
  func testPathIsRelativeToTheScenarioFile() throws {
    let result = ScenarioChecker.check(source: SourceFile(path: directory + "/m.scenario", text: valid))
    XCTAssertEqual(result.diagnostics, [])
    XCTAssertEqual(result.scenario?.households, 3)
  }

  /// A label column mapped to `group` gives the groups, with their shares of rows.
  func testGroupFromALabelColumn() throws {
    let text = valid.replacingOccurrences(of: "column village = \"village\" label", with: "column group = \"village\" label")
      .replacingOccurrences(of: "village ==", with: "group ==")
      .replacingOccurrences(of: "  programme subsidy", with: "  income growth for Lower 10% per year\n  programme subsidy")
    let result = ScenarioChecker.check(source: SourceFile(path: "m", text: text), dataDirectory: directory)
    XCTAssertEqual(result.diagnostics, [])
    let rules = try XCTUnwrap(result.scenario?.baseline.rules)
    XCTAssertEqual(rules.groups.map(\.name), ["Upper, east", "Lower"])
    XCTAssertEqual(rules.groups[0].share, 2.0 / 3, accuracy: 1e-12)
    let lower = try XCTUnwrap(rules.labels.firstIndex(of: "Lower"))
    XCTAssertNotNil(rules.growth.byGroup[lower])
  }

  func testCellNumbers() {
    XCTAssertEqual(HouseholdFile.directory(ofScenario: "scenarios/x.scenario"), "scenarios")
    XCTAssertEqual(HouseholdFile.directory(ofScenario: "x.scenario"), ".")
    XCTAssertEqual(HouseholdFile.directory(ofScenario: "/x.scenario"), "/")
    XCTAssertEqual(HouseholdFile.resolve("data/h.csv", in: "."), "data/h.csv")
    XCTAssertEqual(HouseholdFile.resolve("data/h.csv", in: "scenarios"), "scenarios/data/h.csv")
  }
}
