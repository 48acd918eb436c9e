/// A running sum with Neumaier's compensation (improved Kahan–Babuška summation).
///
/// Why: the year cycle adds per-block partial sums of person-weighted incomes and gaps over
/// all blocks of households. A plain running sum loses low-order digits each time a block
/// is added to a much larger total, an error that grows with the number of households
/// (about n·ε relative, 10⁻¹⁰ at 10⁶ households); with compensation the error of adding
/// the blocks is about 2ε whatever their number, so a year's totals are as precise at 10⁶
/// households as at 10³.
///
/// Tolerance: |value − exact sum of the added numbers| ≤ 2ε·Σ|xᵢ| + O(nε²)·Σ|xᵢ|
/// (Neumaier 1974; Higham, *Accuracy and Stability*, § 4.3).
/// Determinism: a fixed sequence of IEEE operations in the order values are added.
/// Non-finite values: once the sum is NaN or infinite, `value` is that sum (the compensation
/// term would turn +∞ into NaN).
public struct CompensatedSum: Sendable, Equatable {
  /// The rounded running sum.
  public private(set) var sum = 0.0
  /// The accumulated rounding errors of `sum`.
  public private(set) var compensation = 0.0

  /// An empty sum (0).
  public init() {}

  /// Adds `x`.
  /// - Complexity: O(1), four floating-point operations and a comparison.
  public mutating func add(_ x: Double) {
    let total = sum + x
    if abs(sum) >= abs(x) {
      compensation += (sum - total) + x
    } else {
      compensation += (x - total) + sum
    }
    sum = total
  }

  /// The compensated total.
  public var value: Double { sum.isFinite ? sum + compensation : sum }
}
