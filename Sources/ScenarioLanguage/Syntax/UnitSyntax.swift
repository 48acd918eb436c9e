/// A unit written after a number or a field value, such as `yuan per person per year`.
///
/// Units are checked, never converted: `%` divides by 100 when the number is read, and every
/// other word documents what the value measures. A field that expects money per household
/// rejects `yuan per mu`.
public struct UnitSyntax: Sendable, Equatable {
  /// What is measured.
  public enum Measure: String, Sendable {
    case yuan, percent = "%", households, persons, years, mu
  }
  /// What it is divided by.
  public enum Denominator: String, Sendable, CaseIterable {
    case household, person, mu, year
    /// `per child`: multiplied by the household's `children` attribute.
    case child
  }

  /// The measure, or nil for a bare `per …` phrase.
  public var measure: Measure?
  /// The `per …` parts in the order written.
  public var per: [Denominator]
  /// Where the unit was written.
  public var range: SourceRange

  /// Creates a unit.
  public init(measure: Measure?, per: [Denominator], range: SourceRange) {
    self.measure = measure
    self.per = per
    self.range = range
  }

  /// The denominators other than `per year` (every flow in PolicySim is yearly).
  public var perWithoutYear: [Denominator] { per.filter { $0 != .year } }

  /// The unit as it would be written, e.g. `yuan per household`.
  public var description: String {
    var words: [String] = []
    if let measure { words.append(measure.rawValue) }
    for denominator in per { words.append("per \(denominator.rawValue)") }
    return words.joined(separator: " ")
  }

  /// The measure word a token spells, accepting singular and plural forms.
  public static func measure(_ word: String) -> Measure? {
    switch word {
    case "yuan": return .yuan
    case "household", "households": return .households
    case "person", "persons", "people": return .persons
    case "year", "years": return .years
    case "mu": return .mu
    default: return nil
    }
  }

  /// The denominator a token after `per` spells.
  public static func denominator(_ word: String) -> Denominator? {
    switch word {
    case "household", "households": return .household
    case "person", "persons", "people", "capita": return .person
    case "mu": return .mu
    case "year", "years", "annum": return .year
    case "child", "children": return .child
    default: return nil
    }
  }
}
