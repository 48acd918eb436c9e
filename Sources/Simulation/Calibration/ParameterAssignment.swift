import ScenarioLanguage

/// A parameter path set to a number by a search (`target`, `calibrate`), applied to the
/// scenario as `--set PATH=VALUE` would be.
///
/// Values of parameters written in percent are held as fractions (0.05) and written back
/// with a `%` (`5%`), so that an override keeps the unit of the setting it replaces.
public struct ParameterAssignment: Sendable, Equatable {
  /// The parameter path.
  public var path: String
  /// The value (a fraction when `percent`).
  public var value: Double
  /// Whether the value is written in percent.
  public var percent: Bool

  /// Creates an assignment.
  public init(path: String, value: Double, percent: Bool) {
    self.path = path
    self.value = value
    self.percent = percent
  }

  /// The value as scenario text: `40000`, `5.5%`.
  public var valueText: String {
    percent ? Self.number(value * 100) + "%" : Self.number(value)
  }

  /// `path=value`, as given to `--set`.
  public var settingText: String { "\(path)=\(valueText)" }

  /// The override, parsed as `--set` would parse it.
  public var override: ParameterOverride? { ParameterOverride.parse(commandLine: settingText).0 }

  /// A number in the shortest text that reads back as the same value (no exponent for
  /// integers below 10^15).
  public static func number(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// Parses `3%` (0.03, percent) or `40000` (plain); nil when it is not a finite number.
  /// Underscores group digits (`85_000`).
  public static func parseNumber(_ text: String) -> (value: Double, percent: Bool)? {
    let trimmed = String(text.filter { $0 != " " && $0 != "_" })
    if trimmed.hasSuffix("%") {
      guard let number = Double(trimmed.dropLast()), number.isFinite else { return nil }
      return (number / 100, true)
    }
    guard let number = Double(trimmed), number.isFinite else { return nil }
    return (number, false)
  }
}
