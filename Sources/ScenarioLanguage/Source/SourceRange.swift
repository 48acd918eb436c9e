/// A half-open range of UTF-8 offsets in a `SourceFile`.
public struct SourceRange: Hashable, Sendable {
  /// Offset of the first byte.
  public var start: Int
  /// Offset one past the last byte.
  public var end: Int

  /// Creates a range; `end` is raised to `start` if it is smaller.
  public init(start: Int, end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }

  /// An empty range at a position, for "expected … here" diagnostics.
  public static func point(_ offset: Int) -> SourceRange { SourceRange(start: offset, end: offset) }
}

/// A value together with where it was written.
public struct Located<Value: Sendable>: Sendable {
  /// The value.
  public var value: Value
  /// Where it was written.
  public var range: SourceRange

  /// Attaches a range to a value.
  public init(_ value: Value, _ range: SourceRange) {
    self.value = value
    self.range = range
  }
}

extension Located: Equatable where Value: Equatable {}
