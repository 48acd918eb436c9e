extension WeightedMedianSelector {
  /// An order-preserving map of a non-NaN value to 64 bits: a < b ⇔ key(a) < key(b), and −0
  /// maps like +0.
  @inline(__always)
  static func key(_ value: Double) -> UInt64 {
    let bits = (value + 0).bitPattern
    return bits >> 63 == 0 ? bits | (1 << 63) : ~bits
  }

  /// The value of a key (the inverse of `key`, with −0 as +0).
  @inline(__always)
  static func value(_ key: UInt64) -> Double {
    Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
  }

  /// The weighted median by radix selection, or nil when the weights are not all integers, or
  /// their total is 2^53 or more (then partial sums may round and the quickselect's fixed
  /// summation order decides). NaN as in the type's definition.
  ///
  /// Pass 1 over the input builds a weighted histogram of the keys' top bits; the bucket where
  /// the cumulative weight crosses W/2 is found by a scan of the histogram; pass 2 copies that
  /// bucket's entries, which `narrow` then reduces to the answer.
  mutating func radixMedian(
    values: UnsafeBufferPointer<Double>,
    weights: UnsafeBufferPointer<Double>,
    count n: Int
  ) -> Double? {
    let shift = UInt64(64 - Self.firstDigitBits + 1)
    if histogram.isEmpty { histogram = Array(repeating: 0, count: 1 + (1 << (Self.firstDigitBits - 1))) }
    let first = histogram.withUnsafeMutableBufferPointer {
      Self.firstPass(values: values, weights: weights, count: n, shift: shift, counts: $0)
    }
    guard first.seen else { return .nan }  // no positive weight
    if first.sawNaN || !first.total.isFinite { return .nan }
    guard first.integral, first.total < 0x1p53, let bucket = first.bucket else { return nil }
    let half = first.total / 2
    if first.below + first.bucketWeight == half {
      // W/2 ends with the bucket's largest value; the next value is the smallest above it.
      let (high, above) = Self.edges(values: values, weights: weights, count: n, shift: shift, bucket: UInt64(bucket))
      return (Self.value(high) + Self.value(above)) / 2
    }
    // Every weight is an integer ≥ 1, so the bucket has at most `bucketWeight` entries: the
    // scratch holds one bucket (a few per cent of the households), not all of them.
    let bucketSize = min(n, Int(first.bucketWeight))
    if candidateKeys.count < bucketSize {
      candidateKeys = Array(repeating: 0, count: bucketSize)
      candidateWeights = Array(repeating: 0, count: bucketSize)
    }
    let collected = candidateKeys.withUnsafeMutableBufferPointer { keys in
      candidateWeights.withUnsafeMutableBufferPointer { bucketWeights in
        Self.collect(values: values, weights: weights, count: n, shift: shift, target: UInt64(bucket), keys: keys, into: bucketWeights)
      }
    }
    return narrow(count: collected.count, lowKey: collected.low, highKey: collected.high, below: first.below, half: half)
  }

  /// What the first pass learns: the totals, whether the radix path applies, and the bucket
  /// where the cumulative weight reaches W/2 with the weight below it.
  struct FirstPass {
    var total = 0.0
    var integral = true
    var sawNaN = false
    var bucket: Int?
    var below = 0.0
    var bucketWeight = 0.0
    /// Whether any entry has a positive weight.
    var seen = false
  }

  /// Pass 1: the weighted histogram of the keys' top bits (left zeroed on return), the total
  /// weight, and the bucket holding W/2.
  ///
  /// Bucket 0 holds every value ≤ 0 (negative incomes are rare and far from the rest in key
  /// space); a positive value's bucket is 1 + the top bits of its key below the sign bit.
  /// So the buckets to scan and clear span the positive values only, a few hundred for
  /// incomes, even when some incomes are negative or zero.
  private static func firstPass(
    values: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>, count n: Int, shift: UInt64,
    counts: UnsafeMutableBufferPointer<Double>
  ) -> FirstPass {
    var total = 0.0
    var integral = true
    var sawNaN = false
    var lowest = Int.max
    var highest = -1
    var nonPositive = 0.0
    for i in 0..<n {
      let w = weights[i]
      guard w > 0 else { continue }
      let v = values[i]
      // Integer test without a libm call (baseline x86-64 has no SSE4.1 rounding): adding
      // and removing 2^52 rounds a positive w below 2^52 to an integer; larger w are integers.
      integral = integral && (w >= 0x1p52 || (w + 0x1p52) - 0x1p52 == w)
      total += w
      if v > 0 {
        let bucket = positiveBucket(key(v), shift: shift)
        counts[bucket] += w
        lowest = min(lowest, bucket)
        highest = max(highest, bucket)
      } else {
        sawNaN = sawNaN || v.isNaN  // NaN is not > 0
        nonPositive += w
      }
    }
    var result = FirstPass(total: total, integral: integral, sawNaN: sawNaN)
    result.seen = highest >= 0 || nonPositive > 0
    let half = total / 2
    if nonPositive >= half {
      result.bucket = 0
      result.below = 0
      result.bucketWeight = nonPositive
    } else if highest >= 0 {
      var cumulative = nonPositive
      for bucket in lowest...highest where result.bucket == nil {
        if cumulative + counts[bucket] >= half {
          result.bucket = bucket
          result.below = cumulative
          result.bucketWeight = counts[bucket]
        }
        cumulative += counts[bucket]
      }
    }
    if highest >= 0 { counts.baseAddress!.advanced(by: lowest).update(repeating: 0, count: highest - lowest + 1) }
    return result
  }

  /// The first-pass bucket of a key: 0 for values ≤ 0 (keys up to that of +0), else 1 + the
  /// key's top bits below the sign bit.
  @inline(__always)
  static func bucket(_ key: UInt64, shift: UInt64) -> UInt64 {
    key <= Self.key(0) ? 0 : UInt64(positiveBucket(key, shift: shift))
  }

  @inline(__always)
  private static func positiveBucket(_ key: UInt64, shift: UInt64) -> Int {
    1 + Int(truncatingIfNeeded: (key & ~(1 << 63)) &>> shift)
  }

  /// Pass 2: copies the entries of bucket `target` (keys and weights) to the front of the
  /// candidates, with their key range.
  private static func collect(
    values: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>, count n: Int, shift: UInt64, target: UInt64,
    keys: UnsafeMutableBufferPointer<UInt64>, into bucketWeights: UnsafeMutableBufferPointer<Double>
  ) -> (count: Int, low: UInt64, high: UInt64) {
    var kept = 0
    var low = UInt64.max, high = UInt64.min
    for i in 0..<n {
      let w = weights[i]
      let k = key(values[i])
      if w > 0 && bucket(k, shift: shift) == target {
        keys[kept] = k
        bucketWeights[kept] = w
        kept += 1
        low = min(low, k)
        high = max(high, k)
      }
    }
    return (kept, low, high)
  }

  /// For W/2 at the end of bucket `bucket`: its largest key and the smallest key above it.
  private static func edges(
    values: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>, count n: Int, shift: UInt64, bucket: UInt64
  ) -> (high: UInt64, above: UInt64) {
    var high = UInt64.min, above = UInt64.max
    for i in 0..<n where weights[i] > 0 {
      let k = key(values[i])
      let digit = Self.bucket(k, shift: shift)
      high = digit == bucket ? max(high, k) : high
      above = digit > bucket ? min(above, k) : above
    }
    return (high, above)
  }

  /// Narrows the candidates `0..<count` (keys in `lowKey...highKey`, the weight before them
  /// `below`, with below < half < below + their weight) to the median.
  private mutating func narrow(count initialCount: Int, lowKey initialLow: UInt64, highKey initialHigh: UInt64, below initialBelow: Double, half: Double)
    -> Double
  {
    var count = initialCount
    var lowKey = initialLow
    var highKey = initialHigh
    var below = initialBelow
    while true {
      if lowKey == highKey { return Self.value(lowKey) }
      if count < Self.sortBelow { return sortCandidates(count: count, below: below, half: half) }
      let span = highKey - lowKey
      let shift = UInt64(max(0, (64 - span.leadingZeroBitCount) - Self.narrowingBuckets.trailingZeroBitCount))
      let buckets = Int(span >> shift) + 1
      let step = candidateKeys.withUnsafeMutableBufferPointer { keys in
        candidateWeights.withUnsafeMutableBufferPointer { weights in
          histogram.withUnsafeMutableBufferPointer { counts in
            Self.narrowOnce(
              keys: keys, weights: weights, counts: counts, count: count, lowKey: lowKey, shift: shift, buckets: buckets, below: below,
              half: half)
          }
        }
      }
      switch step {
      case .answer(let answer): return answer
      case .bucket(let kept, let low, let high, let newBelow):
        count = kept
        lowKey = low
        highKey = high
        below = newBelow
      }
    }
  }

  private enum NarrowingStep {
    case answer(Double)
    case bucket(count: Int, low: UInt64, high: UInt64, below: Double)
  }

  /// One histogram over `buckets` buckets of width 2^shift from `lowKey`, then compaction of
  /// the crossing bucket to the front of the candidates. Leaves `counts` zeroed.
  private static func narrowOnce(
    keys: UnsafeMutableBufferPointer<UInt64>, weights: UnsafeMutableBufferPointer<Double>, counts: UnsafeMutableBufferPointer<Double>,
    count: Int, lowKey: UInt64, shift: UInt64, buckets: Int, below: Double, half: Double
  ) -> NarrowingStep {
    for i in 0..<count { counts[Int((keys[i] - lowKey) >> shift)] += weights[i] }
    var cumulative = below
    var target = buckets - 1
    for bucket in 0..<buckets {
      if cumulative + counts[bucket] >= half {
        target = bucket
        break
      }
      cumulative += counts[bucket]
    }
    let exactlyHalf = cumulative + counts[target] == half
    counts.baseAddress!.update(repeating: 0, count: buckets)
    var kept = 0
    var low = UInt64.max, high = UInt64.min, smallestAbove = UInt64.max
    for i in 0..<count {
      let k = keys[i]
      let digit = Int((k - lowKey) >> shift)
      if digit == target {
        keys[kept] = k
        weights[kept] = weights[i]
        kept += 1
        low = min(low, k)
        high = max(high, k)
      } else if digit > target {
        smallestAbove = min(smallestAbove, k)
      }
    }
    if exactlyHalf { return .answer((value(high) + value(smallestAbove)) / 2) }
    return .bucket(count: kept, low: low, high: high, below: cumulative)
  }

  /// The last few candidates: sorted by value and scanned (`sortedScan`).
  private mutating func sortCandidates(count: Int, below: Double, half: Double) -> Double {
    if scratch.count < Self.sortBelow { scratch = Array(repeating: .zero, count: Self.sortBelow) }
    for i in 0..<count { scratch[i] = SIMD2(Self.value(candidateKeys[i]), candidateWeights[i]) }
    return scratch.withUnsafeMutableBufferPointer {
      Self.sortedScan(UnsafeMutableBufferPointer(rebasing: $0[0..<count]), below: below, half: half)
    }
  }
}
