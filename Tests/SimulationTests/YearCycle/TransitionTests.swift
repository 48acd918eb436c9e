import XCTest

@testable import Simulation

/// Exit, the transition window and monitoring: the persistent registry of scenarios with an
/// `exit` block (docs/model.md § Exit, transition and monitoring).
final class TransitionTests: XCTestCase {
  private func series(_ results: ReplicationResults, _ metric: String, option: String? = nil) -> [Double] {
    (2016...2020).map { results.value(metric, year: $0, option: option) }
  }

  /// One household at 2900 per person, lifted to 3100 by a subsidy while registered; it
  /// exits after two years above the line and keeps the subsidy through the transition.
  func testExitAfterTwoYearsAndPhasedTransition() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2020",
      population: """
            income = 2900
            size = 2
        """,
      body: """
          programme subsidy cash { amount 200 yuan per person  eligible when registered }
          exit { when disposable >= poverty_line  for 2 years }
          transition { years 2018 to 2020  keep cash  share schedule(2016: 100%, 2019: 50%) }
          option baseline {}
          option "cut at exit" { transition.share = 0 }
          option "one year" { transition.share = if(years_since_exit <= 1, 100%, 0%) }
        """)
    let results = try ScenarioRun.results(text)
    // Baseline. 2016: registered (2900 < 3000), paid 400 → d = 3100, the rule holds once.
    // 2017: holds twice → exits at the end of 2017. 2018: exited, kept at 100% → 400;
    // 2019–2020: 50% → 200, d = 2900 + 100 = 3000, not below the line; never registered again.
    XCTAssertEqual(series(results, "registered_households"), [1, 1, 0, 0, 0])
    XCTAssertEqual(series(results, "exits"), [0, 1, 0, 0, 0])
    XCTAssertEqual(series(results, "exited_households"), [0, 0, 1, 1, 1])
    XCTAssertEqual(series(results, "cost_cash"), [400, 400, 400, 200, 200])
    XCTAssertEqual(series(results, "participants_cash"), [1, 1, 1, 1, 1])
    XCTAssertEqual(series(results, "returns_to_poverty"), [0, 0, 0, 0, 0])
    XCTAssertEqual(series(results, "new_entrants"), [0, 0, 0, 0, 0])
    assertClose(results.value("mean_income", year: 2019), 3000, "2019")

    // Cut at exit: 2018 d = 2900 < 3000 → poor again after exit (and poor for the first
    // time); identification registers it for 2019; two years above the line → exit in 2020.
    let cut = "cut at exit"
    XCTAssertEqual(series(results, "registered_households", option: cut), [1, 1, 0, 1, 1])
    XCTAssertEqual(series(results, "cost_cash", option: cut), [400, 400, 0, 400, 400])
    XCTAssertEqual(series(results, "returns_to_poverty", option: cut), [0, 0, 1, 0, 0])
    XCTAssertEqual(series(results, "new_entrants", option: cut), [0, 0, 1, 0, 0])
    XCTAssertEqual(series(results, "exited_households", option: cut), [0, 0, 1, 0, 0])
    XCTAssertEqual(series(results, "exits", option: cut), [0, 1, 0, 0, 1])

    // Share by years since exit: 2018 is year 1 after exit (kept), 2019 year 2 (cut): poor,
    // registered again for 2020 and paid as a registered household.
    let oneYear = "one year"
    XCTAssertEqual(series(results, "cost_cash", option: oneYear), [400, 400, 400, 0, 400])
    XCTAssertEqual(series(results, "returns_to_poverty", option: oneYear), [0, 0, 0, 1, 0])
  }

  /// A household above the line but below 1.5 × the line is monitored; a flood in 2017
  /// brings it below the line; it is found and enters the registry after the delay.
  func testMonitoringFindsAndRegistersAfterTheDelay() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2020",
      population: """
            income = 3500
            size = 2
        """,
      body: """
          shock flood { years 2017 to 2017  probability 100%  cost 2000 yuan per household }
          programme subsidy cash { amount 10 yuan per person  eligible when registered }
          exit { when disposable >= poverty_line }
          monitoring { marginal below 1.5 * poverty_line  detect 100%  delay 1 year }
          option baseline {}
          option "no delay" { monitoring.delay = 0 }
          option "exited not watched" { monitoring.exited = false }
        """)
    let results = try ScenarioRun.results(text)
    // 2016: d = 3500 < 4500 → monitored, not poor. 2017: d = 3500 − 1000 = 2500 → poor for
    // the first time, found; delay 1 → waits through 2018, registered for 2019, paid 20,
    // exits at the end of 2019 (one year above the line); 2020: exited → monitored.
    XCTAssertEqual(series(results, "registered_households"), [0, 0, 0, 1, 0])
    XCTAssertEqual(series(results, "monitored_households"), [1, 1, 1, 0, 1])
    XCTAssertEqual(series(results, "new_entrants"), [0, 1, 0, 0, 0])
    XCTAssertEqual(series(results, "exits"), [0, 0, 0, 1, 0])
    XCTAssertEqual(series(results, "cost_cash"), [0, 0, 0, 20, 0])
    // No delay: registered for 2018, exits at its end.
    XCTAssertEqual(series(results, "registered_households", option: "no delay"), [0, 0, 1, 0, 0])
    XCTAssertEqual(series(results, "exits", option: "no delay"), [0, 0, 1, 0, 0])
    // Exited households not watched: in 2020 the exited household (3500 < 4500) is still
    // monitored as marginal.
    XCTAssertEqual(series(results, "monitored_households", option: "exited not watched"), [1, 1, 1, 0, 1])
  }

  /// Registered households stay registered while the rule does not hold (no redraw), and
  /// exits happen only in the exit years.
  func testRegistryPersistsOutsideExitYears() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2020",
      population: """
            income = 2900
            size = 1
        """,
      body: """
          income growth 10% per year
          exit { years 2019 to 2020  when disposable >= poverty_line }
        """)
    let results = try ScenarioRun.results(text)
    // Income 2900·e^0.1 = 3205 ≥ 3000 from 2017 on, but exits start in 2019.
    XCTAssertEqual(series(results, "registered_households"), [1, 1, 1, 1, 0])
    XCTAssertEqual(series(results, "exits"), [0, 0, 0, 1, 0])
    XCTAssertEqual(series(results, "incidence"), [1, 0, 0, 0, 0])
    XCTAssertEqual(series(results, "new_entrants"), [1, 0, 0, 0, 0])
  }

  /// A kept top-up pays `share` of the raise to an exited household; monitoring with
  /// `detect 0%` keeps it out of the registry (identification would register it again).
  func testKeptTopUpPaysTheShareOfTheRaise() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2019",
      population: """
            income = 2000
            size = 2
        """,
      body: """
          transfer minimum_living { top up to 80% of poverty_line  eligible when registered }
          exit { years 2016 to 2016  when disposable >= 80% of poverty_line }
          transition { years 2017 to 2018  keep minimum_living  share 50% }
          monitoring { exited true  detect 0% }
        """)
    let results = try ScenarioRun.results(text)
    let years = 2016...2019
    // 2016: registered, topped up to 2400 (cost 400 · 2 persons), exits. 2017–2018: exited,
    // raised by 50% of 400 → 2200 (cost 200 · 2). 2019: outside the window → 2000.
    XCTAssertEqual(years.map { results.value("cost_minimum_living", year: $0) }, [800, 400, 400, 0])
    XCTAssertEqual(years.map { results.value("participants_minimum_living", year: $0) }, [1, 1, 1, 0])
    XCTAssertEqual(years.map { results.value("mean_income", year: $0) }, [2400, 2200, 2200, 2000])
    XCTAssertEqual(years.map { results.value("registered_households", year: $0) }, [1, 0, 0, 0])
    XCTAssertEqual(years.map { results.value("monitored_households", year: $0) }, [0, 1, 1, 1])
    XCTAssertEqual(years.map { results.value("returns_to_poverty", year: $0) }, [0, 1, 1, 1])
  }

  /// Without an `exit` block there are no transition metrics.
  func testNoTransitionMetricsWithoutExit() throws {
    let text = ScenarioRun.tiny(population: "    income = 2900\n    size = 1")
    let results = try ScenarioRun.results(text)
    for metric in ["exits", "returns_to_poverty", "new_entrants", "exited_households", "monitored_households"] {
      XCTAssertFalse(results.metrics.contains(metric), metric)
    }
  }
}
