import Foundation

/// Fixed-precision text for numbers in SVG attributes.
///
/// Why: a figure must come out byte-identical next year (golden files, papers), so
/// coordinates are rounded to one decimal place (a tenth of a pixel, invisible) rather than
/// printed in shortest round-trip form, which would expose the last bits of a computation.
public enum SVGNumber {
  /// `x` with at most `decimals` decimal places, trailing zeros removed: 12.0 → "12",
  /// 3.25 → "3.3" with one decimal (rounded half away from zero); negative zero prints "0";
  /// NaN and infinities print "0" (they never reach a drawing).
  /// - Complexity: O(1).
  public static func format(_ x: Double, decimals: Int = 1) -> String {
    guard x.isFinite else { return "0" }
    let scale = pow(10, Double(decimals))
    let rounded = (x * scale).rounded(.toNearestOrAwayFromZero) / scale
    if rounded == 0 { return "0" }
    var text = String(format: "%.\(decimals)f", rounded)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }
}
