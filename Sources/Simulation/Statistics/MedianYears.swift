/// Every household's end-of-year disposable income and median weight for each year of a
/// replication run block by block: a year's median needs every household, and the last
/// block finishes the first year only at the end of the run.
///
/// One instance per option run at once on a worker, reused for every replication; memory
/// is households × (years + weight years) doubles.
final class MedianYears {
  let households: Int
  let years: Int
  /// Years of weights kept: 1 when the weights never change, else `years`.
  let weightYears: Int
  private let storedValues: UnsafeMutablePointer<Double>
  private let storedWeights: UnsafeMutablePointer<Double>

  init(households: Int, years: Int, weightYears: Int) {
    self.households = households
    self.years = years
    self.weightYears = weightYears
    storedValues = .allocate(capacity: max(1, households * years))
    storedValues.initialize(repeating: 0, count: max(1, households * years))
    storedWeights = .allocate(capacity: max(1, households * weightYears))
    storedWeights.initialize(repeating: 0, count: max(1, households * weightYears))
  }

  deinit {
    storedValues.deallocate()
    storedWeights.deallocate()
  }

  /// Bytes held for `households` households over `years` years.
  static func bytes(households: Int, years: Int, weightYears: Int) -> Int {
    households * (years + weightYears) * MemoryLayout<Double>.size
  }

  /// Keeps households `start ..< start + count` of a year (their weights only in the first
  /// year when the weights never change).
  @inline(__always)
  func record(year: Int, values: UnsafePointer<Double>, weights: UnsafePointer<Double>, start: Int, count: Int) {
    (storedValues + year * households + start).update(from: values, count: count)
    if year < weightYears { (storedWeights + year * households + start).update(from: weights, count: count) }
  }

  /// A year's incomes, in household order.
  func values(year: Int) -> UnsafeBufferPointer<Double> {
    UnsafeBufferPointer(start: storedValues + year * households, count: households)
  }

  /// A year's weights, in household order.
  func weights(year: Int) -> UnsafeBufferPointer<Double> {
    UnsafeBufferPointer(start: storedWeights + min(year, weightYears - 1) * households, count: households)
  }
}
