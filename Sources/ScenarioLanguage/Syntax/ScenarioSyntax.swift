/// The syntax tree of a scenario file, before names are resolved or values checked.
public struct ScenarioSyntax: Sendable {
  /// The scenario's display name.
  public var name: Located<String>
  /// The statements inside `scenario "…" { … }`, in order.
  public var items: [ScenarioItem]
  /// The whole scenario block.
  public var range: SourceRange
  /// `calibrate { … }` blocks (at most one is allowed; the checker reports extras).
  public var calibrations: [CalibrationSyntax] = []

  /// Creates a syntax tree.
  public init(name: Located<String>, items: [ScenarioItem], range: SourceRange) {
    self.name = name
    self.items = items
    self.range = range
  }
}

/// A statement at the top level of a scenario.
public enum ScenarioItem: Sendable {
  /// `years 2016 to 2025`.
  case years(YearSpanSyntax)
  /// A one-line setting such as `replications 500`, `seed 7`, `poverty_line …`.
  case field(FieldSyntax)
  /// `let name = value`: a named parameter.
  case parameter(ParameterSyntax)
  /// `population N households { … }`.
  case population(PopulationSyntax)
  /// `income growth [for group] value [per year]`.
  case growth(GrowthSyntax)
  /// `shock`, `identification`, `programme`, `transfer` blocks.
  case block(BlockSyntax)
  /// `end of year { … }` (after measurement) or `start of year { … }` (after growth):
  /// attribute updates; the list's `timing` says which.
  case yearEnd(EffectListSyntax)
  /// `option name [baseline] { path = value … }`.
  case option(OptionSyntax)
  /// `sweep path from A to B step S` or `sweep path over (…)`: options over a range.
  case sweep(SweepSyntax)
}

/// `years A to B` (or a single `years A`).
public struct YearSpanSyntax: Sendable, Equatable {
  /// First year.
  public var first: Located<Int>
  /// Last year (equal to `first` when one year was written).
  public var last: Located<Int>
  /// The whole statement.
  public var range: SourceRange
  /// Creates a span.
  public init(first: Located<Int>, last: Located<Int>, range: SourceRange) {
    self.first = first
    self.last = last
    self.range = range
  }
}

/// `name value [unit]`: a setting. Multi-word settings (`eligible when`, `moves when`,
/// `debt repaid over`, `top up to`) are stored under one name (see docs/language.md).
public struct FieldSyntax: Sendable, Equatable {
  /// The setting's name.
  public var name: Located<String>
  /// Its value.
  public var value: Expression
  /// A unit written after a non-literal value (`normal(…) per year`).
  public var trailingUnit: UnitSyntax?
  /// The whole statement.
  public var range: SourceRange
  /// Creates a field.
  public init(name: Located<String>, value: Expression, trailingUnit: UnitSyntax?, range: SourceRange) {
    self.name = name
    self.value = value
    self.trailingUnit = trailingUnit
    self.range = range
  }
  /// The unit of the value: the literal's own, else the trailing one.
  public var unit: UnitSyntax? { value.literalUnit ?? trailingUnit }
}

/// `let name = value`.
public struct ParameterSyntax: Sendable, Equatable {
  /// The parameter's name.
  public var name: Located<String>
  /// Its value.
  public var value: Expression
  /// The whole statement.
  public var range: SourceRange
  /// Creates a parameter.
  public init(name: Located<String>, value: Expression, range: SourceRange) {
    self.name = name
    self.value = value
    self.range = range
  }
}

/// `population N households { group … attribute … }`.
public struct PopulationSyntax: Sendable {
  /// The number of households.
  public var count: FieldSyntax
  /// The groups, in order.
  public var groups: [GroupSyntax]
  /// Attributes shared by all groups (a group may redefine one).
  public var attributes: [AttributeSyntax]
  /// The whole block.
  public var range: SourceRange
  /// For `population from "file.csv" { … }`: the file and its column mapping (nil for a
  /// synthetic population; `count` then stands at the file name).
  public var microdata: MicrodataSyntax? = nil
  /// Creates a population.
  public init(count: FieldSyntax, groups: [GroupSyntax], attributes: [AttributeSyntax], range: SourceRange) {
    self.count = count
    self.groups = groups
    self.attributes = attributes
    self.range = range
  }
}

/// `group name share 30% { attribute … }`.
public struct GroupSyntax: Sendable {
  /// The group's label.
  public var name: Located<String>
  /// Its share of households.
  public var share: FieldSyntax
  /// Attributes defined for this group only.
  public var attributes: [AttributeSyntax]
  /// The whole block.
  public var range: SourceRange
  /// Creates a group.
  public init(name: Located<String>, share: FieldSyntax, attributes: [AttributeSyntax], range: SourceRange) {
    self.name = name
    self.share = share
    self.attributes = attributes
    self.range = range
  }
}

/// `name ~ distribution` (drawn once per household) or `name = expression` (derived).
public struct AttributeSyntax: Sendable, Equatable {
  /// Drawn from a distribution or computed from other attributes.
  public enum Definition: Sendable, Equatable { case drawn, derived }
  /// The attribute's name.
  public var name: Located<String>
  /// How it is defined.
  public var definition: Definition
  /// The distribution or expression.
  public var value: Expression
  /// A unit written after the value (`land ~ uniform(0, 3) mu`).
  public var trailingUnit: UnitSyntax?
  /// The whole statement.
  public var range: SourceRange
  /// Creates an attribute.
  public init(name: Located<String>, definition: Definition, value: Expression, trailingUnit: UnitSyntax?, range: SourceRange) {
    self.name = name
    self.definition = definition
    self.value = value
    self.trailingUnit = trailingUnit
    self.range = range
  }
}

/// `income growth [for group] value [per year]`.
public struct GrowthSyntax: Sendable, Equatable {
  /// The group it applies to, or nil for every group without its own.
  public var group: Located<String>?
  /// The yearly log growth (a distribution or expression).
  public var value: FieldSyntax
  /// The whole statement.
  public var range: SourceRange
  /// Creates a growth statement.
  public init(group: Located<String>?, value: FieldSyntax, range: SourceRange) {
    self.group = group
    self.value = value
    self.range = range
  }
}

/// A block of settings: `shock NAME { … }`, `identification { … }`,
/// `programme KIND [NAME] ["Title"] { … }`, `transfer NAME ["Title"] { … }`.
public struct BlockSyntax: Sendable {
  /// `shock`, `identification`, `programme` or `transfer`.
  public var keyword: Located<String>
  /// The programme kind (`relocation`, `industry`, `subsidy`); nil for other blocks.
  public var kind: Located<String>?
  /// The block's name, used in parameter paths; defaults to the kind or keyword.
  public var name: Located<String>?
  /// A display title with spaces (`"white peony tea"`).
  public var title: Located<String>?
  /// The statements inside.
  public var items: [BlockItem]
  /// The whole block.
  public var range: SourceRange
  /// Creates a block.
  public init(keyword: Located<String>, kind: Located<String>?, name: Located<String>?, title: Located<String>?, items: [BlockItem], range: SourceRange) {
    self.keyword = keyword
    self.kind = kind
    self.name = name
    self.title = title
    self.items = items
    self.range = range
  }

  /// The name used in parameter paths and output columns.
  public var pathName: String { name?.value ?? kind?.value ?? keyword.value }
}

/// A statement inside a block.
public enum BlockItem: Sendable {
  /// `years A to B`.
  case years(YearSpanSyntax)
  /// A setting.
  case field(FieldSyntax)
  /// `let name = value`.
  case parameter(ParameterSyntax)
  /// `on join { … }` or `next year { … }`.
  case effects(EffectListSyntax)
  /// `keep a, b`: a list of block names (transition only).
  case names(NameListSyntax)
}

/// A list of attribute updates: `on join { … }`, `next year { … }`, `end of year { … }`.
public struct EffectListSyntax: Sendable {
  /// When the updates happen.
  public enum Timing: String, Sendable {
    case onJoin = "on join", nextYear = "next year", endOfYear = "end of year"
    /// `start of year { … }`: after growth, before the year's other steps (top level).
    case startOfYear = "start of year"
  }
  /// When.
  public var timing: Timing
  /// The updates in order.
  public var effects: [EffectSyntax]
  /// The whole block.
  public var range: SourceRange
  /// Creates an effect list.
  public init(timing: Timing, effects: [EffectSyntax], range: SourceRange) {
    self.timing = timing
    self.effects = effects
    self.range = range
  }
}

/// `attribute op value` with op one of `=`, `+=`, `-=`, `*=`, `/=`.
public struct EffectSyntax: Sendable, Equatable {
  /// Assignment operators.
  public enum Operator: String, Sendable { case set = "=", add = "+=", subtract = "-=", multiply = "*=", divide = "/=" }
  /// The attribute updated.
  public var target: Located<String>
  /// How.
  public var operation: Operator
  /// The value.
  public var value: Expression
  /// `… when CONDITION`: the update applies only to households where it holds.
  public var condition: Expression? = nil
  /// The whole statement.
  public var range: SourceRange
  /// Creates an effect.
  public init(target: Located<String>, operation: Operator, value: Expression, range: SourceRange) {
    self.target = target
    self.operation = operation
    self.value = value
    self.range = range
  }
}

/// `option name [baseline] { path = value … }`.
public struct OptionSyntax: Sendable {
  /// The option's name (an identifier or a string).
  public var name: Located<String>
  /// Whether it was marked as the baseline.
  public var isBaseline: Bool
  /// The parameter overrides.
  public var overrides: [OverrideSyntax]
  /// The whole block.
  public var range: SourceRange
  /// Creates an option.
  public init(name: Located<String>, isBaseline: Bool, overrides: [OverrideSyntax], range: SourceRange) {
    self.name = name
    self.isBaseline = isBaseline
    self.overrides = overrides
    self.range = range
  }
}

/// `relocation.subsidy = 40000`: replaces the value of a parameter.
public struct OverrideSyntax: Sendable, Equatable {
  /// The parameter path, e.g. `relocation.subsidy`.
  public var path: Located<String>
  /// The new value.
  public var value: Expression
  /// The whole statement.
  public var range: SourceRange
  /// Creates an override.
  public init(path: Located<String>, value: Expression, range: SourceRange) {
    self.path = path
    self.value = value
    self.range = range
  }
}
