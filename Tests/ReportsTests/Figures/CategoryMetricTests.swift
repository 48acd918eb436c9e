import XCTest

@testable import Reports

/// Per-category metrics of `report by` (`incidence[village=upper]`) are drawn with the unit
/// of their base metric and titled with their category.
final class CategoryMetricTests: XCTestCase {
  func testUnitIsThatOfTheBaseMetric() {
    XCTAssertEqual(MetricUnit(metric: "incidence[village=upper]"), .share)
    XCTAssertEqual(MetricUnit(metric: "poverty_gap[group=remote]"), .share)
    XCTAssertEqual(MetricUnit(metric: "mean_income[hamlet=lower]"), .yuanPerPerson)
    XCTAssertEqual(MetricUnit(metric: "people[village=upper]"), .persons)
    XCTAssertEqual(MetricUnit(metric: "hit_villages_flood"), .households)
  }

  func testTitleNamesTheCategory() {
    XCTAssertEqual(MetricUnit.title(of: "incidence[village=upper]"), "Poverty incidence (village = upper)")
    XCTAssertEqual(MetricUnit.title(of: "mean_income[group=relocated]"), "Mean income (group = relocated)")
    XCTAssertEqual(MetricUnit.title(of: "hit_villages_flood"), "Villages hit by flood")
  }

  func testOnlyATrailingBracketMakesACategory() {
    XCTAssertNil(MetricUnit.category(of: "incidence"))
    XCTAssertNil(MetricUnit.category(of: "[village=upper]"))
    XCTAssertNil(MetricUnit.category(of: "incidence[village=upper"))
    XCTAssertEqual(MetricUnit.category(of: "people[a=b]")?.base, "people")
    XCTAssertEqual(MetricUnit.category(of: "people[a=b]")?.category, "a=b")
  }
}
