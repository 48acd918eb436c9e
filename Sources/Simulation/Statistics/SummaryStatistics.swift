/// Summary of a sample of replication results: size, mean, spread and five percentiles.
///
/// Why: every reported indicator is a distribution over Monte Carlo replications; the report
/// shows its centre (mean, median), its Monte Carlo uncertainty (standard error of the mean)
/// and its spread (5th–95th percentiles).
///
/// Numerics (documented because reported digits depend on them):
/// - The data are first shifted by the first value x₀ (dᵢ = xᵢ − x₀) so that large common
///   offsets (e.g. 1e9 plus small noise) do not cost precision, and a constant sample gives
///   a mean equal to that constant and a standard deviation of exactly 0.
/// - Sums use pairwise summation in index order (error O(ε log n)).
/// - The variance uses the corrected two-pass formula
///   (Σ(xᵢ − x̄)² − (Σ(xᵢ − x̄))²/n) / (n − 1), Chan, Golub & LeVeque (1983).
/// - Percentiles are Hyndman–Fan type 7 (`Quantile.type7`), as in R and NumPy.
///
/// Determinism: the result depends only on the values in their given order (the summation
/// order is fixed; it is not parallelised), so equal inputs give bit-identical summaries.
/// Values are expected to be finite; NaNs propagate to the mean and sort last for the
/// percentiles. An empty sample has count 0, NaN mean/se/percentiles and sd 0 (note that
/// NaN fields make such a summary compare unequal to itself).
public struct SummaryStatistics: Sendable, Equatable {
  /// Number of values.
  public var count: Int
  /// Arithmetic mean.
  public var mean: Double
  /// Sample standard deviation with the n − 1 denominator; 0 when count < 2.
  public var sd: Double
  /// Standard error of the mean, sd / √n (0 when count == 1).
  public var se: Double
  /// 5th percentile (type 7).
  public var p05: Double
  /// 25th percentile (type 7).
  public var p25: Double
  /// Median (type 7).
  public var p50: Double
  /// 75th percentile (type 7).
  public var p75: Double
  /// 95th percentile (type 7).
  public var p95: Double

  /// Summarises `values` (see the type's documentation for the exact numerics).
  /// - Complexity: O(n log n) time for the sort, O(n) extra memory.
  public init(_ values: [Double]) {
    let n = values.count
    count = n
    guard n > 0 else {
      mean = .nan
      sd = 0
      se = .nan
      p05 = .nan; p25 = .nan; p50 = .nan; p75 = .nan; p95 = .nan
      return
    }
    let shift = values[0]
    var deviations = values.map { $0 - shift }
    let shiftedMean = deviations.withUnsafeBufferPointer { Self.pairwiseSum($0) } / Double(n)
    mean = shift + shiftedMean
    if n < 2 {
      sd = 0
    } else {
      for i in deviations.indices { deviations[i] -= shiftedMean }
      let (sumOfSquares, sum) = deviations.withUnsafeBufferPointer {
        (Self.pairwiseSumOfSquares($0), Self.pairwiseSum($0))
      }
      let variance = max(0, (sumOfSquares - sum * sum / Double(n)) / Double(n - 1))
      sd = variance.squareRoot()
    }
    se = sd / Double(n).squareRoot()
    // Strict total order: deterministic even with NaN or signed zeros present.
    let sorted = values.sorted { !$1.isTotallyOrdered(belowOrEqualTo: $0) }
    (p05, p25, p50, p75, p95) = sorted.withUnsafeBufferPointer { buffer in
      (
        Quantile.type7(sorted: buffer, 0.05), Quantile.type7(sorted: buffer, 0.25),
        Quantile.type7(sorted: buffer, 0.50), Quantile.type7(sorted: buffer, 0.75),
        Quantile.type7(sorted: buffer, 0.95)
      )
    }
  }

  /// Leaf size below which pairwise summation adds sequentially.
  static let pairwiseBlock = 16

  /// Pairwise (cascade) sum in a fixed order: split at the midpoint, sequential leaves.
  /// - Complexity: O(n) time, O(log n) stack.
  static func pairwiseSum(_ x: UnsafeBufferPointer<Double>) -> Double {
    if x.count <= pairwiseBlock {
      var s = 0.0
      for v in x { s += v }
      return s
    }
    let half = x.count / 2
    return pairwiseSum(UnsafeBufferPointer(rebasing: x[..<half]))
      + pairwiseSum(UnsafeBufferPointer(rebasing: x[half...]))
  }

  /// Pairwise sum of squares in the same fixed order as `pairwiseSum`.
  /// - Complexity: O(n) time, O(log n) stack.
  static func pairwiseSumOfSquares(_ x: UnsafeBufferPointer<Double>) -> Double {
    if x.count <= pairwiseBlock {
      var s = 0.0
      for v in x { s += v * v }
      return s
    }
    let half = x.count / 2
    return pairwiseSumOfSquares(UnsafeBufferPointer(rebasing: x[..<half]))
      + pairwiseSumOfSquares(UnsafeBufferPointer(rebasing: x[half...]))
  }
}
