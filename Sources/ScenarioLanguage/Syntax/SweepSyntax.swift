/// `sweep path from A to B step S` or `sweep path over (v1, v2, …)`: one parameter taking
/// a series of values, each of which becomes an option (see docs/language.md § Sweeps).
public struct SweepSyntax: Sendable, Equatable {
  /// How the values are written.
  public enum Values: Sendable, Equatable {
    /// `from A to B step S`: A, A + S, A + 2S, … up to B.
    case range(from: Expression, to: Expression, step: Expression)
    /// `over (v1, v2, …)`: the values listed, in order.
    case list([Expression])
  }

  /// The parameter path, e.g. `relocation.subsidy`.
  public var path: Located<String>
  /// The values swept.
  public var values: Values
  /// The whole statement.
  public var range: SourceRange

  /// Creates a sweep.
  public init(path: Located<String>, values: Values, range: SourceRange) {
    self.path = path
    self.values = values
    self.range = range
  }
}
