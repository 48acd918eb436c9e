import ScenarioLanguage
import XCTest

@testable import Simulation

/// Every instrument of the language together (caps, transition with kept and capped support,
/// monitoring, training, microcredit financing industry, covariate disasters, prices, health
/// debt, breakdowns, ageing): results are bit-identical for any thread count, and an option
/// equal to the baseline differs from it by exactly nothing (common random numbers).
final class AllInstrumentsDeterminismTests: XCTestCase {
  static let text = """
    scenario "all instruments" {
      years 2016 to 2024
      replications 6
      seed 11
      poverty_line 3000 yuan per person per year indexed 3% per year
      population 3000 households {
        village ~ categorical(upper: 30%, middle: 30%, lower: 40%)
        size ~ categorical(1: 20%, 2: 30%, 3: 30%, 4: 20%)
        children ~ categorical(0: 50%, 1: 30%, 2: 20%)
        age ~ uniform(25, 70)
        labour ~ categorical(0: 20%, 1: 50%, 2: 30%)
        land ~ uniform(0, 6)
        income ~ lognormal(median: 2800 + 900 * labour, sigma: 0.5)
        savings = 0.5 * max(0, income - 2500) * size
      }
      income growth normal(mean: 4%, sd: 12%) per year
      start of year {
        age += 1
        labour -= 1 when age >= 60 and labour > 0
      }
      shock illness {
        probability 10% per year
        cost 30% of income * size
        reimbursed if(registered, 80%, 50%)
        exempt 300 yuan
        debt repaid over 3 years
      }
      shock flood { covariate by village  probability 10% per year  hits 60%  cost 25% of income * size }
      price grain { share of income 40%  persistence 0.6  sd 10% per year  by village }
      identification { detect 90% of poor  include 5% below 1.2 * poverty_line }
      exit { years 2018 to 2020  when disposable >= poverty_line  for 2 years }
      transition { years 2021 to 2024  keep planting, dibao  share schedule(2021: 100%, 2023: 50%) }
      monitoring { years 2020 to 2024  marginal below 1.5 * poverty_line  detect 90%  delay 1 year }
      programme industry tea { eligible when registered and land >= 1  grant 1000 yuan per household  success 50%  gain 800 yuan per household per year }
      programme microcredit loans {
        eligible when registered and labour >= 1
        take up 50%
        loan 20000 yuan per household
        term 2 years
        interest 5% per year
        finances tea
        default when disposable < poverty_line
      }
      programme training skills { eligible when registered and labour >= 1 and age <= 50  cost 2000 yuan per person  employment 50%  wage 8000 yuan per household per year  job loss 10% per year  places 60 per year  priority random }
      programme subsidy planting { amount 100 yuan per mu  budget 150_000 yuan per year by village  priority lowest disposable }
      programme subsidy school { amount 500 yuan per child }
      transfer dibao { top up to 80% of poverty_line  eligible when registered and labour == 0  budget 200_000 yuan per year  priority lowest disposable }
      report by village
      option baseline {}
      option same { planting.amount = 100 }
      option "cut at exit" { transition.share = 0 }
    }
    """

  private func bits(_ results: ReplicationResults) -> [UInt64] { results.values.map(\.bitPattern) }

  func testThreadsDoNotChangeAnyBitAndEqualOptionsAgreeExactly() throws {
    let scenario = try ScenarioRun.scenario(Self.text)
    let one = SimulationRunner(scenario: scenario, threads: 1).run()
    let three = SimulationRunner(scenario: scenario, threads: 3).run()
    XCTAssertEqual(bits(one), bits(three))
    XCTAssertTrue(one.values.allSatisfy(\.isFinite))
    for metric in one.metrics.indices {
      for year in 0..<9 {
        XCTAssertEqual(
          one.samples(option: 0, year: year, metric: metric), one.samples(option: 1, year: year, metric: metric),
          "\(one.metrics[metric]) year \(year)")
      }
    }
    // Every instrument acts: its metric is non-zero in some year.
    for name in [
      "exits", "monitored_households", "employed_skills", "loans_outstanding_loans", "unserved_planting", "cost_school",
      "hit_villages_flood", "indebted_households", "unserved_dibao", "participants_tea", "incidence[village=upper]",
    ] {
      XCTAssertTrue((2016...2024).contains { one.value(name, year: $0) > 0 }, name)
    }
    // Cutting support at exit changes the transition years only.
    XCTAssertEqual(one.value("cost_planting", year: 2019, option: "cut at exit"), one.value("cost_planting", year: 2019))
    // (Both capped programmes spend their budgets either way: fewer claimants go unserved.)
    for name in ["unserved_dibao", "unserved_planting"] {
      XCTAssertTrue((2021...2024).contains { one.value(name, year: $0, option: "cut at exit") < one.value(name, year: $0) }, name)
    }
  }
}
