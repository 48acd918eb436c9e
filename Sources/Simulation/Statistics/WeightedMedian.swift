/// Person-weighted median of household per-capita incomes, computed by radix selection
/// (integer weights) or weighted quickselect (any other weights), with reusable scratch storage.
///
/// Why: relative poverty lines are a fraction of the median income *of persons*, while the
/// simulation stores one per-capita income per *household*; weighting each household by its
/// size gives the person median without expanding households into persons. It is evaluated
/// once per option, replication and year over every household, so it must be linear-time,
/// allocation-free and light on memory traffic.
///
/// Definition: keep entries with weight > 0 (others are ignored, as a household repeated zero
/// times would be). Let W be the total weight, sort entries by value and let Cₖ be the
/// cumulative weight through the k-th entry. If some Cₖ equals W/2 exactly, the median is
/// (valueₖ + valueₖ₊₁)/2; otherwise it is the first valueₖ with Cₖ > W/2. For integer weights
/// this is the ordinary median of the list in which each value is repeated `weight` times.
///
/// Algorithm: when every weight is an integer and W < 2^53 (household sizes, integer sampling
/// weights), every partial sum is exact in any order, so the answer does not depend on the
/// algorithm; then a radix selection finds it in two streaming passes over the input (a
/// weighted histogram of the sign, exponent and first 4 significand bits of each positive
/// value, with all values ≤ 0 in one bucket, then the entries of the bucket holding W/2), and narrows the (small) bucket by further histograms of
/// the key range. Other weights use a deterministic weighted quickselect, whose summation order
/// is fixed (for them an "exactly half" split may or may not be detected, as partial sums are
/// rounded). Both give the same result for integer weights (tested).
///
/// Determinism: equal inputs give bit-identical results. The result is NaN when there is no
/// entry with positive weight or when any such entry's value is NaN. A value −0 counts as +0.
///
/// - Complexity: O(n) time for integer weights (two passes over the input plus work on one
///   bucket); expected O(n) for others, with a sort after 2·log₂(n) + 8 unproductive
///   partitioning rounds, so the worst case is O(n log n). Memory: scratch for one bucket
///   (integer weights) or for all entries (others), grown on demand and then reused, and a
///   256 KiB histogram kept zeroed between calls.
public struct WeightedMedianSelector: Sendable {
  /// Quickselect scratch entries: x = value, y = weight. Capacity is kept between calls.
  var scratch: [SIMD2<Double>] = []
  /// Radix scratch: the order-preserving keys and weights of the entries still in question.
  var candidateKeys: [UInt64] = []
  var candidateWeights: [Double] = []
  /// Weighted histogram of the first pass (`firstDigitBits` bits of the keys); all zero
  /// between calls.
  var histogram: [Double] = []

  /// Bits of the key that choose the bucket in the first pass over all entries.
  static let firstDigitBits = 16
  /// Buckets of the narrowing passes over one bucket's entries.
  static let narrowingBuckets = 4096
  /// Below this many remaining entries the bucket is sorted instead of narrowed.
  static let sortBelow = 32
  /// Inputs with fewer positive-weight entries than this use quickselect (same results).
  static let radixFrom = 1024

  /// Creates a selector; its scratch storage is sized by the first calls and then reused.
  public init() {}

  /// The weighted median of `values` with `weights` (see the type's definition).
  ///
  /// `values` and `weights` are read in parallel; if their counts differ only the common
  /// prefix is used. Neither buffer is modified.
  /// - Complexity: O(n) (see the type); no allocation once the scratch capacity suffices.
  public mutating func median(
    values: UnsafeBufferPointer<Double>,
    weights: UnsafeBufferPointer<Double>
  ) -> Double {
    let n = min(values.count, weights.count)
    if n >= Self.radixFrom, let answer = radixMedian(values: values, weights: weights, count: n) {
      return answer
    }
    return quickselectMedian(values: values, weights: weights, count: n)
  }

  /// Weighted quickselect over a copy of the positive-weight entries.
  private mutating func quickselectMedian(
    values: UnsafeBufferPointer<Double>,
    weights: UnsafeBufferPointer<Double>,
    count n: Int
  ) -> Double {
    // Grow once (never shrink), then write entries in place: no per-element `append`.
    if scratch.count < n { scratch = Array(repeating: .zero, count: n) }
    return scratch.withUnsafeMutableBufferPointer { buffer -> Double in
      var kept = 0
      var total = 0.0
      var sawNaN = false
      for i in 0..<n where weights[i] > 0 {
        let value = values[i]
        if value.isNaN { sawNaN = true }
        buffer[kept] = SIMD2(value, weights[i])
        kept += 1
        total += weights[i]
      }
      if kept == 0 || sawNaN || !total.isFinite { return .nan }
      return Self.select(UnsafeMutableBufferPointer(rebasing: buffer[0..<kept]), below: 0, half: total / 2)
    }
  }

  /// Array convenience for `median(values:weights:)` with identical results.
  public mutating func median(values: [Double], weights: [Double]) -> Double {
    values.withUnsafeBufferPointer { v in
      weights.withUnsafeBufferPointer { w in median(values: v, weights: w) }
    }
  }

  /// Weighted quickselect over non-empty `a` (positive weights, no NaN values) for the
  /// cumulative-weight crossing of `half`.
  ///
  /// Invariant: entries before `lo` are all below the answer region and weigh `below`,
  /// with below < half < below + weight(lo..<hi).
  private static func select(
    _ a: UnsafeMutableBufferPointer<SIMD2<Double>>,
    below initialBelow: Double,
    half: Double
  ) -> Double {
    var lo = 0
    var hi = a.count
    var below = initialBelow
    var budget = 2 * (Int.bitWidth - a.count.leadingZeroBitCount) + 8
    while hi - lo > 1 {
      if budget == 0 {
        return sortedScan(
          UnsafeMutableBufferPointer(rebasing: a[lo..<hi]),
          below: below, half: half)
      }
      budget -= 1
      let pivot = medianOfThree(a[lo].x, a[lo + (hi - lo) / 2].x, a[hi - 1].x)
      // Three-way partition of lo..<hi into [< pivot | == pivot | > pivot].
      var lt = lo
      var i = lo
      var gt = hi
      var lessWeight = 0.0
      var equalWeight = 0.0
      while i < gt {
        let e = a[i]
        if e.x < pivot {
          lessWeight += e.y
          a.swapAt(lt, i)
          lt += 1
          i += 1
        } else if e.x > pivot {
          gt -= 1
          a.swapAt(i, gt)
        } else {
          equalWeight += e.y
          i += 1
        }
      }
      let throughLess = below + lessWeight
      if throughLess > half {
        hi = lt
      } else if throughLess == half {
        // Exactly half ends with the largest "less" entry; the next value is the pivot.
        return (maxValue(a, from: lo, to: lt) + pivot) / 2
      } else {
        let throughEqual = throughLess + equalWeight
        if throughEqual > half { return pivot }
        if throughEqual == half {
          // Exactly half ends with the pivot; the next value is the smallest "greater".
          if gt == hi { return pivot }  // only reachable through rounding
          return (pivot + minValue(a, from: gt, to: hi)) / 2
        }
        below = throughEqual
        lo = gt
      }
    }
    assert(hi - lo == 1, "the invariant guarantees a non-empty range")
    return a[lo].x
  }

  /// Fallback: sort the remaining range by value and scan cumulative weights.
  static func sortedScan(
    _ range: UnsafeMutableBufferPointer<SIMD2<Double>>,
    below: Double, half: Double
  ) -> Double {
    var a = range
    a.sort { $0.x < $1.x }
    var cumulative = below
    for k in a.indices {
      cumulative += a[k].y
      if cumulative > half { return a[k].x }
      if cumulative == half, k + 1 < a.count {
        // Equal neighbours: the value itself (their midpoint could overflow).
        return a[k].x == a[k + 1].x ? a[k].x : (a[k].x + a[k + 1].x) / 2
      }
    }
    return a[a.count - 1].x
  }

  /// The median of three values (deterministic pivot rule).
  @inline(__always)
  private static func medianOfThree(_ a: Double, _ b: Double, _ c: Double) -> Double {
    max(min(a, b), min(max(a, b), c))
  }

  /// Largest value in a[start..<end] (non-empty).
  private static func maxValue(
    _ a: UnsafeMutableBufferPointer<SIMD2<Double>>,
    from start: Int, to end: Int
  ) -> Double {
    var m = a[start].x
    for k in (start + 1)..<end where a[k].x > m { m = a[k].x }
    return m
  }

  /// Smallest value in a[start..<end] (non-empty).
  private static func minValue(
    _ a: UnsafeMutableBufferPointer<SIMD2<Double>>,
    from start: Int, to end: Int
  ) -> Double {
    var m = a[start].x
    for k in (start + 1)..<end where a[k].x < m { m = a[k].x }
    return m
  }
}
