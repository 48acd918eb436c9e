/// `population from "file.csv" { column … weight … missing … bootstrap … attribute … }`:
/// a population read from a household survey file instead of drawn.
public struct MicrodataSyntax: Sendable {
  /// The file's path as written, relative to the scenario file.
  public var file: Located<String>
  /// `column NAME = "Header" [label]`, in order.
  public var columns: [ColumnMappingSyntax]
  /// `weight "Header"`: the sampling weight column (nil: every household weighs 1).
  public var weight: Located<String>?
  /// Every `weight` statement (the checker reports more than one).
  public var weights: [Located<String>]
  /// `missing NAME = value`, in order.
  public var missing: [MissingRuleSyntax]
  /// `bootstrap [N households]`: resample rows with replacement in each replication.
  public var bootstrap: BootstrapSyntax?
  /// Every `bootstrap` statement (the checker reports more than one).
  public var bootstraps: [BootstrapSyntax]
  /// The table read by `ScenarioChecker` before checking (nil until then, or when the
  /// file could not be read).
  public var table: HouseholdTable?
  /// The path the table was read from (empty until it was read).
  public var resolvedPath = ""

  /// Creates a microdata population.
  public init(
    file: Located<String>, columns: [ColumnMappingSyntax], weights: [Located<String>], missing: [MissingRuleSyntax], bootstraps: [BootstrapSyntax]
  ) {
    self.file = file
    self.columns = columns
    self.weights = weights
    self.weight = weights.first
    self.missing = missing
    self.bootstraps = bootstraps
    self.bootstrap = bootstraps.first
    self.table = nil
  }
}

/// `column NAME = "Header" [label]`: an attribute read from a column of the file.
public struct ColumnMappingSyntax: Sendable, Equatable {
  /// The attribute.
  public var attribute: Located<String>
  /// The header of the column in the file.
  public var header: Located<String>
  /// Whether the cells are category labels (else numbers).
  public var isLabel: Bool
  /// The whole statement.
  public var range: SourceRange
  /// Creates a mapping.
  public init(attribute: Located<String>, header: Located<String>, isLabel: Bool, range: SourceRange) {
    self.attribute = attribute
    self.header = header
    self.isLabel = isLabel
    self.range = range
  }
}

/// `missing NAME = value`: the value of an empty cell in a mapped column.
public struct MissingRuleSyntax: Sendable, Equatable {
  /// The attribute (as mapped by `column`).
  public var attribute: Located<String>
  /// The value used instead (a number, or a label for a label column).
  public var value: Expression
  /// The whole statement.
  public var range: SourceRange
  /// Creates a rule.
  public init(attribute: Located<String>, value: Expression, range: SourceRange) {
    self.attribute = attribute
    self.value = value
    self.range = range
  }
}

/// `bootstrap [N households]`.
public struct BootstrapSyntax: Sendable {
  /// The `bootstrap` keyword.
  public var keyword: SourceRange
  /// The number of households drawn per replication (nil: as many as the file has rows).
  public var count: FieldSyntax?
  /// Creates a bootstrap statement.
  public init(keyword: SourceRange, count: FieldSyntax?) {
    self.keyword = keyword
    self.count = count
  }
}
