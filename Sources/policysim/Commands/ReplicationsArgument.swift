/// The value of `--replications`: a count `R` (replications 0..<R) or a half-open range
/// `A..<B` (a shard of a larger run: replications A to B − 1).
enum ReplicationsArgument: Equatable {
  case count(Int)
  case range(Range<Int>)

  /// The largest replication count or range end accepted.
  static let limit = 10_000_000

  /// Parses `--replications` of a list, if given.
  static func parse(_ list: ArgumentList, command: String) throws(UsageError) -> ReplicationsArgument? {
    guard let text = list.value("--replications") else { return nil }
    guard let separator = text.range(of: "..<") else {
      guard let count = try list.integer("--replications", in: 1...limit, command: command) else { return nil }
      return .count(count)
    }
    let lower = Int(text[..<separator.lowerBound].replacingOccurrences(of: "_", with: ""))
    let upper = Int(text[separator.upperBound...].replacingOccurrences(of: "_", with: ""))
    guard let lower, let upper, lower >= 0, lower < upper, upper <= limit else {
      throw UsageError(
        message: "'--replications' expects a count or a range A..<B with 0 ≤ A < B ≤ \(limit) (e.g. 0..<250), not '\(text)'", command: command)
    }
    return .range(lower..<upper)
  }
}
