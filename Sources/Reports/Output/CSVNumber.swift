/// Deterministic text for numbers in CSV output.
///
/// Why: the same result must always print the same characters (for golden-file tests and
/// diffs) and must read back as the same `Double` in R and pandas.
public enum CSVNumber {
  /// Formats `x` for CSV.
  ///
  /// - Integral values with |x| < 1e15 print as integers without a decimal point:
  ///   "12345", "-3", "0"; negative zero prints "0".
  /// - Other finite values print with Swift's shortest round-trip `description`
  ///   ("0.1", "1e-05", "123.456", "1000000000000000.0" for 1e15, "1e+16"), which parses
  ///   back to exactly `x`.
  /// - NaN prints "NaN"; ±infinity prints "Inf" / "-Inf" (both understood by R and pandas).
  ///
  /// Determinism: a pure function of the bit pattern (except that all NaNs print "NaN").
  /// - Complexity: O(1).
  public static func format(_ x: Double) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return x < 0 ? "-Inf" : "Inf" }
    if x == x.rounded(.towardZero) && abs(x) < 1e15 {
      // Exact: |x| < 1e15 < 2^63 and x is integral; -0.0 becomes 0.
      return String(Int64(x))
    }
    return x.description
  }
}
