import Simulation
import XCTest

final class WeightedMedianTests: XCTestCase {
  /// SplitMix64, so the randomised cases are the same on every run.
  private struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  }

  /// The definition by brute force: repeat each value `weight` times (integer weights),
  /// sort, take the ordinary median.
  private func expandedMedian(_ values: [Double], _ weights: [Double]) -> Double {
    var expanded: [Double] = []
    for (v, w) in zip(values, weights) where w > 0 {
      expanded.append(contentsOf: repeatElement(v, count: Int(w)))
    }
    expanded.sort()
    let n = expanded.count
    if n == 0 { return .nan }
    return n % 2 == 1 ? expanded[n / 2] : (expanded[n / 2 - 1] + expanded[n / 2]) / 2
  }

  private func median(_ values: [Double], _ weights: [Double]) -> Double {
    var selector = WeightedMedianSelector()
    return selector.median(values: values, weights: weights)
  }

  /// Selection returns an input value or the midpoint of two, computed the same way as the
  /// brute force, so exact equality is expected.
  func testHandCases() {
    let table: [(values: [Double], weights: [Double], expected: Double, note: String)] = [
      ([1, 2, 3], [1, 1, 1], 2, "odd, equal weights"),
      ([1, 2], [1, 1], 1.5, "exact half between two values"),
      ([4, 1, 3, 2], [1, 1, 1, 1], 2.5, "even, unsorted"),
      ([10, 20, 30], [3, 1, 2], 15, "exact half after a heavy first value"),
      ([10, 20, 30], [4, 1, 1], 10, "heavy first value"),
      ([30, 20, 10], [1, 1, 4], 10, "heavy smallest value, reversed input"),
      ([5, 5, 5, 1], [1, 1, 1, 1], 5, "ties across the half point"),
      ([3, 1, 2], [1, 2, 1], 1.5, "exact half after weight 2"),
      ([2, 2, 7, 7], [1, 1, 1, 1], 4.5, "tied blocks, exact half between them"),
      ([1, 100], [1, 3], 100, "heavy largest value"),
      ([1, 2, 3], [0, 1, 1], 2.5, "zero weight ignored"),
      ([1, 2, 3], [-5, 1, 1], 2.5, "negative weight ignored"),
      ([-3, -1, -2], [2, 1, 2], -2, "negative values"),
      ([8.25], [3], 8.25, "single household"),
    ]
    for (values, weights, expected, note) in table {
      XCTAssertEqual(median(values, weights), expected, note)
      XCTAssertEqual(expandedMedian(values, weights), expected, "brute force: \(note)")
    }
  }

  func testDegenerateInputsGiveNaN() {
    XCTAssertTrue(median([], []).isNaN, "empty")
    XCTAssertTrue(median([1, 2], [0, 0]).isNaN, "no positive weight")
    XCTAssertTrue(median([1, .nan, 3], [1, 1, 1]).isNaN, "NaN value")
    XCTAssertEqual(median([1, .nan, 3], [1, 0, 1]), 2, "NaN with zero weight is ignored")
  }

  func testEqualWeightsGiveOrdinaryMedian() {
    var rng = SplitMix64(state: 42)
    var selector = WeightedMedianSelector()
    for n in [1, 2, 3, 10, 11, 100, 101, 1000] {
      let values = (0..<n).map { _ in Double(rng.below(1_000_000)) / 1000 - 300 }
      for weight in [1.0, 2.5, 4.0] {
        let weights = [Double](repeating: weight, count: n)
        let sorted = values.sorted()
        let ordinary = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        XCTAssertEqual(
          selector.median(values: values, weights: weights), ordinary,
          "n = \(n), weight = \(weight)")
      }
    }
  }

  /// 2000 random cases, with many ties (values from a small set) and without, integer
  /// household sizes 1...8, one reused selector with growing and shrinking sizes.
  func testAgainstBruteForceExpansion() {
    var rng = SplitMix64(state: 20_240_601)
    var selector = WeightedMedianSelector()
    for trial in 0..<2000 {
      let n = 1 + rng.below(trial % 10 == 0 ? 600 : 40)
      let distinct = trial % 2 == 0 ? 5 : 1_000_000
      let values = (0..<n).map { _ in Double(rng.below(distinct)) * 0.25 - 100 }
      let weights = (0..<n).map { _ in Double(1 + rng.below(8)) }
      XCTAssertEqual(
        selector.median(values: values, weights: weights),
        expandedMedian(values, weights), "trial \(trial), n = \(n)")
    }
  }

  /// Input orders that defeat naive pivot rules still give the right answer.
  func testAdversarialOrders() {
    let n = 2001
    let ascending = (0..<n).map(Double.init)
    let patterns: [(String, [Double])] = [
      ("ascending", ascending),
      ("descending", ascending.reversed()),
      ("organ pipe", (0..<n).map { Double(min($0, n - 1 - $0)) }),
      ("sawtooth", (0..<n).map { Double($0 % 7) }),
      ("all equal", [Double](repeating: 3, count: n)),
      ("alternating", (0..<n).map { $0 % 2 == 0 ? Double($0) : Double(n - $0) }),
    ]
    var selector = WeightedMedianSelector()
    for (name, values) in patterns {
      for weights in [
        [Double](repeating: 1, count: n),
        (0..<n).map { Double(1 + $0 % 5) },
      ] {
        XCTAssertEqual(
          selector.median(values: values, weights: weights),
          expandedMedian(values, weights), name)
      }
    }
  }

  func testInputsAreNotModifiedAndBufferAPIMatches() {
    let values: [Double] = [9, 3, 7, 1, 5]
    let weights: [Double] = [1, 2, 1, 3, 1]
    var selector = WeightedMedianSelector()
    let fromBuffers = values.withUnsafeBufferPointer { v in
      weights.withUnsafeBufferPointer { w in selector.median(values: v, weights: w) }
    }
    XCTAssertEqual(fromBuffers, selector.median(values: values, weights: weights))
    XCTAssertEqual(fromBuffers, expandedMedian(values, weights))
    XCTAssertEqual(values, [9, 3, 7, 1, 5])
    XCTAssertEqual(weights, [1, 2, 1, 3, 1])
  }

  /// Large inputs take the radix path (integer weights, at least `radixFrom` entries): random
  /// incomes over several octaves, values packed in one narrow range (every narrowing round
  /// and the final sort run), heavy ties, mixed signs and infinities, unit weights (an even
  /// count makes W/2 fall exactly between two values), and zero weights in between. One
  /// selector is reused throughout, so a histogram left dirty by one call would show.
  func testRadixPathAgainstBruteForceExpansion() {
    var rng = SplitMix64(state: 7_654_321)
    var selector = WeightedMedianSelector()
    for trial in 0..<120 {
      let n = 1024 + rng.below(trial % 4 == 0 ? 20_000 : 3000)
      let values: [Double] = (0..<n).map { _ in
        switch trial % 6 {
        case 0: return 100 * Double(1 + rng.below(1000)) * Double(1 + rng.below(60))
        case 1: return 1000 + Double(rng.below(5000)) * 0.001
        case 2: return Double(rng.below(7)) * 250
        case 3:
          let r = rng.below(1000)
          return r == 0 ? -.infinity : r == 1 ? .infinity : Double(r) - 420.5
        case 4: return 1000 + Double(rng.below(1_000_000)) * 1e-9
        default: return Double(rng.below(1 << 20)) - Double(1 << 19)
        }
      }
      let weights: [Double] = (0..<n).map { _ in
        trial % 3 == 0 ? 1 : Double(rng.below(9))  // 0 = ignored
      }
      XCTAssertEqual(
        selector.median(values: values, weights: weights),
        expandedMedian(values, weights), "trial \(trial), n = \(n)")
    }
  }

  /// W/2 falling exactly at the end of a first-pass bucket and at the end of a narrowing
  /// bucket: the answer is the midpoint of the bucket's largest value and the next one up.
  func testRadixExactHalfAtBucketEdges() {
    var selector = WeightedMedianSelector()
    // 1500 values at 10 and 1500 at 1e6: the crossing ends a first-pass bucket.
    let spread = [Double](repeating: 10, count: 1500) + [Double](repeating: 1e6, count: 1500)
    XCTAssertEqual(selector.median(values: spread, weights: [Double](repeating: 2, count: 3000)), (10 + 1e6) / 2)
    // 2000 values in one first-pass bucket, weights 1: the crossing is inside the narrowing.
    let packed = (0..<2000).map { 1000 + Double($0) * 0.0001 }.reversed() as [Double]
    XCTAssertEqual(
      selector.median(values: packed, weights: [Double](repeating: 1, count: 2000)),
      (packed[1000] + packed[999]) / 2)
    XCTAssertEqual(selector.median(values: packed, weights: [Double](repeating: 1, count: 2000)), expandedMedian(packed, [Double](repeating: 1, count: 2000)))
  }

  /// Values ≤ 0 share one first-pass bucket: a median among them, W/2 exactly at the end of
  /// that bucket, and a few far outliers (0, tiny, negative) beside ordinary incomes.
  func testRadixNonPositiveBucket() {
    var selector = WeightedMedianSelector()
    let n = 3000
    let negatives = (0..<n).map { -Double($0 % 977) * 3.5 }
    let ones = [Double](repeating: 1, count: n)
    XCTAssertEqual(selector.median(values: negatives, weights: ones), expandedMedian(negatives, ones))
    let split = (0..<n).map { $0 < n / 2 ? -Double($0) : 2000 + Double($0) }
    XCTAssertEqual(selector.median(values: split, weights: ones), (0 + 2000 + Double(n / 2)) / 2)
    var incomes = (0..<n).map { 3000 + Double(($0 * 7919) % 5000) }
    incomes[5] = 0
    incomes[17] = 1e-300
    incomes[29] = -45_000
    incomes[31] = .leastNonzeroMagnitude
    let sizes = (0..<n).map { Double(1 + $0 % 6) }
    XCTAssertEqual(selector.median(values: incomes, weights: sizes), expandedMedian(incomes, sizes))
  }

  /// The radix path reports NaN exactly as quickselect does, and falls back for weights that
  /// are not integers (then the result is the quickselect's).
  func testRadixPathDegenerateInputsAndFallback() {
    var selector = WeightedMedianSelector()
    let n = 3000
    let values = (0..<n).map { Double($0) }
    var withNaN = values
    withNaN[1234] = .nan
    XCTAssertTrue(selector.median(values: withNaN, weights: [Double](repeating: 1, count: n)).isNaN)
    var ignoredNaN = [Double](repeating: 1, count: n)
    ignoredNaN[1234] = 0
    XCTAssertEqual(selector.median(values: withNaN, weights: ignoredNaN), expandedMedian(withNaN, ignoredNaN))
    XCTAssertTrue(selector.median(values: values, weights: [Double](repeating: 0, count: n)).isNaN)
    var infiniteWeight = [Double](repeating: 1, count: n)
    infiniteWeight[7] = .infinity
    XCTAssertTrue(selector.median(values: values, weights: infiniteWeight).isNaN)
    // Fractional weights: every value weighs 0.5, the ordinary median of 0...2999.
    XCTAssertEqual(selector.median(values: values, weights: [Double](repeating: 0.5, count: n)), 1499.5)
    // -0 and +0 are one value.
    let zeros = (0..<n).map { $0 % 2 == 0 ? -0.0 : 0.0 }
    XCTAssertEqual(selector.median(values: zeros, weights: [Double](repeating: 1, count: n)), 0)
  }
}
