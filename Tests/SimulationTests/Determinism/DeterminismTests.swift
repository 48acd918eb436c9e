import ScenarioLanguage
import XCTest

@testable import Simulation

/// §5: a result depends on (seed, replication, option) only: never on threads, repetition or
/// sharding; options share random numbers.
final class DeterminismTests: XCTestCase {
  private func bits(_ results: ReplicationResults) -> [UInt64] { results.values.map(\.bitPattern) }

  func testThreadCountDoesNotChangeAnyBit() throws {
    let scenario = try ReferenceCounty.scenario()
    let one = SimulationRunner(scenario: scenario, threads: 1).run()
    let four = SimulationRunner(scenario: scenario, threads: 4).run()
    XCTAssertEqual(one.values.count, 6 * 3 * 10 * one.metrics.count)
    XCTAssertEqual(bits(one), bits(four))
    XCTAssertEqual(one.metrics, four.metrics)
    XCTAssertEqual(one.options, ["baseline", "subsidy 40k", "subsidy 60k"])
    // Not trivially equal: the replications differ from each other.
    XCTAssertNotEqual(
      one.samples(option: 0, year: 0, metric: 0)[0], one.samples(option: 0, year: 0, metric: 0)[1])
  }

  func testTwoRunsAreIdenticalAndAnotherSeedDiffers() throws {
    var scenario = try ReferenceCounty.scenario()
    let first = SimulationRunner(scenario: scenario, threads: 2).run()
    let second = SimulationRunner(scenario: scenario, threads: 2).run()
    XCTAssertEqual(bits(first), bits(second))
    scenario.seed += 1
    let reseeded = SimulationRunner(scenario: scenario, threads: 2).run()
    let differing = zip(first.values, reseeded.values).filter { $0 != $1 }.count
    // Almost every number changes (counts that are 0 under both seeds do not).
    XCTAssertGreaterThan(differing, first.values.count / 2)
  }

  func testShardsEqualTheSameReplicationsOfTheWholeRun() throws {
    let scenario = try ReferenceCounty.scenario()
    let runner = SimulationRunner(scenario: scenario, threads: 3)
    let whole = runner.run()
    let shard = runner.run(replications: 2..<5)
    XCTAssertEqual(shard.replications, 2..<5)
    for replication in 2..<5 {
      for option in whole.options.indices {
        for year in whole.years.indices {
          for metric in whole.metrics.indices {
            XCTAssertEqual(
              shard.value(replication: replication, option: option, year: year, metric: metric)
                .bitPattern,
              whole.value(replication: replication, option: option, year: year, metric: metric)
                .bitPattern)
          }
        }
      }
    }
  }

  func testOptionIdenticalToTheBaselineGivesExactlyZeroDifferences() throws {
    let text = try ReferenceCounty.text().replacingOccurrences(
      of: "option baseline {}",
      with: "option baseline {}\n  option same { relocation.subsidy = 18720 }")
    let scenario = try ReferenceCounty.scenario(text: text)
    let results = SimulationRunner(scenario: scenario, threads: 2).run()
    let same = try XCTUnwrap(results.options.firstIndex(of: "same"))
    for year in results.years.indices {
      for metric in results.metrics.indices {
        XCTAssertEqual(
          results.samples(option: same, year: year, metric: metric).map(\.bitPattern),
          results.samples(option: results.baselineIndex, year: year, metric: metric).map(
            \.bitPattern),
          "\(results.metrics[metric]) in \(results.years[year])")
      }
    }
  }

  func testProgressIsReportedOncePerReplication() throws {
    let scenario = try ReferenceCounty.scenario(households: 200)
    let seen = Counter()
    _ = SimulationRunner(scenario: scenario, threads: 3).run { finished in seen.record(finished) }
    XCTAssertEqual(seen.values.sorted(), Array(1...6))
  }
}

/// Collects progress callbacks from worker threads.
private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [Int] = []
  func record(_ value: Int) { lock.withLock { recorded.append(value) } }
  var values: [Int] { lock.withLock { recorded } }
}
