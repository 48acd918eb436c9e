/// A population read from a household file: the values of the mapped attributes for each
/// row, the sampling weights, and whether rows are resampled in each replication.
///
/// Household `i` of a replication is row `i` of the file, or, with `bootstrap`, a row drawn
/// uniformly with replacement from the stream `population.bootstrap` (one draw per
/// household and replication, shared by all options). Attributes not mapped are drawn or
/// computed by the population block as in a synthetic population.
public struct MicrodataPopulation: Sendable, Equatable {
  /// The file as named in the scenario.
  public var file: String
  /// The path it was read from (resolved against the scenario's folder).
  public var path: String
  /// Rows (households) in the file.
  public var rowCount: Int
  /// The mapped attributes: column index of the attribute and its value in each row
  /// (label columns hold label codes).
  public var columns: [MicrodataColumn]
  /// Each row's sampling weight (nil: every household weighs 1). A household stands for
  /// `weight` households of the population, and its persons for `size × weight` persons.
  public var weights: [Double]?
  /// Households drawn with replacement per replication, or nil to use every row once.
  public var bootstrap: Int?

  /// Creates a microdata population.
  public init(file: String, path: String, rowCount: Int, columns: [MicrodataColumn], weights: [Double]?, bootstrap: Int?) {
    self.file = file
    self.path = path
    self.rowCount = rowCount
    self.columns = columns
    self.weights = weights
    self.bootstrap = bootstrap
  }

  /// Households simulated in each replication.
  public var households: Int { bootstrap ?? rowCount }

  /// The stream of the bootstrap draws.
  public static let bootstrapStream = "population.bootstrap"
}

/// The values of one attribute, row by row, as read from the household file.
public struct MicrodataColumn: Sendable, Equatable {
  /// The attribute's column (index into `ModelRules.attributes`).
  public var attribute: Int
  /// One value per row.
  public var values: [Double]
  /// Creates a column.
  public init(attribute: Int, values: [Double]) {
    self.attribute = attribute
    self.values = values
  }
}
