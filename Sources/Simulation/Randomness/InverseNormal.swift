import ScenarioLanguage

/// The inverse of the standard normal cumulative distribution function (the probit).
///
/// Why inversion rather than Box–Muller or a ziggurat: one uniform gives exactly one normal,
/// and the map is monotone, so common random numbers stay aligned between a baseline and a
/// reform scenario (a household that drew a high income shock under one policy draws the same
/// high shock under the other), and the draw for a household never depends on any other draw.
public enum InverseNormal {
  /// Returns z with Φ(z) = p, using Wichura's Algorithm AS 241 (PPND16), Applied Statistics
  /// 37(3), 1988, 477–484 — the same coefficients as R's `qnorm` and Python's
  /// `statistics.NormalDist.inv_cdf`.
  ///
  /// Tolerance: relative error about 1e-16 over the whole open interval (0, 1), i.e. at the
  /// limit of double precision. Edge cases: p ≤ 0 gives −∞, p ≥ 1 gives +∞, NaN gives NaN.
  /// Determinism: a fixed sequence of IEEE-754 operations plus `log` and `sqrt` from the C
  /// library; bit-identical for a given platform libm.
  /// - Complexity: O(1), no allocation.
  @inlinable
  public static func quantile(_ p: Double) -> Double {
    if p.isNaN { return .nan }
    if p <= 0 { return -.infinity }
    if p >= 1 { return .infinity }
    let q = p - 0.5
    if abs(q) <= 0.425 { return central(q) }
    return tail(p, q)
  }

  /// The central region |p − 0.5| ≤ 0.425 of `quantile` (no branch, no library call).
  @usableFromInline @inline(__always)
  static func central(_ q: Double) -> Double {
    let r = 0.180625 - q * q
    let num =
      (((((((2.50908_09287_30122_6727e+3 * r + 3.34305_75583_58812_8105e+4) * r + 6.72657_70927_00870_0853e+4) * r + 4.59219_53931_54987_1457e+4) * r
        + 1.37316_93765_50946_1125e+4) * r + 1.97159_09503_06551_4427e+3) * r + 1.33141_66789_17843_7745e+2) * r + 3.38713_28727_96366_6080e+0) * q
    let den =
      (((((((5.22649_52788_52854_5610e+3 * r + 2.87290_85735_72194_2674e+4) * r + 3.93078_95800_09271_0610e+4) * r + 2.12137_94301_58659_5867e+4) * r
        + 5.39419_60214_24751_1077e+3) * r + 6.87187_00749_20579_0830e+2) * r + 4.23133_30701_60091_1252e+1) * r + 1.0)
    return num / den
  }

  /// The tails |p − 0.5| > 0.425 of `quantile`, for p in (0, 1) and q = p − 0.5.
  @usableFromInline
  static func tail(_ p: Double, _ q: Double) -> Double {
    // Tail: work with the smaller of p and 1 − p (1 − p is exact for p ≥ 0.5).
    var r = q < 0 ? p : 1.0 - p
    r = (-DeterministicMath.log(r)).squareRoot()
    let x: Double
    if r <= 5.0 {
      r -= 1.6
      let num =
        (((((((7.74545_01427_83414_07640e-4 * r + 2.27238_44989_26918_45833e-2) * r + 2.41780_72517_74506_11770e-1) * r + 1.27045_82524_52368_38258e+0) * r
          + 3.64784_83247_63204_60504e+0) * r + 5.76949_72214_60691_40550e+0) * r + 4.63033_78461_56545_29590e+0) * r + 1.42343_71107_49683_57734e+0)
      let den =
        (((((((1.05075_00716_44416_84324e-9 * r + 5.47593_80849_95344_94600e-4) * r + 1.51986_66563_61645_71966e-2) * r + 1.48103_97642_74800_74590e-1) * r
          + 6.89767_33498_51000_04550e-1) * r + 1.67638_48301_83803_84940e+0) * r + 2.05319_16266_37758_82187e+0) * r + 1.0)
      x = num / den
    } else {
      r -= 5.0
      let num =
        (((((((2.01033_43992_92288_13265e-7 * r + 2.71155_55687_43487_57815e-5) * r + 1.24266_09473_88078_43860e-3) * r + 2.65321_89526_57612_30930e-2) * r
          + 2.96560_57182_85048_91230e-1) * r + 1.78482_65399_17291_33580e+0) * r + 5.46378_49111_64114_36990e+0) * r + 6.65790_46435_01103_77720e+0)
      let den =
        (((((((2.04426_31033_89939_78564e-15 * r + 1.42151_17583_16445_88870e-7) * r + 1.84631_83175_10054_68180e-5) * r + 7.86869_13114_56132_59100e-4) * r
          + 1.48753_61290_85061_48525e-2) * r + 1.36929_88092_27358_05310e-1) * r + 5.99832_20655_58879_37690e-1) * r + 1.0)
      x = num / den
    }
    return q < 0 ? -x : x
  }

  /// `values[i] = quantile(values[i])` for `i < count`, bit-identical to `quantile` value by
  /// value: the central formula (85% of values) first for all in a loop without branches,
  /// which the compiler vectorises, then the tails and edge cases one by one.
  /// - Complexity: O(count), no allocation.
  public static func quantiles(_ values: UnsafeMutablePointer<Double>, count: Int, scratch: UnsafeMutablePointer<Double>) {
    for i in 0..<count { scratch[i] = central(values[i] - 0.5) }
    for i in 0..<count {
      let p = values[i]
      let q = p - 0.5
      values[i] = abs(q) <= 0.425 && !p.isNaN ? scratch[i] : quantile(p)
    }
  }
}
