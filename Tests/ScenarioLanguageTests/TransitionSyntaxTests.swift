import ScenarioLanguage
import XCTest

/// Parsing and checking of `exit`, `transition`, `monitoring`, `programme training`,
/// `start of year` and effect guards.
final class TransitionSyntaxTests: XCTestCase {
  private static let scenario = """
    scenario "T" {
      years 2016 to 2025
      poverty_line 2952 yuan per person per year
      population 10 households {
        income ~ lognormal(median: 3400, sigma: 0.55)
        size = 2
        age = 30
        labour = 2
      }
      start of year {
        age += 1
        labour -= 1 when age >= 60 and labour > 0
      }
      exit { years 2020 to 2020  when disposable >= poverty_line  for 2 years }
      transition "four do not pick" { years 2021 to 2025  keep outpatient, minimum_living  share 100% }
      monitoring { marginal below 1.5 * poverty_line  exited true  detect 95%  delay 1 year }
      programme training skills { eligible when registered and labour >= 1  cost 3000 yuan per person  job loss 10% per year }
      programme subsidy outpatient { amount 300 yuan per household  eligible when registered and not monitored }
      transfer minimum_living { top up to 80% of poverty_line }
      option baseline {}
      option "cut at exit" { transition.share = 0 }
    }
    """

  private func check(_ text: String) -> ScenarioChecker.Result {
    ScenarioChecker.check(source: SourceFile(path: "t", text: text))
  }

  func testBlocksKeepListAndGuardsParse() throws {
    var parser = Parser(source: SourceFile(path: "t", text: Self.scenario))
    let syntax = try XCTUnwrap(parser.parseScenario())
    XCTAssertEqual(parser.diagnostics.map(\.message), [])
    var keep: [String] = []
    var guards = 0
    var startOfYear = 0
    for item in syntax.items {
      if case .block(let block) = item {
        for case .names(let list) in block.items { keep = list.names.map(\.value) }
      }
      if case .yearEnd(let list) = item, list.timing == .startOfYear {
        startOfYear += 1
        guards = list.effects.filter { $0.condition != nil }.count
      }
    }
    XCTAssertEqual(keep, ["outpatient", "minimum_living"])
    XCTAssertEqual(startOfYear, 1)
    XCTAssertEqual(guards, 1)
  }

  func testCheckedRulesAndParameterPaths() throws {
    let result = check(Self.scenario)
    XCTAssertEqual(result.diagnostics.map(\.message), [])
    let scenario = try XCTUnwrap(result.scenario)
    let rules = scenario.baseline.rules
    let transition = try XCTUnwrap(rules.transition)
    XCTAssertEqual(transition.exitYears, 2020...2020)
    XCTAssertEqual(transition.exitFor, 2)
    XCTAssertEqual(transition.window?.years, 2021...2025)
    XCTAssertEqual(transition.window?.kept.map { rules.programmes[$0].name }, ["outpatient", "minimum_living"])
    XCTAssertEqual(transition.monitoring?.delay, 1)
    XCTAssertEqual(rules.yearStartEffects.count, 2)
    XCTAssertNotNil(rules.yearStartEffects[1].condition)
    XCTAssertEqual(scenario.options[1].rules.transition?.window?.share, .constant(0))
    for path in [
      "exit.when", "exit.for", "transition.share", "monitoring.marginal_below", "monitoring.exited", "monitoring.detect", "monitoring.delay", "skills.cost",
      "skills.employment", "skills.wage", "skills.job_loss",
    ] {
      XCTAssertTrue(result.parameterPaths.contains(path), path)
    }
  }

  func testScenarioWithoutExitHasNoTransitionRules() throws {
    let text = Self.scenario
      .replacingOccurrences(of: "  exit { years 2020 to 2020  when disposable >= poverty_line  for 2 years }\n", with: "")
      .replacingOccurrences(of: "  transition \"four do not pick\" { years 2021 to 2025  keep outpatient, minimum_living  share 100% }\n", with: "")
      .replacingOccurrences(of: "  monitoring { marginal below 1.5 * poverty_line  exited true  detect 95%  delay 1 year }\n", with: "")
      .replacingOccurrences(of: " and not monitored", with: "")
      .replacingOccurrences(of: "  option \"cut at exit\" { transition.share = 0 }\n", with: "")
    let result = check(text)
    XCTAssertEqual(result.diagnostics.map(\.message), [])
    XCTAssertNil(try XCTUnwrap(result.scenario).baseline.rules.transition)
  }
}
