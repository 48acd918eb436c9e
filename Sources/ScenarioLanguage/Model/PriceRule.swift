/// A market price shock on agricultural income (`price NAME { … }`): a log price index per
/// village (or one for the county) following an AR(1), which scales the agricultural share
/// of each household's market income in its disposable income.
public struct PriceRule: Sendable, Equatable {
  /// The block's name (parameter paths `NAME.share_of_income`, `NAME.persistence`, `NAME.sd`).
  public var name: String
  /// Display title.
  public var title: String
  /// Share of market income that is agricultural (per household expression).
  public var share: ValueExpression
  /// AR(1) coefficient of the log index (household-invariant).
  public var persistence: ValueExpression
  /// Standard deviation of the yearly innovation (household-invariant).
  public var sd: ValueExpression
  /// The label attribute naming the village (`by village`); nil: one price for the county.
  public var attribute: Int?
  /// The label codes with their own index (`[0]` for the county).
  public var villageCodes: [Int]
  /// The stream of the innovations (counter keyed by village code instead of household).
  public var stream: String
  /// Creates a rule.
  public init(
    name: String, title: String, share: ValueExpression, persistence: ValueExpression, sd: ValueExpression, attribute: Int?, villageCodes: [Int],
    stream: String
  ) {
    self.name = name
    self.title = title
    self.share = share
    self.persistence = persistence
    self.sd = sd
    self.attribute = attribute
    self.villageCodes = villageCodes
    self.stream = stream
  }
}
