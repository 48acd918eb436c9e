import XCTest

@testable import Simulation

/// Microcredit: loans, the interest discount paid by the state, repayment and default
/// (docs/model.md § Microcredit).
final class MicrocreditTests: XCTestCase {
  private func credit(_ settings: String, households: Int = 1, extra: String = "") -> String {
    ScenarioRun.tiny(
      households: households, years: "2016 to 2019",
      population: """
            income = 2000
            size = 2
        """,
      body: """
        \(extra)
          programme microcredit loans {
            loan 40000 yuan per household
            term 2 years
            interest 5% per year
            discount 100%
            discount limit 30000 yuan
        \(settings)
          }
        """)
  }

  func testInterestDiscountAndRepaymentByHand() throws {
    let results = try ScenarioRun.results(credit(""))
    // Interest 5% · 40000 = 2000 a year; the state pays 5% · 30000 = 1500, the household 500
    // (250 per person). Loans in 2016 and, after repayment at the end of 2017, in 2018.
    XCTAssertEqual((2016...2019).map { results.value("participants_loans", year: $0) }, [1, 0, 1, 0])
    XCTAssertEqual((2016...2019).map { results.value("cost_loans", year: $0) }, [1500, 1500, 1500, 1500])
    XCTAssertEqual((2016...2019).map { results.value("loans_outstanding_loans", year: $0) }, [1, 0, 1, 0])
    XCTAssertEqual((2016...2019).map { results.value("defaults_loans", year: $0) }, [0, 0, 0, 0])
    XCTAssertEqual((2016...2019).map { results.value("mean_income", year: $0) }, [1750, 1750, 1750, 1750])
  }

  func testDefaultWritesTheLoanOffAndBarsTheHousehold() throws {
    let results = try ScenarioRun.results(credit("    default when disposable < 2500"))
    // 2017, end of term: the household defaults; the fund pays principal and the year's
    // interest (40000 + 2000) and the household pays nothing that year; it never borrows again.
    XCTAssertEqual((2016...2019).map { results.value("cost_loans", year: $0) }, [1500, 42000, 0, 0])
    XCTAssertEqual((2016...2019).map { results.value("defaults_loans", year: $0) }, [0, 1, 0, 0])
    XCTAssertEqual((2016...2019).map { results.value("participants_loans", year: $0) }, [1, 0, 0, 0])
    XCTAssertEqual((2016...2019).map { results.value("mean_income", year: $0) }, [1750, 2000, 2000, 2000])
  }

  func testNoTakeUpNoLoans() throws {
    let results = try ScenarioRun.results(credit("    take up 0%"))
    XCTAssertEqual((2016...2019).map { results.value("participants_loans", year: $0) }, [0, 0, 0, 0])
    XCTAssertEqual((2016...2019).map { results.value("cost_loans", year: $0) }, [0, 0, 0, 0])
  }

  func testTakeUpAsACondition() throws {
    let results = try ScenarioRun.results(credit("    take up size >= 3", households: 2))
    XCTAssertEqual(results.value("participants_loans", year: 2016), 0, "households of 2 do not borrow")
    let all = try ScenarioRun.results(credit("    take up size == 2", households: 2))
    XCTAssertEqual(all.value("participants_loans", year: 2016), 2)
  }

  func testFinancedIndustryGainComesNextYearWithoutItsGrant() throws {
    let results = try ScenarioRun.results(
      credit(
        "    years 2016 to 2016\n    finances tea",
        extra: "  programme industry tea { grant 999 yuan per household  success 100%  gain 100 yuan per person per year  eligible when false }"))
    // 2016: −250 per person for the household's interest; from 2017 the tea gain (+100) is in
    // market income; the loan is repaid in 2017; no tea grant is paid.
    XCTAssertEqual((2016...2019).map { results.value("mean_income", year: $0) }, [1750, 1850, 2100, 2100])
    XCTAssertEqual((2016...2019).map { results.value("cost_tea", year: $0) }, [0, 0, 0, 0])
    XCTAssertEqual((2016...2019).map { results.value("cost_loans", year: $0) }, [1500, 1500, 0, 0])
  }

  func testLoanVolumeCapInRegistryOrder() throws {
    let results = try ScenarioRun.results(credit("    budget 40000 yuan per year", households: 3))
    // One new loan a year. 2016: household 0 (1 and 2 unserved); 2017: 1 and 2 demand, 1 is
    // served; 2018: 0 (repaid) and 2 demand, 0 is served; 2019: 1 and 2, 1 is served.
    XCTAssertEqual((2016...2019).map { results.value("participants_loans", year: $0) }, [1, 1, 1, 1])
    XCTAssertEqual((2016...2019).map { results.value("unserved_loans", year: $0) }, [2, 1, 1, 1])
    XCTAssertEqual((2016...2019).map { results.value("loans_outstanding_loans", year: $0) }, [1, 1, 1, 1])
    XCTAssertEqual((2016...2019).map { results.value("cost_loans", year: $0) }, [1500, 3000, 3000, 3000])
  }
}
