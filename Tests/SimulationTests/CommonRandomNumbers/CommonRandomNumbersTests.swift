import ScenarioLanguage
import XCTest

@testable import Simulation

/// Common random numbers: the difference between two options, paired by replication, is far
/// more precise than the difference between two independent runs of the same size.
final class CommonRandomNumbersTests: XCTestCase {
  /// The reference county at 2,000 households and 40 replications: the standard error of
  /// the paired difference in last-year incidence (`subsidy 60k` − baseline, one run) against
  /// that of the difference of independent means (the option from a run with another seed).
  /// The measured ratio is reported in docs/model.md § Common random numbers.
  func testPairedDifferenceIsFarMorePreciseThanIndependentRuns() throws {
    let scenario = try ReferenceCounty.scenario(households: 2000, replications: 40)
    var independent = scenario
    independent.seed = scenario.seed &+ 1_000_003
    let shared = SimulationRunner(scenario: scenario, threads: 2).run()
    let other = SimulationRunner(scenario: independent, threads: 2).run()
    let option = try XCTUnwrap(shared.options.firstIndex(of: "subsidy 60k"))
    let baseline = shared.baselineIndex
    let year = shared.years.count - 1
    let metric = try XCTUnwrap(shared.metrics.firstIndex(of: "incidence"))

    let optionSamples = shared.samples(option: option, year: year, metric: metric)
    let baselineSamples = shared.samples(option: baseline, year: year, metric: metric)
    let paired = SummaryStatistics(zip(optionSamples, baselineSamples).map { $0 - $1 }).se
    let independentOption = SummaryStatistics(other.samples(option: option, year: year, metric: metric)).se
    let unpaired = (independentOption * independentOption + SummaryStatistics(baselineSamples).se * SummaryStatistics(baselineSamples).se).squareRoot()
    let ratio = unpaired / paired
    print("common random numbers: se paired \(paired), se independent \(unpaired), ratio \(ratio)")
    XCTAssertGreaterThan(paired, 0)
    XCTAssertGreaterThan(ratio, 3, "paired se \(paired), independent se \(unpaired)")
  }
}
