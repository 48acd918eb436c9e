import XCTest

@testable import Simulation

/// Facts that follow from reference-model.md, checked on a small reference county
/// (2,000 households, 6 replications).
final class ReferenceCountyFactsTests: XCTestCase {
  private static let results: Result<ReplicationResults, Error> = Result {
    SimulationRunner(scenario: try ReferenceCounty.scenario(), threads: 2).run()
  }

  private func results() throws -> ReplicationResults { try Self.results.get() }

  private func index(_ metric: String, in results: ReplicationResults) throws -> Int {
    try XCTUnwrap(results.metrics.firstIndex(of: metric), "no metric \(metric)")
  }

  private func mean(_ samples: [Double]) -> Double { samples.reduce(0, +) / Double(samples.count) }

  func testNoRelocationInTheBaseline() throws {
    // S = 18720: own share 85000 − 18720 = 66280 needs savings ≥ 46280, but a registered
    // (poor or near-poor) household has savings 0.8 · y · size < 0.8 · 1.2 · L · 6 ≈ 17000
    // plus small yearly additions, so nobody moves.
    let results = try results()
    let relocated = try index("relocated_households", in: results)
    let cost = try index("cost_relocation", in: results)
    for year in results.years.indices {
      XCTAssertEqual(
        results.samples(option: 0, year: year, metric: relocated), [Double](repeating: 0, count: 6))
      XCTAssertEqual(
        results.samples(option: 0, year: year, metric: cost), [Double](repeating: 0, count: 6))
    }
  }

  func testHigherSubsidyRelocatesMore() throws {
    let results = try results()
    let relocated = try index("relocated_households", in: results)
    let last = try XCTUnwrap(results.years.firstIndex(of: 2019))
    let forty = mean(results.samples(option: 1, year: last, metric: relocated))
    let sixty = mean(results.samples(option: 2, year: last, metric: relocated))
    XCTAssertGreaterThan(sixty, forty)
    XCTAssertGreaterThan(sixty, 0)
    // Relocation is cumulative: non-decreasing over the years in every replication.
    for option in 1...2 {
      for replication in 0..<6 {
        let path = results.years.indices.map {
          results.value(replication: replication, option: option, year: $0, metric: relocated)
        }
        XCTAssertEqual(path, path.sorted(), "option \(option), replication \(replication)")
      }
    }
  }

  func testRelocationCostIsTheSubsidyTimesTheMovers() throws {
    let results = try results()
    let participants = try index("participants_relocation", in: results)
    let cost = try index("cost_relocation", in: results)
    for (option, subsidy) in [(1, 40000.0), (2, 60000.0)] {
      for year in results.years.indices {
        for replication in 0..<6 {
          XCTAssertEqual(
            results.value(replication: replication, option: option, year: year, metric: cost),
            subsidy
              * results.value(
                replication: replication, option: option, year: year, metric: participants))
        }
      }
      // Moves happen only while the programme is open (2017 to 2019).
      for year in [2016, 2020, 2025] {
        let y = try XCTUnwrap(results.years.firstIndex(of: year))
        XCTAssertEqual(
          results.samples(option: option, year: y, metric: participants),
          [Double](repeating: 0, count: 6))
      }
    }
  }

  func testEveryMetricOf2016IsEqualAcrossOptions() throws {
    // The options differ only in the relocation subsidy, and relocation starts in 2017.
    let results = try results()
    for metric in results.metrics.indices {
      let baseline = results.samples(option: 0, year: 0, metric: metric)
      for option in 1...2 {
        XCTAssertEqual(
          results.samples(option: option, year: 0, metric: metric), baseline,
          results.metrics[metric])
      }
    }
  }

  func testTotalCostIsTheSumOfProgrammeCosts() throws {
    let results = try results()
    let parts = try ["cost_relocation", "cost_industry", "cost_minimum_living"].map {
      try index($0, in: results)
    }
    let total = try index("cost_total", in: results)
    for option in 0..<3 {
      for year in results.years.indices {
        for replication in 0..<6 {
          let sum = parts.map {
            results.value(replication: replication, option: option, year: year, metric: $0)
          }.reduce(0, +)
          assertClose(
            results.value(replication: replication, option: option, year: year, metric: total), sum,
            "total")
        }
      }
    }
  }

  func testMeasuresAreConsistent() throws {
    let results = try results()
    let m = try ["incidence", "poverty_gap", "poverty_gap_squared", "poor_people", "people"].map {
      try index($0, in: results)
    }
    for option in 0..<3 {
      for year in results.years.indices {
        for replication in 0..<6 {
          let v = m.map {
            results.value(replication: replication, option: option, year: year, metric: $0)
          }
          // 0 ≤ FGT2 ≤ FGT1 ≤ incidence ≤ 1 (each g ∈ [0, 1], g² ≤ g).
          XCTAssertTrue(0 <= v[2] && v[2] <= v[1] && v[1] <= v[0] && v[0] <= 1, "\(v)")
          assertClose(v[0], v[3] / v[4], "incidence = poor people / people")
        }
      }
    }
  }

  func testIncidenceIsPlausibleForTheReferencePopulation() throws {
    // 2016, before any programme: market income is below 2952 for P(z < ln(2952/3400)/0.55)
    // ≈ 40% of remote and P(z < ln(2952/5200)/0.55) ≈ 15% of plain persons, ≈ 22% overall;
    // the top-up to 80% of the line lifts nobody over it, and illness adds a little.
    let results = try results()
    let incidence = mean(
      results.samples(option: 0, year: 0, metric: try index("incidence", in: results)))
    XCTAssertGreaterThan(incidence, 0.18)
    XCTAssertLessThan(incidence, 0.32)
  }
}
