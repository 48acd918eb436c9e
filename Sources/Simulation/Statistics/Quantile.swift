/// Sample quantiles of already-sorted data.
///
/// Why a single fixed definition: reported percentiles must be reproducible by readers with
/// standard tools, so PolicySim uses Hyndman & Fan (1996) type 7, the default of R's
/// `quantile` and of NumPy's `percentile`/`quantile` (method "linear").
public enum Quantile {
  /// The Hyndman–Fan type 7 quantile of ascending `sorted` data at probability `p`.
  ///
  /// With n values x₀ ≤ … ≤ xₙ₋₁: h = (n − 1)·p, j = ⌊h⌋, and the result is
  /// xⱼ + (h − j)·(xⱼ₊₁ − xⱼ) (just xⱼ when h is integral or j = n − 1).
  ///
  /// Edge cases: empty data gives NaN; n = 1 gives the value; p is clamped to [0, 1];
  /// NaN p gives NaN. The data must be sorted ascending; this is not checked (it would cost
  /// O(n)), and unsorted data gives a deterministic but meaningless result.
  /// Tolerance: one rounding in the interpolation, so within a few ulps of NumPy.
  /// Determinism: a fixed arithmetic sequence; bit-identical for identical inputs.
  /// - Complexity: O(1).
  public static func type7(sorted: UnsafeBufferPointer<Double>, _ p: Double) -> Double {
    let n = sorted.count
    if n == 0 || p.isNaN { return .nan }
    if n == 1 { return sorted[0] }
    let clamped = min(max(p, 0), 1)
    let h = Double(n - 1) * clamped
    let j = Int(h.rounded(.down))
    if j >= n - 1 { return sorted[n - 1] }
    let fraction = h - Double(j)
    let lower = sorted[j]
    if fraction == 0 { return lower }
    let upper = sorted[j + 1]
    if lower == upper { return lower }
    return lower + fraction * (upper - lower)
  }

  /// Array convenience for `type7(sorted:_:)` with identical results.
  /// - Complexity: O(1).
  public static func type7(sorted: [Double], _ p: Double) -> Double {
    sorted.withUnsafeBufferPointer { type7(sorted: $0, p) }
  }
}
