import XCTest

@testable import Simulation

/// Step 3, covariate shocks: one occurrence draw per village (or county) and year, so that
/// every eligible household of a hit village suffers together.
final class CovariateShockTests: XCTestCase {
  /// size 1, so `people[village=…]` counts the village's households.
  private func villages(households: Int = 40, replications: Int = 1, shock: String, extra: String = "") -> String {
    """
    scenario "villages" {
      years 2016 to 2020
      replications \(replications)
      seed 11
      poverty_line 3000 yuan per person per year
      population \(households) households {
        village ~ categorical(upper: 40%, lower: 60%)
        income = 2000
        size = 1
      }
      identification { detect 100% of poor }
      \(shock)
      \(extra)
      report by village
    }
    """
  }

  func testEveryHouseholdOfAHitVillageIsHitAndNoneOfTheOthers() throws {
    let text = villages(
      replications: 20,
      shock: """
        shock flood {
          covariate by village
          probability 50% per year
          cost 500 yuan
        }
        """)
    let results = try ScenarioRun.results(text)
    var patterns: Set<[Double]> = []
    for replication in results.replications {
      for year in 2016...2020 {
        let upper = results.value("people[village=upper]", year: year, replication: replication)
        let lower = results.value("people[village=lower]", year: year, replication: replication)
        let upperIncome = results.value("mean_income[village=upper]", year: year, replication: replication)
        let lowerIncome = results.value("mean_income[village=lower]", year: year, replication: replication)
        // A village's mean income is 2000 (not hit) or 2000 − 500 (every household hit).
        let upperHit = upperIncome == 1500
        let lowerHit = lowerIncome == 1500
        XCTAssertTrue(upperHit || upperIncome == 2000, "upper \(upperIncome)")
        XCTAssertTrue(lowerHit || lowerIncome == 2000, "lower \(lowerIncome)")
        let shocked = results.value("shocked_households_flood", year: year, replication: replication)
        XCTAssertEqual(shocked, (upperHit ? upper : 0) + (lowerHit ? lower : 0))
        XCTAssertEqual(results.value("hit_villages_flood", year: year, replication: replication), Double((upperHit ? 1 : 0) + (lowerHit ? 1 : 0)))
        patterns.insert([upperHit ? 1 : 0, lowerHit ? 1 : 0])
      }
    }
    // With 100 village-years at 50%, each of the four patterns occurs.
    XCTAssertEqual(patterns.count, 4)
  }

  func testVillageEventFrequencyMatchesTheProbability() throws {
    let text = villages(
      households: 10, replications: 400,
      shock: """
        shock flood {
          covariate by village
          probability 30% per year
          cost 500 yuan
        }
        """)
    let results = try ScenarioRun.results(text)
    var hits = 0.0
    for replication in results.replications {
      for year in 2016...2020 { hits += results.value("hit_villages_flood", year: year, replication: replication) }
    }
    // 400 · 5 · 2 = 4000 village-years; sd of the share = sqrt(0.3 · 0.7 / 4000) ≈ 0.0072.
    let share = hits / 4000
    XCTAssertEqual(share, 0.3, accuracy: 4 * 0.0073, "share of village-years hit")
  }

  func testCountyWideShockHitsEveryoneOrNoOne() throws {
    let text = villages(
      replications: 30,
      shock: """
        shock quake {
          covariate
          probability 20% per year
          eligible when village == upper
          cost 500 yuan
        }
        """)
    let results = try ScenarioRun.results(text)
    var years = 0.0
    for replication in results.replications {
      for year in 2016...2020 {
        let shocked = results.value("shocked_households_quake", year: year, replication: replication)
        let upper = results.value("people[village=upper]", year: year, replication: replication)
        let county = results.value("hit_villages_quake", year: year, replication: replication)
        // Hit: every eligible (upper) household; never a lower one.
        XCTAssertEqual(shocked, county * upper)
        XCTAssertEqual(results.value("mean_income[village=lower]", year: year, replication: replication), 2000)
        years += county
      }
    }
    // 150 county-years at 20%: 30 expected, sd ≈ 4.9.
    XCTAssertEqual(years, 30, accuracy: 4 * 4.9)
  }

  func testHitsShareOfHouseholdsInAHitVillage() throws {
    let text = villages(
      households: 2000,
      shock: """
        shock flood {
          covariate by village
          probability 100% per year
          hits 60%
          cost 500 yuan
        }
        """)
    let results = try ScenarioRun.results(text)
    for year in 2016...2020 {
      // Both villages are hit every year; each household suffers with 60% (own draw):
      // 1200 ± 4 · sqrt(2000 · 0.24) ≈ 1200 ± 88.
      XCTAssertEqual(results.value("hit_villages_flood", year: year), 2)
      XCTAssertEqual(results.value("shocked_households_flood", year: year), 1200, accuracy: 88)
      // The mean income follows the households hit: 2000 − 500 · shocked / 2000.
      assertClose(results.value("mean_income", year: year), 2000 - 500 * results.value("shocked_households_flood", year: year) / 2000, "\(year)")
    }
  }

  /// A new covariate shock draws from its own streams: the idiosyncratic shock next to it
  /// hits exactly the same households as without it.
  func testAddingACovariateShockLeavesOtherDrawsUnchanged() throws {
    let illness = """
      shock illness {
        probability 30% per year
        cost 100 yuan
      }
      """
    let alone = try ScenarioRun.results(villages(households: 200, shock: illness))
    let together = try ScenarioRun.results(
      villages(households: 200, shock: illness, extra: "shock flood { covariate by village  probability 50% per year  cost 1 yuan }"))
    for year in 2016...2020 {
      XCTAssertEqual(alone.value("shocked_households_illness", year: year), together.value("shocked_households_illness", year: year))
    }
  }

  /// Village draws, prices, debt and breakdowns are bit-identical for any thread count.
  func testEveryFeatureIsIndependentOfThreads() throws {
    let text = villages(
      households: 700, replications: 6,
      shock: """
        shock flood { covariate by village  probability 40% per year  hits 70%  cost 30% of income * size  reimbursed 20% }
        shock quake { covariate  probability 20% per year  cost 200 yuan }
        shock illness { probability 20% per year  cost 900 yuan  exempt 300 yuan  debt repaid over 2 years }
        price grain { share of income 50%  persistence 0.8  sd 15%  by village }
        """,
      extra: "report by group\noption baseline {}\noption relief { flood.reimbursed = 60% }")
    let one = try ScenarioRun.results(text, threads: 1)
    let three = try ScenarioRun.results(text, threads: 3)
    XCTAssertEqual(one.metrics, three.metrics)
    XCTAssertTrue(one.metrics.contains("indebted_households"))
    XCTAssertEqual(one.values.count, three.values.count)
    XCTAssertTrue(zip(one.values, three.values).allSatisfy { $0.bitPattern == $1.bitPattern })
  }
}
