import ScenarioLanguage
import XCTest

@testable import Simulation

/// `OptionPlan.programOrigins`: a NaN or infinity computed by the settings of caps, loans,
/// exit/transition/monitoring, prices and hazards is traced to their parameter paths.
final class NonFiniteOriginOfNewSettingsTests: XCTestCase {
  /// 600 households (two blocks), all poor, with `land_class` 1.
  private func runner(body: String) throws -> SimulationRunner {
    let text = ScenarioRun.tiny(
      households: 600,
      population: """
          income ~ uniform(2000, 2001)
          size = 2
          land_class = 1
        """, body: body)
    return SimulationRunner(scenario: try ScenarioRun.scenario(text), threads: 1)
  }

  func testALoanDividingByAZeroAttributeIsTracedToTheLoan() throws {
    let runner = try runner(
      body: """
          programme microcredit loans {
            eligible when true
            loan 40000 yuan per household / (land_class - 1)
            term 2 years
            interest 5% per year
          }
        """)
    let origin = try XCTUnwrap(runner.traceNonFinite(option: 0, replication: 0))
    XCTAssertEqual(origin.setting, "loans.loan")
    XCTAssertEqual(origin.household, 0)
    XCTAssertEqual(origin.year, 2016)
    XCTAssertEqual(origin.value, .infinity)
    XCTAssertFalse(origin.isPopulation)
  }

  func testABudgetPriorityKeyDividingByAZeroAttributeIsTracedToThePriority() throws {
    let runner = try runner(
      body: """
          programme subsidy seeds {
            eligible when true
            amount 100 yuan per household
            places 10 per year
            priority lowest income / (land_class - 1)
          }
        """)
    let origin = try XCTUnwrap(runner.traceNonFinite(option: 0, replication: 0))
    XCTAssertEqual(origin.setting, "seeds.priority_lowest")
    XCTAssertEqual(origin.household, 0)
    XCTAssertEqual(origin.year, 2016)
    XCTAssertEqual(origin.value, .infinity)
  }

  func testEveryCompiledProgramOfTheNewConstructsHasItsPath() throws {
    let runner = try runner(
      body: """
          programme microcredit loans {
            take up 50%
            loan 100 yuan
            term 2 years
            interest 5% per year
            discount 50%
            discount limit 50 yuan
            default when disposable < 0
            budget 1000 yuan per year
            priority highest income
          }
          programme subsidy outpatient { amount 100 yuan per household }
          exit { when disposable >= poverty_line }
          transition { keep outpatient  share 50% }
          monitoring { marginal below poverty_line  exited true  detect 90% }
          price grain { share of income 40%  sd 10% per year }
          shock flood { covariate  probability 5% per year  hits 50%  cost 100  exempt 10 yuan }
          start of year { income += 1 when size > 1 }
        """)
    let plan = try XCTUnwrap(runner.plans.first)
    let paths = Set(plan.programOrigins().values)
    let expected = [
      "loans.take_up", "loans.loan", "loans.interest", "loans.discount", "loans.discount_limit", "loans.default_when",
      "loans.priority_highest", "exit.when", "transition.share", "outpatient.eligible", "monitoring.marginal_below",
      "monitoring.exited", "monitoring.detect", "grain.share_of_income", "flood.hits", "flood.exempt", "start_of_year.income",
      "start_of_year.income.when",
    ]
    for path in expected { XCTAssertTrue(paths.contains(path), "no program has the path \(path): \(paths.sorted())") }
  }

  func testSettingLocationFindsStartOfYearUpdatesAndGuards() throws {
    let text = """
      scenario "S" {
        start of year {
          age += 1
          labour -= 1 when age >= 60
        }
        programme subsidy s {
          next year { income += 1 when size > 2 }
        }
      }
      """
    let source = SourceFile(path: "s", text: text)
    var parser = Parser(source: source)
    let syntax = try XCTUnwrap(parser.parseScenario())
    func line(_ path: String) -> Int? { SettingLocation.range(of: path, in: syntax).map { source.lineAndColumn(of: $0.start).line } }
    XCTAssertEqual(line("start_of_year.age"), 3)
    XCTAssertEqual(line("start_of_year.labour.when"), 4)
    XCTAssertNil(line("start_of_year.age.when"))
    XCTAssertNil(line("end_of_year.age"))
    XCTAssertEqual(line("s.next_year.income.when"), 7)
  }
}
