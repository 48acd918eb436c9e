import XCTest

@testable import Simulation

/// Statistics at scale against exact references: 10⁴ replications (mean, sd, se,
/// percentiles) and sums over 10⁶ households, with a large common offset (1e9 plus small
/// noise) where naive formulas lose digits.
///
/// The data are dyadic (1e9 + m/1024 with integer m), so the exact sums, variances and
/// percentiles are computed with integer arithmetic and rounded once to `Double`.
final class NumericalStabilityTests: XCTestCase {
  /// SplitMix64, for reproducible noise.
  private struct Noise {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      return Int(z % UInt64(2 * bound + 1)) - bound
    }
  }

  private let offset = 1e9

  private func ulps(_ x: Double, _ reference: Double) -> Double { abs(x - reference) / reference.ulp }

  func testReplicationStatisticsAtTenThousandReplications() {
    let n = 10_000
    var noise = Noise(state: 42)
    let m = (0..<n).map { _ in noise.next(1 << 16) }
    let values = m.map { offset + Double($0) / 1024 }
    let summary = SummaryStatistics(values)

    // Exact: S = Σm, Q = Σm², var = (nQ − S²) / (n(n − 1)) / 1024².
    let s = m.reduce(0, +)
    let q = m.reduce(0) { $0 + $1 * $1 }
    let meanReference = offset + Double(s) / Double(1024 * n)
    let varianceReference = Double(n * q - s * s) / Double(n * (n - 1)) / (1024 * 1024)
    let sdReference = varianceReference.squareRoot()
    XCTAssertEqual(summary.count, n)
    XCTAssertLessThanOrEqual(ulps(summary.mean, meanReference), 1, "mean \(summary.mean) vs \(meanReference)")
    XCTAssertLessThanOrEqual(abs(summary.sd - sdReference) / sdReference, 1e-14, "sd \(summary.sd) vs \(sdReference)")
    XCTAssertLessThanOrEqual(abs(summary.se - sdReference / 100) / (sdReference / 100), 1e-14)

    // Type 7 percentiles: h = (n − 1)p = j + r/100 exactly for p = k/100.
    let sorted = m.sorted()
    for (k, value) in [(5, summary.p05), (25, summary.p25), (50, summary.p50), (75, summary.p75), (95, summary.p95)] {
      let h = (n - 1) * k
      let j = h / 100
      let fraction = Double(h % 100) / 100
      let reference = offset + (Double(sorted[j]) + fraction * Double(sorted[j + 1] - sorted[j])) / 1024
      XCTAssertLessThanOrEqual(ulps(value, reference), 2, "p\(k): \(value) vs \(reference)")
    }

    // The textbook one-pass formula fails on these data: the test would notice a regression.
    let naiveSum = values.reduce(0, +)
    let naiveSquares = values.reduce(0) { $0 + $1 * $1 }
    let naiveVariance = (naiveSquares - naiveSum * naiveSum / Double(n)) / Double(n - 1)
    XCTAssertGreaterThan(abs(naiveVariance - varianceReference) / varianceReference, 1e-3)
  }

  func testConstantAndTinySamplesAreExact() {
    let constant = SummaryStatistics([Double](repeating: offset + 0.125, count: 10_000))
    XCTAssertEqual(constant.mean, offset + 0.125)
    XCTAssertEqual(constant.sd, 0)
    XCTAssertEqual(constant.p05, offset + 0.125)
    let one = SummaryStatistics([3])
    XCTAssertEqual(one.mean, 3)
    XCTAssertEqual(one.sd, 0)
    XCTAssertEqual(one.se, 0)
  }

  func testHouseholdSumsAtOneMillionHouseholds() {
    // Per-capita incomes of 1e9 + noise and sizes 1 to 6, summed as the year cycle does:
    // plain sums within blocks of 512 households, blocks added by `YearAccumulator`.
    let households = 1_000_000
    var noise = Noise(state: 7)
    var accumulator = YearAccumulator()
    var plainOverBlocks = 0.0
    var plainOverHouseholds = 0.0
    var exactPersons = 0
    var exactNoise = 0  // Σ w·m
    var start = 0
    while start < households {
      let count = min(HouseholdColumns.blockSize, households - start)
      var persons = 0.0
      var income = 0.0
      for _ in 0..<count {
        let m = noise.next(1 << 16)
        let w = 1 + (noise.next(1 << 20) & 0x7FFF_FFFF) % 6
        let d = offset + Double(m) / 1024
        persons += Double(w)
        income += Double(w) * d
        plainOverHouseholds += Double(w) * d
        exactPersons += w
        exactNoise += w * m
      }
      accumulator.add(persons: persons, poor: 0, gap: 0, gapSquared: 0, income: income, registered: 0, relocated: 0)
      plainOverBlocks += income
      start += count
    }
    // Σ w·d = 1e9·Σw + Σw·m / 1024: both terms exact in Double, one rounding in the sum.
    let reference = Double(1_000_000_000 * exactPersons) + Double(exactNoise) / 1024
    XCTAssertEqual(accumulator.persons.value, Double(exactPersons))
    XCTAssertLessThanOrEqual(ulps(accumulator.income.value, reference), 2, "\(accumulator.income.value) vs \(reference)")
    // The mean income (`write` divides the two sums) is within a few ulps of the exact mean.
    let meanReference = reference / Double(exactPersons)
    XCTAssertLessThanOrEqual(ulps(accumulator.income.value / accumulator.persons.value, meanReference), 4)
    // Without compensation the same sums are off by many ulps.
    XCTAssertGreaterThan(ulps(plainOverBlocks, reference), 4, "plain sum over blocks")
    XCTAssertGreaterThan(ulps(plainOverHouseholds, reference), 50, "plain sum over households")
  }

  func testCompensatedSumEdgeCases() {
    var cancelling = CompensatedSum()
    for x in [1e100, 1.0, -1e100] { cancelling.add(x) }
    XCTAssertEqual(cancelling.value, 1)
    XCTAssertEqual(CompensatedSum().value, 0)
    var infinite = CompensatedSum()
    infinite.add(1)
    infinite.add(.infinity)
    XCTAssertEqual(infinite.value, .infinity)
    var minusInfinite = CompensatedSum()
    minusInfinite.add(-.infinity)
    minusInfinite.add(5)
    XCTAssertEqual(minusInfinite.value, -.infinity)
    var notANumber = CompensatedSum()
    notANumber.add(.nan)
    XCTAssertTrue(notANumber.value.isNaN)
    var tenths = CompensatedSum()
    for _ in 0..<10 { tenths.add(0.1) }
    XCTAssertEqual(tenths.value, 1)
  }
}
