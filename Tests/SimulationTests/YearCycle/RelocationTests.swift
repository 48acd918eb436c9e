import XCTest

@testable import Simulation

/// Step 5, relocation: the take-up rule, the fiscal cost (the subsidy), savings and debt
/// after the move, repayment, and the effects on joining and next year.
final class RelocationTests: XCTestCase {
  /// One registered household (income 2000 < line 3000, detect 100%) of `size` persons,
  /// relocation open in `active`, cost 85,000, subsidy 18,720 (own share 66,280), loan
  /// ceiling 20,000.
  private func scenario(
    savings: Double, size: Int = 4, years: String = "2016 to 2018", active: String = "2017 to 2017",
    repayment: Int = 5, extra: String = "", options: String = ""
  ) -> String {
    ScenarioRun.tiny(
      years: years,
      population: """
            group hill share 100% { income = 2000 }
            size = \(size)
            savings = \(savings)
        """,
      body: """
          programme relocation {
            years \(active)
            eligible when group == hill and registered
            cost 85000 yuan per household
            subsidy 18720 yuan per household
            let loan_ceiling = 20000 yuan per household
            moves when cost - subsidy <= savings + loan_ceiling
            debt repaid over \(repayment) years
            on join { group = relocated }
            \(extra)
          }
        \(options)
        """)
  }

  func testTakeUpRuleAtItsBoundaryAndFiscalCostIsTheSubsidy() throws {
    let text = scenario(
      savings: 46280,
      options: """
          option baseline {}
          option short { population.savings = 46279 }
          option "subsidy 40k, short" { population.savings = 46279  relocation.subsidy = 40000 }
          option rich { population.hill.income = 5000 }
        """)
    let results = try ScenarioRun.results(text)
    // baseline: own = 85000 − 18720 = 66280 ≤ 46280 + 20000 = 66280 → moves in 2017;
    // the state pays the subsidy, 18720.
    XCTAssertEqual(results.value("participants_relocation", year: 2017), 1)
    XCTAssertEqual(results.value("cost_relocation", year: 2017), 18720)
    XCTAssertEqual(results.value("cost_total", year: 2017), 18720)
    XCTAssertEqual(
      (2016...2018).map { results.value("relocated_households", year: $0) }, [0, 1, 1])
    // Nothing outside the active year.
    XCTAssertEqual(results.value("cost_relocation", year: 2016), 0)
    XCTAssertEqual(results.value("cost_relocation", year: 2018), 0)
    // short: 66280 > 46279 + 20000 = 66279 → stays; no cost.
    XCTAssertEqual(results.value("relocated_households", year: 2018, option: "short"), 0)
    XCTAssertEqual(results.value("cost_relocation", year: 2017, option: "short"), 0)
    // subsidy 40k: own = 45000 ≤ 66279 → moves; the cost is the new subsidy.
    XCTAssertEqual(
      results.value("relocated_households", year: 2017, option: "subsidy 40k, short"), 1)
    XCTAssertEqual(
      results.value("cost_relocation", year: 2017, option: "subsidy 40k, short"), 40000)
    // rich: income 5000 ≥ 3000 → never registered (include 0%) → not eligible.
    XCTAssertEqual(results.value("registered_households", year: 2017, option: "rich"), 0)
    XCTAssertEqual(results.value("relocated_households", year: 2018, option: "rich"), 0)
  }

  func testHouseholdMovesOnceWhileTheProgrammeStaysOpen() throws {
    let results = try ScenarioRun.results(
      scenario(savings: 70000, years: "2016 to 2019", active: "2017 to 2019"))
    // Eligible and registered in 2017, 2018 and 2019, but relocation is once per household.
    XCTAssertEqual(
      (2016...2019).map { results.value("participants_relocation", year: $0) }, [0, 1, 0, 0])
    XCTAssertEqual(
      (2016...2019).map { results.value("cost_relocation", year: $0) }, [0, 18720, 0, 0])
    XCTAssertEqual(
      (2016...2019).map { results.value("relocated_households", year: $0) }, [0, 1, 1, 1])
  }

  func testSavingsAfterTheMove() throws {
    // A probe paying `savings` in 2018 shows the savings left: its cost is Σ savings.
    let probe = """
        programme subsidy probe {
          years 2018 to 2018
          amount savings yuan per household
          eligible when true
        }
        option baseline {}
        option poorer { population.savings = 50000 }
      """
    let results = try ScenarioRun.results(scenario(savings: 70000, extra: "", options: probe))
    // savings 70000 ≥ own 66280: savings ← 70000 − 66280 = 3720, no debt.
    assertClose(results.value("cost_probe", year: 2018), 3720, "savings left")
    // savings 50000 < 66280: savings ← max(0, 50000 − 66280) = 0.
    XCTAssertEqual(results.value("cost_probe", year: 2018, option: "poorer"), 0)
    // Before the move the probe is closed: no cost in 2016 and 2017.
    XCTAssertEqual(results.value("cost_probe", year: 2017), 0)
    // No debt in the baseline: 2018 d = 2000 + 3720 / 4 (the probe) = 2930, no repayment.
    assertClose(results.value("mean_income", year: 2018), 2930, "no debt")
  }

  func testDebtIsRepaidInEqualPartsForItsYearsAfterTheMove() throws {
    let results = try ScenarioRun.results(
      scenario(savings: 50000, size: 4, years: "2016 to 2022", repayment: 4))
    // debt₀ = max(0, 66280 − 50000) = 16280, repaid 16280 / 4 = 4070 a year in 2018–2021
    // (the 4 years after the 2017 move), 4070 / 4 persons = 1017.5 per person.
    let expected: [Double] = [2000, 2000, 982.5, 982.5, 982.5, 982.5, 2000]
    for (year, value) in zip(2016...2022, expected) {
      assertClose(results.value("mean_income", year: year), value, "\(year)")
    }
  }

  func testNextYearEffectAppliesOnceTheYearAfterJoining() throws {
    let results = try ScenarioRun.results(
      scenario(savings: 70000, years: "2016 to 2019", extra: "next year { income *= 1.25 }"))
    // Moves in 2017; the pending ×1.25 applies at the start of 2018 only: 2000, 2000, 2500, 2500.
    let expected: [Double] = [2000, 2000, 2500, 2500]
    for (year, value) in zip(2016...2019, expected) {
      assertClose(results.value("mean_income", year: year), value, "\(year)")
    }
  }

  func testGrowthFollowsTheGroupSetOnJoining() throws {
    let text = scenario(savings: 70000, years: "2016 to 2019") + "\n"
    let withGrowth = text.replacingOccurrences(
      of: "  programme relocation {",
      with: """
          income growth 10% per year
          income growth for hill 0% per year
          programme relocation {
        """)
    let results = try ScenarioRun.results(withGrowth)
    // 2016, 2017: in `hill`, growth e^0 → 2000. The 2017 move sets group = relocated, which
    // grows at the common 10%: 2018: 2000 · e^0.1, 2019: 2000 · e^0.2.
    assertClose(results.value("mean_income", year: 2017), 2000, "2017")
    assertClose(results.value("mean_income", year: 2018), 2000 * exp(0.1), "2018")
    assertClose(results.value("mean_income", year: 2019), 2000 * exp(0.2), "2019")
  }
}
