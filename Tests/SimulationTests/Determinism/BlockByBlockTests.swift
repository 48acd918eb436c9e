import ScenarioLanguage
import XCTest

@testable import Simulation

/// Running each block of households through every year (options taking turns on it) gives
/// the bits of running every household year by year: every instrument without a cap, options
/// with another population between equal ones, options in groups, sizes that change.
final class BlockByBlockTests: XCTestCase {
  /// Every instrument of `AllInstrumentsDeterminismTests` without its caps (budgets and
  /// places rank households across a year, so they run year by year), on 3,000 households
  /// (five full blocks and a partial one), with an option that draws another population.
  static func uncapped(endOfYear: String = "") -> String {
    var text = AllInstrumentsDeterminismTests.text
    for cap in [
      "  places 60 per year  priority random", "  budget 150_000 yuan per year by village  priority lowest disposable",
      "  budget 200_000 yuan per year  priority lowest disposable",
    ] {
      precondition(text.contains(cap), "the fixture changed: \(cap)")
      text = text.replacingOccurrences(of: cap, with: "")
    }
    let options = "  option \"cut at exit\" { transition.share = 0 }"
    precondition(text.contains(options), "the fixture changed")
    return text.replacingOccurrences(
      of: options,
      with: """
        option richer { population.income.median = 3400 + 900 * labour }
        \(options)
        \(endOfYear)
        """)
  }

  private func bits(_ results: ReplicationResults) -> [UInt64] { results.values.map(\.bitPattern) }

  /// The checked scenario with 3 replications (enough for two workers to share).
  private func scenario(_ text: String) throws -> Scenario {
    var scenario = try ScenarioRun.scenario(text)
    scenario.replications = 3
    return scenario
  }

  /// Asserts equal bits, naming the first value that differs (not dumping every value).
  private func assertSameBits(_ actual: [UInt64], _ expected: [UInt64], _ message: String = "", line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, message, line: line)
    let differing = zip(actual, expected).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
    XCTAssertTrue(differing.isEmpty, "\(message): \(differing.count) values differ, the first at index \(differing.first ?? -1)", line: line)
  }

  private func run(_ scenario: Scenario, threads: Int = 1, configure: (inout SimulationRunner) -> Void = { _ in }) -> ReplicationResults {
    var runner = SimulationRunner(scenario: scenario, threads: threads)
    configure(&runner)
    return runner.run()
  }

  func testEveryUncappedInstrumentGivesTheBitsOfYearByYear() throws {
    for text in [Self.uncapped(), Self.uncapped(endOfYear: "end of year { size += 1 when age >= 60 and size < 6 }")] {
      let scenario = try scenario(text)
      XCTAssertTrue(SimulationRunner(scenario: scenario, threads: 1).runsBlockByBlock)
      let yearByYear = run(scenario) { $0.allowsBlockByBlock = false }
      let blockByBlock = run(scenario)
      XCTAssertTrue(yearByYear.values.allSatisfy(\.isFinite))
      assertSameBits(bits(blockByBlock), bits(yearByYear), "block by block")
      assertSameBits(bits(run(scenario, threads: 3)), bits(yearByYear), "3 threads")
      // The option with another population really differs, and the ones after it are back
      // on the baseline's population (`same` equals the baseline exactly).
      let income = try XCTUnwrap(yearByYear.metrics.firstIndex(of: "mean_income"))
      let richer = try XCTUnwrap(yearByYear.options.firstIndex(of: "richer"))
      XCTAssertNotEqual(yearByYear.samples(option: richer, year: 0, metric: income), yearByYear.samples(option: 0, year: 0, metric: income))
      XCTAssertEqual(yearByYear.samples(option: 1, year: 8, metric: income), yearByYear.samples(option: 0, year: 8, metric: income))
    }
  }

  func testOptionsTakeTurnsInGroupsWhenTheirMediansDoNotFit() throws {
    let scenario = try scenario(Self.uncapped())
    let all = SimulationRunner(scenario: scenario, threads: 1)
    XCTAssertEqual(all.optionsAtOnce, 4)
    let expected = bits(all.run())
    for groupSize in [1, 2, 3] {
      var runner = SimulationRunner(scenario: scenario, threads: 2)
      runner.medianBytesPerWorker = groupSize * runner.medianBytesPerOption
      XCTAssertEqual(runner.optionsAtOnce, groupSize)
      assertSameBits(bits(runner.run()), expected, "\(groupSize) options at once")
    }
  }

  func testMedianWeightsAreKeptEveryYearOnlyWhenSizesChange() throws {
    let fixed = SimulationRunner(scenario: try ScenarioRun.scenario(Self.uncapped()), threads: 1)
    XCTAssertEqual(fixed.medianWeightYears, 1)
    let changing = SimulationRunner(
      scenario: try ScenarioRun.scenario(Self.uncapped(endOfYear: "end of year { size += 1 when age >= 60 and size < 6 }")), threads: 1)
    XCTAssertEqual(changing.medianWeightYears, 9)
    XCTAssertLessThan(fixed.medianBytesPerOption, changing.medianBytesPerOption)
  }

  func testCappedProgrammesRunYearByYear() throws {
    let capped = SimulationRunner(scenario: try ScenarioRun.scenario(AllInstrumentsDeterminismTests.text), threads: 1)
    XCTAssertFalse(capped.runsBlockByBlock)
    let reference = SimulationRunner(scenario: try ReferenceCounty.scenario(), threads: 1)
    XCTAssertTrue(reference.runsBlockByBlock)
  }
}
