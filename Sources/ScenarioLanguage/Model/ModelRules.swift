/// The resolved rules of one option: population, dynamics, identification and programmes.
public struct ModelRules: Sendable, Equatable {
  /// The first simulated year (index base of `indexed` values).
  public var firstYear: Int
  /// The poverty line per person per year, as a function of the year.
  public var povertyLine: ValueExpression
  /// The population's groups (their codes are indices into `labels`).
  public var groups: [PopulationGroup]
  /// All category labels (group names and categorical values); a label's code is its index.
  public var labels: [String]
  /// Household attributes; an attribute's index is its column.
  public var attributes: [AttributeDefinition]
  /// Attribute indices in the order they are initialised (dependencies first).
  public var initializationOrder: [Int]
  /// Yearly log income growth: a default and per-group overrides.
  public var growth: GrowthRule
  /// Idiosyncratic shocks, in the order written.
  public var shocks: [ShockRule]
  /// How the registry of poor households is drawn up.
  public var identification: IdentificationRule
  /// Programmes and transfers, in the order written (transfers run after all programmes).
  public var programmes: [ProgrammeRule]
  /// Attribute updates after measurement (`end of year { … }`).
  public var yearEndEffects: [EffectRule]
  /// The household file the population starts from (nil: a synthetic population).
  public var microdata: MicrodataPopulation? = nil
  /// Attribute updates after growth, every year after the first (`start of year { … }`).
  public var yearStartEffects: [EffectRule] = []
  /// Exit, transition and monitoring; nil without an `exit` block (the registry is then
  /// drawn up anew every year).
  public var transition: TransitionRule? = nil
  /// Market price shocks on agricultural income (`price NAME { … }`), in the order written.
  public var prices: [PriceRule] = []
  /// Per-category breakdowns of the outputs (`report by ATTRIBUTE`), in the order written.
  public var breakdowns: [Breakdown] = []

  /// Creates rules.
  public init(
    firstYear: Int, povertyLine: ValueExpression, groups: [PopulationGroup], labels: [String], attributes: [AttributeDefinition], initializationOrder: [Int],
    growth: GrowthRule, shocks: [ShockRule], identification: IdentificationRule, programmes: [ProgrammeRule], yearEndEffects: [EffectRule]
  ) {
    self.firstYear = firstYear
    self.povertyLine = povertyLine
    self.groups = groups
    self.labels = labels
    self.attributes = attributes
    self.initializationOrder = initializationOrder
    self.growth = growth
    self.shocks = shocks
    self.identification = identification
    self.programmes = programmes
    self.yearEndEffects = yearEndEffects
  }

  /// Column index of a built-in or declared attribute.
  public func attributeIndex(_ name: String) -> Int? { attributes.firstIndex { $0.name == name } }

  /// The column of per-person market income.
  public var incomeIndex: Int { attributeIndex(AttributeDefinition.income) ?? 0 }
  /// The column of household size (persons).
  public var sizeIndex: Int { attributeIndex(AttributeDefinition.size) ?? 1 }
  /// The column of the group code.
  public var groupIndex: Int { attributeIndex(AttributeDefinition.group) ?? 2 }
  /// The column of household savings.
  public var savingsIndex: Int { attributeIndex(AttributeDefinition.savings) ?? 3 }
}

/// A group of the population with its share of households.
public struct PopulationGroup: Sendable, Equatable {
  /// The group's label.
  public var name: String
  /// Its code (index into `ModelRules.labels`).
  public var code: Int
  /// Its share of households, between 0 and 1.
  public var share: Double
  /// Creates a group.
  public init(name: String, code: Int, share: Double) {
    self.name = name
    self.code = code
    self.share = share
  }
}

/// A household attribute and how its initial value is obtained.
public struct AttributeDefinition: Sendable, Equatable {
  /// Built-in attribute: per-person market income, yuan per year.
  public static let income = "income"
  /// Built-in attribute: persons in the household.
  public static let size = "size"
  /// Built-in attribute: the group label.
  public static let group = "group"
  /// Built-in attribute: household savings, yuan (0 unless defined).
  public static let savings = "savings"

  /// What kind of value the attribute holds.
  public enum ValueKind: Sendable, Equatable {
    /// A number.
    case number
    /// True (1) or false (0).
    case boolean
    /// A category label code.
    case label
  }

  /// The attribute's name.
  public var name: String
  /// Number, boolean or label.
  public var kind: ValueKind
  /// The initial value by group code (nil key: every group without its own definition).
  public var initialByGroup: [Int: ValueExpression]
  /// The initial value for groups without their own definition.
  public var initial: ValueExpression

  /// Creates an attribute.
  public init(name: String, kind: ValueKind, initial: ValueExpression, initialByGroup: [Int: ValueExpression] = [:]) {
    self.name = name
    self.kind = kind
    self.initial = initial
    self.initialByGroup = initialByGroup
  }
}

/// Yearly log income growth: `income ← income · exp(g)`.
public struct GrowthRule: Sendable, Equatable {
  /// The growth of groups without their own (nil: no growth).
  public var common: ValueExpression?
  /// Per-group growth by group code.
  public var byGroup: [Int: ValueExpression]
  /// Creates a growth rule.
  public init(common: ValueExpression?, byGroup: [Int: ValueExpression]) {
    self.common = common
    self.byGroup = byGroup
  }
}

/// An idiosyncratic shock: with a probability, a cost of which a share is reimbursed.
public struct ShockRule: Sendable, Equatable {
  /// The shock's name.
  public var name: String
  /// Years in which it can happen.
  public var years: ClosedRange<Int>
  /// Which households it can hit.
  public var eligible: ValueExpression
  /// Yearly probability.
  public var probability: ValueExpression
  /// Cost to the household, yuan.
  public var cost: ValueExpression
  /// Share of the cost reimbursed (by insurance), not borne by the household.
  public var reimbursed: ValueExpression
  /// The stream of the occurrence draw.
  public var stream: String
  /// Set for a disaster: one occurrence draw per village (or county) and year.
  public var covariate: CovariateRule?
  /// Set when the shock has health-support settings (`exempt`, `debt repaid over`).
  public var support: ShockSupport?
  /// Creates a shock.
  public init(
    name: String, years: ClosedRange<Int>, eligible: ValueExpression, probability: ValueExpression, cost: ValueExpression, reimbursed: ValueExpression,
    stream: String
  ) {
    self.name = name
    self.years = years
    self.eligible = eligible
    self.probability = probability
    self.cost = cost
    self.reimbursed = reimbursed
    self.stream = stream
  }
}

/// Registration of poor households, with errors.
///
/// A household with pre-transfer income below the line is registered with probability
/// `detect`; one below `includeBelow` (but not below the line) with probability `include`.
public struct IdentificationRule: Sendable, Equatable {
  /// Probability that a poor household is registered (1 − exclusion error).
  public var detect: ValueExpression
  /// Probability that a near-poor household is registered (inclusion error).
  public var include: ValueExpression
  /// Per-capita income under which a non-poor household may be included.
  public var includeBelow: ValueExpression
  /// Creates a rule.
  public init(detect: ValueExpression, include: ValueExpression, includeBelow: ValueExpression) {
    self.detect = detect
    self.include = include
    self.includeBelow = includeBelow
  }
}

/// An attribute update: `target op value`.
public struct EffectRule: Sendable, Equatable {
  /// How the value is combined with the attribute.
  public enum Operation: String, Sendable, Equatable { case set, add, subtract, multiply, divide }
  /// The attribute's column.
  public var target: Int
  /// The operation.
  public var operation: Operation
  /// The value.
  public var value: ValueExpression
  /// `… when CONDITION`: only households where it holds are updated (nil: all).
  public var condition: ValueExpression? = nil
  /// Creates an effect.
  public init(target: Int, operation: Operation, value: ValueExpression) {
    self.target = target
    self.operation = operation
    self.value = value
  }
}
