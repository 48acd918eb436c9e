/// How a covariate (disaster) shock draws its occurrence: once per village and year, or
/// once per year for the whole county, so that all households of a hit village are hit
/// together.
public struct CovariateRule: Sendable, Equatable {
  /// The label attribute naming the village (`covariate by village`); nil: the whole county.
  public var attribute: Int?
  /// The label codes the attribute can take (for `hit_villages_NAME`); `[0]` for the county.
  public var villageCodes: [Int]
  /// Share of eligible households in a hit village that suffer (own draw); nil: all.
  public var hits: ValueExpression?
  /// The stream of the occurrence draw (counter keyed by village, not household).
  public var stream: String
  /// The stream of the per-household `hits` draw.
  public var hitsStream: String
  /// Creates a rule.
  public init(attribute: Int?, villageCodes: [Int], hits: ValueExpression?, stream: String, hitsStream: String) {
    self.attribute = attribute
    self.stream = stream
    self.villageCodes = villageCodes
    self.hits = hits
    self.hitsStream = hitsStream
  }
}
