import XCTest

@testable import Simulation

/// Step 3, health support: exemptions and reimbursement paid by the state, the household's
/// share paid from savings and the rest repaid as debt in later years.
final class HealthSupportTests: XCTestCase {
  func testExemptionThenReimbursementOfTheRestIsTheStatesCost() throws {
    let text = ScenarioRun.tiny(
      households: 3,
      population: """
            income = 3000
            size = 1
        """,
      body: """
          shock illness {
            probability 100% per year
            cost 2000 yuan
            exempt 500 yuan
            reimbursed 50%
          }
          option baseline {}
          option "no exemption" { illness.exempt = 0 }
        """)
    let results = try ScenarioRun.results(text)
    for year in 2016...2018 {
      // exempted 500; reimbursed 50% of 1500 = 750; the household bears 750.
      assertClose(results.value("mean_income", year: year), 3000 - 750, "\(year)")
      assertClose(results.value("cost_illness", year: year), 3 * 1250, "\(year)")
      // The state's cost of health support is part of the total.
      assertClose(results.value("cost_total", year: year), 3 * 1250, "\(year)")
      // Without exemption: the household bears 1000, the state 1000.
      assertClose(results.value("mean_income", year: year, option: "no exemption"), 2000, "\(year)")
      assertClose(results.value("cost_illness", year: year, option: "no exemption"), 3000, "\(year)")
    }
  }

  func testExemptionLargerThanTheCostCoversItAll() throws {
    let text = ScenarioRun.tiny(
      population: """
            income = 3000
            size = 2
        """,
      body: """
          shock illness { probability 100% per year  cost 300 yuan  exempt 500 yuan }
        """)
    let results = try ScenarioRun.results(text)
    XCTAssertEqual(results.value("mean_income", year: 2016), 3000)
    assertClose(results.value("cost_illness", year: 2016), 300, "only the cost itself is paid")
  }

  func testReimbursementByRegistryStatus() throws {
    let text = ScenarioRun.tiny(
      population: """
            income = 2000
            size = 1
        """,
      body: """
          shock illness {
            probability 100% per year
            cost 1000 yuan
            reimbursed if(registered, 90%, 50%)
          }
          option baseline {}
          option "not registered" { identification.detect = 0% }
        """)
    let results = try ScenarioRun.results(text)
    // Registered (income 2000 below the line 3000, detect 100%): bears 10% of 1000.
    assertClose(results.value("mean_income", year: 2016), 1900, "registered")
    // Never registered: bears 50%.
    assertClose(results.value("mean_income", year: 2016, option: "not registered"), 1500, "not registered")
  }

  func testCostBeyondSavingsBecomesDebtRepaidInEqualPartsFromNextYear() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2020",
      population: """
            income = 2000
            size = 2
            savings = 300
        """,
      body: """
          shock illness {
            years 2016 to 2016
            probability 100% per year
            cost 1200 yuan
            debt repaid over 3 years
          }
        """)
    let results = try ScenarioRun.results(text)
    // 2016: 300 from savings, 900 of debt (300 a year for 3 years); income untouched.
    // 2017-2019: d = 2000 − 300 / 2 = 1850; 2020: repaid, 2000.
    let expected: [Double] = [2000, 1850, 1850, 1850, 2000]
    for (offset, year) in (2016...2020).enumerated() {
      assertClose(results.value("mean_income", year: year), expected[offset], "\(year)")
    }
    XCTAssertEqual((2016...2020).map { results.value("indebted_households", year: $0) }, [1, 1, 1, 0, 0])
    XCTAssertEqual((2016...2020).map { results.value("shocked_households_illness", year: $0) }, [1, 0, 0, 0, 0])
    // The state pays nothing (no exemption, no reimbursement).
    XCTAssertEqual(results.value("cost_illness", year: 2016), 0)
  }

  func testNewDebtIsAddedToWhatIsStillOwed() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2019",
      population: """
            income = 2000
            size = 1
        """,
      body: """
          shock illness {
            probability 100% per year
            cost 900 yuan
            debt repaid over 3 years
          }
        """)
    let results = try ScenarioRun.results(text)
    // 2016: debt 900 → 300 a year. 2017: repays 300 (d 1700), owes 600 + 900 = 1500 → 500.
    // 2018: repays 500 (d 1500), owes 1000 + 900 = 1900 → 633.33. 2019: d = 2000 − 1900 / 3.
    let expected: [Double] = [2000, 1700, 1500, 2000 - 1900.0 / 3]
    for (offset, year) in (2016...2019).enumerated() {
      assertClose(results.value("mean_income", year: year), expected[offset], "\(year)")
    }
  }

  /// Support settings work on a covariate disaster too: relief (reimbursement) and debt.
  func testDisasterWithReliefAndDebt() throws {
    let text = ScenarioRun.tiny(
      households: 2, years: "2016 to 2018",
      population: """
            income = 2000
            size = 1
            savings = 100
        """,
      body: """
          shock flood {
            covariate
            years 2016 to 2016
            probability 100% per year
            cost 1000 yuan
            reimbursed 40%
            debt repaid over 2 years
          }
        """)
    let results = try ScenarioRun.results(text)
    // 2016: the county is hit; the state pays 400 each; the household's 600: 100 from
    // savings, 500 of debt, repaid 250 in 2017 and 2018.
    XCTAssertEqual(results.value("hit_villages_flood", year: 2016), 1)
    XCTAssertEqual(results.value("shocked_households_flood", year: 2016), 2)
    assertClose(results.value("cost_flood", year: 2016), 800, "relief")
    assertClose(results.value("mean_income", year: 2016), 2000, "2016")
    assertClose(results.value("mean_income", year: 2017), 1750, "2017")
    assertClose(results.value("mean_income", year: 2018), 1750, "2018")
    XCTAssertEqual((2016...2018).map { results.value("indebted_households", year: $0) }, [2, 2, 0])
    XCTAssertEqual(results.value("hit_villages_flood", year: 2017), 0, "inactive after 2016")
  }
}
