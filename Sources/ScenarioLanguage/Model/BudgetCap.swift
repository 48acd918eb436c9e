/// A yearly limit on what a programme or transfer may spend or how many households it may
/// serve, and the rule that decides who is served when demand exceeds it.
///
/// The year cycle first computes every eligible household's demand (docs/model.md § Budget
/// caps), then serves households in priority order, ties by household order: a household is
/// served fully or not at all; one whose cost exceeds what is left of the budget is passed
/// over and the next one is considered.
public struct BudgetCap: Sendable, Equatable {
  /// Yuan per year (the same for every household; a schedule or indexed value may change it
  /// by year), or nil for no money limit.
  public var budget: ValueExpression?
  /// Households served per year, or nil for no limit on places.
  public var places: ValueExpression?
  /// A label attribute (index into `ModelRules.attributes`): with it, every label value has
  /// its own budget and places (`budget … by village`).
  public var byAttribute: Int?
  /// Who is served first.
  public var priority: Priority
  /// The named random stream of `priority random` (`programme.NAME.priority`).
  public var priorityStream: String

  /// The order in which demanding households are served.
  public enum Priority: Sendable, Equatable {
    /// Household order (the registry's order).
    case registryOrder
    /// A uniform draw per household and year from `priorityStream`, lowest first.
    case random
    /// The lowest value of an expression first (`priority lowest income`).
    case lowest(ValueExpression)
    /// The highest value of an expression first.
    case highest(ValueExpression)
  }

  /// Creates a cap.
  public init(budget: ValueExpression?, places: ValueExpression?, byAttribute: Int?, priority: Priority, priorityStream: String) {
    self.budget = budget
    self.places = places
    self.byAttribute = byAttribute
    self.priority = priority
    self.priorityStream = priorityStream
  }
}
