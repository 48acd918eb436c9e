import ScenarioLanguage
import XCTest

@testable import Simulation

/// Step 1c, market prices: the agricultural share of market income is scaled by exp(p),
/// with p an AR(1) per village or county (p = 0 in the first year).
final class PriceShockTests: XCTestCase {
  private let seed: UInt64 = 7

  /// The innovation z of a price in a year (counter household word = village key).
  private func innovation(year: Int, key: UInt32) -> Double {
    RandomSource(seed: seed).standardNormal(replication: 0, household: key, yearIndex: UInt32(year - 2016 + 1), purpose: RandomSource.purpose("price.grain"))
  }

  func testCountyPriceFollowsAnAR1AndScalesTheAgriculturalShare() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2019",
      population: """
            income = 2000
            size = 2
        """,
      body: """
          price grain "grain price" {
            share of income 40%
            persistence 0.7
            sd 12% per year
          }
          option baseline {}
          option "stable" { grain.sd = 0% }
        """)
    let results = try ScenarioRun.results(text)
    var p = 0.0
    for year in 2016...2019 {
      if year > 2016 { p = 0.7 * p + 0.12 * innovation(year: year, key: 0) }
      // d = income · (1 − share) + income · share · exp(p) = 2000 · (1 + 0.4 · (exp(p) − 1)).
      assertClose(results.value("mean_income", year: year), 2000 * (1 + 0.4 * (DeterministicMath.exp(p) - 1)), "\(year)")
      XCTAssertEqual(results.value("mean_income", year: year, option: "stable"), 2000, "\(year)")
    }
    // The index moved: 2019 differs from 2016.
    XCTAssertNotEqual(results.value("mean_income", year: 2019), 2000)
  }

  func testPriceByVillageIsSharedByTheVillageAndKeyedByItsLabel() throws {
    let text = """
      scenario "prices" {
        years 2016 to 2018
        replications 1
        seed \(seed)
        poverty_line 3000 yuan per person per year
        population 50 households {
          village ~ categorical(upper: 50%, lower: 50%)
          income = 1000
          size = 1
          tea = village == upper
        }
        price grain {
          share of income if(tea, 50%, 20%)
          persistence 0.5
          sd 20% per year
          by village
        }
        report by village
      }
      """
    let results = try ScenarioRun.results(text)
    for (label, share) in [("upper", 0.5), ("lower", 0.2)] {
      var p = 0.0
      for year in 2016...2018 {
        if year > 2016 { p = 0.5 * p + 0.2 * innovation(year: year, key: RandomSource.purpose(label)) }
        // Every household of the village has the same income, so the village mean is it.
        assertClose(
          results.value("mean_income[village=\(label)]", year: year), 1000 * (1 + share * (DeterministicMath.exp(p) - 1)), "\(label) \(year)",
          file: #filePath, line: #line)
      }
    }
  }
}
