import ScenarioLanguage
import XCTest

/// Covariate shocks, health support, prices, `per child` and `report by`: what the checker
/// resolves them into.
final class DisasterCheckerTests: XCTestCase {
  private typealias Fixture = ScenarioFixture
  private let villages = "village ~ categorical(upper: 40%, lower: 60%)\nchildren ~ categorical(0: 50%, 1: 50%)"

  func testCovariateByVillageResolvesTheAttributeItsLabelsAndNewStreams() throws {
    let text = Fixture.minimal(
      population: villages,
      body: """
        shock flood "summer flood" {
          covariate by village
          probability 8% per year
          hits 60%
          cost 40% of income * size
          reimbursed 20%
        }
        option baseline {}
        option fewer { flood.hits = 30% }
        """)
    let scenario = try Fixture.scenario(text)
    let rules = scenario.baseline.rules
    let covariate = try XCTUnwrap(rules.shocks.first?.covariate)
    XCTAssertEqual(covariate.attribute, rules.attributeIndex("village"))
    XCTAssertEqual(covariate.villageCodes.map { rules.labels[$0] }, ["upper", "lower"])
    XCTAssertEqual(covariate.hits, .constant(0.6))
    XCTAssertEqual(covariate.stream, "shock.flood.covariate")
    XCTAssertEqual(covariate.hitsStream, "shock.flood.hits")
    XCTAssertEqual(rules.shocks.first?.stream, "shock.flood", "the idiosyncratic stream is unchanged")
    XCTAssertNil(rules.shocks.first?.support)
    XCTAssertEqual(scenario.options.last?.rules.shocks.first?.covariate?.hits, .constant(0.3))
  }

  func testCovariateAloneIsCountyWide() throws {
    let text = Fixture.minimal(body: "shock quake {\n  covariate\n  probability 1% per year\n  cost 1000 yuan\n}")
    let covariate = try XCTUnwrap(try Fixture.scenario(text).baseline.rules.shocks.first?.covariate)
    XCTAssertNil(covariate.attribute)
    XCTAssertEqual(covariate.villageCodes, [0])
  }

  func testCovariateByGroupUsesTheGroupsAndLabelsSetByEffects() throws {
    let text = """
      scenario "G" {
        years 2016 to 2020
        poverty_line 2952 yuan per person per year
        population 100 households {
          group north share 50% { income = 1000 }
          group south share 50% { income = 2000 }
          size = 3
        }
        shock flood { covariate by group  probability 5% per year  cost 100 yuan }
        programme relocation { cost 1000 on join { group = moved } }
      }
      """
    let rules = try Fixture.scenario(text).baseline.rules
    XCTAssertEqual(rules.shocks.first?.covariate?.villageCodes.map { rules.labels[$0] }, ["north", "south", "moved"])
  }

  func testHealthSupportSettings() throws {
    let text = Fixture.minimal(
      population: villages,
      body: """
        shock illness {
          probability 10% per year
          cost 30% of income * size
          reimbursed if(registered, 90%, 50%)
          exempt 500 yuan per child
          debt repaid over 3 years
        }
        """)
    let rules = try Fixture.scenario(text).baseline.rules
    let support = try XCTUnwrap(rules.shocks.first?.support)
    XCTAssertEqual(support.repaymentYears, 3)
    XCTAssertEqual(support.exempt, .binary(.multiply, .constant(500), .attribute(try XCTUnwrap(rules.attributeIndex("children")))))
    XCTAssertNil(rules.shocks.first?.covariate)
  }

  func testPriceBlockAndReportBy() throws {
    let text = Fixture.minimal(
      population: villages,
      body: """
        price grain "grain price" {
          share of income 40%
          persistence 0.7
          sd schedule(2016: 12%, 2018: 20%) per year
          by village
        }
        report by village
        report by group
        """)
    let rules = try Fixture.scenario(text).baseline.rules
    let price = try XCTUnwrap(rules.prices.first)
    XCTAssertEqual(price.name, "grain")
    XCTAssertEqual(price.title, "grain price")
    XCTAssertEqual(price.share, .constant(0.4))
    XCTAssertEqual(price.persistence, .constant(0.7))
    XCTAssertEqual(price.sd.value(inYear: 2019), 0.2)
    XCTAssertEqual(price.attribute, rules.attributeIndex("village"))
    XCTAssertEqual(price.stream, "price.grain")
    XCTAssertEqual(rules.breakdowns.map(\.attributeName), ["village", "group"])
    XCTAssertEqual(rules.breakdowns.first?.categories.map(\.label), ["upper", "lower"])
    XCTAssertEqual(rules.breakdowns.last?.categories.map(\.label), ["all"])
  }

  func testPriceWithoutByIsCountyWideAndPersistenceDefaultsToZero() throws {
    let text = Fixture.minimal(body: "price tea {\n  share of income 20%\n  sd 10%\n}")
    let price = try XCTUnwrap(try Fixture.scenario(text).baseline.rules.prices.first)
    XCTAssertNil(price.attribute)
    XCTAssertEqual(price.persistence, .constant(0))
  }

  func testNewSettingsAreNotParametersOfExistingShocks() throws {
    // `hits`, `exempt` and `debt repaid over` exist only where written, so scenarios that do
    // not use them keep their parameter list.
    let text = Fixture.minimal(body: "shock illness {\n  probability 10%\n  cost 100 yuan\n}\noption x { illness.exempt = 100 }")
    assertSingle("unknown-parameter", in: Fixture.diagnostics(text), text: text)
  }

  func testHitsOutOfRangeAndNegativeSd() {
    let text = Fixture.minimal(
      population: villages,
      body: "shock flood {\n  covariate by village\n  probability 5%\n  hits 160%\n  cost 1 yuan\n}\nprice p {\n  share of income 10%\n  sd -5%\n}")
    let diagnostics = Fixture.diagnostics(text)
    XCTAssertEqual(diagnostics.filter { $0.id == "out-of-range" }.count, 2, Fixture.rendered(text, diagnostics))
  }
}
