import ScenarioLanguage
import XCTest

/// The checked model of budget caps and microcredit programmes.
final class BudgetAndCreditCheckerTests: XCTestCase {
  private typealias Fixture = ScenarioFixture

  func testCapWithPriorityAndVillage() throws {
    let text = Fixture.minimal(
      population: "village ~ categorical(east: 50%, west: 50%)",
      body: """
        programme subsidy planting {
          amount 300 yuan per household
          budget schedule(2016: 2_000_000, 2019: 3_000_000) yuan per year by village
          places 500 per year
          priority lowest income
        }
        """)
    let rules = try Fixture.scenario(text).baseline.rules
    let cap = try XCTUnwrap(rules.programmes.first?.cap)
    XCTAssertEqual(cap.budget?.value(inYear: 2018, povertyLine: 1), 2_000_000)
    XCTAssertEqual(cap.budget?.value(inYear: 2019, povertyLine: 1), 3_000_000)
    XCTAssertEqual(cap.places, .constant(500))
    XCTAssertEqual(cap.byAttribute, rules.attributeIndex("village"))
    XCTAssertEqual(cap.priority, .lowest(.attribute(rules.incomeIndex)))
    XCTAssertEqual(cap.priorityStream, "programme.planting.priority")
  }

  func testPriorityDefaultsToRegistryOrderAndRandomAndRegistryOrderParse() throws {
    for (written, expected) in [("", BudgetCap.Priority.registryOrder), ("priority random", .random), ("priority registry order", .registryOrder)] {
      let text = Fixture.minimal(body: "transfer guarantee {\n  top up to 1000 yuan per person\n  places 10\n  \(written)\n}")
      let rules = try Fixture.scenario(text).baseline.rules
      XCTAssertEqual(rules.programmes.first?.cap?.priority, expected, written)
    }
  }

  func testNoCapWithoutBudgetOrPlaces() throws {
    let rules = try Fixture.scenario(Fixture.minimal(body: "programme subsidy cash { amount 100 yuan per household }")).baseline.rules
    XCTAssertNil(rules.programmes.first?.cap)
  }

  func testOptionsOverrideADeclaredBudgetButCannotAddOne() throws {
    let capped = Fixture.minimal(
      body: """
        programme subsidy cash { amount 100 yuan per household  budget 5000 yuan per year }
        option more { cash.budget = 9000 }
        """)
    let scenario = try Fixture.scenario(capped)
    let option = try XCTUnwrap(scenario.options.first { $0.name == "more" })
    XCTAssertEqual(option.rules.programmes.first?.cap?.budget, .constant(9000))

    let uncapped = Fixture.minimal(
      body: """
        programme subsidy cash { amount 100 yuan per household }
        option more { cash.budget = 9000 }
        """)
    XCTAssertEqual(Fixture.diagnostics(uncapped).map(\.id), ["unknown-parameter"])
  }

  func testMicrocreditTermsAndDefaults() throws {
    let text = Fixture.minimal(
      population: "land ~ uniform(0, 3)",
      body: """
        programme industry tea { grant 1000 yuan per mu  gain 500 yuan per person per year }
        programme microcredit loans "poverty-alleviation microcredit" {
          eligible when registered and land >= 1
          take up 60%
          loan 40000 yuan per household
          term 2 years
          interest 4.75% per year
          discount limit 50000 yuan
          finances tea
          default when disposable < poverty_line
        }
        """)
    let rules = try Fixture.scenario(text).baseline.rules
    guard case .microcredit(let terms)? = rules.programmes.last?.kind else { return XCTFail("not microcredit") }
    XCTAssertEqual(terms.takeUp, .constant(0.6))
    XCTAssertEqual(terms.takeUpStream, "programme.loans.take_up")
    XCTAssertEqual(terms.loan, .constant(40000))
    XCTAssertEqual(terms.term, 2)
    XCTAssertEqual(terms.interest, .constant(0.0475))
    XCTAssertEqual(terms.discount, .constant(1), "the state pays all the interest unless told otherwise")
    XCTAssertEqual(terms.discountLimit, .constant(50000))
    XCTAssertEqual(terms.finances, "tea")
    XCTAssertEqual(terms.defaultsWhen, .binary(.less, .variable(.disposable), .yearly(.povertyLine)))
    XCTAssertEqual(rules.programmes.last?.title, "poverty-alleviation microcredit")
  }

  func testFinancesOutsideMicrocreditIsAnUnknownSetting() {
    let text = Fixture.minimal(body: "programme subsidy cash { amount 100 yuan per household  finances cash }")
    XCTAssertEqual(Fixture.diagnostics(text).map(\.id), ["unknown-setting"])
  }
}
