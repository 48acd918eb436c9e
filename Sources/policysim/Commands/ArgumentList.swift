import ScenarioLanguage

/// A usage error: exit code 64, with the subcommand whose usage to show.
struct UsageError: Error {
  var message: String
  var command: String?
}

/// The arguments of one subcommand, parsed by a declared list of options.
///
/// Contract (as swift-argument-parser's): `--name value` or `--name=value`; unknown options
/// are usage errors with a "did you mean" suggestion.
struct ArgumentList {
  /// Options that take a value, and flags that do not.
  struct Specification {
    var command: String
    var valued: [String]
    var flags: [String]
    var positionalCount: ClosedRange<Int>
  }

  var positional: [String] = []
  var values: [String: [String]] = [:]
  var flags: Set<String> = []

  init(_ arguments: [String], _ specification: Specification) throws(UsageError) {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      guard argument.hasPrefix("-"), argument != "-" else {
        positional.append(argument)
        continue
      }
      var name = argument
      var inlineValue: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      }
      if specification.flags.contains(name) {
        flags.insert(name)
      } else if specification.valued.contains(name) {
        if let inlineValue {
          values[name, default: []].append(inlineValue)
        } else {
          guard index < arguments.count else { throw UsageError(message: "missing value for '\(name)'", command: specification.command) }
          values[name, default: []].append(arguments[index])
          index += 1
        }
      } else {
        let known = specification.valued + specification.flags
        let suggestion = NameSuggestion.closest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
        throw UsageError(message: "unknown option '\(name)'\(suggestion)", command: specification.command)
      }
    }
    guard specification.positionalCount.contains(positional.count) else {
      let message =
        positional.count < specification.positionalCount.lowerBound
        ? "missing scenario file" : "unexpected argument '\(positional[specification.positionalCount.upperBound])'"
      throw UsageError(message: message, command: specification.command)
    }
  }

  /// The last value given for an option.
  func value(_ name: String) -> String? { values[name]?.last }

  /// A whole-number option within a range.
  func integer(_ name: String, in range: ClosedRange<Int>, command: String) throws(UsageError) -> Int? {
    guard let text = value(name) else { return nil }
    guard let number = Int(text.replacingOccurrences(of: "_", with: "")), range.contains(number) else {
      throw UsageError(message: "'\(name)' expects a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'", command: command)
    }
    return number
  }
}
