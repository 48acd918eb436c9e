/// `keep outpatient, minimum_living`: a setting whose value is a list of block names
/// (the programmes and transfers that exited households keep during the transition).
public struct NameListSyntax: Sendable, Equatable {
  /// The setting's name (`keep`).
  public var name: Located<String>
  /// The names listed, in order.
  public var names: [Located<String>]
  /// The whole statement.
  public var range: SourceRange
  /// Creates a list.
  public init(name: Located<String>, names: [Located<String>], range: SourceRange) {
    self.name = name
    self.names = names
    self.range = range
  }
}
