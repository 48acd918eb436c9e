/// `report by ATTRIBUTE`: the headline metrics per category of a label attribute
/// (`incidence[village=upper]`, …).
public struct Breakdown: Sendable, Equatable {
  /// The attribute's name, as written in metric names.
  public var attributeName: String
  /// Its column.
  public var attribute: Int
  /// The categories reported, in declaration order: code and label.
  public var categories: [(code: Int, label: String)]
  /// Creates a breakdown.
  public init(attributeName: String, attribute: Int, categories: [(code: Int, label: String)]) {
    self.attributeName = attributeName
    self.attribute = attribute
    self.categories = categories
  }

  /// Equal when they report the same attribute with the same categories.
  public static func == (lhs: Breakdown, rhs: Breakdown) -> Bool {
    lhs.attributeName == rhs.attributeName && lhs.attribute == rhs.attribute
      && lhs.categories.map(\.code) == rhs.categories.map(\.code) && lhs.categories.map(\.label) == rhs.categories.map(\.label)
  }
}
