import Foundation

/// A linear axis with "nice" ticks: steps of 1, 2, 2.5 or 5 times a power of ten, and a
/// domain widened to whole steps so that the data never touch the frame unlabelled.
public struct AxisScale: Sendable, Equatable {
  /// Lower end of the domain (the first tick).
  public let lower: Double
  /// Upper end of the domain (the last tick).
  public let upper: Double
  /// Distance between ticks.
  public let step: Double
  /// Tick values from `lower` to `upper`.
  public let ticks: [Double]

  /// A scale covering every finite value of `values`, with about `targetTicks` ticks.
  ///
  /// With `includingZero` the domain reaches 0 (bars start at 0). A single value, or none,
  /// gets a domain around it (around 0 to 1 when there is none).
  /// - Complexity: O(values.count).
  public init(covering values: [Double], includingZero: Bool = false, targetTicks: Int = 5) {
    var finite = values.filter(\.isFinite)
    if includingZero { finite.append(0) }
    var low = finite.min() ?? 0
    var high = finite.max() ?? 1
    if high - low <= abs(high) * 1e-12 {
      let pad = high == 0 ? 1 : abs(high) * 0.1
      low -= includingZero && low >= 0 ? 0 : pad
      high += includingZero && high <= 0 ? 0 : pad
    }
    let step = Self.niceStep((high - low) / Double(max(1, targetTicks)))
    let first = (low / step).rounded(.down)
    let last = (high / step).rounded(.up)
    self.step = step
    lower = first * step
    upper = last * step
    ticks = (0...Int(last - first)).map { index in
      let tick = (first + Double(index)) * step
      return abs(tick) < step * 1e-9 ? 0 : tick
    }
  }

  /// A scale over whole years with a tick every 1, 2, 5 or 10 years (at most `maximumTicks`).
  public init(years: ClosedRange<Int>, maximumTicks: Int = 12) {
    let span = years.upperBound - years.lowerBound
    let step = [1, 2, 5, 10, 20, 50].first { span / $0 < max(2, maximumTicks) } ?? 100
    self.step = Double(step)
    lower = Double(years.lowerBound)
    upper = Double(max(years.upperBound, years.lowerBound + 1))
    let first = (years.lowerBound + step - 1) / step * step
    ticks = Swift.stride(from: step == 1 ? years.lowerBound : first, through: years.upperBound, by: step).map(Double.init)
  }

  /// The smallest of 1, 2, 2.5, 5, 10 × 10^k that is at least `raw`.
  static func niceStep(_ raw: Double) -> Double {
    guard raw.isFinite, raw > 0 else { return 1 }
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    let residual = raw / magnitude
    let nice: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10
    return nice * magnitude
  }

  /// Where `value` falls between pixel positions `start` (for `lower`) and `end` (for `upper`).
  public func position(_ value: Double, from start: Double, to end: Double) -> Double {
    guard upper > lower else { return start }
    return start + (value - lower) / (upper - lower) * (end - start)
  }
}
