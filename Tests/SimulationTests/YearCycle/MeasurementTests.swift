import XCTest

@testable import Simulation

/// Step 7: incidence, FGT1, FGT2, mean and median, all person-weighted.
final class MeasurementTests: XCTestCase {
  /// Three kinds of household; how many of each the group draw made is read back from
  /// zero-amount "marker" subsidies, whose participants are the households of a group.
  private let mixed = ScenarioRun.tiny(
    households: 20,
    years: "2016 to 2016",
    population: """
          group a share 40% { income = 1500  size = 1 }
          group b share 30% { income = 2400  size = 3 }
          group c share 30% { income = 4000  size = 6 }
      """,
    body: """
        programme subsidy count_a { amount 0 yuan per household  eligible when group == a }
        programme subsidy count_b { amount 0 yuan per household  eligible when group == b }
        programme subsidy count_c { amount 0 yuan per household  eligible when group == c }
      """)

  func testPersonWeightedPovertyMeasures() throws {
    let results = try ScenarioRun.results(mixed)
    let a = results.value("participants_count_a", year: 2016)
    let b = results.value("participants_count_b", year: 2016)
    let c = results.value("participants_count_c", year: 2016)
    XCTAssertEqual(a + b + c, 20)
    XCTAssertTrue(
      a > 0 && b > 0 && c > 0, "the seed must give every group some households: \(a), \(b), \(c)")
    // Persons: a·1 + b·3 + c·6. Poor: groups a (gap (3000 − 1500)/3000 = 0.5) and
    // b (gap (3000 − 2400)/3000 = 0.2); c (4000) is not poor.
    let persons = a + 3 * b + 6 * c
    XCTAssertEqual(results.value("people", year: 2016), persons)
    XCTAssertEqual(results.value("poor_people", year: 2016), a + 3 * b)
    assertClose(results.value("incidence", year: 2016), (a + 3 * b) / persons, "incidence")
    assertClose(results.value("poverty_gap", year: 2016), (0.5 * a + 0.2 * 3 * b) / persons, "FGT1")
    assertClose(
      results.value("poverty_gap_squared", year: 2016), (0.25 * a + 0.04 * 3 * b) / persons, "FGT2")
    assertClose(
      results.value("mean_income", year: 2016), (1500 * a + 2400 * 3 * b + 4000 * 6 * c) / persons,
      "mean")
    // Median of persons: values sorted 1500 (a persons), 2400 (3b), 4000 (6c); the first
    // value whose cumulative persons exceed half, or the midpoint when a block ends exactly
    // at half.
    let half = persons / 2
    let expectedMedian: Double
    if a > half {
      expectedMedian = 1500
    } else if a == half {
      expectedMedian = (1500 + 2400) / 2
    } else if a + 3 * b > half {
      expectedMedian = 2400
    } else if a + 3 * b == half {
      expectedMedian = (2400 + 4000) / 2
    } else {
      expectedMedian = 4000
    }
    XCTAssertEqual(results.value("median_income", year: 2016), expectedMedian)
  }

  func testMedianIsPersonWeightedNotHouseholdWeighted() throws {
    // Two households, one of 1 person at 1000 and one of 5 persons at 9000. Which group a
    // household falls in is drawn, so the first seed from 1 that draws one of each is used.
    func text(seed: Int) -> String {
      ScenarioRun.tiny(
        households: 2,
        years: "2016 to 2016",
        population: """
              group poor share 50% { income = 1000  size = 1 }
              group rich share 50% { income = 9000  size = 5 }
          """,
        body: """
            programme subsidy count_poor { amount 0 yuan per household  eligible when group == poor }
          """
      ).replacingOccurrences(of: "seed 7", with: "seed \(seed)")
    }
    let split = try (1...64).lazy.map { try ScenarioRun.results(text(seed: $0)) }
      .first { $0.value("participants_count_poor", year: 2016) == 1 }
    let results = try XCTUnwrap(split, "no seed in 1...64 draws one household of each group")
    // Persons: 1 at 1000 and 5 at 9000 → the median person has 9000 (the median of the two
    // households would be 5000); mean (1000 + 5 · 9000) / 6; incidence 1/6; FGT1 with
    // g = (3000 − 1000)/3000 = 2/3 for 1 person: (2/3)/6.
    XCTAssertEqual(results.value("median_income", year: 2016), 9000)
    assertClose(results.value("mean_income", year: 2016), 46000.0 / 6, "mean")
    assertClose(results.value("incidence", year: 2016), 1.0 / 6, "incidence")
    assertClose(results.value("poverty_gap", year: 2016), 2.0 / 3 / 6, "FGT1")
    assertClose(results.value("poverty_gap_squared", year: 2016), 4.0 / 9 / 6, "FGT2")
  }

  func testMedianOfAnEvenSplitIsTheMidpoint() throws {
    // Two households of 3 persons at 1000 and 2000 (group drawn; first seed with one of
    // each): 6 persons, the cumulative weight reaches exactly half at 1000, so the median
    // is (1000 + 2000)/2 = 1500.
    func text(seed: Int) -> String {
      ScenarioRun.tiny(
        households: 2,
        years: "2016 to 2016",
        population: """
              group low share 50% { income = 1000  size = 3 }
              group high share 50% { income = 2000  size = 3 }
          """,
        body: """
            programme subsidy count_low { amount 0 yuan per household  eligible when group == low }
          """
      ).replacingOccurrences(of: "seed 7", with: "seed \(seed)")
    }
    let split = try (1...64).lazy.map { try ScenarioRun.results(text(seed: $0)) }
      .first { $0.value("participants_count_low", year: 2016) == 1 }
    let results = try XCTUnwrap(split, "no seed in 1...64 draws one household of each group")
    XCTAssertEqual(results.value("median_income", year: 2016), 1500)
  }

  func testIndexedPovertyLine() throws {
    let text = ScenarioRun.tiny(
      line: "3000 yuan per person per year indexed 10% per year",
      population: """
            income = 3200
            size = 2
        """)
    let results = try ScenarioRun.results(text)
    // L(2016) = 3000: not poor. L(2017) = 3300: gap 100/3300. L(2018) = 3630: gap 430/3630.
    XCTAssertEqual(results.value("incidence", year: 2016), 0)
    XCTAssertEqual(results.value("incidence", year: 2017), 1)
    assertClose(results.value("poverty_gap", year: 2017), 100.0 / 3300, tolerance: 1e-9, "2017")
    assertClose(results.value("poverty_gap", year: 2018), 430.0 / 3630, tolerance: 1e-9, "2018")
    assertClose(
      results.value("poverty_gap_squared", year: 2018), pow(430.0 / 3630, 2), tolerance: 1e-9,
      "2018²")
  }
}
